import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { RowMatrix } from './SgdProblem.js';

/**
 * @internal X in row form for sample-by-sample access: a dense column-major matrix becomes
 * row-major, a CSC matrix becomes CSR (a counting-sort transpose, O(nnz)); never densified.
 */
export function toRowMatrix(X: DesignMatrix): RowMatrix {
  const n = X.nRows;
  const p = X.nCols;
  const s = X.storage;
  if (s instanceof Float64Array) {
    const values = new Float64Array(n * p);
    for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) values[i * p + j] = s[j * n + i]!;
    return { n, p, layout: 0, values, rowptr: new Int32Array(0), cols: new Int32Array(0) };
  }
  const nnz = s.data.length;
  const rowptr = new Int32Array(n + 1);
  for (let k = 0; k < nnz; k++) rowptr[s.indices[k]! + 1]!++;
  for (let i = 0; i < n; i++) rowptr[i + 1]! += rowptr[i]!;
  const next = rowptr.slice(0, n);
  const values = new Float64Array(nnz);
  const cols = new Int32Array(nnz);
  for (let j = 0; j < p; j++) {
    for (let k = s.indptr[j]!; k < s.indptr[j + 1]!; k++) {
      const i = s.indices[k]!;
      const dst = next[i]!++;
      values[dst] = s.data[k]!;
      cols[dst] = j;
    }
  }
  return { n, p, layout: 1, values, rowptr, cols };
}
