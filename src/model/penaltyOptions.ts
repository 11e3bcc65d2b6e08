import { InvalidParameterError, NonFiniteValueError, ShapeMismatchError } from '../errors.js';
import type { SessionPenalty } from '../engine/Engine.js';

/**
 * Per-feature penalty options, as glmnet has them (scikit-learn's `positive` too). With them the
 * penalty of an elastic-net fit becomes
 *
 *   λ·Σ_j v_j·( α|w_j| + (1−α)/2·w_j² ),   subject to L_j ≤ w_j ≤ U_j,
 *
 * where v = `penaltyFactor` rescaled to sum to p (glmnet's convention; excluded features count as
 * 1 in that sum), and [L_j, U_j] = [`lowerLimits`_j, `upperLimits`_j]. With `standardize: true`
 * the factors apply to the standardized coefficients (as the penalty itself) and the bounds to
 * the coefficients on the original scale, as in glmnet.
 *
 * @example
 * ```ts
 * // Feature 0 unpenalized, feature 3 left out, all coefficients ≥ 0.
 * new Lasso({ lambda: 0.1, penaltyFactor: [0, 1, 1, 1], exclude: [3], positive: true }).fit(X, y);
 * ```
 */
export interface PenaltyOptions {
  /**
   * v_j ≥ 0 per feature (p numbers). 0 = unpenalized (never shrunk, never zeroed by the penalty),
   * Infinity = excluded. Rescaled to sum to p as glmnet does (so λ keeps glmnet's meaning).
   * glmnet: `penalty.factor`; default all 1.
   */
  penaltyFactor?: ArrayLike<number>;
  /** 0-based indices of features left out of the model: their coefficient is exactly 0. glmnet: `exclude`. */
  exclude?: ArrayLike<number>;
  /** Lower bound on each coefficient (a number for all, or p numbers), each ≤ 0; −Infinity = none (default). glmnet: `lower.limits`. */
  lowerLimits?: number | ArrayLike<number>;
  /** Upper bound on each coefficient (a number for all, or p numbers), each ≥ 0; Infinity = none (default). glmnet: `upper.limits`. */
  upperLimits?: number | ArrayLike<number>;
  /** Constrain every coefficient to be ≥ 0 (lowerLimits = 0). scikit-learn: `positive=True`. Default false. */
  positive?: boolean;
}

/** The option names, for copying them between option objects. */
export const PENALTY_OPTION_NAMES = ['penaltyFactor', 'exclude', 'lowerLimits', 'upperLimits', 'positive'] as const;

/** @internal Whether any penalty option is given (positive: false counts as not given). */
export function hasPenaltyOptions(o: PenaltyOptions): boolean {
  return o.penaltyFactor !== undefined || o.exclude !== undefined || o.lowerLimits !== undefined || o.upperLimits !== undefined || o.positive === true;
}

/** @internal The penalty options of an option object (only those present). */
export function pickPenaltyOptions(o: PenaltyOptions): PenaltyOptions {
  const picked: Record<string, unknown> = {};
  for (const name of PENALTY_OPTION_NAMES) if (o[name] !== undefined) picked[name] = o[name];
  return picked as PenaltyOptions;
}

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return v !== null && typeof v === 'object' && typeof (v as ArrayLike<unknown>).length === 'number';
}

/**
 * @internal Checks what can be checked without knowing p (types, signs, NaN), so estimators can
 * reject bad options in their constructor.
 * @throws {InvalidParameterError | NonFiniteValueError} see {@link resolvePenalty}.
 */
export function checkPenaltyOptions(o: PenaltyOptions): void {
  resolvePenalty(o, undefined);
}

/**
 * @internal Validates the penalty options for p features (before any work; the caller's arrays are
 * copied, never modified) and returns what a session needs, or undefined when the options change
 * nothing (all factors equal, no bound, nothing excluded), so that the plain kernels run.
 * With p undefined only the shape-free checks run (and the result is undefined).
 *
 * @throws {InvalidParameterError} a factor that is negative or NaN, all factors 0, an exclude index
 *   out of range or not an integer, a lower limit > 0 or an upper limit < 0 (or NaN), positive
 *   together with lowerLimits, a non-boolean positive, or a value of the wrong type.
 * @throws {ShapeMismatchError} penaltyFactor, lowerLimits or upperLimits with a length other than p.
 */
export function resolvePenalty(o: PenaltyOptions, p: number | undefined): SessionPenalty | undefined {
  // Nothing given: the plain elastic net, without touching p-sized arrays.
  if (o.penaltyFactor === undefined && o.exclude === undefined && o.lowerLimits === undefined && o.upperLimits === undefined
    && (o.positive === undefined || o.positive === false)) return undefined;
  if (o.positive !== undefined && typeof o.positive !== 'boolean') {
    throw new InvalidParameterError('positive', `positive must be true or false, got ${String(o.positive)}`);
  }
  if (o.positive === true && o.lowerLimits !== undefined) {
    throw new InvalidParameterError('positive', 'positive: true sets lowerLimits = 0; give one of positive and lowerLimits, not both');
  }
  const factor = perFeature('penaltyFactor', o.penaltyFactor, p, 1, (v) => {
    if (Number.isNaN(v)) return 'is NaN';
    if (v < 0) return 'is negative (factors must be ≥ 0; 0 = unpenalized, Infinity = excluded)';
    return undefined;
  }, true);
  const lower = o.positive === true ? p === undefined ? undefined : new Float64Array(p) : perFeature('lowerLimits', o.lowerLimits, p, -Infinity, (v) => {
    if (Number.isNaN(v)) return 'is NaN';
    if (v > 0) return 'is > 0 (lower limits must be ≤ 0, as in glmnet, so that w = 0 is feasible)';
    if (v === Infinity) return 'is Infinity';
    return undefined;
  });
  const upper = perFeature('upperLimits', o.upperLimits, p, Infinity, (v) => {
    if (Number.isNaN(v)) return 'is NaN';
    if (v < 0) return 'is < 0 (upper limits must be ≥ 0, as in glmnet, so that w = 0 is feasible)';
    if (v === -Infinity) return 'is −Infinity';
    return undefined;
  });
  const excluded = excludeList(o.exclude, p);
  if (p === undefined || factor === undefined || lower === undefined || upper === undefined || excluded === undefined) return undefined;

  // glmnet: an infinite factor excludes the feature; excluded features count as factor 1 in the rescaling.
  for (let j = 0; j < p; j++) if (factor[j] === Infinity) excluded[j] = 1;
  let sum = 0;
  for (let j = 0; j < p; j++) {
    if (excluded[j]) factor[j] = 1;
    sum += factor[j]!;
  }
  if (!(sum > 0)) throw new InvalidParameterError('penaltyFactor', 'penaltyFactor must have a positive entry (all 0 would leave nothing penalized)');
  for (let j = 0; j < p; j++) {
    factor[j] = (factor[j]! * p) / sum;
    if (excluded[j]) {
      lower[j] = 0;
      upper[j] = 0;
    }
  }
  const trivial = factor.every((v) => v === 1) && lower.every((v) => v === -Infinity) && upper.every((v) => v === Infinity);
  return trivial ? undefined : { factor, lower, upper };
}

/** A number for all features or p numbers, copied, each checked; undefined → the default for all. */
function perFeature(
  name: string, given: number | ArrayLike<number> | undefined, p: number | undefined, fallback: number,
  problem: (v: number) => string | undefined, arrayOnly = false,
): Float64Array | undefined {
  if (given === undefined) return p === undefined ? undefined : new Float64Array(p).fill(fallback);
  if (typeof given === 'number' && !arrayOnly) {
    const why = problem(given);
    if (why !== undefined) throw new InvalidParameterError(name, `${name} = ${given} ${why}`);
    return p === undefined ? undefined : new Float64Array(p).fill(given);
  }
  if (!isArrayLike(given)) {
    throw new InvalidParameterError(name, `${name} must be ${arrayOnly ? '' : 'a number or '}an array of numbers, one per feature`);
  }
  if (p !== undefined && given.length !== p) throw new ShapeMismatchError(name, `${name} has ${given.length} values but X has ${p} columns`);
  const out = new Float64Array(given.length);
  for (let j = 0; j < given.length; j++) {
    const v = given[j];
    if (typeof v !== 'number') throw new InvalidParameterError(name, `${name}[${j}] = ${String(v)} is not a number`);
    if (Number.isNaN(v)) throw new NonFiniteValueError(name, [j], v);
    const why = problem(v);
    if (why !== undefined) throw new InvalidParameterError(name, `${name}[${j}] = ${v} ${why}`);
    out[j] = v;
  }
  return p === undefined ? undefined : out;
}

/** Exclusion flags (1 = excluded) from 0-based indices. */
function excludeList(given: ArrayLike<number> | undefined, p: number | undefined): Uint8Array | undefined {
  const flags = p === undefined ? undefined : new Uint8Array(p);
  if (given === undefined) return flags;
  if (!isArrayLike(given)) throw new InvalidParameterError('exclude', 'exclude must be an array of 0-based feature indices');
  for (let k = 0; k < given.length; k++) {
    const j = given[k];
    if (typeof j !== 'number' || !Number.isInteger(j) || j < 0 || (p !== undefined && j >= p)) {
      throw new InvalidParameterError('exclude', `exclude[${k}] = ${String(j)} is not a feature index 0 … ${p === undefined ? 'p' : p}−1`);
    }
    if (flags) flags[j] = 1;
  }
  return flags;
}
