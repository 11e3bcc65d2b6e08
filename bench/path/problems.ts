import { DenseMatrix } from '../../src/matrix/DenseMatrix.js';
import type { CscMatrix } from '../../src/matrix/CscMatrix.js';
import { SeededRandom } from '../../src/random/SeededRandom.js';
import { generateProblem } from '../problems.js';

/** One path-benchmark problem: the design, the target and what generated them. */
export interface PathProblem {
  /** "dense 500×20000, AR(1) ρ = 0.5" / "CSC 50000×200000, density 0.001". */
  label: string;
  /** Short key for file names and logs ("dense", "csc"). */
  key: 'dense' | 'csc';
  X: DenseMatrix | CscMatrix;
  y: Float64Array;
  nRows: number;
  nCols: number;
  /** Stored entries of X (n·p when dense). */
  nnz: number;
  /** Non-zeros of the true coefficient vector. */
  nTrue: number;
  /** How the data were made, for the report. */
  description: string;
}

/** AR(1) correlation between neighbouring columns of the dense problem. */
export const AR1_RHO = 0.5;

/**
 * The correlated dense problem (500×20000 at full size, ÷`shrink` in each dimension):
 * columns x_1 = z_1, x_j = ρ·x_{j−1} + √(1−ρ²)·z_j with z_j i.i.d. N(0, I) and ρ = 0.5 (so
 * every column has unit variance and corr(x_j, x_k) = ρ^|j−k|); w_true with 20 non-zeros
 * ±U[1, 3] at random positions; y = X·w_true + N(0, 1). Seeded: the same data everywhere.
 */
export function correlatedDenseProblem(shrink: number, seed = 31): PathProblem {
  const n = Math.max(2, Math.round(500 / shrink));
  const p = Math.max(2, Math.round(20000 / shrink));
  const nTrue = 20;
  const random = new SeededRandom(seed);
  const values = new Float64Array(n * p);
  const c = Math.sqrt(1 - AR1_RHO * AR1_RHO);
  for (let i = 0; i < n; i++) values[i] = random.normal();
  for (let j = 1; j < p; j++) {
    const col = j * n;
    const prev = col - n;
    for (let i = 0; i < n; i++) values[col + i] = AR1_RHO * values[prev + i]! + c * random.normal();
  }
  const wTrue = new Float64Array(p);
  for (const j of random.sample(p, Math.min(nTrue, p))) wTrue[j] = (random.uniform() < 0.5 ? -1 : 1) * (1 + 2 * random.uniform());
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = random.normal();
  for (let j = 0; j < p; j++) {
    const wj = wTrue[j]!;
    if (wj === 0) continue;
    for (let i = 0; i < n; i++) y[i]! += wj * values[j * n + i]!;
  }
  return {
    label: `dense ${n}×${p}, AR(1) ρ = ${AR1_RHO}`,
    key: 'dense',
    X: DenseMatrix.fromColumnMajor(values, n, p),
    y,
    nRows: n,
    nCols: p,
    nnz: n * p,
    nTrue,
    description:
      `x_1 = z_1, x_j = ${AR1_RHO}·x_{j−1} + √(1−${AR1_RHO}²)·z_j, z_j ~ N(0, I) (unit-variance columns, corr ρ^|j−k|); ` +
      `w_true: ${nTrue} non-zeros ±U[1,3] at random positions; y = X·w_true + N(0,1); seed ${seed}`,
  };
}

/**
 * The sparse problem (50000×200000 at density 0.001, ÷`shrink` in each dimension),
 * generated directly in CSC form by the issue-2 bench generator (bench/problems.ts): each
 * entry stored with probability 0.001, values N(0,1); w_true with 20 non-zeros ±U[1,3];
 * y = X·w_true + N(0,1).
 */
export function sparseCscProblem(shrink: number, seed = 32): PathProblem {
  const n = Math.max(2, Math.round(50000 / shrink));
  const p = Math.max(2, Math.round(200000 / shrink));
  const density = 0.001;
  const nTrue = 20;
  const problem = generateProblem({ name: 'CSC', storage: 'csc', nRows: n, nCols: p, density, nTrue, noise: 1, seed });
  const X = problem.X as CscMatrix;
  return {
    label: `CSC ${n}×${p}, density ${density}`,
    key: 'csc',
    X,
    y: problem.y,
    nRows: n,
    nCols: p,
    nnz: problem.nnz,
    nTrue,
    description:
      `each entry stored with probability ${density} (built directly as CSC, never dense), values N(0,1); ` +
      `w_true: ${nTrue} non-zeros ±U[1,3]; y = X·w_true + N(0,1); seed ${seed} (bench/problems.ts generator)`,
  };
}
