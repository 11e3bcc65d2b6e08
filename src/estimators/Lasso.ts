import { ElasticNet, type ElasticNetOptions } from './ElasticNet.js';

/** Options of {@link Lasso}: those of {@link ElasticNet} without `l1Ratio` (fixed at 1). */
export type LassoOptions = Omit<ElasticNetOptions, 'l1Ratio'>;

/**
 * The lasso: {@link ElasticNet} with α = 1, minimizing
 *
 *   F(w, b) = (1/(2n))·‖y − b − Xw‖² + λ‖w‖₁.
 *
 * Coordinate descent soft-thresholds each coefficient, S(z, λ) = sign(z)·max(|z| − λ, 0),
 * so features whose correlation with the residual stays below λ are exactly 0.
 * scikit-learn: `Lasso(alpha=λ)`; glmnet: `glmnet(x, y, alpha=1, lambda=λ)`.
 *
 * @example
 * ```ts
 * import { init, Lasso } from 'l1l2';
 * await init();
 * const model = new Lasso({ lambda: 0.1, tol: 1e-7, maxIter: 10000 }).fit(X, y);
 * console.log(model.coef, model.intercept, model.dualGap, model.converged);
 * ```
 */
export class Lasso extends ElasticNet {
  constructor(options: LassoOptions) {
    super({ ...(options ?? ({} as LassoOptions)), l1Ratio: 1 });
  }
}
