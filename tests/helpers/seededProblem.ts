/**
 * Deterministic synthetic regression problems for tests (no Math.random: every run
 * sees the same numbers, so a failure can be reproduced).
 */

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws (Box–Muller) from a seeded uniform source. */
export function seededNormal(seed: number): () => number {
  const u = seededUniform(seed);
  return () => {
    const u1 = Math.max(u(), 1e-300);
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u());
  };
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
