import { DenseMatrix } from '../matrix/DenseMatrix.js';
import { EmptyDataError, InvalidParameterError, NonFiniteValueError, ShapeMismatchError } from '../errors.js';
import { toTargetVector } from '../validation.js';

/** What ridge estimators accept as targets: one vector y, or k targets as a DenseMatrix (n×k) or rows of k numbers. */
export type RidgeTargetInput = ArrayLike<number> | DenseMatrix | ArrayLike<ArrayLike<number>>;

/** @internal Targets as an n×k column-major block; `multi` when given as a matrix (even with k = 1). */
export interface RidgeTargets {
  Y: Float64Array;
  k: number;
  multi: boolean;
}

/**
 * @internal Validates and copies the targets.
 * @throws {ShapeMismatchError} wrong number of rows; ragged rows.
 * @throws {EmptyDataError} no values, or rows without entries.
 * @throws {NonFiniteValueError} NaN or ±Infinity.
 */
export function toRidgeTargets(y: unknown, n: number, argument = 'y'): RidgeTargets {
  if (y instanceof DenseMatrix) {
    if (y.nRows !== n) throw new ShapeMismatchError(argument, `${argument} has ${y.nRows} rows but X has ${n} rows`);
    return { Y: y.toColumnMajor(), k: y.nCols, multi: true };
  }
  if (y === null || typeof y !== 'object' || typeof (y as ArrayLike<unknown>).length !== 'number') {
    throw new InvalidParameterError(argument, `${argument} must be a Float64Array, an array of numbers, a DenseMatrix or an array of rows`);
  }
  const values = y as ArrayLike<unknown>;
  if (values.length > 0 && values[0] !== null && typeof values[0] === 'object') {
    const rows = values as ArrayLike<ArrayLike<number>>;
    if (rows.length !== n) throw new ShapeMismatchError(argument, `${argument} has ${rows.length} rows but X has ${n} rows`);
    const k = rows[0]!.length;
    if (typeof k !== 'number' || k === 0) throw new EmptyDataError(argument, `${argument}[0] has no entries`);
    const Y = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      const row = rows[i] as unknown;
      if (row === null || typeof row !== 'object' || (row as ArrayLike<number>).length !== k) {
        throw new ShapeMismatchError(argument, `${argument}[${i}] must have ${k} entries like ${argument}[0]`);
      }
      for (let t = 0; t < k; t++) {
        const v = (row as ArrayLike<number>)[t]!;
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new NonFiniteValueError(argument, [i, t], v);
        Y[t * n + i] = v;
      }
    }
    return { Y, k, multi: true };
  }
  return { Y: toTargetVector(y, n, argument), k: 1, multi: false };
}

/**
 * @internal Observation weights normalized to sum 1 (v_i = 1/n when absent).
 * @throws {ShapeMismatchError} length ≠ n.
 * @throws {NonFiniteValueError} NaN or ±Infinity.
 * @throws {InvalidParameterError} a negative weight, or all weights 0.
 */
export function toNormalizedWeights(sampleWeight: unknown, n: number): { v: Float64Array; uniform: boolean } {
  if (sampleWeight === undefined) return { v: new Float64Array(n).fill(1 / n), uniform: true };
  const raw = toTargetVector(sampleWeight, n, 'sampleWeight');
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (raw[i]! < 0) throw new InvalidParameterError('sampleWeight', `sampleWeight[${i}] = ${raw[i]} is negative`);
    sum += raw[i]!;
  }
  if (!(sum > 0)) throw new InvalidParameterError('sampleWeight', 'sampleWeight must have a positive sum');
  let uniform = true;
  for (let i = 0; i < n; i++) {
    if (raw[i] !== raw[0]) uniform = false;
    raw[i]! /= sum;
  }
  if (uniform) raw.fill(1 / n);
  return { v: raw, uniform };
}

/**
 * @internal A validated λ grid (copied; order kept).
 * @throws {InvalidParameterError} not an array, empty, or an entry negative / not finite (or not positive when `positive`).
 */
export function toLambdaGrid(lambdas: unknown, positive: boolean, argument = 'lambdas'): Float64Array {
  if (lambdas === null || typeof lambdas !== 'object' || typeof (lambdas as ArrayLike<number>).length !== 'number') {
    throw new InvalidParameterError(argument, `${argument} must be an array of numbers`);
  }
  const values = lambdas as ArrayLike<number>;
  if (values.length === 0) throw new InvalidParameterError(argument, `${argument} is empty`);
  const out = new Float64Array(values.length);
  for (let l = 0; l < values.length; l++) {
    const v = values[l]!;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (positive && v === 0)) {
      throw new InvalidParameterError(argument, `${argument}[${l}] must be a finite number ${positive ? '> 0' : '≥ 0'}, got ${String(v)}`);
    }
    out[l] = v;
  }
  return out;
}
