import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DenseMatrix } from '../../src/matrix/DenseMatrix.js';
import type { CscMatrix } from '../../src/matrix/CscMatrix.js';
import { median } from '../timing.js';
import type { PathProblem } from './problems.js';

/** The R script template that times glmnet (kept next to this file). */
export const GLMNET_SCRIPT = 'bench/path/glmnetPath.R';

/** Whether R with glmnet can run here, and which versions. */
export type GlmnetAvailability =
  | { available: true; r: string; glmnet: string; matrix: string }
  | { available: false; reason: string };

/** Runs `Rscript -e 'library(glmnet)'` (and reads the versions); never throws. */
export function detectGlmnet(): GlmnetAvailability {
  const probe = spawnSync('Rscript', ['-e',
    'suppressPackageStartupMessages({library(Matrix); library(glmnet)}); ' +
    'cat(paste(R.version$major, R.version$minor, sep = "."), as.character(packageVersion("glmnet")), as.character(packageVersion("Matrix")))'],
  { encoding: 'utf8', timeout: 60_000 });
  if (probe.error) return { available: false, reason: `Rscript not found (${(probe.error as NodeJS.ErrnoException).code ?? probe.error.message})` };
  if (probe.status !== 0) {
    const why = (probe.stderr || '').trim().split('\n').pop() ?? '';
    return { available: false, reason: `R is installed but glmnet (or Matrix) does not load: ${why}` };
  }
  const [r, glmnet, matrix] = probe.stdout.trim().split(/\s+/);
  return { available: true, r: r ?? '?', glmnet: glmnet ?? '?', matrix: matrix ?? '?' };
}

/** One glmnet configuration to time. */
export interface GlmnetRunSpec {
  /** File-name-safe name. */
  name: string;
  /** glmnet's `thresh` (default 1e-7). */
  thresh: number;
  /** `'explicit'`: lambda = the shared grid; `'default'`: glmnet's own grid (nlambda 100, lambda.min.ratio 1e-3, early stop). */
  grid: 'explicit' | 'default';
  reps: number;
}

/** What one glmnet configuration produced. */
export interface GlmnetRun {
  spec: GlmnetRunSpec;
  /** Wall-clock seconds of each run (R's system.time elapsed), converted to ms. */
  timesMs: number[];
  medianMs: number;
  lambdas: Float64Array;
  intercepts: Float64Array;
  /** glmnet's `npasses`: coordinate sweeps summed over λ (sweeps over the active set count as passes too). */
  npasses: number;
  jerr: number;
  /** The k-th solution's coefficients (dense, length p). */
  coefAt(k: number): Float64Array;
}

export function writeBinary(file: string, array: Float64Array | Int32Array): void {
  // Node's Buffer views of typed arrays are little-endian on every platform Node runs on here (x64/arm64).
  writeFileSync(file, new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}

export function readF64(file: string): Float64Array {
  const b = readFileSync(file);
  return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

export function readI32(file: string): Int32Array {
  const b = readFileSync(file);
  return new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/**
 * Writes the problem and the shared λ grid to a fresh temp directory as binaries (dense:
 * column-major f64; CSC: indptr/indices/data, which R turns into a dgCMatrix without
 * densifying), runs the R template once for all `runs` (so R reads the data once), and
 * reads back timings, λs, intercepts and sparse coefficients. The temp directory is removed.
 * @throws {Error} when R exits non-zero (its stderr is in the message).
 */
export function runGlmnet(problem: PathProblem, grid: Float64Array, runs: readonly GlmnetRunSpec[], log: (m: string) => void): GlmnetRun[] {
  const dir = mkdtempSync(join(tmpdir(), 'l1l2-glmnet-'));
  try {
    const X = problem.X;
    const lines = [`n ${problem.nRows}`, `p ${problem.nCols}`, `K ${grid.length}`];
    if (X instanceof DenseMatrix) {
      lines.push('kind dense', `nnz ${problem.nnz}`);
      writeBinary(join(dir, 'x.bin'), X.storage);
    } else {
      const s = (X as CscMatrix).storage;
      lines.push('kind csc', `nnz ${s.data.length}`);
      writeBinary(join(dir, 'indptr.bin'), s.indptr);
      writeBinary(join(dir, 'indices.bin'), s.indices);
      writeBinary(join(dir, 'data.bin'), s.data);
    }
    writeFileSync(join(dir, 'problem.txt'), `${lines.join('\n')}\n`);
    writeBinary(join(dir, 'y.bin'), problem.y);
    writeBinary(join(dir, 'grid.bin'), grid);
    writeFileSync(join(dir, 'runs.txt'), runs.map((r) => `${r.name} ${r.thresh.toExponential()} ${r.grid} ${r.reps}`).join('\n') + '\n');
    log(`glmnet: running ${runs.length} configuration(s) on ${problem.label} in R (${dir})`);
    // R's progress lines ("[glmnet] … run 1/3: 2.0 s") go straight to our stderr.
    const result = spawnSync('Rscript', [resolve(process.cwd(), GLMNET_SCRIPT), dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`Rscript ${GLMNET_SCRIPT} failed (status ${result.status}); its messages are above`);
    return runs.map((spec) => {
      const f = (ext: string) => join(dir, `${spec.name}.${ext}`);
      const timesMs = readFileSync(f('times.txt'), 'utf8').trim().split(/\s+/).map((s) => Number(s) * 1000);
      const info = Object.fromEntries(readFileSync(f('info.txt'), 'utf8').trim().split('\n').map((l) => l.split(' ') as [string, string]));
      const colPtr = readI32(f('p.bin'));
      const rowIdx = readI32(f('i.bin'));
      const vals = readF64(f('x.bin'));
      const p = problem.nCols;
      return {
        spec,
        timesMs,
        medianMs: median(timesMs),
        lambdas: readF64(f('lambda.bin')),
        intercepts: readF64(f('a0.bin')),
        npasses: Number(info.npasses),
        jerr: Number(info.jerr),
        coefAt(k: number): Float64Array {
          const out = new Float64Array(p);
          for (let t = colPtr[k]!; t < colPtr[k + 1]!; t++) out[rowIdx[t]!] = vals[t]!;
          return out;
        },
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
