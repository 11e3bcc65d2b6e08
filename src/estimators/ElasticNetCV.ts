import { NotFittedError } from '../errors.js';
import type { MatrixInput } from '../matrix/DesignMatrix.js';
import { cvPath, type CvOptions } from '../cv/crossValidatePath.js';
import type { CrossValidation } from '../cv/CrossValidation.js';
import { resolvePathOptions } from '../path/elasticNetPath.js';
import { predictLinear, scoreLinear } from '../model/linearModelMethods.js';
import { checkOneOf } from '../validation.js';

/** Options of {@link ElasticNetCV}: cross-validation options plus which λ the model keeps. */
export interface ElasticNetCVOptions extends CvOptions {
  /**
   * The λ of the final model: `'lambdaMin'` (default; scikit-learn's choice) minimizes the
   * cross-validated error, `'lambda1se'` is the most regularized λ within one standard error
   * of it (glmnet's default for prediction: sparser, about as accurate).
   */
  selection?: 'lambdaMin' | 'lambda1se';
}

/**
 * Elastic net with λ chosen by K-fold cross-validation (scikit-learn's `ElasticNetCV` for one
 * `l1_ratio`; glmnet's `cv.glmnet`). `fit` runs {@link cvPath}; the final model is the
 * full-data path's solution at the selected λ, that is, the refit on all data at that λ,
 * with its duality-gap certificate.
 *
 * @example
 * ```ts
 * const model = new ElasticNetCV({ l1Ratio: 0.5, nFolds: 10, seed: 1 }).fit(X, y);
 * model.lambda; model.coef; model.cv.lambda1se; model.predict(X);
 * ```
 */
export class ElasticNetCV {
  readonly options: Readonly<ElasticNetCVOptions>;
  readonly selection: 'lambdaMin' | 'lambda1se';
  #fitted: { cv: CrossValidation; index: number; coef: Float64Array; intercept: number } | undefined;

  /** @throws {InvalidParameterError} bad path options or selection (fold options are checked by fit, which knows n). */
  constructor(options: ElasticNetCVOptions = {}, defaultL1Ratio = 0.5) {
    this.options = { ...options, l1Ratio: options.l1Ratio ?? defaultL1Ratio };
    resolvePathOptions(this.options, defaultL1Ratio);
    this.selection = checkOneOf('selection', options.selection ?? 'lambdaMin', ['lambdaMin', 'lambda1se'] as const);
  }

  /** Cross-validates the path on (X, y) and keeps the solution at the selected λ. */
  fit(X: MatrixInput, y: ArrayLike<number>): this {
    const cv = cvPath(X, y, this.options);
    const index = this.selection === 'lambdaMin' ? cv.indexMin : cv.index1se;
    this.#fitted = { cv, index, coef: cv.path.coefAt(index), intercept: cv.path.intercepts[index]! };
    return this;
  }

  #state(member: string) {
    if (!this.#fitted) throw new NotFittedError(this.constructor.name, member);
    return this.#fitted;
  }

  /** The cross-validation behind the fit (errors per λ, λ_min, λ_1se, folds, full path). */
  get cv(): CrossValidation {
    return this.#state('cv').cv;
  }

  /** The selected λ. */
  get lambda(): number {
    const s = this.#state('lambda');
    return s.cv.lambdas[s.index]!;
  }

  /** Coefficients at the selected λ (a copy). */
  get coef(): Float64Array {
    return this.#state('coef').coef.slice();
  }

  get intercept(): number {
    return this.#state('intercept').intercept;
  }

  /** Duality gap of the selected solution. */
  get dualGap(): number {
    const s = this.#state('dualGap');
    return s.cv.path.dualGaps[s.index]!;
  }

  /** Whether the selected solution reached its gap tolerance. */
  get converged(): boolean {
    const s = this.#state('converged');
    return s.cv.path.converged[s.index]!;
  }

  /** Predictions ŷ = b + Xw at the selected λ. */
  predict(X: MatrixInput): Float64Array {
    const s = this.#state('predict');
    return predictLinear(s.coef, s.intercept, X);
  }

  /** R² at the selected λ. */
  score(X: MatrixInput, y: ArrayLike<number>): number {
    const s = this.#state('score');
    return scoreLinear(s.coef, s.intercept, X, y);
  }
}

/**
 * The lasso with λ chosen by cross-validation: {@link ElasticNetCV} with α = 1
 * (scikit-learn's `LassoCV`; glmnet's `cv.glmnet(x, y, alpha = 1)`).
 * @example
 * ```ts
 * const model = new LassoCV({ nFolds: 10, seed: 0, selection: 'lambda1se' }).fit(X, y);
 * ```
 */
export class LassoCV extends ElasticNetCV {
  constructor(options: Omit<ElasticNetCVOptions, 'l1Ratio'> = {}) {
    super({ ...options, l1Ratio: 1 }, 1);
  }
}
