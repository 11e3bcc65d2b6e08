import { columnGradient } from './designColumn';
import { denseDot, denseSum, denseWeightedCenteredDot } from './denseColumn';
import * as D from './designDescriptor';

/**
 * The gradient g_j = Σ_i ω_i·x̃_ij·r_i of every (non-excluded, non-screened) feature and
 * the duality gap of F(w) = ½Σ_i ω_i r_i² + l1‖w‖₁ + (l2/2)‖w‖² at w (ω_i = weights[i],
 * or 1/n), with r = ỹ − X̃w the true residual. One pass over X.
 *
 * Two dual points are evaluated and the smaller gap is kept; both duals are valid
 * lower bounds of min F, so the gap bounds F(w) − F*. Using the identity
 * ỹ = r + X̃w, each gap is a sum of terms that vanish at the optimum (no subtraction
 * of two nearly equal objective values):
 * 1. The lasso on augmented data [diag(√ω)X̃; √l2·I] (scikit-learn's dual point, the
 *    augmented residual scaled by s = min(1, l1 / max_j |g_j − l2·w_j|)):
 *      G₁ = (1−s)²·Σωr²/2 − s·Σ w_j·g_j + l1‖w‖₁ + (l2/2)(1+s²)‖w‖²
 * 2. When l2 > 0 the dual is unconstrained; at θ = r:
 *      G₂ = −Σ w_j·g_j + l1‖w‖₁ + (l2/2)‖w‖² + Σ_j (|g_j| − l1)₊² / (2·l2)
 *    (meaningful for ridge, l1 = 0, where G₁ degenerates).
 * Screened features (flags ≠ 0) are left out: they are provably 0 at the optimum, so
 * the gap of the reduced problem certifies the full one.
 *
 * g (if ≠ 0) receives the gradients (0 for excluded/screened features). Writes
 * out[0] = primal, out[1] = primal − gap, out[2] = gap, out[3] = max_j |g_j − l2·w_j|,
 * out[4] = G₁ (the gap of the augmented-lasso dual point, which gap-safe screening
 * uses), out[8] = Σ_i ω_i·r_i² (for the explained deviance). out holds 9 doubles.
 * Returns the gap.
 */
export function elasticNetGradientAndGap(
  desc: usize, r: usize, w: usize, l1: f64, l2: f64, g: usize, screened: usize, out: usize,
): f64 {
  return gradientAndGapOver(desc, r, w, l1, l2, g, screened, 0, D.dCols(desc), out);
}

/**
 * elasticNetGradientAndGap restricted to the columns idx[0..count) (all when idx = 0).
 * Over a working set W this is the gap of the problem restricted to W; it equals the
 * full problem's gap whenever every feature outside W is at 0 and satisfies its KKT
 * condition |g_j| ≤ l1 (such features change neither the dual scaling nor any term).
 */
export function gradientAndGapOver(
  desc: usize, r: usize, w: usize, l1: f64, l2: f64, g: usize, screened: usize, idx: usize, count: i32, out: usize,
): f64 {
  const layout = D.dLayout(desc), n = D.dRows(desc);
  const values = D.dValues(desc), indptr = D.dIndptr(desc), rows = D.dRowIdx(desc);
  const mean = D.dMean(desc), invScale = D.dInvScale(desc), weights = D.dWeights(desc);
  const rrW = weights == 0 ? denseDot(r, r, n) / <f64>n : denseWeightedCenteredDot(r, weights, r, n, 0);
  const sumWR = weights == 0 ? denseSum(r, n) : denseDot(weights, r, n);
  let corrMax: f64 = 0;
  let conj: f64 = 0;
  let wl1: f64 = 0, wl2: f64 = 0, wg: f64 = 0;
  for (let k: i32 = 0; k < count; k++) {
    const j: i32 = idx == 0 ? k : load<i32>(idx + (<usize>k << 2));
    const o = <usize>j << 3;
    const inv = load<f64>(invScale + o);
    if (inv == 0 || (screened != 0 && load<u8>(screened + <usize>j) != 0)) {
      if (g != 0) store<f64>(g + o, 0);
      continue;
    }
    const wj = load<f64>(w + o);
    const gj = inv * columnGradient(layout, n, values, indptr, rows, j, r, weights, load<f64>(mean + o), sumWR);
    if (g != 0) store<f64>(g + o, gj);
    wl1 += Math.abs(wj);
    wl2 += wj * wj;
    wg += wj * gj;
    const c = Math.abs(gj - l2 * wj);
    if (c > corrMax) corrMax = c;
    const e = Math.abs(gj) - l1;
    if (e > 0) conj += e * e;
  }
  return finishGap(rrW, corrMax, conj, wl1, wl2, wg, l1, l2, out);
}

/**
 * The gap quantities of elasticNetGradientAndGap over idx[0..count) from gradients already in
 * g and a given Σωr² (rrW), without touching X. Writes out like it; returns the gap.
 */
export function gapFromGradients(
  desc: usize, w: usize, l1: f64, l2: f64, g: usize, idx: usize, count: i32, rrW: f64, out: usize,
): f64 {
  const invScale = D.dInvScale(desc);
  let corrMax: f64 = 0;
  let conj: f64 = 0;
  let wl1: f64 = 0, wl2: f64 = 0, wg: f64 = 0;
  for (let k: i32 = 0; k < count; k++) {
    const j: i32 = idx == 0 ? k : load<i32>(idx + (<usize>k << 2));
    const o = <usize>j << 3;
    if (load<f64>(invScale + o) == 0) continue;
    const wj = load<f64>(w + o);
    const gj = load<f64>(g + o);
    wl1 += Math.abs(wj);
    wl2 += wj * wj;
    wg += wj * gj;
    const c = Math.abs(gj - l2 * wj);
    if (c > corrMax) corrMax = c;
    const e = Math.abs(gj) - l1;
    if (e > 0) conj += e * e;
  }
  return finishGap(rrW, corrMax, conj, wl1, wl2, wg, l1, l2, out);
}

/** The two gaps from their sums (see elasticNetGradientAndGap); writes out; returns the gap. */
function finishGap(rrW: f64, corrMax: f64, conj: f64, wl1: f64, wl2: f64, wg: f64, l1: f64, l2: f64, out: usize): f64 {
  const primal = 0.5 * rrW + l1 * wl1 + 0.5 * l2 * wl2;
  let s: f64 = 1;
  if (corrMax > l1) s = l1 / corrMax;
  let gap1 = (1 - s) * (1 - s) * rrW * 0.5 - s * wg + l1 * wl1 + 0.5 * l2 * (1 + s * s) * wl2;
  if (gap1 < 0) gap1 = 0;
  let gap = gap1;
  if (l2 > 0) {
    const gap2 = -wg + l1 * wl1 + 0.5 * l2 * wl2 + conj / (2 * l2);
    if (gap2 < gap) gap = gap2;
  }
  if (gap < 0) gap = 0;
  store<f64>(out, primal);
  store<f64>(out, primal - gap, 8);
  store<f64>(out, gap, 16);
  store<f64>(out, corrMax, 24);
  store<f64>(out, gap1, 32);
  store<f64>(out, rrW, 64);
  return gap;
}

/** The duality gap alone (see elasticNetGradientAndGap); out holds 9 doubles. */
export function elasticNetDualGap(desc: usize, r: usize, w: usize, l1: f64, l2: f64, out: usize): f64 {
  return elasticNetGradientAndGap(desc, r, w, l1, l2, 0, 0, out);
}
