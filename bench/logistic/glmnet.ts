import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from '../timing.js';
import { readF64, readI32, writeBinary } from '../path/glmnet.js';
import type { TextProblem } from './problem.js';

export { detectGlmnet, type GlmnetAvailability } from '../path/glmnet.js';

/** The R script template that times glmnet's binomial path (kept next to this file). */
export const GLMNET_LOGISTIC_SCRIPT = 'bench/logistic/glmnetLogistic.R';

/** One glmnet configuration to time (always on the shared explicit grid). */
export interface GlmnetLogisticSpec {
  /** File-name-safe name. */
  name: string;
  /** glmnet's `thresh` (default 1e-7). */
  thresh: number;
  reps: number;
}

/** What one glmnet configuration produced. */
export interface GlmnetLogisticRun {
  spec: GlmnetLogisticSpec;
  /** Wall-clock ms of each run (R's system.time elapsed). */
  timesMs: number[];
  medianMs: number;
  lambdas: Float64Array;
  intercepts: Float64Array;
  /** glmnet's `npasses`: coordinate sweeps summed over λ and IRLS iterations. */
  npasses: number;
  jerr: number;
  /** The k-th solution's coefficients (dense, length p). */
  coefAt(k: number): Float64Array;
}

/**
 * Writes X (CSC arrays), y and the λ grid to a fresh temp directory, runs the R template once for
 * all `runs` (R reads the data once, untimed), and reads back timings and coefficients. The temp
 * directory is removed.
 * @throws {Error} when R exits non-zero (its stderr went to ours).
 */
export function runGlmnetLogistic(
  problem: TextProblem, grid: Float64Array, runs: readonly GlmnetLogisticSpec[], log: (m: string) => void,
): GlmnetLogisticRun[] {
  const dir = mkdtempSync(join(tmpdir(), 'l1l2-glmnet-logistic-'));
  try {
    const s = problem.X.storage;
    writeBinary(join(dir, 'indptr.bin'), s.indptr);
    writeBinary(join(dir, 'indices.bin'), s.indices);
    writeBinary(join(dir, 'data.bin'), s.data);
    writeBinary(join(dir, 'y.bin'), problem.y);
    writeBinary(join(dir, 'grid.bin'), grid);
    writeFileSync(join(dir, 'problem.txt'), `n ${problem.nRows}\np ${problem.nCols}\nnnz ${s.data.length}\nK ${grid.length}\n`);
    writeFileSync(join(dir, 'runs.txt'), runs.map((r) => `${r.name} ${r.thresh.toExponential()} ${r.reps}`).join('\n') + '\n');
    log(`glmnet: running ${runs.length} configuration(s) in R (${dir})`);
    const result = spawnSync('Rscript', [resolve(process.cwd(), GLMNET_LOGISTIC_SCRIPT), dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`Rscript ${GLMNET_LOGISTIC_SCRIPT} failed (status ${result.status}); its messages are above`);
    const p = problem.nCols;
    return runs.map((spec) => {
      const f = (ext: string) => join(dir, `${spec.name}.${ext}`);
      const timesMs = readFileSync(f('times.txt'), 'utf8').trim().split(/\s+/).map((t) => Number(t) * 1000);
      const info = Object.fromEntries(readFileSync(f('info.txt'), 'utf8').trim().split('\n').map((l) => l.split(' ') as [string, string]));
      const colPtr = readI32(f('p.bin'));
      const rowIdx = readI32(f('i.bin'));
      const vals = readF64(f('x.bin'));
      return {
        spec, timesMs, medianMs: median(timesMs), lambdas: readF64(f('lambda.bin')), intercepts: readF64(f('a0.bin')),
        npasses: Number(info.npasses), jerr: Number(info.jerr),
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
