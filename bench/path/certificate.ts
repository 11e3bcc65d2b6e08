import { Lasso } from '../../src/estimators/Lasso.js';
import type { PathProblem } from './problems.js';

/** A solution's certificate, relative to F(0) = (1/(2n))‖y − ȳ‖². */
export interface Certificate {
  /** Duality gap ÷ F(0): what `tol` bounds. */
  relGap: number;
  /** Objective F(w, b*(w)) ÷ F(0). */
  relObjective: number;
}

/**
 * The certificate of the lasso coefficients `coef` at λ, computed by the library itself:
 * `new Lasso({ lambda, maxIter: 0 }).fit(X, y, { initialCoef: coef })` runs no iteration and
 * reports the duality gap and objective of the given w with the optimal intercept for that w
 * (b = ȳ − x̄ᵀw; glmnet's own intercept is not used, which can only lower its objective).
 */
export function certify(problem: PathProblem, lambda: number, coef: Float64Array, tol = 1e-7): Certificate {
  const model = new Lasso({ lambda, maxIter: 0, tol }).fit(problem.X, problem.y, { initialCoef: coef });
  const f0 = model.gapTolerance / tol;
  return { relGap: model.dualGap / f0, relObjective: model.objective / f0 };
}

/** Certificates of a sequence of solutions (λ_k, coefAt(k)), k < count, as two arrays. */
export function certifyAll(problem: PathProblem, lambdas: ArrayLike<number>, coefAt: (k: number) => Float64Array, count = lambdas.length) {
  const relGaps = new Float64Array(count);
  const relObjectives = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const c = certify(problem, lambdas[k]!, coefAt(k));
    relGaps[k] = c.relGap;
    relObjectives[k] = c.relObjective;
  }
  return { relGaps, relObjectives };
}
