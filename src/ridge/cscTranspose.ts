import type { CscMatrix } from '../matrix/CscMatrix.js';

/**
 * @internal Xᵀ in CSC form (= X in CSR form) by a counting sort over the stored entries:
 * column i of the result holds row i of X, with column indices increasing. O(nnz + n + p).
 */
export function cscTranspose(X: CscMatrix): { indptr: Int32Array; indices: Int32Array; data: Float64Array } {
  const { indptr, indices, data } = X.storage;
  const n = X.nRows;
  const p = X.nCols;
  const nnz = data.length;
  const tIndptr = new Int32Array(n + 1);
  for (let k = 0; k < nnz; k++) tIndptr[indices[k]! + 1]!++;
  for (let i = 0; i < n; i++) tIndptr[i + 1]! += tIndptr[i]!;
  const next = tIndptr.slice(0, n);
  const tIndices = new Int32Array(nnz);
  const tData = new Float64Array(nnz);
  for (let j = 0; j < p; j++) {
    for (let k = indptr[j]!; k < indptr[j + 1]!; k++) {
      const at = next[indices[k]!]!++;
      tIndices[at] = j;
      tData[at] = data[k]!;
    }
  }
  return { indptr: tIndptr, indices: tIndices, data: tData };
}
