import { InvalidParameterError, NotFittedError } from '../errors.js';
import { penaltyNorms } from '../model/penaltyNorms.js';
import { certificateTolerance } from '../engine/Engine.js';
import type { CertificateKind } from '../model/certificateKind.js';
import { checkPenaltyOptions, hasPenaltyOptions, pickPenaltyOptions, resolvePenalty, type PenaltyOptions } from '../model/penaltyOptions.js';
import { toDesignMatrix, type MatrixInput } from '../matrix/DesignMatrix.js';
import { selectEngine, type EngineName } from '../engine/selectEngine.js';
import { predictLinear, scoreLinear } from '../model/linearModelMethods.js';
import { centerTarget } from '../model/centerTarget.js';
import { toOriginalScale } from '../model/toOriginalScale.js';
import { scaleWarmStart } from '../engine/Engine.js';
import { ConvergenceWarning, emitWarning } from '../warnings.js';
import {
  checkBoolean, checkInteger, checkNonNegative, checkOneOf, checkPositive, checkUnitInterval, toCoefVector, toSampleWeights, toTargetVector,
} from '../validation.js';

/**
 * Options of {@link ElasticNet} (and, without `l1Ratio`, of {@link Lasso}), including the
 * per-feature {@link PenaltyOptions} (`penaltyFactor`, `exclude`, `lowerLimits`, `upperLimits`,
 * `positive`).
 */
export interface ElasticNetOptions extends PenaltyOptions {
  /** Overall penalty strength λ ≥ 0 (scikit-learn's `alpha`, glmnet's `lambda`). */
  lambda: number;
  /** Mix α ∈ [0, 1] between L1 (α = 1, the lasso) and L2 (α = 0, ridge). Default 0.5. scikit-learn's `l1_ratio`, glmnet's `alpha`. */
  l1Ratio?: number;
  /** Fit an unpenalized intercept b. Default true. */
  fitIntercept?: boolean;
  /**
   * Penalize the coefficients of standardized features, as glmnet's `standardize = TRUE`: each
   * column is divided by its centred 1/n standard deviation sqrt((1/n)Σ(x_ij − x̄_j)²) (and centred
   * when an intercept is fitted); coefficients are still returned on the original scale. Done
   * implicitly: X is never copied or densified. Default false (scikit-learn's behaviour: the
   * penalty applies to the raw coefficients).
   */
  standardize?: boolean;
  /** Relative duality-gap tolerance: stop when gap ≤ tol·F(0). Default 1e-7. */
  tol?: number;
  /** Maximum number of coordinate-descent epochs (passes over all features). Default 10000. */
  maxIter?: number;
  /** Start the next `fit` from the previous solution when the number of features matches. Default false. */
  warmStart?: boolean;
  /** `'wasm'` (default; falls back to `'js'` with a warning where WebAssembly is unavailable) or `'js'`, the pure-TypeScript engine. */
  engine?: EngineName;
  /**
   * `'screened'` (default): coordinate descent on a working set grown from the strong rule
   * and KKT violators, with active-set cycling and gap-safe screening (see {@link enetPath}).
   * `'cyclic'`: plain cyclic coordinate descent over every feature, for comparison.
   */
  solver?: ElasticNetSolver;
}

/** The coordinate-descent variants of {@link ElasticNetOptions.solver}. */
export type ElasticNetSolver = 'screened' | 'cyclic';

/** Options of one {@link ElasticNet.fit} call. */
export interface FitOptions {
  /** Coefficients (original scale) to start coordinate descent from. */
  initialCoef?: ArrayLike<number>;
  /**
   * Observation weights: n numbers ≥ 0 with a positive sum, normalized to v = s/Σs. The loss
   * becomes ½Σ v_i·(y_i − b − x_iᵀw)² (the unweighted (1/(2n))‖·‖² for equal weights); means and
   * standard deviations are weighted too, and a zero weight is the same as dropping the sample.
   * scikit-learn: `fit(X, y, sample_weight)`; glmnet: `weights`.
   */
  sampleWeight?: ArrayLike<number>;
}

interface FittedState {
  coef: Float64Array;
  intercept: number;
  nIter: number;
  passesOverX: number;
  dualGap: number;
  gapTolerance: number;
  objective: number;
  converged: boolean;
  engine: EngineName;
  certificate: CertificateKind;
  l1Norm: number;
  l2Norm: number;
}

/**
 * Elastic-net linear regression by cyclic coordinate descent with a duality-gap certificate.
 *
 * Minimizes, over coefficients w and an unpenalized intercept b,
 *
 *   F(w, b) = (1/(2n))·‖y − b − Xw‖² + λ·( α‖w‖₁ + (1−α)/2·‖w‖₂² )
 *
 * with λ = `lambda` and α = `l1Ratio` (with `standardize: true` the penalty applies to the
 * coefficients of the standardized columns). This is scikit-learn's `ElasticNet(alpha=λ,
 * l1_ratio=α)` and glmnet's `glmnet(x, y, alpha=α, lambda=λ, standardize=FALSE)`.
 * With {@link PenaltyOptions} the penalty is λ·Σ_j v_j(α|w_j| + (1−α)/2·w_j²) subject to
 * lowerLimits_j ≤ w_j ≤ upperLimits_j (glmnet's penalty.factor, exclude, lower/upper.limits).
 *
 * Solver (default `'screened'`): coordinate descent on a working set (strong rule, KKT
 * violators, active-set cycling, gap-safe screening), one WebAssembly call per fit.
 * Stopping rule: the duality gap G(w) ≥ F(w) − F* is evaluated (in WASM) over all features;
 * the fit is converged when G ≤ tol·F(0), where F(0) = (1/(2n))‖y − ȳ‖² is the objective of
 * the intercept-only model (weighted: ½Σ v_i·(y_i − ȳ_v)²). If `maxIter` epochs pass first, `converged` is false and a
 * {@link ConvergenceWarning} carries the gap and epoch count.
 *
 * @example
 * ```ts
 * import { init, ElasticNet } from 'l1l2';
 * await init();
 * const model = new ElasticNet({ lambda: 0.1, l1Ratio: 0.5 }).fit([[0, 1], [1, 0], [2, 2], [3, 1]], [1, 2, 5, 5]);
 * model.coef; model.intercept; model.dualGap; model.converged; // true
 * model.predict([[4, 4]]);
 * ```
 */
export class ElasticNet {
  readonly lambda: number;
  readonly l1Ratio: number;
  readonly fitIntercept: boolean;
  readonly standardize: boolean;
  readonly tol: number;
  readonly maxIter: number;
  readonly warmStart: boolean;
  readonly engine: EngineName;
  readonly solver: ElasticNetSolver;
  /** The penalty options as given (validated against p at each fit). */
  readonly penaltyOptions: Readonly<PenaltyOptions>;
  #fitted: FittedState | undefined;

  /**
   * @throws {InvalidParameterError} λ negative or not finite, l1Ratio outside [0, 1], tol ≤ 0,
   *   maxIter not a non-negative integer, a non-boolean flag, or an unknown engine.
   */
  constructor(options: ElasticNetOptions) {
    const o = (options ?? {}) as Partial<ElasticNetOptions>;
    this.lambda = checkNonNegative('lambda', o.lambda);
    this.l1Ratio = checkUnitInterval('l1Ratio', o.l1Ratio ?? 0.5);
    this.fitIntercept = checkBoolean('fitIntercept', o.fitIntercept ?? true);
    this.standardize = checkBoolean('standardize', o.standardize ?? false);
    this.tol = checkPositive('tol', o.tol ?? 1e-7);
    this.maxIter = checkInteger('maxIter', o.maxIter ?? 10000, 0);
    this.warmStart = checkBoolean('warmStart', o.warmStart ?? false);
    this.engine = checkOneOf('engine', o.engine ?? 'wasm', ['wasm', 'js'] as const);
    this.solver = checkOneOf('solver', o.solver ?? 'screened', ['screened', 'cyclic'] as const);
    this.penaltyOptions = pickPenaltyOptions(o);
    checkPenaltyOptions(this.penaltyOptions);
    if (this.solver === 'cyclic' && hasPenaltyOptions(this.penaltyOptions)) {
      throw new InvalidParameterError('solver', "penalty factors, exclude and bounds need solver 'screened' (the default); 'cyclic' runs the plain elastic net");
    }
  }

  /**
   * Fits the model. X: a {@link DenseMatrix}, a {@link CscMatrix} or an array of rows; y: n numbers.
   * Inputs are validated before any work and never modified.
   * @throws {ShapeMismatchError} y's length differs from X's rows, or initialCoef's from X's columns.
   * @throws {EmptyDataError} X or y is empty.
   * @throws {NonFiniteValueError} NaN or ±Infinity in X, y, initialCoef or sampleWeight.
   * @throws {InvalidParameterError} a negative sample weight, or weights summing to 0.
   * @throws {WasmMemoryLimitError} the problem cannot fit in 4 GiB of WebAssembly memory.
   */
  fit(X: MatrixInput, y: ArrayLike<number>, options: FitOptions = {}): this {
    const { matrix, owned } = toDesignMatrix(X);
    try {
      const n = matrix.nRows;
      const p = matrix.nCols;
      const target = toTargetVector(y, n);
      const penalty = resolvePenalty(this.penaltyOptions, p);
      let initialCoef: Float64Array | undefined;
      if (options.initialCoef !== undefined) initialCoef = toCoefVector(options.initialCoef, p, 'initialCoef');
      else if (this.warmStart && this.#fitted?.coef.length === p) initialCoef = this.#fitted.coef;

      const weights = options.sampleWeight === undefined ? undefined : toSampleWeights(options.sampleWeight, n);
      const { yCentered, mean: yMean, nullObjective } = centerTarget(target, this.fitIntercept, weights);
      let gapTolerance = this.tol * nullObjective;
      let certificate: CertificateKind = 'dualityGap';

      const engine = selectEngine(this.engine);
      const l1 = this.lambda * this.l1Ratio;
      const l2 = this.lambda * (1 - this.l1Ratio);
      const { fitIntercept, standardize } = this;
      let result: { coefScaled: Float64Array; mean: Float64Array; invScale: Float64Array; passes: number; visits: number; gap: number; primal: number };
      if (this.solver === 'cyclic') {
        const s = engine.solveElasticNet({ X: matrix, yCentered, fitIntercept, standardize, l1, l2, gapTolerance, maxEpochs: this.maxIter, initialCoef, weights });
        // Each epoch visits every column, and each gap check is one more pass.
        result = { ...s, passes: s.epochs, visits: NaN };
      } else {
        const session = engine.openSession({ X: matrix, yCentered, fitIntercept, standardize, weights, penalty });
        try {
          gapTolerance = certificateTolerance(session, this.tol, nullObjective);
          certificate = session.certificate;
          const w0 = new Float64Array(p);
          scaleWarmStart(initialCoef, session.invScale, w0);
          let report = session.start(w0, l1, l2);
          let visits = report.columnVisits;
          if (report.gap > gapTolerance && this.maxIter > 0) {
            // The working set starts as the features violating their KKT condition at the start
            // (|g_j| ≥ λα) plus the non-zeros; glmnet's basic strong rule (|g_j| ≥ 2λα − λ_max·α) would
            // admit every feature below λ_max/2. Anything missed joins at the KKT pass.
            const l1Prev = l1;
            report = session.solve(l1, l2, l1Prev, gapTolerance, this.maxIter);
            visits += report.columnVisits;
          }
          result = { coefScaled: session.coefScaled(), mean: session.mean, invScale: session.invScale, passes: report.passes, visits, gap: report.gap, primal: report.primal };
        } finally {
          session.dispose();
        }
      }
      const { coef, intercept } = toOriginalScale(result.coefScaled, result.mean, result.invScale, yMean, fitIntercept, penalty);
      const converged = result.gap <= gapTolerance;
      this.#fitted = {
        coef,
        intercept,
        nIter: result.passes,
        passesOverX: result.visits / p,
        dualGap: result.gap,
        gapTolerance,
        objective: result.primal,
        converged,
        engine: engine.name,
        certificate,
        ...penaltyNorms(result.coefScaled),
      };
      if (!converged) emitWarning(new ConvergenceWarning(result.gap, gapTolerance, result.passes, undefined, 'coordinate descent', certificate === 'dualityGap' ? 'gap' : 'kkt'));
      return this;
    } finally {
      if (owned) matrix.dispose();
    }
  }

  #state(member: string): FittedState {
    if (!this.#fitted) throw new NotFittedError(this.constructor.name, member);
    return this.#fitted;
  }

  /** Fitted coefficients w on the original scale of X (a copy). */
  get coef(): Float64Array {
    return this.#state('coef').coef.slice();
  }

  /** Fitted intercept b (0 when `fitIntercept` is false). */
  get intercept(): number {
    return this.#state('intercept').intercept;
  }

  /** Coordinate passes run (full epochs for `cyclic`; passes over the working set or its active part for `screened`). */
  get nIter(): number {
    return this.#state('nIter').nIter;
  }

  /** Work done in passes over X (column dot products ÷ p), gap checks included (NaN for `cyclic`). */
  get passesOverX(): number {
    return this.#state('passesOverX').passesOverX;
  }

  /**
   * The certificate at the returned solution: the duality gap, an upper bound on F(w) − min F;
   * or, when {@link certificate} is `'kktResidual'`, the largest KKT residual.
   */
  get dualGap(): number {
    return this.#state('dualGap').dualGap;
  }

  /**
   * Which certificate {@link dualGap} is: `'dualityGap'`, or `'kktResidual'` when a feature with
   * penalty factor 0 is bounded on one side only, or unpenalized features are collinear (see
   * {@link CertificateKind}).
   */
  get certificate(): CertificateKind {
    return this.#state('certificate').certificate;
  }

  /** The certificate value the fit had to reach: tol·F(0) (duality gap) or tol·max_j|g_j(0)| (KKT residual). */
  get gapTolerance(): number {
    return this.#state('gapTolerance').gapTolerance;
  }

  /** Objective F(w, b) at the returned solution (in the standardized space when `standardize`). */
  get objective(): number {
    return this.#state('objective').objective;
  }

  /** Whether dualGap ≤ gapTolerance. */
  get converged(): boolean {
    return this.#state('converged').converged;
  }

  /**
   * t = ‖w̃(λ)‖₁ of the penalized coefficients (standardized scale with `standardize`): the radius
   * of the L1 ball whose constrained fit ({@link fitConstrained}, norm 'l1') has this solution.
   */
  get l1Norm(): number {
    return this.#state('l1Norm').l1Norm;
  }

  /** t = ‖w̃(λ)‖₂ of the penalized coefficients: the L2-ball radius with the same solution (for l1Ratio = 0). */
  get l2Norm(): number {
    return this.#state('l2Norm').l2Norm;
  }

  /** The engine that ran the fit (`'js'` when WASM was requested but unavailable). */
  get engineUsed(): EngineName {
    return this.#state('engineUsed').engine;
  }

  /**
   * Predictions ŷ = b + Xw.
   * @throws {NotFittedError} before `fit`.
   * @throws {ShapeMismatchError} X has a different number of columns than the training data.
   */
  predict(X: MatrixInput): Float64Array {
    const state = this.#state('predict');
    return predictLinear(state.coef, state.intercept, X);
  }

  /**
   * R² of the predictions on (X, y) (scikit-learn's `score`).
   * @throws {NotFittedError} before `fit`.
   */
  score(X: MatrixInput, y: ArrayLike<number>): number {
    const state = this.#state('score');
    return scoreLinear(state.coef, state.intercept, X, y);
  }
}
