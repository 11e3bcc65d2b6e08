import { InvalidParameterError } from '../errors.js';
import type { MatrixInput } from '../matrix/DesignMatrix.js';
import { toDesignMatrix } from '../matrix/DesignMatrix.js';
import { toTargetVector } from '../validation.js';
import { sigmoid } from '../logistic/binomialLoss.js';
import { SgdEstimator, type SGDOptions } from './SgdEstimator.js';

/**
 * Binary logistic regression by stochastic gradient descent (scikit-learn's
 * `SGDClassifier(loss='log_loss')`), labels y ∈ {0, 1}, minimizing
 *
 *   F(w, b) = −(1/n)·Σ[yᵢηᵢ − log(1 + e^{ηᵢ})] + λ·( α‖w‖₁ + (1−α)/2·‖w‖₂² ),  η = b + Xw.
 *
 * Updates as {@link SGDRegressor}; the default schedule is scikit-learn's `'optimal'`.
 *
 * @example
 * ```ts
 * import { SGDClassifier } from 'l1l2';
 * const model = new SGDClassifier({ lambda: 1e-3, l1Ratio: 1, seed: 0 }).fit(X, labels);
 * model.predictProba(X); model.predict(X); model.score(X, labels);
 * ```
 */
export class SGDClassifier extends SgdEstimator {
  protected readonly loss = 'logistic' as const;

  /** @throws {InvalidParameterError} an option out of range. */
  constructor(options: SGDOptions = {}) {
    super(options, 'optimal');
  }

  protected checkTarget(y: Float64Array): void {
    for (let i = 0; i < y.length; i++) {
      if (y[i] !== 0 && y[i] !== 1) throw new InvalidParameterError('y', `y[${i}] = ${y[i]}: SGDClassifier needs labels 0 or 1`);
    }
  }

  /** P(y = 1 | x) = σ(b + xᵀw). */
  predictProba(X: MatrixInput): Float64Array {
    return this.decisionFunction(X).map(sigmoid);
  }

  /** Labels 0/1 (1 where P(y = 1 | x) > 1/2). */
  predict(X: MatrixInput): Float64Array {
    return this.decisionFunction(X).map((eta) => (eta > 0 ? 1 : 0));
  }

  /** Accuracy on (X, y). */
  score(X: MatrixInput, y: ArrayLike<number>): number {
    const { matrix, owned } = toDesignMatrix(X);
    try {
      const target = toTargetVector(y, matrix.nRows);
      const predicted = this.predict(matrix);
      let right = 0;
      for (let i = 0; i < target.length; i++) if (predicted[i] === target[i]) right++;
      return right / target.length;
    } finally {
      if (owned) matrix.dispose();
    }
  }
}
