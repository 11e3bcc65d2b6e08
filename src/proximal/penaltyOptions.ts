import { InvalidParameterError, NonFiniteValueError, ShapeMismatchError } from '../errors.js';
import { checkBoolean } from '../validation.js';

/**
 * glmnet's per-feature penalty options (the names the coordinate-descent solver uses too).
 * Bounds are on the original scale of the coefficients.
 */
export interface PenaltyOptions {
  /**
   * Per-feature penalty factors f_j ≥ 0 (finite or `Infinity`): the penalty becomes
   * λ·Σ_j f_j·(α|w_j| + (1−α)/2·w_j²). 0 leaves a feature unpenalized; `Infinity` leaves it out
   * (w_j = 0). Used as given (glmnet rescales them to sum to p; to reproduce glmnet, pass
   * f_j·p/Σf). Default all 1.
   */
  penaltyFactor?: ArrayLike<number>;
  /** Indices of features left out of the model (their coefficients are 0). */
  exclude?: ArrayLike<number>;
  /** Lower bound on every coefficient (a number) or per feature (p numbers, may be −Infinity); ≤ 0. */
  lowerLimits?: number | ArrayLike<number>;
  /** Upper bound on every coefficient or per feature (may be Infinity); ≥ 0. */
  upperLimits?: number | ArrayLike<number>;
  /** Constrain every coefficient to be ≥ 0 (lowerLimits = 0). Default false. */
  positive?: boolean;
}

/** @internal Penalty options resolved to arrays on the original scale (undefined = absent). */
export interface ResolvedPenaltyOptions {
  factors?: Float64Array | undefined;
  lower?: Float64Array | undefined;
  upper?: Float64Array | undefined;
}

function limitArray(value: unknown, p: number, argument: string, sign: 1 | -1): Float64Array {
  const out = new Float64Array(p);
  const check = (v: unknown, index: number) => {
    if (typeof v !== 'number' || Number.isNaN(v) || v === sign * -Infinity) throw new NonFiniteValueError(argument, [index], v as number);
    if (sign * v < 0) throw new InvalidParameterError(argument, `${argument}${p > 0 ? `[${index}]` : ''} = ${v} must be ${sign > 0 ? '≥' : '≤'} 0 (a bound that excludes 0 makes w = 0 infeasible)`);
    return v;
  };
  if (typeof value === 'number') out.fill(check(value, 0));
  else if (value !== null && typeof value === 'object' && typeof (value as ArrayLike<number>).length === 'number') {
    const values = value as ArrayLike<number>;
    if (values.length !== p) throw new ShapeMismatchError(argument, `${argument} has ${values.length} values but X has ${p} columns`);
    for (let j = 0; j < p; j++) out[j] = check(values[j], j);
  } else throw new InvalidParameterError(argument, `${argument} must be a number or an array of ${p} numbers`);
  return out;
}

/**
 * @internal Validates the penalty options against p features (before any work) and returns
 * the factors and bounds; `exclude` and infinite factors become the bounds [0, 0].
 * @throws {InvalidParameterError} a negative or NaN factor, a lower limit > 0, an upper limit < 0,
 *   an exclude index out of range or not an integer, or a non-boolean `positive`.
 * @throws {ShapeMismatchError} an array of the wrong length.
 */
export function resolvePenaltyOptions(options: PenaltyOptions, p: number): ResolvedPenaltyOptions {
  const out: ResolvedPenaltyOptions = {};
  if (options.penaltyFactor !== undefined) {
    const f = options.penaltyFactor as unknown;
    if (f === null || typeof f !== 'object' || typeof (f as ArrayLike<number>).length !== 'number') {
      throw new InvalidParameterError('penaltyFactor', `penaltyFactor must be an array of ${p} numbers ≥ 0`);
    }
    const values = f as ArrayLike<number>;
    if (values.length !== p) throw new ShapeMismatchError('penaltyFactor', `penaltyFactor has ${values.length} values but X has ${p} columns`);
    out.factors = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      const v = values[j];
      if (typeof v !== 'number' || !(v >= 0)) throw new InvalidParameterError('penaltyFactor', `penaltyFactor[${j}] = ${String(v)} must be a number ≥ 0 (or Infinity)`);
      out.factors[j] = v;
    }
  }
  const positive = checkBoolean('positive', options.positive ?? false);
  if (options.lowerLimits !== undefined) out.lower = limitArray(options.lowerLimits, p, 'lowerLimits', -1);
  if (positive) {
    out.lower ??= new Float64Array(p);
    for (let j = 0; j < p; j++) out.lower[j] = Math.max(out.lower[j]!, 0);
  }
  if (options.upperLimits !== undefined) out.upper = limitArray(options.upperLimits, p, 'upperLimits', 1);
  const fixAtZero: number[] = [];
  if (options.exclude !== undefined) {
    const e = options.exclude as unknown;
    if (e === null || typeof e !== 'object' || typeof (e as ArrayLike<number>).length !== 'number') {
      throw new InvalidParameterError('exclude', 'exclude must be an array of feature indices');
    }
    const values = e as ArrayLike<number>;
    for (let k = 0; k < values.length; k++) {
      const j = values[k];
      if (typeof j !== 'number' || !Number.isInteger(j) || j < 0 || j >= p) {
        throw new InvalidParameterError('exclude', `exclude[${k}] = ${String(j)} is not a feature index in [0, ${p})`);
      }
      fixAtZero.push(j);
    }
  }
  if (out.factors) {
    for (let j = 0; j < p; j++) {
      if (out.factors[j] === Infinity) {
        fixAtZero.push(j);
        out.factors[j] = 0;
      }
    }
  }
  if (fixAtZero.length > 0) {
    out.lower ??= new Float64Array(p).fill(-Infinity);
    out.upper ??= new Float64Array(p).fill(Infinity);
    for (const j of fixAtZero) out.lower[j] = out.upper[j] = 0;
  }
  return out;
}

/** @internal Bounds on the original scale → the scaled space (w̃_j = w_j / invScale_j). */
export function scaleBounds(bounds: Float64Array | undefined, invScale: Float64Array): Float64Array | undefined {
  if (!bounds) return undefined;
  const out = new Float64Array(bounds.length);
  for (let j = 0; j < bounds.length; j++) out[j] = invScale[j] === 0 ? 0 : bounds[j]! / invScale[j]!;
  return out;
}
