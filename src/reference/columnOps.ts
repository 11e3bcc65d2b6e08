import type { DesignMatrix } from '../matrix/DesignMatrix.js';

/** Pure-TS x_jᵀv for column j of a dense or CSC matrix (reference for assembly/designColumn.ts). */
export function columnDot(X: DesignMatrix, j: number, v: Float64Array): number {
  const s = X.storage;
  let sum = 0;
  if (s instanceof Float64Array) {
    const n = X.nRows;
    const offset = j * n;
    for (let i = 0; i < n; i++) sum += s[offset + i]! * v[i]!;
  } else {
    for (let k = s.indptr[j]!; k < s.indptr[j + 1]!; k++) sum += s.data[k]! * v[s.indices[k]!]!;
  }
  return sum;
}

/** Pure-TS v += a·x_j. */
export function columnAxpy(X: DesignMatrix, j: number, a: number, v: Float64Array): void {
  const s = X.storage;
  if (s instanceof Float64Array) {
    const n = X.nRows;
    const offset = j * n;
    for (let i = 0; i < n; i++) v[i]! += a * s[offset + i]!;
  } else {
    for (let k = s.indptr[j]!; k < s.indptr[j + 1]!; k++) v[s.indices[k]!]! += a * s.data[k]!;
  }
}
