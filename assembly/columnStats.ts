// Per-column statistics that define the implicit centring and scaling of X:
//   x̃_j = (x_j − mean_j) · invScale_j
// mean_j is the column mean when an intercept is fitted (else 0); with
// standardization invScale_j = 1/sd_j where sd_j = sqrt((1/n)Σ(x_ij − mean_j)²)
// (glmnet's convention), else 1. A column that is constant (or, without an
// intercept, identically zero) gets invScale_j = 0: its coefficient is held at 0.
// X itself is never modified: sparse X stays sparse.
import { LAYOUT_DENSE } from './designColumn';

/**
 * Fills mean, invScale, colSum (Σ_i x_ij, raw) and normSqOverN (‖x̃_j‖²/n) for every column.
 * Two-pass sums, so a large mean with a small spread does not lose precision.
 */
export function columnStats(
  layout: i32, nRows: i32, nCols: i32, values: usize, indptr: usize, rows: usize,
  fitIntercept: bool, standardize: bool,
  mean: usize, invScale: usize, colSum: usize, normSqOverN: usize,
): void {
  const n = <f64>nRows;
  for (let j: i32 = 0; j < nCols; j++) {
    let sum: f64 = 0;
    let lo: f64 = Infinity, hi: f64 = -Infinity;
    let start: i32 = 0, end: i32 = 0;
    let col: usize = 0;
    if (layout == LAYOUT_DENSE) {
      col = values + ((<usize>j * <usize>nRows) << 3);
      for (let i: i32 = 0; i < nRows; i++) {
        const x = load<f64>(col + (<usize>i << 3));
        sum += x;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
    } else {
      start = load<i32>(indptr + (<usize>j << 2));
      end = load<i32>(indptr + (<usize>j << 2), 4);
      for (let k = start; k < end; k++) {
        const x = load<f64>(values + (<usize>k << 3));
        sum += x;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      if (end - start < nRows) {
        if (0 < lo) lo = 0;
        if (0 > hi) hi = 0;
      }
    }
    const mu: f64 = fitIntercept ? sum / n : 0;
    let ss: f64 = 0;
    if (layout == LAYOUT_DENSE) {
      for (let i: i32 = 0; i < nRows; i++) {
        const d = load<f64>(col + (<usize>i << 3)) - mu;
        ss += d * d;
      }
    } else {
      for (let k = start; k < end; k++) {
        const d = load<f64>(values + (<usize>k << 3)) - mu;
        ss += d * d;
      }
      ss += <f64>(nRows - (end - start)) * mu * mu;
    }
    // Constant columns carry no information once centred; an all-zero column
    // carries none at all. Both are excluded (exact test, no threshold).
    const excluded = nRows == 0 || (fitIntercept ? lo == hi : (lo == 0 && hi == 0));
    let inv: f64 = 0;
    if (!excluded) inv = standardize ? 1.0 / Math.sqrt(ss / n) : 1.0;
    store<f64>(mean + (<usize>j << 3), mu);
    store<f64>(invScale + (<usize>j << 3), inv);
    store<f64>(colSum + (<usize>j << 3), sum);
    store<f64>(normSqOverN + (<usize>j << 3), excluded ? 0 : (ss * inv * inv) / n);
  }
}
