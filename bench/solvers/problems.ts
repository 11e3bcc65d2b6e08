import { DenseMatrix } from '../../src/matrix/DenseMatrix.js';
import { SeededRandom } from '../../src/random/SeededRandom.js';

/** A benchmark problem with its raw columns (for the independent objective evaluation). */
export interface SolverProblem {
  name: string;
  loss: 'squared' | 'logistic';
  n: number;
  p: number;
  columns: Float64Array;
  y: Float64Array;
  X: DenseMatrix;
  lambda: number;
}

/** Columns sharing a latent factor (correlation ≈ 0.5), so that the problem is not trivially conditioned. */
function correlatedColumns(rng: SeededRandom, n: number, p: number): Float64Array {
  const latent = Float64Array.from({ length: n }, () => rng.normal());
  const columns = new Float64Array(n * p);
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) columns[j * n + i] = latent[i]! + rng.normal();
  return columns;
}

/** Lasso: y = Xw* + noise with 10 non-zero coefficients; λ = 0.05·λ_max-ish (fixed). */
export function lassoProblem(shrink: number): SolverProblem {
  const rng = new SeededRandom(2026);
  const n = Math.round(2000 / shrink);
  const p = Math.round(500 / shrink);
  const columns = correlatedColumns(rng, n, p);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = 1 + rng.normal();
  for (let j = 0; j < 10; j++) for (let i = 0; i < n; i++) y[i]! += (j % 2 === 0 ? 1 : -1) * columns[j * n + i]!;
  return { name: `lasso, dense ${n}×${p}`, loss: 'squared', n, p, columns, y, X: DenseMatrix.fromColumnMajor(columns, n, p), lambda: 0.05 };
}

/** L1-logistic: labels from a logistic model with 8 non-zero coefficients. */
export function logisticProblem(shrink: number): SolverProblem {
  const rng = new SeededRandom(2027);
  const n = Math.round(2000 / shrink);
  const p = Math.round(200 / shrink);
  const columns = correlatedColumns(rng, n, p);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = -0.2;
    for (let j = 0; j < 8; j++) eta += (j % 2 === 0 ? 0.8 : -0.8) * columns[j * n + i]!;
    y[i] = rng.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { name: `L1-logistic, dense ${n}×${p}`, loss: 'logistic', n, p, columns, y, X: DenseMatrix.fromColumnMajor(columns, n, p), lambda: 0.01 };
}

/**
 * F(w, b) evaluated here from the raw columns, independently of every solver:
 * squared (1/(2n))‖y − b − Xw‖² + λ‖w‖₁; logistic (1/n)Σ[log(1 + e^η) − yη] + λ‖w‖₁.
 */
export function objective(problem: SolverProblem, coef: ArrayLike<number>, intercept: number): number {
  const { n, p, columns, y, lambda } = problem;
  const eta = new Float64Array(n).fill(intercept);
  for (let j = 0; j < p; j++) {
    const w = coef[j]!;
    if (w !== 0) for (let i = 0; i < n; i++) eta[i]! += w * columns[j * n + i]!;
  }
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const e = eta[i]!;
    if (problem.loss === 'squared') loss += 0.5 * (y[i]! - e) * (y[i]! - e);
    else loss += (e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e))) - y[i]! * e;
  }
  let l1 = 0;
  for (let j = 0; j < p; j++) l1 += Math.abs(coef[j]!);
  return loss / n + lambda * l1;
}
