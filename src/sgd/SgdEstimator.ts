import { NotFittedError } from '../errors.js';
import { toDesignMatrix, type MatrixInput } from '../matrix/DesignMatrix.js';
import type { EngineName } from '../engine/selectEngine.js';
import { emitWarning } from '../warnings.js';
import { InvalidParameterError } from '../errors.js';
import {
  checkBoolean, checkInteger, checkNonNegative, checkOneOf, checkPositive, checkUnitInterval, toTargetVector,
} from '../validation.js';
import { predictLinear } from '../model/linearModelMethods.js';
import { sgdParams, type L1MethodName, type LearningRateName, type SgdLossName, type SgdReport } from './SgdProblem.js';
import { toRowMatrix } from './rowMatrix.js';
import { solveSgd } from './solveSgd.js';
import { SgdConvergenceWarning } from './SgdConvergenceWarning.js';

/** Options of {@link SGDRegressor} and {@link SGDClassifier} (scikit-learn's names in brackets). */
export interface SGDOptions {
  /** λ ≥ 0, the penalty strength [`alpha`]. Default 1e-4. */
  lambda?: number;
  /** α ∈ [0, 1]: 0 = L2 only [`penalty='l2'`, the default], 1 = L1 only [`'l1'`], between = [`'elasticnet'`, `l1_ratio`]. Default 0. */
  l1Ratio?: number;
  /**
   * How the L1 part is applied. `'cumulative'` (default): Tsuruoka, Tsujii & Ananiadou (2009) —
   * exact zeros. `'subgradient'`: w ← w − ηλα·sign(w), which leaves weights hovering near 0.
   */
  l1Method?: L1MethodName;
  /**
   * η_t, t = 1, 2, … counting updates [`learning_rate`]: `'constant'` η₀; `'invscaling'` η₀/t^powerT;
   * `'optimal'` 1/(λ(t₀ + t − 1)) with Bottou's t₀ (needs λ > 0). Default: `'invscaling'` for the
   * regressor, `'optimal'` for the classifier (scikit-learn's defaults).
   */
  learningRate?: LearningRateName;
  /** η₀ [`eta0`]. Default 0.01. */
  eta0?: number;
  /** [`power_t`]. Default 0.25. */
  powerT?: number;
  /** Samples per update (1 = plain SGD). Default 1. */
  batchSize?: number;
  /** Maximum epochs [`max_iter`]. Default 1000. */
  maxIter?: number;
  /** Stop when F has not fallen below best − tol for `nIterNoChange` epochs [`tol`, `n_iter_no_change`]. Defaults 1e-3 and 5. */
  tol?: number;
  nIterNoChange?: number;
  /** Shuffle the samples every epoch (seeded). Default true. */
  shuffle?: boolean;
  /** Seed of the shuffles [`random_state`]: the same seed gives the same fit, in WASM and in JS. Default 0. */
  seed?: number;
  /** Default true. */
  fitIntercept?: boolean;
  /** `'wasm'` (default) or `'js'`. */
  engine?: EngineName;
}

interface FittedSgd {
  coef: Float64Array;
  intercept: number;
  report: SgdReport;
  engine: EngineName;
}

/**
 * The shared base of {@link SGDRegressor} and {@link SGDClassifier}: stochastic gradient descent on F(w, b) = (1/n)Σ loss(x_iᵀw + b, y_i) + λ(α‖w‖₁ + (1−α)/2‖w‖²);
 * see {@link SGDRegressor} / {@link SGDClassifier}.
 */
export abstract class SgdEstimator {
  readonly lambda: number;
  readonly l1Ratio: number;
  readonly l1Method: L1MethodName;
  readonly learningRate: LearningRateName;
  readonly eta0: number;
  readonly powerT: number;
  readonly batchSize: number;
  readonly maxIter: number;
  readonly tol: number;
  readonly nIterNoChange: number;
  readonly shuffle: boolean;
  readonly seed: number;
  readonly fitIntercept: boolean;
  readonly engine: EngineName;
  protected fitted: FittedSgd | undefined;

  protected constructor(options: SGDOptions, defaultRate: LearningRateName) {
    const o = (options ?? {}) as SGDOptions;
    this.lambda = checkNonNegative('lambda', o.lambda ?? 1e-4);
    this.l1Ratio = checkUnitInterval('l1Ratio', o.l1Ratio ?? 0);
    this.l1Method = checkOneOf('l1Method', o.l1Method ?? 'cumulative', ['cumulative', 'subgradient'] as const);
    this.learningRate = checkOneOf('learningRate', o.learningRate ?? defaultRate, ['constant', 'invscaling', 'optimal'] as const);
    if (this.learningRate === 'optimal' && this.lambda === 0) {
      throw new InvalidParameterError('learningRate', "learningRate 'optimal' is 1/(λ(t₀ + t − 1)) and needs lambda > 0");
    }
    this.eta0 = checkPositive('eta0', o.eta0 ?? 0.01);
    this.powerT = checkNonNegative('powerT', o.powerT ?? 0.25);
    this.batchSize = checkInteger('batchSize', o.batchSize ?? 1, 1);
    this.maxIter = checkInteger('maxIter', o.maxIter ?? 1000, 1);
    this.tol = checkNonNegative('tol', o.tol ?? 1e-3);
    this.nIterNoChange = checkInteger('nIterNoChange', o.nIterNoChange ?? 5, 1);
    this.shuffle = checkBoolean('shuffle', o.shuffle ?? true);
    this.seed = checkInteger('seed', o.seed ?? 0, 0);
    this.fitIntercept = checkBoolean('fitIntercept', o.fitIntercept ?? true);
    this.engine = checkOneOf('engine', o.engine ?? 'wasm', ['wasm', 'js'] as const);
  }

  protected abstract readonly loss: SgdLossName;

  /** Checks y (already finite, length n) for the loss; throws a typed error. */
  protected abstract checkTarget(y: Float64Array): void;

  /**
   * Fits the model; inputs are validated first and never modified.
   * @throws {ShapeMismatchError} / {@link EmptyDataError} / {@link NonFiniteValueError} bad X or y.
   * @throws {InvalidParameterError} (classifier) labels other than 0/1.
   */
  fit(X: MatrixInput, y: ArrayLike<number>): this {
    const { matrix, owned } = toDesignMatrix(X);
    try {
      const target = toTargetVector(y, matrix.nRows);
      this.checkTarget(target);
      const rows = toRowMatrix(matrix);
      const params = sgdParams({
        loss: this.loss, l1: this.lambda * this.l1Ratio, l2: this.lambda * (1 - this.l1Ratio), fitIntercept: this.fitIntercept,
        schedule: this.learningRate, eta0: this.eta0, powerT: this.powerT, l1Method: this.l1Method,
        batchSize: Math.min(this.batchSize, matrix.nRows), maxEpochs: this.maxIter, tol: this.tol, nIterNoChange: this.nIterNoChange,
        seed: this.seed, shuffle: this.shuffle,
      });
      const w = new Float64Array(matrix.nCols);
      const { report, engine } = solveSgd(rows, target, w, params, this.engine);
      this.fitted = { coef: w, intercept: report.intercept, report, engine };
      if (!report.converged) emitWarning(new SgdConvergenceWarning(report.kktResidual, report.objective, report.epochs));
      return this;
    } finally {
      if (owned) matrix.dispose();
    }
  }

  protected state(member: string): FittedSgd {
    if (!this.fitted) throw new NotFittedError(this.constructor.name, member);
    return this.fitted;
  }

  /** Fitted coefficients w (a copy). */
  get coef(): Float64Array {
    return this.state('coef').coef.slice();
  }
  /** Fitted intercept b. */
  get intercept(): number {
    return this.state('intercept').intercept;
  }
  /** Epochs run [`n_iter_`]. */
  get nIter(): number {
    return this.state('nIter').report.epochs;
  }
  /** Updates made (mini-batches) [`t_` − 1]. */
  get nUpdates(): number {
    return this.state('nUpdates').report.updates;
  }
  /** F(w, b) = mean loss + λ(α‖w‖₁ + (1−α)/2‖w‖²) at the returned point. */
  get objective(): number {
    return this.state('objective').report.objective;
  }
  /**
   * The certificate: the KKT residual max_j dist(0, ∂_j F(w)) at the returned point (0 at the
   * optimum; SGD's noise keeps it above 0). |∂F/∂b| is {@link interceptGradient}.
   */
  get kktResidual(): number {
    return this.state('kktResidual').report.kktResidual;
  }
  get interceptGradient(): number {
    return this.state('interceptGradient').report.interceptGradient;
  }
  /** Whether the stopping rule was met before maxIter epochs. */
  get converged(): boolean {
    return this.state('converged').report.converged;
  }
  get engineUsed(): EngineName {
    return this.state('engineUsed').engine;
  }

  /** The linear predictor b + Xw. */
  decisionFunction(X: MatrixInput): Float64Array {
    const s = this.state('decisionFunction');
    return predictLinear(s.coef, s.intercept, X);
  }
}
