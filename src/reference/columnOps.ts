import type { DesignMatrix } from '../matrix/DesignMatrix.js';

/**
 * Pure-TS reference of `columnGradient` (assembly/designColumn.ts): the weighted gradient sum
 *
 *   Σ_i ω_i·(x_ij − mu)·r_i,   ω_i = weights[i], or 1/n without weights,
 *
 * given sumWR = Σ_i ω'_i·r_i with ω' = weights, or 1 without. Dense columns are centred element
 * by element ((x − mu)·v·r with weights, Σ(x − mu)·r / n without). A CSC column sums its stored
 * entries ((x_k − mu)·(v·r)[i_k] with weights) and adds −mu·(sumWR − Σ_k ω'·r[i_k]) for its
 * implicit zeros, a term absent when mu = 0 or the column stores every row.
 */
export function columnGradient(
  X: DesignMatrix, j: number, r: Float64Array, weights: Float64Array | undefined, mu: number, sumWR: number,
): number {
  const s = X.storage;
  const n = X.nRows;
  let sum = 0;
  if (s instanceof Float64Array) {
    if (weights === undefined) return denseCenteredDot(s, j * n, r, n, mu) / n;
    return denseWeightedCenteredDot(s, j * n, weights, r, n, mu);
  }
  const start = s.indptr[j]!;
  const end = s.indptr[j + 1]!;
  let gathered = 0;
  for (let k = start; k < end; k++) {
    const i = s.indices[k]!;
    const wr = weights === undefined ? r[i]! : weights[i]! * r[i]!;
    sum += (s.data[k]! - mu) * wr;
    gathered += wr;
  }
  if (mu !== 0 && end - start !== n) sum -= mu * (sumWR - gathered);
  return weights === undefined ? sum / n : sum;
}

/** Σ_i (x[offset + i] − mu)·r_i for i < n: a dense column's centred dot product. */
function denseCenteredDot(x: Float64Array, offset: number, r: Float64Array, n: number, mu: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (x[offset + i]! - mu) * r[i]!;
  return sum;
}

/** Σ_i (x[offset + i] − mu)·v_i·r_i for i < n: the weighted version. */
function denseWeightedCenteredDot(x: Float64Array, offset: number, v: Float64Array, r: Float64Array, n: number, mu: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (x[offset + i]! - mu) * v[i]! * r[i]!;
  return sum;
}

/** Σ_i ω'_i·r_i with ω' = weights, or 1 without: the total the CSC gradient's implicit zeros need. */
export function weightedSum(r: Float64Array, weights: Float64Array | undefined): number {
  let sum = 0;
  if (weights === undefined) for (let i = 0; i < r.length; i++) sum += r[i]!;
  else for (let i = 0; i < r.length; i++) sum += weights[i]! * r[i]!;
  return sum;
}

/** Pure-TS v += a·(x_j − mu) for a dense column. */
export function denseCenteredAxpy(X: DesignMatrix, j: number, a: number, v: Float64Array, mu: number): void {
  const s = X.storage as Float64Array;
  const n = X.nRows;
  const offset = j * n;
  for (let i = 0; i < n; i++) v[i]! += a * (s[offset + i]! - mu);
}

/**
 * Pure-TS CSC update v += a·(x_j − mu·1) (reference for `cscColumnUpdate`): a column
 * storing every row is centred element by element and 0 is returned; otherwise the
 * stored rows get a·x_k and the caller adds the returned −a·mu to every entry.
 */
export function cscColumnUpdate(X: DesignMatrix, j: number, a: number, v: Float64Array, mu: number): number {
  const s = X.storage as { indptr: Int32Array; indices: Int32Array; data: Float64Array };
  const start = s.indptr[j]!;
  const end = s.indptr[j + 1]!;
  if (end - start === X.nRows) {
    for (let k = start; k < end; k++) v[s.indices[k]!]! += a * (s.data[k]! - mu);
    return 0;
  }
  for (let k = start; k < end; k++) v[s.indices[k]!]! += a * s.data[k]!;
  return -a * mu;
}

/** v[i] += c for every i (folds a CSC scalar shift back into a vector). */
export function addScalar(c: number, v: Float64Array): void {
  for (let i = 0; i < v.length; i++) v[i]! += c;
}
