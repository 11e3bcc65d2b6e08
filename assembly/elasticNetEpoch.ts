import { columnDot, columnAxpy } from './designColumn';
import { denseAddScalar } from './denseColumn';
import { softThreshold } from './softThreshold';
import * as D from './designDescriptor';

/**
 * One cyclic coordinate-descent pass over all features for
 *   F(w) = (1/(2n))‖r‖² + l1‖w‖₁ + (l2/2)‖w‖²,   r = ỹ − X̃w,
 * with l1 = λα, l2 = λ(1−α). For each j:
 *   z   = x̃_jᵀr/n + a_j·w_j          (a_j = ‖x̃_j‖²/n)
 *   w_j ← S(z, l1) / (a_j + l2)
 * and the residual is updated only when w_j moved.
 *
 * Centring without densifying: r is stored as r_true − c·1, where the scalar c
 * collects the mean shifts, so a CSC update touches only the column's non-zeros:
 *   x̃_jᵀr_true = invScale_j·(x_jᵀr + c·Σ_i x_ij)       (Σ_i r_true_i = 0)
 *   r_true −= δ·x̃_j  ⇔  r −= δ·invScale_j·x_j,  c += δ·invScale_j·mean_j
 * c is folded back into r at the end of the pass.
 *
 * Returns max_j a_j·δ_j², the largest per-coordinate decrease scale of the pass.
 */
export function elasticNetEpoch(desc: usize, r: usize, w: usize, l1: f64, l2: f64): f64 {
  const layout = D.dLayout(desc), n = D.dRows(desc), p = D.dCols(desc);
  const values = D.dValues(desc), indptr = D.dIndptr(desc), rows = D.dRowIdx(desc);
  const mean = D.dMean(desc), invScale = D.dInvScale(desc);
  const colSum = D.dColSum(desc), normSqOverN = D.dNormSqOverN(desc);
  const invN: f64 = 1.0 / <f64>n;
  let shift: f64 = 0;
  let maxChange: f64 = 0;
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    const inv = load<f64>(invScale + o);
    if (inv == 0) continue;
    const aj = load<f64>(normSqOverN + o);
    const wj = load<f64>(w + o);
    const xr = columnDot(layout, n, values, indptr, rows, j, r) + shift * load<f64>(colSum + o);
    const z = inv * xr * invN + aj * wj;
    const wNew = softThreshold(z, l1) / (aj + l2);
    if (wNew != wj) {
      const delta = wNew - wj;
      store<f64>(w + o, wNew);
      const a = delta * inv;
      columnAxpy(layout, n, values, indptr, rows, j, -a, r);
      shift += a * load<f64>(mean + o);
      const change = aj * delta * delta;
      if (change > maxChange) maxChange = change;
    }
  }
  if (shift != 0) denseAddScalar(shift, r, n);
  return maxChange;
}
