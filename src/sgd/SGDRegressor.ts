import type { MatrixInput } from '../matrix/DesignMatrix.js';
import { scoreLinear } from '../model/linearModelMethods.js';
import { SgdEstimator, type SGDOptions } from './SgdEstimator.js';

/**
 * Linear regression by stochastic gradient descent (scikit-learn's `SGDRegressor`), minimizing
 *
 *   F(w, b) = (1/(2n))·‖y − b − Xw‖² + λ·( α‖w‖₁ + (1−α)/2·‖w‖₂² )
 *
 * (the elastic-net objective of {@link ElasticNet}), one sample (or mini-batch) at a time:
 * L2 as weight decay w ← (1 − ηλ(1−α))w, the data gradient step, and the L1 part by the
 * cumulative penalty (exact zeros) or the plain subgradient rule. Epochs over a seeded shuffle
 * run inside WebAssembly, one call per fit; the same seed gives the same coefficients.
 *
 * @example
 * ```ts
 * import { SGDRegressor } from 'l1l2';
 * const model = new SGDRegressor({ lambda: 0.01, l1Ratio: 1, learningRate: 'constant', eta0: 0.01, seed: 1 }).fit(X, y);
 * model.coef; model.objective; model.kktResidual; model.converged;
 * ```
 */
export class SGDRegressor extends SgdEstimator {
  protected readonly loss = 'squared' as const;

  /** @throws {InvalidParameterError} an option out of range. */
  constructor(options: SGDOptions = {}) {
    super(options, 'invscaling');
  }

  protected checkTarget(): void {}

  /** ŷ = b + Xw. */
  predict(X: MatrixInput): Float64Array {
    return this.decisionFunction(X);
  }

  /** R² on (X, y). */
  score(X: MatrixInput, y: ArrayLike<number>): number {
    const s = this.state('score');
    return scoreLinear(s.coef, s.intercept, X, y);
  }
}
