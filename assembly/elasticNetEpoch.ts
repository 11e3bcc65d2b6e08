import { LAYOUT_DENSE, centeredColumnDot, cscColumnUpdate, denseColumnCenteredAxpy } from './designColumn';
import { denseAddScalar, denseSum } from './denseColumn';
import { softThreshold } from './softThreshold';
import * as D from './designDescriptor';

/**
 * One cyclic coordinate-descent pass over all features for
 *   F(w) = (1/(2n))‖r‖² + l1‖w‖₁ + (l2/2)‖w‖²,   r = ỹ − X̃w,
 * with l1 = λα, l2 = λ(1−α) and x̃_j = (x_j − mean_j)·invScale_j. For each j:
 *   z   = x̃_jᵀr/n + a_j·w_j          (a_j = ‖x̃_j‖²/n)
 *   w_j ← S(z, l1) / (a_j + l2)
 * and the residual is updated only when w_j moved.
 *
 * Dense: r is the residual itself, and both the dot product and the update use the
 * column centred element by element, r −= δ·invScale_j·(x_j − mean_j).
 *
 * CSC (never densified): an update touches only the column's stored rows; the mean
 * part goes into a scalar, r_true = r + shift, folded back at the end of the pass.
 * (A column that stores every row is centred element by element instead, like dense.)
 * The gradient uses the centred column against the stored r,
 *   (x_j − mean_j)ᵀr = Σ_k (x_k − mean_j)·r[i_k] − mean_j·(Σ_i r_i − Σ_k r[i_k]),
 * which equals (x_j − mean_j)ᵀr_true because the centred column sums to 0. Σ_i r_i is
 * recomputed exactly at the start of each pass and updated with each step, so its
 * rounding cannot accumulate across passes.
 *
 * Returns max_j a_j·δ_j², the largest per-coordinate decrease scale of the pass.
 */
export function elasticNetEpoch(desc: usize, r: usize, w: usize, l1: f64, l2: f64): f64 {
  const layout = D.dLayout(desc), n = D.dRows(desc), p = D.dCols(desc);
  const values = D.dValues(desc), indptr = D.dIndptr(desc), rows = D.dRowIdx(desc);
  const mean = D.dMean(desc), invScale = D.dInvScale(desc);
  const colSum = D.dColSum(desc), normSqOverN = D.dNormSqOverN(desc);
  const dense = layout == LAYOUT_DENSE;
  const invN: f64 = 1.0 / <f64>n;
  let shift: f64 = 0;
  let sumR: f64 = dense ? 0 : denseSum(r, n);
  let maxChange: f64 = 0;
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    const inv = load<f64>(invScale + o);
    if (inv == 0) continue;
    const mu = load<f64>(mean + o);
    const aj = load<f64>(normSqOverN + o);
    const wj = load<f64>(w + o);
    const xr = centeredColumnDot(layout, n, values, indptr, rows, j, r, mu, sumR);
    const z = inv * xr * invN + aj * wj;
    const wNew = softThreshold(z, l1) / (aj + l2);
    if (wNew != wj) {
      const delta = wNew - wj;
      store<f64>(w + o, wNew);
      const a = delta * inv;
      if (dense) {
        denseColumnCenteredAxpy(n, values, j, -a, r, mu);
      } else {
        const s = cscColumnUpdate(n, indptr, values, rows, j, -a, r, mu);
        shift += s;
        // Σr moves by −a·Σ_k x_k on the stored rows, plus a·mu·n for a full (centred) column.
        sumR -= a * load<f64>(colSum + o) + (s == 0 ? -a * mu * <f64>n : 0);
      }
      const change = aj * delta * delta;
      if (change > maxChange) maxChange = change;
    }
  }
  if (shift != 0) denseAddScalar(shift, r, n);
  return maxChange;
}
