import type { DesignMatrix } from '../matrix/DesignMatrix.js';

/**
 * @internal Weighted column statistics defining the ridge problem's columns
 * x̃_j = (x_j − μ_j·1)·d_j (see {@link RidgeDesign}).
 *
 * With normalized weights v (Σv = 1; v = 1/n without `sampleWeight`):
 * - μ_j = Σ_i v_i x_ij when an intercept is fitted, else 0;
 * - d_j = 1 / sqrt(Σ_i v_i (x_ij − x̄_j)²) with `standardize` (x̄_j the weighted mean, also without
 *   an intercept: glmnet's convention), else 1;
 * - d_j = 0 (the column is excluded, its coefficient 0) when the column is constant over the rows of
 *   positive weight and an intercept is fitted or the data are standardized, or all-zero there otherwise.
 *
 * `diagGram[j]` = Σ_i v_i x̃_ij², the j-th diagonal entry of X̃ᵀVX̃ (the CG preconditioner).
 */
export interface WeightedColumnStats {
  mean: Float64Array;
  invScale: Float64Array;
  diagGram: Float64Array;
}

/** @internal Computes {@link WeightedColumnStats} in one pass over the stored entries (plus a centred second pass). */
export function weightedColumnStats(X: DesignMatrix, v: Float64Array, fitIntercept: boolean, standardize: boolean): WeightedColumnStats {
  const n = X.nRows;
  const p = X.nCols;
  const mean = new Float64Array(p);
  const invScale = new Float64Array(p);
  const diagGram = new Float64Array(p);
  const s = X.storage;
  const dense = s instanceof Float64Array;
  // Total weight of the rows, and number of rows of positive weight (for CSC implicit zeros).
  let positiveRows = 0;
  for (let i = 0; i < n; i++) if (v[i]! > 0) positiveRows++;
  for (let j = 0; j < p; j++) {
    const values = dense ? s : s.data;
    const begin = dense ? j * n : s.indptr[j]!;
    const end = dense ? begin + n : s.indptr[j + 1]!;
    let storedPositive = 0;
    let storedWeight = 0;
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = begin; k < end; k++) {
      const i = dense ? k - begin : s.indices[k]!;
      const vi = v[i]!;
      if (vi <= 0) continue;
      const x = values[k]!;
      storedPositive++;
      storedWeight += vi;
      sum += vi * x;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    const implicitWeight = Math.max(0, 1 - storedWeight);
    if (storedPositive < positiveRows) {
      lo = Math.min(lo, 0);
      hi = Math.max(hi, 0);
    }
    const xbar = sum;
    let ssCentred = 0;
    let ssRaw = 0;
    for (let k = begin; k < end; k++) {
      const i = dense ? k - begin : s.indices[k]!;
      const vi = v[i]!;
      if (vi <= 0) continue;
      const x = values[k]!;
      ssCentred += vi * (x - xbar) * (x - xbar);
      ssRaw += vi * x * x;
    }
    if (storedPositive < positiveRows) ssCentred += implicitWeight * xbar * xbar;
    const constant = lo === hi;
    const excluded = fitIntercept || standardize ? constant : lo === 0 && hi === 0;
    const d = excluded ? 0 : standardize ? 1 / Math.sqrt(ssCentred) : 1;
    mean[j] = fitIntercept ? xbar : 0;
    invScale[j] = d;
    diagGram[j] = excluded ? 0 : (fitIntercept ? ssCentred : ssRaw) * d * d;
  }
  return { mean, invScale, diagGram };
}
