import { toDesignMatrix, type MatrixInput } from '../matrix/DesignMatrix.js';
import { selectEngine } from '../engine/selectEngine.js';
import { centerTarget } from './centerTarget.js';
import { checkBoolean, checkUnitInterval, toTargetVector } from '../validation.js';
import { InvalidParameterError } from '../errors.js';
import { certificateTolerance } from '../engine/Engine.js';
import { startAtNullModel } from '../engine/startAtNullModel.js';
import { pickPenaltyOptions, resolvePenalty, type PenaltyOptions } from './penaltyOptions.js';

/** Options of {@link lambdaMax}, with the per-feature {@link PenaltyOptions}. */
export interface LambdaMaxOptions extends PenaltyOptions {
  /** α, the L1 share of the penalty, in (0, 1]. Default 1 (lasso). */
  l1Ratio?: number;
  /** Default true. */
  fitIntercept?: boolean;
  /** Default false. */
  standardize?: boolean;
}

/**
 * The smallest λ at which every coefficient is exactly zero:
 *
 *   λ_max = max_j |x̃_jᵀ(y − ȳ)| / (n·α)
 *
 * (x̃_j the centred, and with `standardize` scaled, column; ȳ = 0 without an intercept).
 * At w = 0 the gradient of the loss is −X̃ᵀ(y − ȳ)/n, and soft-thresholding keeps w_j at 0
 * exactly while |x̃_jᵀ(y − ȳ)|/n ≤ λα. Regularization paths start here.
 *
 * With penalty options: λ_max = max over penalized j of |g_j|/(v_j·α), counting only the sides
 * whose bound is not 0 (with `positive`, only g_j > 0), where g is the gradient after the
 * unpenalized features (factor 0) have been fitted with every penalized coefficient at 0 (glmnet's
 * start of a path); excluded features do not count.
 *
 * @throws {InvalidParameterError} l1Ratio is 0 (ridge never zeroes coefficients: λ_max = ∞) or outside [0, 1].
 * @example
 * ```ts
 * const lmax = lambdaMax(X, y);             // lasso
 * new Lasso({ lambda: lmax }).fit(X, y).coef; // all zeros
 * ```
 */
export function lambdaMax(X: MatrixInput, y: ArrayLike<number>, options: LambdaMaxOptions = {}): number {
  const l1Ratio = checkUnitInterval('l1Ratio', options.l1Ratio ?? 1);
  if (l1Ratio === 0) throw new InvalidParameterError('l1Ratio', 'l1Ratio must be > 0: with a pure L2 penalty no finite λ zeroes the coefficients');
  const fitIntercept = checkBoolean('fitIntercept', options.fitIntercept ?? true);
  const standardize = checkBoolean('standardize', options.standardize ?? false);
  const penaltyOptions = pickPenaltyOptions(options);
  const { matrix, owned } = toDesignMatrix(X);
  try {
    const penalty = resolvePenalty(penaltyOptions, matrix.nCols);
    const { yCentered, nullObjective } = centerTarget(toTargetVector(y, matrix.nRows), fitIntercept);
    // The gradient at w = 0 (after fitting unpenalized features), computed by the same engine and
    // kernels the paths use, so a path's first λ is this value exactly (paths fit to their tol).
    const session = selectEngine('wasm').openSession({ X: matrix, yCentered, fitIntercept, standardize, penalty });
    try {
      return startAtNullModel(session, certificateTolerance(session, 1e-12, nullObjective), 100000).corrMax / l1Ratio;
    } finally {
      session.dispose();
    }
  } finally {
    if (owned) matrix.dispose();
  }
}
