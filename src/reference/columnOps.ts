import type { DesignMatrix } from '../matrix/DesignMatrix.js';

/**
 * Pure-TS (x_j − mu·1)ᵀv for column j, given sumV = Σ_i v_i (reference for
 * `centeredColumnDot` in assembly/designColumn.ts): dense columns are centred element
 * by element; a CSC column adds −mu·(sumV − Σ_k v[i_k]) for its implicit zeros.
 */
export function centeredColumnDot(X: DesignMatrix, j: number, v: Float64Array, mu: number, sumV: number): number {
  const s = X.storage;
  let sum = 0;
  if (s instanceof Float64Array) {
    const n = X.nRows;
    const offset = j * n;
    for (let i = 0; i < n; i++) sum += (s[offset + i]! - mu) * v[i]!;
    return sum;
  }
  let gathered = 0;
  const start = s.indptr[j]!;
  const end = s.indptr[j + 1]!;
  for (let k = start; k < end; k++) {
    const vi = v[s.indices[k]!]!;
    sum += (s.data[k]! - mu) * vi;
    gathered += vi;
  }
  if (mu === 0 || end - start === X.nRows) return sum;
  return sum - mu * (sumV - gathered);
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
