// Per-column statistics that define the implicit centring and scaling of X:
//   x̃_j = (x_j − mean_j) · invScale_j
// mean_j is the column mean when an intercept is fitted (else 0). With
// standardization invScale_j = 1/sd_j, where sd_j = sqrt((1/n)Σ(x_ij − x̄_j)²) is the
// centred 1/n standard deviation, as glmnet uses it, also when no intercept is
// fitted (glmnet then scales by the centred sd without centring); else invScale_j = 1.
// Excluded columns get invScale_j = 0 and a coefficient held at 0: constant columns
// when an intercept is fitted or the data are standardized (they carry no
// information, or cannot be scaled), and all-zero columns always.
// X itself is never modified: sparse X stays sparse.
import { LAYOUT_DENSE } from './designColumn';

/**
 * Weighted statistics take Σv(x − x̄)² = Σvx² − x̄² from the first sweep when x̄² ≤ ½·Σvx² (the
 * subtraction then loses at most one bit; the usual case for sparse columns), else from a second,
 * two-pass sweep over the column. Mirrored in src/reference/columnStats.ts.
 */
const ONE_PASS_SAFE: f64 = 0.5;
import { denseMoments, denseCenteredSumSq, momentSum, momentSumSq, momentMin, momentMax } from './denseColumn';

/**
 * Fills mean, invScale, colSum (Σ_i x_ij, raw) and normSqOverN (‖x̃_j‖²/n) for every column.
 * Two-pass sums, so a large mean with a small spread does not lose precision.
 * With observation weights (weights ≠ 0, Σv = 1) everything is weighted instead; see
 * weightedColumnStats. With weights, `theta` ≠ 0 also gets corr_j = Σ_i theta_i·x_ij (raw
 * columns) in the same sweep: the logistic solver's gradient comes with the statistics of each
 * Newton step's weights for the price of one pass over X.
 */
export function columnStats(
  layout: i32, nRows: i32, nCols: i32, values: usize, indptr: usize, rows: usize,
  fitIntercept: bool, standardize: bool,
  mean: usize, invScale: usize, colSum: usize, normSqOverN: usize, weights: usize, theta: usize, corr: usize,
): void {
  if (weights != 0) {
    weightedColumnStats(layout, nRows, nCols, values, indptr, rows, fitIntercept, standardize, mean, invScale, colSum, normSqOverN, weights, theta, corr);
    return;
  }
  const n = <f64>nRows;
  for (let j: i32 = 0; j < nCols; j++) {
    let sum: f64 = 0, sumSq: f64 = 0;
    let lo: f64 = Infinity, hi: f64 = -Infinity;
    let start: i32 = 0, end: i32 = 0;
    let col: usize = 0;
    if (layout == LAYOUT_DENSE) {
      col = values + ((<usize>j * <usize>nRows) << 3);
      denseMoments(col, nRows);
      sum = momentSum;
      sumSq = momentSumSq;
      lo = momentMin;
      hi = momentMax;
    } else {
      start = load<i32>(indptr + (<usize>j << 2));
      end = load<i32>(indptr + (<usize>j << 2), 4);
      for (let k = start; k < end; k++) {
        const x = load<f64>(values + (<usize>k << 3));
        sum += x;
        sumSq += x * x;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      if (end - start < nRows) {
        if (0 < lo) lo = 0;
        if (0 > hi) hi = 0;
      }
    }
    const xbar = sum / n;
    let ssCentred: f64 = 0;
    if (layout == LAYOUT_DENSE) {
      ssCentred = denseCenteredSumSq(col, nRows, xbar);
    } else {
      for (let k = start; k < end; k++) {
        const d = load<f64>(values + (<usize>k << 3)) - xbar;
        ssCentred += d * d;
      }
      ssCentred += <f64>(nRows - (end - start)) * xbar * xbar;
    }
    const constant = lo == hi;
    // ‖x_j − mean_j‖²: centred when the intercept is fitted, raw otherwise.
    const ss = fitIntercept ? ssCentred : sumSq;
    // Also excluded: a column whose sums of squares underflow to 0 (values near 1e-162 or
    // below), which could not be scaled or updated without dividing by zero.
    const excluded = ((fitIntercept || standardize) ? constant : (lo == 0 && hi == 0)) || ss == 0 || (standardize && ssCentred == 0);
    let inv: f64 = 0;
    if (!excluded) inv = standardize ? 1.0 / Math.sqrt(ssCentred / n) : 1.0;
    store<f64>(mean + (<usize>j << 3), fitIntercept ? xbar : 0);
    store<f64>(invScale + (<usize>j << 3), inv);
    store<f64>(colSum + (<usize>j << 3), sum);
    store<f64>(normSqOverN + (<usize>j << 3), excluded ? 0 : (ss * inv * inv) / n);
  }
}

/**
 * Weighted column statistics (observation weights v, Σv = 1; rows with v = 0, such as
 * a cross-validation fold's held-out rows, do not count): mean_j = Σ v·x_j when an
 * intercept is fitted, sd_j = sqrt(Σ v·(x_j − x̄_j)²), colSum_j = Σ v·x_j and
 * normSqOverN_j = Σ v·x̃_j². A column constant over the rows with v > 0 is excluded
 * under the same rule as without weights.
 */
function weightedColumnStats(
  layout: i32, nRows: i32, nCols: i32, values: usize, indptr: usize, rows: usize,
  fitIntercept: bool, standardize: bool,
  mean: usize, invScale: usize, colSum: usize, normSqOverN: usize, weights: usize, theta: usize, corr: usize,
): void {
  let positive: i32 = 0;
  for (let i: i32 = 0; i < nRows; i++) if (load<f64>(weights + (<usize>i << 3)) > 0) positive++;
  for (let j: i32 = 0; j < nCols; j++) {
    let sum: f64 = 0, sumSq: f64 = 0, storedWeight: f64 = 0;
    let lo: f64 = Infinity, hi: f64 = -Infinity;
    let storedPositive: i32 = 0;
    let dot: f64 = 0;
    let start: i32 = 0, end: i32 = 0;
    const dense = layout == LAYOUT_DENSE;
    if (dense) { start = 0; end = nRows; } else {
      start = load<i32>(indptr + (<usize>j << 2));
      end = load<i32>(indptr + (<usize>j << 2), 4);
    }
    const col = values + ((<usize>j * <usize>nRows) << 3);
    if (dense) {
      for (let k = start; k < end; k++) {
        const x = load<f64>(col + (<usize>k << 3));
        if (theta != 0) dot += load<f64>(theta + (<usize>k << 3)) * x;
        const v = load<f64>(weights + (<usize>k << 3));
        if (v <= 0) continue;
        storedPositive++;
        storedWeight += v;
        sum += v * x;
        sumSq += v * x * x;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
    } else {
      // CSC: the row gathers are the cost; no per-entry layout test.
      for (let k = start; k < end; k++) {
        const o = <usize>load<i32>(rows + (<usize>k << 2)) << 3;
        const x = load<f64>(values + (<usize>k << 3));
        if (theta != 0) dot += load<f64>(theta + o) * x;
        const v = load<f64>(weights + o);
        if (v <= 0) continue;
        storedPositive++;
        storedWeight += v;
        sum += v * x;
        sumSq += v * x * x;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
    }
    if (storedPositive < positive) {
      if (0 < lo) lo = 0;
      if (0 > hi) hi = 0;
    }
    const xbar = sum;
    let ssCentred: f64 = 0;
    if (!fitIntercept && !standardize) {
      // Not used: the uncentred Σvx² is the column's norm.
    } else if (xbar * xbar <= ONE_PASS_SAFE * sumSq) {
      // Σv(x − x̄)² = Σvx² − x̄² (Σv = 1, implicit zeros included), losing at most a bit here.
      ssCentred = sumSq - xbar * xbar;
    } else {
      for (let k = start; k < end; k++) {
        const i = dense ? k : load<i32>(rows + (<usize>k << 2));
        const x = dense ? load<f64>(col + (<usize>k << 3)) : load<f64>(values + (<usize>k << 3));
        const d = x - xbar;
        ssCentred += load<f64>(weights + (<usize>i << 3)) * d * d;
      }
      if (!dense) ssCentred += (1 - storedWeight) * xbar * xbar;
    }
    const constant = lo == hi;
    const ss = fitIntercept ? ssCentred : sumSq;
    const excluded = ((fitIntercept || standardize) ? constant : (lo == 0 && hi == 0)) || ss == 0 || (standardize && ssCentred == 0);
    let inv: f64 = 0;
    if (!excluded) inv = standardize ? 1.0 / Math.sqrt(ssCentred) : 1.0;
    store<f64>(mean + (<usize>j << 3), fitIntercept ? xbar : 0);
    store<f64>(invScale + (<usize>j << 3), inv);
    store<f64>(colSum + (<usize>j << 3), sum);
    store<f64>(normSqOverN + (<usize>j << 3), excluded ? 0 : ss * inv * inv);
    if (theta != 0) store<f64>(corr + (<usize>j << 3), dot);
  }
}
