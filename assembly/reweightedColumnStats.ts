// Column statistics under new observation weights with the column scales held fixed: what a
// proximal Newton step changes (the IRLS weights h) and nothing more. See
// ElasticNetSession.reweight (src/engine/Engine.ts); mirrored by the general
// weightedColumnStats followed by keepFixedScales (src/reference/columnStats.ts).
import { LAYOUT_DENSE, storedEnd, storedStart } from './designColumn';
import * as D from './designDescriptor';

/** As in columnStats.ts: Σh(x − x̄)² = Σhx² − x̄² is taken when x̄² ≤ ½·Σhx² (at most a bit lost). */
const ONE_PASS_SAFE: f64 = 0.5;

/**
 * For every column j with invScale_j ≠ 0 (the fixed scale; 0 = excluded, left so) — or only for
 * the `count` columns listed at `columns` (i32, any order; 0 = every column) — in one sweep:
 *   mean_j = Σ_i h_i·x_ij (with an intercept, else 0), colSum_j = Σ_i h_i·x_ij,
 *   normSqOverN_j = Σ_i h_i·(x_ij − mean_j)²·invScale_j², corr_j = Σ_i θ_i·x_ij,
 * from the interleaved pairs (h_i, θ_i) at `pairs` (2n doubles): a CSC entry costs one 16-byte
 * gather, and the two sums of x and x² run as f64x2 lanes (h and θ side by side). Columns not
 * listed keep their statistics (stale: the caller must not use them) and corr entries. The
 * weights h (Σh = 1) must be positive exactly where the weights the scales were computed under
 * were, so no column changes from excluded to not; a column whose sum of squares comes out 0 is
 * excluded. The caller stores h itself in the descriptor's weights.
 */
export function reweightedColumnStats(desc: usize, pairs: usize, fitIntercept: bool, corr: usize, columns: usize, count: i32): void {
  const layout = D.dLayout(desc), n = D.dRows(desc), p = D.dCols(desc);
  const values = D.dValues(desc), indptr = D.dIndptr(desc), rows = D.dRowIdx(desc);
  const mean = D.dMean(desc), invScale = D.dInvScale(desc), colSum = D.dColSum(desc), normSq = D.dNormSqOverN(desc);
  const dense = layout == LAYOUT_DENSE;
  const listed: i32 = columns == 0 ? p : count;
  for (let k0: i32 = 0; k0 < listed; k0++) {
    const j: i32 = columns == 0 ? k0 : load<i32>(columns + (<usize>k0 << 2));
    const o = <usize>j << 3;
    const inv = load<f64>(invScale + o);
    if (inv == 0) {
      store<f64>(corr + o, 0);
      continue;
    }
    const start = storedStart(dense, indptr, j), end = storedEnd(dense, indptr, j, n);
    const col = values + ((<usize>j * <usize>n) << 3);
    let sum: f64 = 0, sumSq: f64 = 0, dot: f64 = 0;
    if (ASC_FEATURE_SIMD) {
      // (Σhx, Σθx) and (Σhx², ·): two f64x2 accumulators per chain, two chains.
      let first0 = f64x2.splat(0), first1 = f64x2.splat(0);
      let second0 = f64x2.splat(0), second1 = f64x2.splat(0);
      let k = start;
      const end2 = start + ((end - start) & ~1);
      if (dense) {
        for (; k < end2; k += 2) {
          const x0 = f64x2.splat(load<f64>(col + (<usize>k << 3)));
          const x1 = f64x2.splat(load<f64>(col + (<usize>k << 3), 8));
          const a0 = f64x2.mul(v128.load(pairs + (<usize>k << 4)), x0);
          const a1 = f64x2.mul(v128.load(pairs + (<usize>k << 4), 16), x1);
          first0 = f64x2.add(first0, a0);
          first1 = f64x2.add(first1, a1);
          second0 = f64x2.add(second0, f64x2.mul(a0, x0));
          second1 = f64x2.add(second1, f64x2.mul(a1, x1));
        }
        if (k < end) {
          const x0 = f64x2.splat(load<f64>(col + (<usize>k << 3)));
          const a0 = f64x2.mul(v128.load(pairs + (<usize>k << 4)), x0);
          first0 = f64x2.add(first0, a0);
          second0 = f64x2.add(second0, f64x2.mul(a0, x0));
        }
      } else {
        for (; k < end2; k += 2) {
          const pr = rows + (<usize>k << 2);
          const x0 = f64x2.splat(load<f64>(values + (<usize>k << 3)));
          const x1 = f64x2.splat(load<f64>(values + (<usize>k << 3), 8));
          const a0 = f64x2.mul(v128.load(pairs + (<usize>load<i32>(pr) << 4)), x0);
          const a1 = f64x2.mul(v128.load(pairs + (<usize>load<i32>(pr, 4) << 4)), x1);
          first0 = f64x2.add(first0, a0);
          first1 = f64x2.add(first1, a1);
          second0 = f64x2.add(second0, f64x2.mul(a0, x0));
          second1 = f64x2.add(second1, f64x2.mul(a1, x1));
        }
        if (k < end) {
          const x0 = f64x2.splat(load<f64>(values + (<usize>k << 3)));
          const a0 = f64x2.mul(v128.load(pairs + (<usize>load<i32>(rows + (<usize>k << 2)) << 4)), x0);
          first0 = f64x2.add(first0, a0);
          second0 = f64x2.add(second0, f64x2.mul(a0, x0));
        }
      }
      const first = f64x2.add(first0, first1);
      sum = f64x2.extract_lane(first, 0);
      sumSq = f64x2.extract_lane(f64x2.add(second0, second1), 0);
      dot = f64x2.extract_lane(first, 1);
    } else {
      for (let q = start; q < end; q++) {
        const i = dense ? q : load<i32>(rows + (<usize>q << 2));
        const x = dense ? load<f64>(col + (<usize>q << 3)) : load<f64>(values + (<usize>q << 3));
        const hx = load<f64>(pairs + (<usize>i << 4)) * x;
        sum += hx;
        sumSq += hx * x;
        dot += load<f64>(pairs + (<usize>i << 4), 8) * x;
      }
    }
    store<f64>(corr + o, dot);
    let ss = sumSq;
    if (fitIntercept) {
      if (sum * sum <= ONE_PASS_SAFE * sumSq) {
        ss = sumSq - sum * sum;
      } else {
        // Two-pass: Σh(x − x̄)² over the stored entries, plus the implicit zeros' (1 − Σ_stored h)·x̄².
        ss = 0;
        let storedWeight: f64 = 0;
        for (let q = start; q < end; q++) {
          const i = dense ? q : load<i32>(rows + (<usize>q << 2));
          const x = dense ? load<f64>(col + (<usize>q << 3)) : load<f64>(values + (<usize>q << 3));
          const h = load<f64>(pairs + (<usize>i << 4));
          const d = x - sum;
          ss += h * d * d;
          storedWeight += h;
        }
        if (!dense) ss += (1 - storedWeight) * sum * sum;
      }
    }
    store<f64>(mean + o, fitIntercept ? sum : 0);
    store<f64>(colSum + o, sum);
    if (ss > 0) {
      store<f64>(normSq + o, ss * inv * inv);
    } else {
      store<f64>(invScale + o, 0);
      store<f64>(normSq + o, 0);
    }
  }
}
