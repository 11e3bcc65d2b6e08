import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TextProblem } from './problem.js';

/** Where Debian's liblinear-tools installs liblinear's `train`. */
export const LIBLINEAR_TRAIN = '/usr/bin/liblinear-train';

/** Whether liblinear's `train` can run here, and its version (from dpkg when known). */
export type LiblinearAvailability = { available: true; path: string; version: string } | { available: false; reason: string };

/** Looks for the binary (LIBLINEAR_TRAIN, or $LIBLINEAR_TRAIN); never throws. */
export function detectLiblinear(env: NodeJS.ProcessEnv): LiblinearAvailability {
  const path = env.LIBLINEAR_TRAIN ?? LIBLINEAR_TRAIN;
  if (!existsSync(path)) return { available: false, reason: `${path} not found (Debian: apt-get install liblinear-tools)` };
  const dpkg = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'liblinear-tools'], { encoding: 'utf8' });
  return { available: true, path, version: dpkg.status === 0 && dpkg.stdout ? dpkg.stdout.trim() : 'unknown' };
}

/**
 * Writes the problem in svmlight format (`±1 j:x_ij …`, 1-based term ids, increasing; values
 * printed as JavaScript's shortest round-trip decimal, so liblinear's strtod reads the same
 * doubles). Label +1 ⇔ y = 1. Resolves to the file's size in bytes.
 */
export async function writeSvmlight(problem: TextProblem, file: string): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  const { rowPtr, rowCols, rowVals } = problem;
  let chunk: string[] = [];
  for (let i = 0; i < problem.nRows; i++) {
    let line = problem.y[i] === 1 ? '+1' : '-1';
    for (let t = rowPtr[i]!; t < rowPtr[i + 1]!; t++) line += ` ${rowCols[t]! + 1}:${rowVals[t]!}`;
    chunk.push(line);
    if (chunk.length === 1000 || i === problem.nRows - 1) {
      const text = `${chunk.join('\n')}\n`;
      bytes += Buffer.byteLength(text);
      if (!out.write(text)) await once(out, 'drain');
      chunk = [];
    }
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

/** One `train -s 6` run. */
export interface LiblinearRun {
  /** -e value. */
  eps: number;
  /** Wall-clock ms of each run of the process (reading the file, training, writing the model). */
  timesMs: number[];
  /** Coefficients w (no bias), with the sign for the class y = 1. */
  coef: Float64Array;
  /** newGLMNET (outer) iterations, from liblinear's "#iter = N" line. */
  newtonIterations: number;
}

/** A `train -s 6` process ready to run (the model file lives in its own temp dir until `dispose`). */
export interface LiblinearTrainer {
  eps: number;
  /** Runs the whole process once (reading the file, training, writing the model); throws when train fails. */
  run(): void;
  /** Coefficients w of the last run's model (no bias), with the sign for the class y = 1. */
  coef(): Float64Array;
  /** newGLMNET (outer) iterations of the last run, from liblinear's "#iter = N" line. */
  newtonIterations(): number;
  dispose(): void;
}

/**
 * Prepares `train -s 6 -c C -e eps -B -1 data model`. liblinear's labels are ordered by first
 * appearance and w scores its first label, so w is negated when that label is −1.
 */
export function liblinearTrainer(trainPath: string, dataFile: string, C: number, eps: number, nCols: number): LiblinearTrainer {
  const dir = mkdtempSync(join(tmpdir(), 'l1l2-liblinear-model-'));
  const model = join(dir, 'model');
  let stdout = '';
  return {
    eps,
    run() {
      const result = spawnSync(trainPath, ['-s', '6', '-c', String(C), '-e', String(eps), '-B', '-1', dataFile, model], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (result.error) throw result.error;
      if (result.status !== 0) throw new Error(`liblinear train failed (status ${result.status}): ${result.stderr}`);
      stdout = result.stdout;
    },
    coef: () => readLiblinearModel(model, nCols),
    newtonIterations() {
      const match = /#iter = (\d+)/.exec(stdout);
      return match ? Number(match[1]) : NaN;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs a trainer `reps` times, timing each whole process (wall clock, nothing subtracted). */
export function runLiblinear(trainPath: string, dataFile: string, C: number, eps: number, reps: number, nCols: number): LiblinearRun {
  const trainer = liblinearTrainer(trainPath, dataFile, C, eps, nCols);
  try {
    const timesMs: number[] = [];
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      trainer.run();
      timesMs.push(performance.now() - t0);
    }
    return { eps, timesMs, coef: trainer.coef(), newtonIterations: trainer.newtonIterations() };
  } finally {
    trainer.dispose();
  }
}

/** Parses a binary liblinear model file (header, then one weight a line after "w"); w scores the class y = 1. */
export function readLiblinearModel(file: string, nCols: number): Float64Array {
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = new Map<string, string>();
  let k = 0;
  for (; k < lines.length && lines[k]!.trim() !== 'w'; k++) {
    const [key, ...rest] = lines[k]!.trim().split(/\s+/);
    header.set(key!, rest.join(' '));
  }
  const labels = (header.get('label') ?? '').split(' ').map(Number);
  if (labels.length !== 2) throw new Error(`liblinear model: expected 2 labels, got "${header.get('label')}"`);
  const bias = Number(header.get('bias'));
  if (bias >= 0) throw new Error('liblinear model has a bias term; this bench runs with -B -1');
  const nFeature = Number(header.get('nr_feature'));
  const sign = labels[0] === 1 ? 1 : -1;
  const coef = new Float64Array(nCols);
  for (let j = 0; j < nFeature; j++) {
    const v = Number(lines[k + 1 + j]!.trim());
    if (!Number.isFinite(v)) throw new Error(`liblinear model: bad weight on line ${k + 2 + j}`);
    coef[j] = sign * v;
  }
  return coef;
}
