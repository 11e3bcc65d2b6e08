import { EmptyDataError, InvalidParameterError, NonFiniteValueError, ShapeMismatchError } from './errors.js';

/** @internal A finite target vector of length n, copied (the caller's array is never kept or modified). */
export function toTargetVector(y: unknown, n: number, argument = 'y'): Float64Array {
  if (y === null || typeof y !== 'object' || typeof (y as ArrayLike<number>).length !== 'number') {
    throw new InvalidParameterError(argument, `${argument} must be a Float64Array or an array of numbers`);
  }
  const values = y as ArrayLike<number>;
  if (values.length === 0) throw new EmptyDataError(argument, `${argument} is empty`);
  if (values.length !== n) throw new ShapeMismatchError(argument, `${argument} has ${values.length} values but X has ${n} rows`);
  return toFiniteVector(values, argument);
}

/** @internal A finite coefficient-like vector of length p, copied. */
export function toCoefVector(v: unknown, p: number, argument: string): Float64Array {
  if (v === null || typeof v !== 'object' || typeof (v as ArrayLike<number>).length !== 'number') {
    throw new InvalidParameterError(argument, `${argument} must be a Float64Array or an array of numbers`);
  }
  const values = v as ArrayLike<number>;
  if (values.length !== p) throw new ShapeMismatchError(argument, `${argument} has ${values.length} values but X has ${p} columns`);
  return toFiniteVector(values, argument);
}

function toFiniteVector(values: ArrayLike<number>, argument: string): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new NonFiniteValueError(argument, [i], v);
    out[i] = v;
  }
  return out;
}

/** @internal λ-like: a finite number ≥ 0. */
export function checkNonNegative(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidParameterError(name, `${name} must be a finite number ≥ 0, got ${String(value)}`);
  }
  return value;
}

/** @internal A finite number > 0. */
export function checkPositive(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidParameterError(name, `${name} must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

/** @internal A number in [0, 1]. */
export function checkUnitInterval(name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new InvalidParameterError(name, `${name} must be a number in [0, 1], got ${String(value)}`);
  }
  return value;
}

/** @internal An integer ≥ min. */
export function checkInteger(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InvalidParameterError(name, `${name} must be an integer ≥ ${min}, got ${String(value)}`);
  }
  return value;
}

/** @internal A boolean. */
export function checkBoolean(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new InvalidParameterError(name, `${name} must be true or false, got ${String(value)}`);
  return value;
}

/** @internal One of the listed strings. */
export function checkOneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new InvalidParameterError(name, `${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${String(value)}`);
  }
  return value as T;
}

/**
 * @internal Observation weights: n finite numbers ≥ 0 with a positive sum, returned normalized to
 * sum 1 (a copy). The weighted objective ½Σ v_i·r_i² + penalty then equals the unweighted one
 * for equal weights.
 */
export function toSampleWeights(v: unknown, n: number, argument = 'sampleWeight'): Float64Array {
  if (v === null || typeof v !== 'object' || typeof (v as ArrayLike<number>).length !== 'number') {
    throw new InvalidParameterError(argument, `${argument} must be an array of ${n} numbers ≥ 0`);
  }
  const values = v as ArrayLike<number>;
  if (values.length !== n) throw new ShapeMismatchError(argument, `${argument} has ${values.length} values but X has ${n} rows`);
  const out = toFiniteVector(values, argument);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (out[i]! < 0) throw new InvalidParameterError(argument, `${argument}[${i}] = ${out[i]} is negative`);
    sum += out[i]!;
  }
  if (!(sum > 0)) throw new InvalidParameterError(argument, `${argument} must have a positive sum`);
  for (let i = 0; i < n; i++) out[i]! /= sum;
  return out;
}
