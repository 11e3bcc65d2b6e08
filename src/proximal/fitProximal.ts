import { toDesignMatrix, type MatrixInput } from '../matrix/DesignMatrix.js';
import type { EngineName } from '../engine/selectEngine.js';
import { InvalidParameterError } from '../errors.js';
import { emitWarning } from '../warnings.js';
import {
  checkBoolean, checkInteger, checkNonNegative, checkOneOf, checkPositive, checkUnitInterval, toCoefVector, toSampleWeights, toTargetVector,
} from '../validation.js';
import { toOriginalScale } from '../model/toOriginalScale.js';
import { predictLinear } from '../model/linearModelMethods.js';
import { resolvePenalty, type PenaltyOptions } from '../model/penaltyOptions.js';
import { prepareTarget } from './prepareTarget.js';
import { solveProximal } from './solveProximal.js';
import { ProximalConvergenceWarning } from './ProximalConvergenceWarning.js';
import type { ProximalCertificateKind, DatafitName, ResolvedPenalty, RestartName } from './ProximalProblem.js';

/** A norm-ball constraint ‖w‖ ≤ radius (the constrained form of the lasso / ridge). */
export interface NormConstraint {
  /** `'l1'`: ‖w‖₁ ≤ radius (the diamond); `'l2'`: ‖w‖₂ ≤ radius (the ball). */
  norm: 'l1' | 'l2';
  /** The radius t > 0. */
  radius: number;
}

/** Options of {@link fitProximal}. */
export interface ProximalOptions extends PenaltyOptions {
  /** `'squared'` (default): (1/(2n))‖y − b − Xw‖²; `'logistic'`: −(1/n)Σ[y_iη_i − log(1 + e^{η_i})], y ∈ {0, 1}. */
  loss?: DatafitName;
  /** λ ≥ 0 of the penalty λ·Σ_j f_j(α|w_j| + (1−α)/2·w_j²). Required unless `constraint` is given. */
  lambda?: number;
  /** α ∈ [0, 1]. Default 1 (the lasso). */
  l1Ratio?: number;
  /** Minimize the loss subject to ‖w‖ ≤ radius instead of adding a penalty (exclusive with `lambda`). */
  constraint?: NormConstraint;
  /** Fit an unpenalized intercept. Default true. */
  fitIntercept?: boolean;
  /** Penalize (or constrain) the coefficients of standardized columns, as {@link ElasticNet}. Default false. */
  standardize?: boolean;
  /** Relative tolerance of the certificate (see {@link ProximalFit.certificate}). Default 1e-7. */
  tol?: number;
  /** Maximum iterations. Default 10000. */
  maxIter?: number;
  /** `'fista'` (default, accelerated) or `'ista'` (plain proximal gradient). */
  method?: 'fista' | 'ista';
  /** Momentum restart: `'gradient'` (default), `'function'` or `'none'` (O'Donoghue & Candès 2015). */
  restart?: RestartName;
  /** Evaluate the certificate every this many iterations (one extra pass over X each time). Default 10. */
  checkEvery?: number;
  /** Observation weights (n numbers ≥ 0, normalized to sum 1). */
  sampleWeight?: ArrayLike<number>;
  /** Warm start (original scale). */
  initialCoef?: ArrayLike<number>;
  /** `'wasm'` (default) or `'js'` (the pure-TypeScript reference). */
  engine?: EngineName;
}

/**
 * The result of {@link fitProximal}: coefficients on the original scale and the certificate.
 */
export class ProximalFit {
  constructor(
    /** Coefficients w on the original scale of X. */
    readonly coef: Float64Array,
    /** Intercept b (0 without one). */
    readonly intercept: number,
    /** The loss the model was fitted with. */
    readonly loss: DatafitName,
    /** F at the solution (in the centred/scaled space the solver works in; for a constraint, the loss alone). */
    readonly objective: number,
    /**
     * The certificate: the duality gap of coordinate descent (squared loss, plain elastic net),
     * the Frank–Wolfe gap ∇fᵀw + t‖∇f‖_* (ball constraints) — both upper bounds on F − F* —
     * or else the KKT residual max_j dist(0, ∂_j F(w)).
     */
    readonly certificate: number,
    readonly certificateKind: ProximalCertificateKind,
    /** The certificate required: tol·F(0) for gaps, tol·‖∇f(0)‖∞ for the KKT residual. */
    readonly certificateTolerance: number,
    readonly converged: boolean,
    /** Iterations run. */
    readonly nIter: number,
    /** Momentum restarts. */
    readonly restarts: number,
    /** Lipschitz estimate L at the end (step 1/L). */
    readonly lipschitz: number,
    /** Passes over X (matrix–vector products X̃v or X̃ᵀu). */
    readonly passesOverX: number,
    /** The engine that ran. */
    readonly engineUsed: EngineName,
    /** @internal g = −∇_w f at the solution, scaled space. */
    readonly gradientScaled: Float64Array,
    /** @internal The solution in the scaled space. */
    readonly coefScaled: Float64Array,
  ) {}

  /** ŷ = b + Xw (the linear predictor η for the logistic loss). */
  predict(X: MatrixInput): Float64Array {
    return predictLinear(this.coef, this.intercept, X);
  }
}

/**
 * Proximal gradient (FISTA, Beck & Teboulle 2009, or ISTA) for a datafit × penalty:
 *
 *   min_{w,b} f(w, b) + h(w)
 *
 * f: the squared loss (1/(2n))‖y − b − Xw‖² or the logistic loss −(1/n)Σ[yᵢηᵢ − log(1+e^{ηᵢ})], η = b + Xw;
 * h: λ·Σ_j f_j(α|w_j| + (1−α)/2·w_j²) with optional bounds lo ≤ w ≤ hi (glmnet's `penalty.factor`,
 * `exclude`, `lower.limits`, `upper.limits`), or the indicator of a ball ‖w‖₁ ≤ t / ‖w‖₂ ≤ t.
 *
 * Each iteration takes a gradient step and applies the prox of h (soft-thresholding, shrinking,
 * clipping, or the projection on the ball), with backtracking on the Lipschitz estimate L and
 * adaptive momentum restart; the products X̃v and X̃ᵀu run in WebAssembly (SIMD, dense or CSC,
 * centring and scaling implicit), the whole solve in one call. See {@link ProximalFit.certificate}.
 *
 * @throws {InvalidParameterError} bad options (λ < 0, α ∉ [0,1], both or neither of lambda/constraint, ...),
 *   logistic labels not 0/1.
 * @throws {ShapeMismatchError} / {@link EmptyDataError} / {@link NonFiniteValueError} bad X, y or arrays.
 * @example
 * ```ts
 * import { fitProximal } from 'l1l2';
 * const fit = fitProximal([[0, 1], [1, 0], [2, 2], [3, 1]], [1, 2, 5, 5], { lambda: 0.1, positive: true });
 * fit.coef; fit.certificate; fit.converged;
 * ```
 */
export function fitProximal(X: MatrixInput, y: ArrayLike<number>, options: ProximalOptions): ProximalFit {
  const o = (options ?? {}) as ProximalOptions;
  const loss = checkOneOf('loss', o.loss ?? 'squared', ['squared', 'logistic'] as const);
  const fitIntercept = checkBoolean('fitIntercept', o.fitIntercept ?? true);
  const standardize = checkBoolean('standardize', o.standardize ?? false);
  const tol = checkPositive('tol', o.tol ?? 1e-7);
  const maxIter = checkInteger('maxIter', o.maxIter ?? 10000, 0);
  const method = checkOneOf('method', o.method ?? 'fista', ['fista', 'ista'] as const);
  const restart = checkOneOf('restart', o.restart ?? 'gradient', ['gradient', 'function', 'none'] as const);
  const checkEvery = checkInteger('checkEvery', o.checkEvery ?? 10, 1);
  const engine = checkOneOf('engine', o.engine ?? 'wasm', ['wasm', 'js'] as const);
  let kind: ResolvedPenalty['kind'] = 'elasticNet';
  let lambda = 0;
  let l1Ratio = 1;
  let radius = 0;
  if (o.constraint !== undefined) {
    if (o.lambda !== undefined) throw new InvalidParameterError('constraint', 'give either lambda (penalized form) or constraint (constrained form), not both');
    const c = o.constraint as Partial<NormConstraint>;
    if (c === null || typeof c !== 'object') throw new InvalidParameterError('constraint', "constraint must be { norm: 'l1' | 'l2', radius }");
    kind = checkOneOf('constraint.norm', c.norm, ['l1', 'l2'] as const) === 'l1' ? 'l1Ball' : 'l2Ball';
    radius = checkPositive('constraint.radius', c.radius);
    for (const name of ['penaltyFactor', 'exclude', 'lowerLimits', 'upperLimits'] as const) {
      if (o[name] !== undefined) throw new InvalidParameterError(name, `${name} applies to the penalized form only, not with a constraint`);
    }
    if (o.positive) throw new InvalidParameterError('positive', 'positive applies to the penalized form only, not with a constraint');
  } else {
    lambda = checkNonNegative('lambda', o.lambda);
    l1Ratio = checkUnitInterval('l1Ratio', o.l1Ratio ?? 1);
  }
  const { matrix, owned } = toDesignMatrix(X);
  try {
    const n = matrix.nRows;
    const p = matrix.nCols;
    const target = toTargetVector(y, n);
    const weights = o.sampleWeight === undefined ? undefined : toSampleWeights(o.sampleWeight, n);
    const initialCoef = o.initialCoef === undefined ? undefined : toCoefVector(o.initialCoef, p, 'initialCoef');
    // The penalty options of coordinate descent, resolved the same way (factors rescaled to sum to p as
    // glmnet does, `exclude` and infinite factors as the bounds [0, 0]).
    const session = kind === 'elasticNet' ? resolvePenalty(o, p) : undefined;
    const resolved = session ? { factors: session.factor, lower: session.lower, upper: session.upper } : {};
    const prepared = prepareTarget(loss, target, fitIntercept, weights);
    const penalty: ResolvedPenalty = { kind, l1: lambda * l1Ratio, l2: lambda * (1 - l1Ratio), radius, ...resolved };
    const solution = solveProximal({
      X: matrix, y: prepared.y, weights, fitIntercept, standardize, penalty, initialCoef, engine,
      settings: {
        datafit: loss, interceptVariable: loss === 'logistic' && fitIntercept, accelerate: method === 'fista', restart, maxIter, checkEvery, tol,
        nullObjective: prepared.nullObjective, intercept0: prepared.intercept0,
      },
    });
    const r = solution.report;
    const offset = loss === 'squared' ? prepared.yMean : r.intercept;
    const { coef, intercept } = toOriginalScale(solution.coefScaled, solution.mean, solution.invScale, offset, fitIntercept);
    if (!r.converged) emitWarning(new ProximalConvergenceWarning(r.certificate, r.certificateTolerance, r.iterations, r.certificateKind, r.interceptGradient));
    return new ProximalFit(
      coef, intercept, loss, r.objective, r.certificate, r.certificateKind, r.certificateTolerance, r.converged, r.iterations, r.restarts,
      r.lipschitz, r.passes, solution.engine, r.gradient, solution.coefScaled,
    );
  } finally {
    if (owned) matrix.dispose();
  }
}
