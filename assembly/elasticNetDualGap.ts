import { centeredColumnDot } from './designColumn';
import { denseDot, denseSum } from './denseColumn';
import * as D from './designDescriptor';

/**
 * Duality gap of F(w) = (1/(2n))‖r‖² + l1‖w‖₁ + (l2/2)‖w‖² at w, with r = ỹ − X̃w.
 * Two dual points are evaluated and the smaller gap is kept; both duals are valid
 * lower bounds of min F, so the gap bounds the suboptimality F(w) − F*.
 *
 * With g_j = x̃_jᵀr/n and the identity ỹ = r + X̃w (so rᵀỹ = ‖r‖² + n·Σ_j w_j·g_j),
 * each gap is written as a sum of terms that vanish at the optimum, which avoids
 * subtracting two nearly equal objective values (the naive P − D bottoms out at
 * about 1e-16·‖r‖²/n):
 *
 * 1. The lasso on augmented data [X̃; √(n·l2)·I] (scikit-learn's dual point θ = s·ρ/n,
 *    ρ = [r; −√(n·l2)·w], s = min(1, l1 / max_j |g_j − l2·w_j|)):
 *      G₁ = (1−s)²‖r‖²/(2n) − s·Σ w_j·g_j + l1‖w‖₁ + (l2/2)(1+s²)‖w‖²
 * 2. When l2 > 0 the dual is unconstrained; at θ = r/n:
 *      G₂ = −Σ w_j·g_j + l1‖w‖₁ + (l2/2)‖w‖² + Σ_j (|g_j| − l1)₊² / (2·l2)
 *    (meaningful for ridge, l1 = 0, where G₁ degenerates).
 *
 * Columns are centred implicitly (see designColumn.ts): x̃_jᵀr = invScale_j·(x_j − mean_j)ᵀr.
 * Writes out[0] = primal F(w), out[1] = dual value F(w) − gap, out[2] = gap; returns the gap.
 */
export function elasticNetDualGap(desc: usize, r: usize, w: usize, l1: f64, l2: f64, out: usize): f64 {
  const layout = D.dLayout(desc), n = D.dRows(desc), p = D.dCols(desc);
  const values = D.dValues(desc), indptr = D.dIndptr(desc), rows = D.dRowIdx(desc);
  const mean = D.dMean(desc), invScale = D.dInvScale(desc);
  const invN: f64 = 1.0 / <f64>n;
  const rr = denseDot(r, r, n);
  const sumR = denseSum(r, n);
  let corrMax: f64 = 0;
  let conj: f64 = 0;
  let wl1: f64 = 0, wl2: f64 = 0, wg: f64 = 0;
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    const inv = load<f64>(invScale + o);
    if (inv == 0) continue;
    const wj = load<f64>(w + o);
    const g = inv * centeredColumnDot(layout, n, values, indptr, rows, j, r, load<f64>(mean + o), sumR) * invN;
    wl1 += Math.abs(wj);
    wl2 += wj * wj;
    wg += wj * g;
    const c = Math.abs(g - l2 * wj);
    if (c > corrMax) corrMax = c;
    const e = Math.abs(g) - l1;
    if (e > 0) conj += e * e;
  }
  const primal = rr * 0.5 * invN + l1 * wl1 + 0.5 * l2 * wl2;
  let s: f64 = 1;
  if (corrMax > l1) s = l1 / corrMax;
  let gap = (1 - s) * (1 - s) * rr * 0.5 * invN - s * wg + l1 * wl1 + 0.5 * l2 * (1 + s * s) * wl2;
  if (l2 > 0) {
    const gap2 = -wg + l1 * wl1 + 0.5 * l2 * wl2 + conj / (2 * l2);
    if (gap2 < gap) gap = gap2;
  }
  if (gap < 0) gap = 0;
  store<f64>(out, primal);
  store<f64>(out, primal - gap, 8);
  store<f64>(out, gap, 16);
  return gap;
}
