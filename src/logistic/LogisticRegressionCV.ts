import { NotFittedError } from '../errors.js';
import type { MatrixInput } from '../matrix/DesignMatrix.js';
import type { CrossValidation } from '../cv/CrossValidation.js';
import { predictLinear } from '../model/linearModelMethods.js';
import { checkOneOf } from '../validation.js';
import { toBinaryLabels, type ClassLabel } from './binaryLabels.js';
import { predictClasses, predictProbability } from './binaryPrediction.js';
import { cvLogisticPath, type LogisticCvOptions } from './crossValidateLogisticPath.js';
import { resolveLogisticPathOptions } from './logisticPath.js';

/** Options of {@link LogisticRegressionCV}: cross-validation options plus which λ the model keeps. */
export interface LogisticRegressionCVOptions extends LogisticCvOptions {
  /** `'lambdaMin'` (default): the best cross-validated measure; `'lambda1se'`: glmnet's sparser choice within one standard error. */
  selection?: 'lambdaMin' | 'lambda1se';
}

/**
 * Penalized logistic regression with λ chosen by K-fold cross-validation (glmnet's
 * `cv.glmnet(family = "binomial")`; scikit-learn's `LogisticRegressionCV` for one `l1_ratio`).
 * `fit` runs {@link cvLogisticPath}; the model is the full-data path's solution at the selected λ
 * (the refit on all data there, with its duality gap).
 *
 * @example
 * ```ts
 * const model = new LogisticRegressionCV({ nFolds: 10, measure: 'auc', seed: 1 }).fit(X, labels);
 * model.lambda; model.coef; model.cv.cvMean; model.predictProba(Xnew);
 * ```
 */
export class LogisticRegressionCV {
  readonly options: Readonly<LogisticRegressionCVOptions>;
  readonly selection: 'lambdaMin' | 'lambda1se';
  #fitted: { cv: CrossValidation; index: number; coef: Float64Array; intercept: number; classes: [ClassLabel, ClassLabel] } | undefined;

  /** @throws {InvalidParameterError} bad path options or selection. */
  constructor(options: LogisticRegressionCVOptions = {}) {
    this.options = { ...options };
    resolveLogisticPathOptions(this.options);
    this.selection = checkOneOf('selection', options.selection ?? 'lambdaMin', ['lambdaMin', 'lambda1se'] as const);
  }

  /** Cross-validates the path on (X, labels) and keeps the solution at the selected λ. */
  fit(X: MatrixInput, y: ArrayLike<unknown>): this {
    const cv = cvLogisticPath(X, y, this.options);
    const { classes } = toBinaryLabels(y, y.length);
    const index = this.selection === 'lambdaMin' ? cv.indexMin : cv.index1se;
    this.#fitted = { cv, index, coef: cv.path.coefAt(index), intercept: cv.path.intercepts[index]!, classes };
    return this;
  }

  #state(member: string) {
    if (!this.#fitted) throw new NotFittedError(this.constructor.name, member);
    return this.#fitted;
  }

  /** The cross-validation behind the fit. */
  get cv(): CrossValidation {
    return this.#state('cv').cv;
  }

  /** The selected λ. */
  get lambda(): number {
    const s = this.#state('lambda');
    return s.cv.lambdas[s.index]!;
  }

  /** Coefficients at the selected λ (original scale; a copy). */
  get coef(): Float64Array {
    return this.#state('coef').coef.slice();
  }

  get intercept(): number {
    return this.#state('intercept').intercept;
  }

  /** [negative, positive] classes. */
  get classes(): [ClassLabel, ClassLabel] {
    const [a, b] = this.#state('classes').classes;
    return [a, b];
  }

  /** Duality gap of the selected solution. */
  get dualGap(): number {
    const s = this.#state('dualGap');
    return s.cv.path.dualGaps[s.index]!;
  }

  /** Whether the selected solution reached its tolerance. */
  get converged(): boolean {
    const s = this.#state('converged');
    return s.cv.path.converged[s.index]!;
  }

  /** η = b + Xw at the selected λ. */
  decisionFunction(X: MatrixInput): Float64Array {
    const s = this.#state('decisionFunction');
    return predictLinear(s.coef, s.intercept, X);
  }

  /** P(y = classes[1] | x). */
  predictProba(X: MatrixInput): Float64Array {
    const s = this.#state('predictProba');
    return predictProbability(s.coef, s.intercept, X);
  }

  /** classes[1] where η ≥ 0, else classes[0]. */
  predict(X: MatrixInput): ClassLabel[] {
    const s = this.#state('predict');
    return predictClasses(s.coef, s.intercept, s.classes, X);
  }
}
