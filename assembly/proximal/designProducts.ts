// Matrix–vector products with the implicitly centred and scaled design
// X̃ = (X − 1·meanᵀ)·diag(invScale), dense or CSC, built from the SIMD column kernels of
// denseColumn.ts / cscColumn.ts (through designColumn.ts). X is never copied or densified.
import { LAYOUT_DENSE, columnGradient, contiguousColumn, cscColumnUpdate, denseColumnCenteredAxpy } from '../designColumn';
import { denseAddScalar, denseDot, denseSum } from '../denseColumn';
import * as D from '../designDescriptor';

/**
 * out = b·1 + X̃v = b·1 + Σ_j v_j·invScale_j·(x_j − mean_j·1): one column axpy per non-zero
 * v_j; CSC columns update their stored rows and collect the mean part in one scalar shift.
 */
export function designMatvec(desc: usize, v: usize, b: f64, out: usize): void {
  const layout = D.dLayout(desc), n = D.dRows(desc), p = D.dCols(desc);
  const values = D.dValues(desc), indptr = D.dIndptr(desc), rows = D.dRowIdx(desc);
  const mean = D.dMean(desc), invScale = D.dInvScale(desc);
  for (let i: i32 = 0; i < n; i++) store<f64>(out + (<usize>i << 3), b);
  let shift: f64 = 0;
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    const a = load<f64>(v + o) * load<f64>(invScale + o);
    if (a == 0) continue;
    const mu = load<f64>(mean + o);
    if (layout == LAYOUT_DENSE) denseColumnCenteredAxpy(n, values, j, a, out, mu);
    else shift += cscColumnUpdate(n, indptr, values, rows, j, a, out, mu);
  }
  if (shift != 0) denseAddScalar(shift, out, n);
}

/**
 * g = X̃ᵀ(ω∘u): g_j = invScale_j·Σ_i ω_i·(x_ij − mean_j)·u_i (ω_i = weights[i], or 1/n),
 * 0 for excluded columns. Returns Σ_i ω_i·u_i.
 */
export function designGradient(desc: usize, u: usize, g: usize): f64 {
  const layout = D.dLayout(desc), n = D.dRows(desc), p = D.dCols(desc);
  const values = D.dValues(desc), indptr = D.dIndptr(desc), rows = D.dRowIdx(desc);
  const mean = D.dMean(desc), invScale = D.dInvScale(desc), weights = D.dWeights(desc);
  const copies = D.dDenseCopies(desc);
  const sumWU = weights == 0 ? denseSum(u, n) : denseDot(weights, u, n);
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    const inv = load<f64>(invScale + o);
    const column = contiguousColumn(layout, values, n, copies, j);
    store<f64>(g + o, inv == 0 ? 0 : inv * columnGradient(column, n, values, indptr, rows, j, u, weights, load<f64>(mean + o), sumWU));
  }
  return weights == 0 ? sumWU / <f64>n : sumWU;
}
