import type { DesignMatrix } from '../matrix/DesignMatrix.js';

/** As assembly/columnStats.ts: weighted Σv(x − x̄)² from one sweep when x̄² ≤ ½·Σvx². */
const ONE_PASS_SAFE = 0.5;

/** Column statistics defining x̃_j = (x_j − mean_j)·invScale_j; see assembly/columnStats.ts. */
export interface ColumnStats {
  mean: Float64Array;
  /** 0 marks an excluded (constant or all-zero) column. */
  invScale: Float64Array;
  /** Σ_i x_ij of the raw column; Σ_i v_i·x_ij with observation weights v. */
  colSum: Float64Array;
  /** a_j = ‖x̃_j‖²/n; Σ_i v_i·x̃_ij² with observation weights v. */
  normSqOverN: Float64Array;
}

/**
 * Pure-TS reference of the `columnStats` kernel: glmnet's standardization (the centred
 * 1/n standard deviation, also without an intercept), two-pass sums. Constant columns
 * are excluded when an intercept is fitted or the data are standardized; all-zero
 * columns always.
 *
 * Without weights: mean_j = x̄_j = Σx_ij/n (0 without intercept), sd_j = √(Σ(x_ij − x̄_j)²/n),
 * colSum_j = Σ_i x_ij, normSqOverN_j = ‖x_j − mean_j‖²·invScale_j²/n.
 * With observation weights v (Σv = 1; see {@link weightedColumnStats}) every sum is weighted.
 */
export function columnStats(X: DesignMatrix, fitIntercept: boolean, standardize: boolean, weights?: Float64Array): ColumnStats {
  if (weights !== undefined) return weightedColumnStats(X, fitIntercept, standardize, weights).stats;
  const n = X.nRows;
  const p = X.nCols;
  const stats = emptyStats(p);
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
    const ss = fitIntercept ? ssCentred : sumSq;
    // Also excluded: sums of squares that underflow to 0 (no scale, no update without 0/0).
    const excluded = (fitIntercept || standardize ? constant : lo === 0 && hi === 0) || ss === 0 || (standardize && ssCentred === 0);
    const inv = excluded ? 0 : standardize ? 1 / Math.sqrt(ssCentred / n) : 1;
    stats.mean[j] = fitIntercept ? xbar : 0;
    stats.invScale[j] = inv;
    stats.colSum[j] = sum;
    stats.normSqOverN[j] = excluded ? 0 : (ss * inv * inv) / n;
  }
  return stats;
}

/**
 * Weighted column statistics (reference of `weightedColumnStats`), observation weights v with
 * Σv = 1; rows with v = 0 (a cross-validation fold's held-out rows) do not count:
 *
 *   mean_j = x̄_j = Σ_i v_i·x_ij (0 without intercept),   sd_j = √(Σ_i v_i·(x_ij − x̄_j)²),
 *   colSum_j = Σ_i v_i·x_ij,   normSqOverN_j = a_j = Σ_i v_i·x̃_ij².
 *
 * A column constant over the rows with v > 0 (implicit zeros of a CSC column count when one of
 * them has v > 0) is excluded under the same rule as without weights.
 *
 * With `thetas` (vectors of n numbers) the same sweep also gives correlations[t]_j = Σ_i thetas[t]_i·x_ij
 * (raw columns), as the kernels' `theta`/`corr` arguments do.
 */
export function weightedColumnStats(
  X: DesignMatrix, fitIntercept: boolean, standardize: boolean, weights: Float64Array, thetas: readonly Float64Array[] = [],
): { stats: ColumnStats; correlations: Float64Array[] } {
  const n = X.nRows;
  const p = X.nCols;
  const stats = emptyStats(p);
  const correlations = thetas.map(() => new Float64Array(p));
  const s = X.storage;
  const dense = s instanceof Float64Array;
  let positive = 0;
  for (let i = 0; i < n; i++) if (weights[i]! > 0) positive++;
  for (let j = 0; j < p; j++) {
    // Stored entries of column j: positions [begin, end) of the dense column or of the CSC arrays.
    const values = dense ? s : s.data;
    const begin = dense ? j * n : s.indptr[j]!;
    const end = dense ? begin + n : s.indptr[j + 1]!;
    const rowOf = (k: number): number => (dense ? k - begin : s.indices[k]!);
    let sum = 0;
    let sumSq = 0;
    let storedWeight = 0;
    let storedPositive = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = begin; k < end; k++) {
      const x = values[k]!;
      for (let t = 0; t < thetas.length; t++) correlations[t]![j] = correlations[t]![j]! + thetas[t]![rowOf(k)]! * x;
      const v = weights[rowOf(k)]!;
      if (v <= 0) continue;
      storedPositive++;
      storedWeight += v;
      sum += v * x;
      sumSq += v * x * x;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    if (storedPositive < positive) {
      // Some row with v > 0 is an implicit zero.
      lo = Math.min(lo, 0);
      hi = Math.max(hi, 0);
    }
    const xbar = sum;
    let ssCentred = 0;
    if (!fitIntercept && !standardize) {
      // Not used: the uncentred Σvx² is the column's norm.
    } else if (xbar * xbar <= ONE_PASS_SAFE * sumSq) {
      // One sweep: Σv(x − x̄)² = Σvx² − x̄², at most a bit lost (see assembly/columnStats.ts).
      ssCentred = sumSq - xbar * xbar;
    } else {
      for (let k = begin; k < end; k++) {
        const d = values[k]! - xbar;
        ssCentred += weights[rowOf(k)]! * d * d;
      }
      // The implicit zeros carry the remaining weight 1 − Σ_stored v.
      if (!dense) ssCentred += (1 - storedWeight) * xbar * xbar;
    }
    const constant = lo === hi;
    const ss = fitIntercept ? ssCentred : sumSq;
    const excluded = (fitIntercept || standardize ? constant : lo === 0 && hi === 0) || ss === 0 || (standardize && ssCentred === 0);
    const inv = excluded ? 0 : standardize ? 1 / Math.sqrt(ssCentred) : 1;
    stats.mean[j] = fitIntercept ? xbar : 0;
    stats.invScale[j] = inv;
    stats.colSum[j] = sum;
    stats.normSqOverN[j] = excluded ? 0 : ss * inv * inv;
  }
  return { stats, correlations };
}

function emptyStats(p: number): ColumnStats {
  return {
    mean: new Float64Array(p),
    invScale: new Float64Array(p),
    colSum: new Float64Array(p),
    normSqOverN: new Float64Array(p),
  };
}

/**
 * @internal Restores fixed column scales after the statistics were recomputed under new weights
 * (see `ElasticNetSession.reweight`): invScale_j ← fixed_j and a_j ← a_j·(fixed_j/invScale_j)², so
 * x̃_j = (x_j − mean_j)·fixed_j with the new weighted mean. A column excluded at either time stays
 * excluded (scale 0). Works in place on views of the statistics (also WebAssembly memory).
 */
export function keepFixedScales(invScale: Float64Array, normSqOverN: Float64Array, fixed: Float64Array): void {
  for (let j = 0; j < fixed.length; j++) {
    const now = invScale[j]!;
    const keep = fixed[j]!;
    if (now === 0 || keep === 0) {
      invScale[j] = 0;
      normSqOverN[j] = 0;
    } else if (now !== keep) {
      const ratio = keep / now;
      normSqOverN[j] = normSqOverN[j]! * ratio * ratio;
      invScale[j] = keep;
    }
  }
}
