import { LogisticRegression } from '../../src/logistic/LogisticRegression.js';
import type { TextProblem } from './problem.js';

/** A logistic solution's certificate, computed by l1l2 from its coefficients. */
export interface LogisticCertificate {
  /** Duality gap ÷ F(0) (what `tol` bounds; F(0) the intercept-only objective, log 2 without intercept). */
  relGap: number;
  /** F(w, b*(w)): the objective with the intercept optimal for w (b = 0 without intercept). */
  objective: number;
  /** F(0). */
  nullObjective: number;
}

/**
 * Certifies coefficients w at λ (L1): `new LogisticRegression({ lambda, maxIter: 0 }).fit(X, y,
 * { initialCoef: w })` runs no Newton step; it makes the intercept optimal for w (with
 * `fitIntercept`) and reports the logistic duality gap and objective there. Another solver's own
 * intercept is not used, which can only lower its objective and gap.
 */
export function certifyLogistic(problem: TextProblem, lambda: number, coef: Float64Array, fitIntercept: boolean): LogisticCertificate {
  const tol = 1e-7;
  const model = new LogisticRegression({ lambda, maxIter: 0, tol, fitIntercept }).fit(problem.X, problem.y, { initialCoef: coef });
  const nullObjective = model.gapTolerance / tol;
  return { relGap: model.dualGap / nullObjective, objective: model.objective, nullObjective };
}

/**
 * F(w) = (1/n)·Σ_i log(1 + e^{−s_i·x_iᵀw}) + λ‖w‖₁, s_i = 2y_i − 1 (no intercept): liblinear's
 * `-s 6` objective ‖w‖₁ + C·Σ log(1 + e^{−s_i·x_iᵀw}) divided by n·C with C = 1/(n·λ), computed
 * here from the rows directly (independently of the library), in a stable form.
 */
export function noInterceptObjective(problem: TextProblem, lambda: number, coef: Float64Array): number {
  const { rowPtr, rowCols, rowVals, y } = problem;
  let loss = 0;
  for (let i = 0; i < problem.nRows; i++) {
    let eta = 0;
    for (let t = rowPtr[i]!; t < rowPtr[i + 1]!; t++) eta += coef[rowCols[t]!]! * rowVals[t]!;
    const m = y[i] === 1 ? -eta : eta; // log(1 + e^m)
    loss += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
  }
  let norm = 0;
  for (let j = 0; j < coef.length; j++) norm += Math.abs(coef[j]!);
  return loss / problem.nRows + lambda * norm;
}
