import { toDesignMatrix, type DesignMatrix, type MatrixInput } from '../matrix/DesignMatrix.js';
import { selectEngine, type EngineName } from '../engine/selectEngine.js';
import { certificateTolerance, type ElasticNetSession, type SessionPenalty, type SolveReport } from '../engine/Engine.js';
import { startAtNullModel } from '../engine/startAtNullModel.js';
import { checkPenaltyOptions, pickPenaltyOptions, resolvePenalty, type PenaltyOptions } from '../model/penaltyOptions.js';
import { centerTarget } from '../model/centerTarget.js';
import { toOriginalScale } from '../model/toOriginalScale.js';
import { ConvergenceWarning, emitWarning } from '../warnings.js';
import { InvalidParameterError } from '../errors.js';
import { checkBoolean, checkInteger, checkOneOf, checkPositive, checkUnitInterval, toSampleWeights, toTargetVector } from '../validation.js';
import { lambdaGrid } from './lambdaGrid.js';
import type { RegularizationPath } from './RegularizationPath.js';
import { PathRecorder } from './PathRecorder.js';

/** Options of {@link enetPath} and {@link lassoPath} (with the per-feature {@link PenaltyOptions}). */
export interface PathOptions extends PenaltyOptions {
  /** α ∈ (0, 1] (0 is allowed only with explicit `lambdas`). enetPath default 0.5; lassoPath fixes 1. */
  l1Ratio?: number;
  /** Number of λ on the generated grid. Default 100. */
  nLambda?: number;
  /** Smallest λ as a fraction of λ_max. Default glmnet's: 1e-2 when n < p, else 1e-4. */
  lambdaMinRatio?: number;
  /** Explicit λ values (sorted into decreasing order); overrides nLambda and lambdaMinRatio. */
  lambdas?: ArrayLike<number>;
  /** Default true. */
  fitIntercept?: boolean;
  /** Default false (glmnet's `standardize = TRUE` semantics when true). */
  standardize?: boolean;
  /** Relative duality-gap tolerance per λ: gap ≤ tol·F(0). Default 1e-7. */
  tol?: number;
  /** Maximum coordinate passes per λ. Default 10000. */
  maxIter?: number;
  /**
   * Stop the generated grid early, as glmnet does, once the explained deviance changes by
   * less than 1e-5 (relative) between λs or exceeds 0.999 (from the 5th λ on). Never applies
   * to explicit `lambdas`. Default true.
   */
  earlyStop?: boolean;
  /** Default `'wasm'`. */
  engine?: EngineName;
  /** Observation weights (n numbers ≥ 0, positive sum; normalized), as in ElasticNet's fit. */
  sampleWeight?: ArrayLike<number>;
  /**
   * Called after each λ is solved with its index and the grid's length (the requested length for a
   * generated grid, which may stop early), for progress bars. cvPath reports through its own `onProgress`.
   */
  onLambdaSolved?: (lambdaIndex: number, nLambda: number) => void;
}

/** What a path's progress callback receives after each λ (`l1l2/worker`'s `onProgress`). */
export interface PathProgress {
  /** Index of the λ just solved. */
  lambdaIndex: number;
  /** Length of the grid (a generated grid may stop early, see earlyStop). */
  nLambda: number;
  /** The λ just solved. */
  lambda: number;
  /** Its number of non-zero coefficients. */
  df: number;
  /** Its duality gap. */
  dualGap: number;
}

/** @internal Validated path options with defaults applied. */
export interface ResolvedPathOptions {
  l1Ratio: number;
  nLambda: number;
  lambdaMinRatio: number | undefined;
  lambdas: Float64Array | undefined;
  fitIntercept: boolean;
  standardize: boolean;
  tol: number;
  maxIter: number;
  earlyStop: boolean;
  engine: EngineName;
  /** Shape-checked penalty options (resolved against p when the path runs). */
  penalty: PenaltyOptions;
}

/** @internal Checks path options (before any work) and applies the defaults. */
export function resolvePathOptions(options: PathOptions, defaultL1Ratio: number): ResolvedPathOptions {
  const o = options ?? {};
  const l1Ratio = checkUnitInterval('l1Ratio', o.l1Ratio ?? defaultL1Ratio);
  let lambdas: Float64Array | undefined;
  if (o.lambdas !== undefined) {
    if (typeof o.lambdas !== 'object' || o.lambdas === null || o.lambdas.length === 0) {
      throw new InvalidParameterError('lambdas', 'lambdas must be a non-empty array of numbers ≥ 0');
    }
    lambdas = Float64Array.from(o.lambdas, (v, k) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new InvalidParameterError('lambdas', `lambdas[${k}] = ${String(v)} is not a finite number ≥ 0`);
      return v;
    }).sort().reverse();
  }
  if (l1Ratio === 0 && !lambdas) {
    throw new InvalidParameterError('l1Ratio', 'a generated λ grid needs l1Ratio > 0 (λ_max is infinite for a pure L2 penalty); pass explicit lambdas or use ridgePath');
  }
  const lambdaMinRatio = o.lambdaMinRatio === undefined ? undefined : checkPositive('lambdaMinRatio', o.lambdaMinRatio);
  if (lambdaMinRatio !== undefined && lambdaMinRatio >= 1) throw new InvalidParameterError('lambdaMinRatio', `lambdaMinRatio must be in (0, 1), got ${lambdaMinRatio}`);
  return {
    l1Ratio,
    nLambda: checkInteger('nLambda', o.nLambda ?? 100, 1),
    lambdaMinRatio,
    lambdas,
    fitIntercept: checkBoolean('fitIntercept', o.fitIntercept ?? true),
    standardize: checkBoolean('standardize', o.standardize ?? false),
    tol: checkPositive('tol', o.tol ?? 1e-7),
    maxIter: checkInteger('maxIter', o.maxIter ?? 10000, 1),
    earlyStop: checkBoolean('earlyStop', o.earlyStop ?? true),
    engine: checkOneOf('engine', o.engine ?? 'wasm', ['wasm', 'js'] as const),
    penalty: checkedPenalty(o),
  };
}

function checkedPenalty(o: PathOptions): PenaltyOptions {
  const picked = pickPenaltyOptions(o);
  checkPenaltyOptions(picked);
  return picked;
}

/** Whether some feature has a factor > 0 and a bound that is not 0 on some side. */
function hasFreePenalizedFeature(penalty: SessionPenalty): boolean {
  return penalty.factor.some((v, j) => v > 0 && (penalty.lower[j]! < 0 || penalty.upper[j]! > 0));
}


/**
 * @internal The path on a validated matrix and target, optionally under observation
 * weights (cross-validation folds use weights that are 0 on held-out rows). `onSolved`
 * sees the session after each λ (cross-validation reads held-out residuals there).
 */
export function computePath(
  X: DesignMatrix, y: Float64Array, options: ResolvedPathOptions,
  extra: {
    weights?: Float64Array; onSolved?: (k: number, session: ElasticNetSession) => void; onProgress?: (progress: PathProgress) => void;
    /** A relative tolerance per λ of options.lambdas instead of options.tol (benchmarks matching another solver λ by λ). */
    tolerances?: Float64Array;
  } = {},
): RegularizationPath {
  const { l1Ratio, fitIntercept, standardize, tol } = options;
  const penalty = resolvePenalty(options.penalty, X.nCols);
  if (penalty !== undefined && options.lambdas === undefined && !hasFreePenalizedFeature(penalty)) {
    throw new InvalidParameterError(
      'penaltyFactor',
      'no feature is both penalized and free to leave 0 (each is excluded, unpenalized or bounded at 0), so λ_max is undefined: pass explicit lambdas',
    );
  }
  const { yCentered, mean: yMean, nullObjective } = centerTarget(y, fitIntercept, extra.weights);
  const session = selectEngine(options.engine).openSession({ X, yCentered, fitIntercept, standardize, weights: extra.weights, penalty });
  try {
    const gapTolerance = certificateTolerance(session, tol, nullObjective);
    const p = X.nCols;
    // w = 0, with unpenalized features fitted first: corrMax is λ_max·α.
    const start = startAtNullModel(session, gapTolerance, options.maxIter);
    const lambdaMax = l1Ratio > 0 ? start.corrMax / l1Ratio : Infinity;
    const generated = options.lambdas === undefined;
    const lambdas = options.lambdas ?? lambdaGrid(lambdaMax, options.nLambda, options.lambdaMinRatio ?? (X.nRows < p ? 1e-2 : 1e-4));
    const K = lambdas.length;
    const recorder = new PathRecorder(lambdas, generated && options.earlyStop);
    let l1Prev = start.corrMax;
    for (let k = 0; k < K; k++) {
      const lambda = lambdas[k]!;
      const l1 = lambda * l1Ratio;
      const tolerance = extra.tolerances === undefined ? gapTolerance : certificateTolerance(session, extra.tolerances[k]!, nullObjective);
      const report: SolveReport = session.solve(l1, lambda - l1, l1Prev, tolerance, options.maxIter);
      l1Prev = l1;
      const { coef, intercept } = toOriginalScale(session.coefScaled(), session.mean, session.invScale, yMean, fitIntercept, penalty);
      const converged = report.gap <= tolerance;
      const df = recorder.record({
        coef, intercept,
        // Clamped: the two sums are rounded differently, and 1 − RSS/TSS is a fraction.
        devRatio: nullObjective > 0 ? Math.min(1, Math.max(0, 1 - report.weightedRss / (2 * nullObjective))) : 0,
        certificate: report.gap, iterations: report.passes, passesOverX: report.columnVisits / p, converged,
      });
      if (!converged) emitWarning(new ConvergenceWarning(report.gap, tolerance, report.passes, lambda, 'coordinate descent', session.certificate === 'dualityGap' ? 'gap' : 'kkt'));
      extra.onSolved?.(k, session);
      extra.onProgress?.({ lambdaIndex: k, nLambda: K, lambda, df, dualGap: report.gap });
      if (recorder.shouldStopEarly()) break;
    }
    return recorder.build({ l1Ratio, lambdaMax, gapTolerance, nFeatures: p, certificate: session.certificate });
  } finally {
    session.dispose();
  }
}

/**
 * The elastic-net regularization path: solutions of
 *
 *   F(w, b) = (1/(2n))·‖y − b − Xw‖² + λ·( α‖w‖₁ + (1−α)/2·‖w‖₂² )
 *
 * for a decreasing sequence of λ (default: 100 values log-spaced from λ_max down to
 * λ_max·lambdaMinRatio), each warm-started from the previous one. Per λ, one WebAssembly
 * call runs glmnet's sequential strong rule and active-set cycling, a KKT check over all
 * features (a discarded feature that violates it is brought back, so screening is never
 * wrong), gap-safe screening, and stops on the duality gap (gap ≤ tol·F(0)).
 * scikit-learn: `enet_path`; glmnet: `glmnet(x, y, alpha)` (see the README for the λ mapping).
 * With {@link PenaltyOptions} (factors, exclude, bounds) every λ is solved with them, and λ_max
 * is computed after fitting the unpenalized features (see {@link lambdaMax}).
 *
 * @throws {InvalidParameterError} bad options (see {@link PathOptions}).
 * @throws {ShapeMismatchError | EmptyDataError | NonFiniteValueError} bad X or y.
 * @example
 * ```ts
 * const path = enetPath(X, y, { l1Ratio: 0.5, nLambda: 100 });
 * for (let k = 0; k < path.length; k++) console.log(path.lambdas[k], path.df[k], path.devRatio[k]);
 * ```
 */
export function enetPath(X: MatrixInput, y: ArrayLike<number>, options: PathOptions = {}): RegularizationPath {
  const solved = options?.onLambdaSolved;
  return enetPathReporting(X, y, options, solved ? (progress) => solved(progress.lambdaIndex, progress.nLambda) : undefined);
}

/** @internal {@link enetPath}, calling `onProgress` after each λ (the Web Worker API forwards it to the page). */
export function enetPathReporting(
  X: MatrixInput, y: ArrayLike<number>, options: PathOptions, onProgress: ((progress: PathProgress) => void) | undefined,
): RegularizationPath {
  const resolved = resolvePathOptions(options, 0.5);
  const { matrix, owned } = toDesignMatrix(X);
  try {
    const n = matrix.nRows;
    const target = toTargetVector(y, n);
    const weights = options.sampleWeight === undefined ? undefined : toSampleWeights(options.sampleWeight, n);
    return computePath(matrix, target, resolved, { ...(weights ? { weights } : {}), ...(onProgress ? { onProgress } : {}) });
  } finally {
    if (owned) matrix.dispose();
  }
}

/**
 * The lasso path: {@link enetPath} with α = 1 (scikit-learn's `lasso_path`, glmnet's
 * `glmnet(x, y, alpha = 1)`).
 * @example
 * ```ts
 * const path = lassoPath(X, y);
 * path.coefAt(path.length - 1); // the least-regularized solution
 * ```
 */
export function lassoPath(X: MatrixInput, y: ArrayLike<number>, options: Omit<PathOptions, 'l1Ratio'> = {}): RegularizationPath {
  return enetPath(X, y, { ...options, l1Ratio: 1 });
}
