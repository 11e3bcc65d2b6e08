// Weighted column statistics of the ridge design (see src/ridge/weightedColumnStats.ts, the
// pure-TS reference): μ_j = Σ v_i x_ij (with an intercept), d_j = 1/sqrt(Σ v_i (x_ij − x̄_j)²)
// (with standardization), d_j = 0 for excluded columns, and diag_j = Σ v_i x̃_ij².
// Rows of zero weight are ignored (cross-validation folds); v sums to 1.

/**
 * Fills mean, invScale and diagGram (p doubles each) for a dense (layout 0, column-major values)
 * or CSC (layout 1) X. `positiveRows` is the number of rows with v_i > 0.
 */
export function ridgeColumnStats(
  layout: i32, n: i32, p: i32, values: usize, indptr: usize, rows: usize, v: usize, positiveRows: i32,
  fitIntercept: bool, standardize: bool, mean: usize, invScale: usize, diagGram: usize,
): void {
  const dense = layout == 0;
  for (let j: i32 = 0; j < p; j++) {
    const begin: i32 = dense ? j * n : load<i32>(indptr + (<usize>j << 2));
    const end: i32 = dense ? begin + n : load<i32>(indptr + (<usize>j << 2), 4);
    let storedPositive: i32 = 0;
    let storedWeight: f64 = 0;
    let sum: f64 = 0;
    let lo: f64 = Infinity;
    let hi: f64 = -Infinity;
    for (let k = begin; k < end; k++) {
      const i: i32 = dense ? k - begin : load<i32>(rows + (<usize>k << 2));
      const vi = load<f64>(v + (<usize>i << 3));
      if (vi <= 0) continue;
      const x = load<f64>(values + (<usize>k << 3));
      storedPositive++;
      storedWeight += vi;
      sum += vi * x;
      lo = min(lo, x);
      hi = max(hi, x);
    }
    const implicit = storedPositive < positiveRows;
    if (implicit) {
      lo = min(lo, 0);
      hi = max(hi, 0);
    }
    const xbar = sum;
    let ssCentred: f64 = 0;
    let ssRaw: f64 = 0;
    for (let k = begin; k < end; k++) {
      const i: i32 = dense ? k - begin : load<i32>(rows + (<usize>k << 2));
      const vi = load<f64>(v + (<usize>i << 3));
      if (vi <= 0) continue;
      const x = load<f64>(values + (<usize>k << 3));
      ssCentred += vi * (x - xbar) * (x - xbar);
      ssRaw += vi * x * x;
    }
    if (implicit) ssCentred += max(0.0, 1 - storedWeight) * xbar * xbar;
    const excluded = fitIntercept || standardize ? lo == hi : lo == 0 && hi == 0;
    const d: f64 = excluded ? 0 : standardize ? 1 / Math.sqrt(ssCentred) : 1;
    store<f64>(mean + (<usize>j << 3), fitIntercept ? xbar : 0);
    store<f64>(invScale + (<usize>j << 3), d);
    store<f64>(diagGram + (<usize>j << 3), excluded ? 0 : (fitIntercept ? ssCentred : ssRaw) * d * d);
  }
}
