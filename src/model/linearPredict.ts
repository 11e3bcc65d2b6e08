import type { DesignMatrix } from '../matrix/DesignMatrix.js';

/** @internal ŷ = b + Xw for a dense or CSC X (one pass over the stored entries). */
export function linearPredict(X: DesignMatrix, coef: Float64Array, intercept: number): Float64Array {
  const n = X.nRows;
  const out = new Float64Array(n).fill(intercept);
  const s = X.storage;
  for (let j = 0; j < X.nCols; j++) {
    const wj = coef[j]!;
    if (wj === 0) continue;
    if (s instanceof Float64Array) {
      const offset = j * n;
      for (let i = 0; i < n; i++) out[i]! += wj * s[offset + i]!;
    } else {
      for (let k = s.indptr[j]!; k < s.indptr[j + 1]!; k++) out[s.indices[k]!]! += wj * s.data[k]!;
    }
  }
  return out;
}
