import { InvalidParameterError, NotFittedError, ShapeMismatchError } from '../errors.js';
import { toDesignMatrix, type MatrixInput } from '../matrix/DesignMatrix.js';
import { selectEngine, type EngineName } from '../engine/selectEngine.js';
import { predictLinear } from '../model/linearModelMethods.js';
import {
  checkBoolean, checkInteger, checkNonNegative, checkOneOf, checkPositive, checkUnitInterval, toCoefVector, toSampleWeights,
} from '../validation.js';
import { toBinaryLabels, type ClassLabel } from './binaryLabels.js';
import { predictClasses, predictProbability } from './binaryPrediction.js';
import { penaltyNorms } from '../model/penaltyNorms.js';
import { openBinomialSolver, solveBinomialAt } from './fitBinomial.js';

/** Options of {@link LogisticRegression}. */
export interface LogisticRegressionOptions {
  /** Penalty strength λ ≥ 0 (glmnet's `lambda`; scikit-learn's `C` is 1/(n·λ), see the README). */
  lambda: number;
  /** Mix α ∈ [0, 1]: 1 = L1 (default, glmnet's default `alpha = 1`), 0 = L2 (ridge), between = elastic net. */
  l1Ratio?: number;
  /** Fit an unpenalized intercept b. Default true. */
  fitIntercept?: boolean;
  /** Penalize the coefficients of standardized columns (glmnet's `standardize = TRUE`; scales from the observation weights). Default false. */
  standardize?: boolean;
  /** Relative tolerance: duality gap ≤ tol·F(0) (for λ = 0: KKT residual ≤ tol·max_j|g_j(0)|). Default 1e-7. */
  tol?: number;
  /** Maximum proximal Newton iterations. Default 100. */
  maxIter?: number;
  /** Maximum coordinate passes summed over the Newton iterations. Default 100000. */
  maxPasses?: number;
  /** `'wasm'` (default) or `'js'` (the pure-TypeScript engine). */
  engine?: EngineName;
}

/** Options of one {@link LogisticRegression.fit} call. */
export interface LogisticFitOptions {
  /** Observation weights (n numbers ≥ 0, positive sum; normalized to ν = s/Σs). glmnet's `weights`, scikit-learn's `sample_weight`. */
  sampleWeight?: ArrayLike<number>;
  /** Coefficients (original scale) to start from. */
  initialCoef?: ArrayLike<number>;
}

interface FittedLogistic {
  coef: Float64Array;
  intercept: number;
  classes: [ClassLabel, ClassLabel];
  nIter: number;
  passes: number;
  passesOverX: number;
  dualGap: number;
  kktResidual: number;
  tolerance: number;
  certificate: 'gap' | 'kkt';
  objective: number;
  converged: boolean;
  separated: boolean;
  engine: EngineName;
  l1Norm: number;
  l2Norm: number;
}

/**
 * Binary logistic regression with an L1, L2 or elastic-net penalty, by proximal Newton.
 *
 * Minimizes, over w and an unpenalized intercept b (y ∈ {0, 1}, η = b + Xw),
 *
 *   F(w, b) = −(1/n)·Σ_i [y_i·η_i − log(1 + e^{η_i})] + λ·( α‖w‖₁ + (1−α)/2·‖w‖₂² )
 *
 * (with observation weights, 1/n becomes ν_i = s_i/Σs). This is glmnet's
 * `glmnet(x, y, family = "binomial", alpha = α, lambda = λ, standardize = FALSE)`; scikit-learn's
 * `LogisticRegression(penalty="elasticnet", C=1/(n·λ), l1_ratio=α)` minimizes n·F (see the README).
 *
 * Labels: booleans (true is the positive class), numbers (the larger of two values is positive:
 * 0/1, −1/+1) or two strings (the later in sorted order is positive); `classes` lists
 * [negative, positive], and `predictProba` gives P(y = classes[1]).
 *
 * Solver: each Newton step solves the weighted least-squares model of the loss with the screened
 * working-set coordinate descent of {@link ElasticNet} (in WebAssembly, dense or CSC), then a
 * backtracking line search on F. Certificate: the logistic duality gap, computed after the
 * intercept is made optimal; converged when gap ≤ tol·F(0), F(0) the intercept-only objective. At
 * λ = 0 there is no dual bound, and the KKT residual certifies instead. Separated classes with a
 * weak penalty stop with a {@link SeparationWarning} and finite coefficients, never NaN.
 *
 * @example
 * ```ts
 * import { init, LogisticRegression } from 'l1l2';
 * await init();
 * const model = new LogisticRegression({ lambda: 0.01 }).fit(X, labels);
 * model.coef; model.intercept; model.dualGap; model.converged;
 * model.predictProba(Xnew); model.predict(Xnew); model.score(Xtest, labelsTest);
 * ```
 */
export class LogisticRegression {
  readonly lambda: number;
  readonly l1Ratio: number;
  readonly fitIntercept: boolean;
  readonly standardize: boolean;
  readonly tol: number;
  readonly maxIter: number;
  readonly maxPasses: number;
  readonly engine: EngineName;
  #fitted: FittedLogistic | undefined;

  /**
   * @throws {InvalidParameterError} λ negative or not finite, l1Ratio outside [0, 1], tol ≤ 0,
   *   maxIter/maxPasses not non-negative integers, a non-boolean flag, or an unknown engine.
   */
  constructor(options: LogisticRegressionOptions) {
    const o = (options ?? {}) as Partial<LogisticRegressionOptions>;
    this.lambda = checkNonNegative('lambda', o.lambda);
    this.l1Ratio = checkUnitInterval('l1Ratio', o.l1Ratio ?? 1);
    this.fitIntercept = checkBoolean('fitIntercept', o.fitIntercept ?? true);
    this.standardize = checkBoolean('standardize', o.standardize ?? false);
    this.tol = checkPositive('tol', o.tol ?? 1e-7);
    this.maxIter = checkInteger('maxIter', o.maxIter ?? 100, 0);
    this.maxPasses = checkInteger('maxPasses', o.maxPasses ?? 100000, 0);
    this.engine = checkOneOf('engine', o.engine ?? 'wasm', ['wasm', 'js'] as const);
  }

  /**
   * Fits the model. X: a {@link DenseMatrix}, a {@link CscMatrix} or an array of rows; y: n two-valued labels.
   * @throws {InvalidParameterError} labels that are not exactly two distinct values of one type; bad weights.
   * @throws {ShapeMismatchError | EmptyDataError | NonFiniteValueError} bad X, y, weights or initialCoef.
   * @throws {WasmMemoryLimitError} the problem cannot fit in 4 GiB of WebAssembly memory.
   */
  fit(X: MatrixInput, y: ArrayLike<unknown>, options: LogisticFitOptions = {}): this {
    const { matrix, owned } = toDesignMatrix(X);
    try {
      const n = matrix.nRows;
      const p = matrix.nCols;
      const { y01, classes } = toBinaryLabels(y, n);
      const weights = options.sampleWeight === undefined ? undefined : toSampleWeights(options.sampleWeight, n);
      const initialCoef = options.initialCoef === undefined ? undefined : toCoefVector(options.initialCoef, p, 'initialCoef');
      const engine = selectEngine(this.engine);
      const solver = openBinomialSolver(engine, matrix, y01, weights, this.fitIntercept, this.standardize);
      try {
        let kktScale = NaN;
        if (this.lambda === 0) kktScale = solver.gradientMaxAtZero();
        if (initialCoef) solver.setCoefficients(initialCoef);
        const fit = solveBinomialAt(solver, this.lambda, this.l1Ratio, this.lambda, this.tol, this.maxIter, this.maxPasses, () => kktScale, false);
        this.#fitted = {
          coef: fit.coef,
          intercept: fit.intercept,
          classes,
          nIter: fit.newtonIterations,
          passes: fit.passes,
          passesOverX: fit.columnVisits / p,
          dualGap: fit.gap,
          kktResidual: fit.kktResidual,
          tolerance: fit.tolerance,
          certificate: fit.certificate,
          objective: fit.primal,
          converged: fit.converged,
          separated: fit.separated,
          engine: engine.name,
          ...penaltyNorms(solver.coefScaled()),
        };
      } finally {
        solver.dispose();
      }
      return this;
    } finally {
      if (owned) matrix.dispose();
    }
  }

  #state(member: string): FittedLogistic {
    if (!this.#fitted) throw new NotFittedError(this.constructor.name, member);
    return this.#fitted;
  }

  /** Coefficients w on the original scale of X (a copy). */
  get coef(): Float64Array {
    return this.#state('coef').coef.slice();
  }

  /** Intercept b (0 when `fitIntercept` is false). */
  get intercept(): number {
    return this.#state('intercept').intercept;
  }

  /** The two classes, [negative, positive] (y = 0 and y = 1 of the objective). */
  get classes(): [ClassLabel, ClassLabel] {
    const [a, b] = this.#state('classes').classes;
    return [a, b];
  }

  /** Proximal Newton iterations run. */
  get nIter(): number {
    return this.#state('nIter').nIter;
  }

  /** Coordinate passes of the inner solver, over all Newton iterations. */
  get innerPasses(): number {
    return this.#state('innerPasses').passes;
  }

  /** Work in passes over X (column dot products ÷ p), statistics and gradient checks included. */
  get passesOverX(): number {
    return this.#state('passesOverX').passesOverX;
  }

  /** Duality gap at the returned solution (NaN for λ = 0, where `kktResidual` certifies). */
  get dualGap(): number {
    return this.#state('dualGap').dualGap;
  }

  /** max_j dist(g_j, ∂P_j(w_j)) with g = X̃ᵀ(ν∘(y − p)): the KKT residual (0 at the optimum). */
  get kktResidual(): number {
    return this.#state('kktResidual').kktResidual;
  }

  /** The tolerance the certificate had to reach: tol·F(0) for the gap, tol·max|g(0)| for the KKT residual. */
  get gapTolerance(): number {
    return this.#state('gapTolerance').tolerance;
  }

  /** `'gap'`, or `'kkt'` for λ = 0. */
  get certificate(): 'gap' | 'kkt' {
    return this.#state('certificate').certificate;
  }

  /** F(w, b) at the returned solution (penalty on the standardized scale when `standardize`). */
  get objective(): number {
    return this.#state('objective').objective;
  }

  /** Whether the certificate reached its tolerance. */
  get converged(): boolean {
    return this.#state('converged').converged;
  }

  /** Whether the fit stopped on separated classes (see {@link SeparationWarning}). */
  get separated(): boolean {
    return this.#state('separated').separated;
  }

  /**
   * t = ‖w̃(λ)‖₁ of the penalized coefficients (standardized scale with `standardize`): the radius of
   * the L1 ball whose constrained fit ({@link fitConstrained} with loss 'logistic') has this solution.
   */
  get l1Norm(): number {
    return this.#state('l1Norm').l1Norm;
  }

  /** t = ‖w̃(λ)‖₂ of the penalized coefficients: the L2-ball radius with the same solution (for l1Ratio = 0). */
  get l2Norm(): number {
    return this.#state('l2Norm').l2Norm;
  }

  /** The engine that ran the fit. */
  get engineUsed(): EngineName {
    return this.#state('engineUsed').engine;
  }

  /** The linear predictor η = b + Xw (log-odds of the positive class). */
  decisionFunction(X: MatrixInput): Float64Array {
    const state = this.#state('decisionFunction');
    return predictLinear(state.coef, state.intercept, X);
  }

  /** P(y = classes[1] | x) = σ(b + xᵀw) for each row. */
  predictProba(X: MatrixInput): Float64Array {
    const state = this.#state('predictProba');
    return predictProbability(state.coef, state.intercept, X);
  }

  /** The predicted class of each row: classes[1] when P ≥ 0.5 (η ≥ 0), else classes[0]. */
  predict(X: MatrixInput): ClassLabel[] {
    const state = this.#state('predict');
    return predictClasses(state.coef, state.intercept, state.classes, X);
  }

  /**
   * Accuracy: the fraction of rows whose predicted class equals y's label (compared as given, so
   * y may hold one class only).
   * @throws {ShapeMismatchError} y's length differs from X's rows.
   */
  score(X: MatrixInput, y: ArrayLike<unknown>): number {
    const predicted = this.predict(X);
    if (y === null || typeof y !== 'object' || typeof y.length !== 'number') {
      throw new InvalidParameterError('y', 'y must be an array of class labels');
    }
    if (y.length !== predicted.length) throw new ShapeMismatchError('y', `y has ${y.length} labels but X has ${predicted.length} rows`);
    let correct = 0;
    for (let i = 0; i < predicted.length; i++) if (predicted[i] === y[i]) correct++;
    return correct / predicted.length;
  }
}
