import type { DesignMatrix } from '../matrix/DesignMatrix.js';

/** Column statistics defining x̃_j = (x_j − mean_j)·invScale_j; see assembly/columnStats.ts. */
export interface ColumnStats {
  mean: Float64Array;
  /** 0 marks an excluded (constant or all-zero) column. */
  invScale: Float64Array;
  /** Σ_i x_ij of the raw column. */
  colSum: Float64Array;
  /** ‖x̃_j‖²/n. */
  normSqOverN: Float64Array;
}

/**
 * Pure-TS reference of the `columnStats` kernel: glmnet's standardization (the centred
 * 1/n standard deviation, also without an intercept), two-pass sums. Constant columns
 * are excluded when an intercept is fitted or the data are standardized; all-zero
 * columns always.
 */
export function columnStats(X: DesignMatrix, fitIntercept: boolean, standardize: boolean): ColumnStats {
  const n = X.nRows;
  const p = X.nCols;
  const stats: ColumnStats = {
    mean: new Float64Array(p),
    invScale: new Float64Array(p),
    colSum: new Float64Array(p),
    normSqOverN: new Float64Array(p),
  };
  const s = X.storage;
  const dense = s instanceof Float64Array;
  for (let j = 0; j < p; j++) {
    // Stored entries of column j: positions [begin, end) of the dense column or of the CSC arrays.
    const values = dense ? s : s.data;
    const begin = dense ? j * n : s.indptr[j]!;
    const end = dense ? begin + n : s.indptr[j + 1]!;
    const implicitZeros = n - (end - begin);
    let sum = 0;
    let sumSq = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = begin; k < end; k++) {
      const x = values[k]!;
      sum += x;
      sumSq += x * x;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    if (implicitZeros > 0) {
      lo = Math.min(lo, 0);
      hi = Math.max(hi, 0);
    }
    const xbar = sum / n;
    let ssCentred = 0;
    for (let k = begin; k < end; k++) ssCentred += (values[k]! - xbar) * (values[k]! - xbar);
    ssCentred += implicitZeros * xbar * xbar;
    const constant = lo === hi;
    const excluded = fitIntercept || standardize ? constant : lo === 0 && hi === 0;
    const inv = excluded ? 0 : standardize ? 1 / Math.sqrt(ssCentred / n) : 1;
    const ss = fitIntercept ? ssCentred : sumSq;
    stats.mean[j] = fitIntercept ? xbar : 0;
    stats.invScale[j] = inv;
    stats.colSum[j] = sum;
    stats.normSqOverN[j] = excluded ? 0 : (ss * inv * inv) / n;
  }
  return stats;
}
