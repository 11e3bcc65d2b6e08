/**
 * Deterministic synthetic regression problems for tests (no Math.random: every run
 * sees the same numbers, so a failure can be reproduced).
 */
import { SeededRandom } from '../../src/random/SeededRandom.js';

/** Uniform draws in [0, 1) from a seeded generator. */
export function seededUniform(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.uniform();
}

/** Standard normal draws from a seeded generator. */
export function seededNormal(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.normal();
}

/** A dense regression problem y = X·w* + 0.1·noise, with the first few coefficients non-zero. */
export interface RegressionProblem {
  n: number;
  p: number;
  /** Row arrays, `rows[i][j]`. */
  rows: number[][];
  /** Row-major values `rowMajor[i·p + j]`. */
  rowMajor: Float64Array;
  /** Column-major values `columnMajor[j·n + i]`. */
  columnMajor: Float64Array;
  y: Float64Array;
}

export function regressionProblem(n: number, p: number, seed: number, options: { density?: number } = {}): RegressionProblem {
  const normal = seededNormal(seed);
  const uniform = seededUniform(seed ^ 0x5bd1e995);
  const density = options.density ?? 1;
  const rows: number[][] = [];
  const trueCoef = Array.from({ length: p }, (_, j) => (j < Math.min(5, p) ? (j % 2 === 0 ? 2 : -1.5) / (j + 1) : 0));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    let yi = 0.5;
    for (let j = 0; j < p; j++) {
      const x = uniform() < density ? normal() : 0;
      row.push(x);
      yi += trueCoef[j]! * x;
    }
    rows.push(row);
    y[i] = yi + 0.1 * normal();
  }
  const rowMajor = new Float64Array(n * p);
  const columnMajor = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      rowMajor[i * p + j] = rows[i]![j]!;
      columnMajor[j * n + i] = rows[i]![j]!;
    }
  }
  return { n, p, rows, rowMajor, columnMajor, y };
}

/** λ_max = max_j |x_jᵀ(y − ȳ)| / n for the lasso with an intercept: the smallest λ giving w = 0. */
export function lassoLambdaMax(rows: ArrayLike<ArrayLike<number>>, y: ArrayLike<number>): number {
  const n = rows.length;
  const p = rows[0]!.length;
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i]!;
  yMean /= n;
  let best = 0;
  for (let j = 0; j < p; j++) {
    let xMean = 0;
    for (let i = 0; i < n; i++) xMean += rows[i]![j]!;
    xMean /= n;
    let dot = 0;
    for (let i = 0; i < n; i++) dot += (rows[i]![j]! - xMean) * (y[i]! - yMean);
    best = Math.max(best, Math.abs(dot) / n);
  }
  return best;
}
