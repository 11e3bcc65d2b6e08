import { LAYOUT_DENSE, columnGradient, contiguousColumn, cscColumnUpdate } from './designColumn';
import { denseAddScalar, denseSum, denseDot, denseCenteredAxpy } from './denseColumn';
import { softThreshold } from './softThreshold';
import * as D from './designDescriptor';
import { boundedUpdate, penFactor, penLower, penUpper } from './penalty';

// State of a run of coordinate passes on CSC data (dense data needs none): the stored
// residual is r_true − shift·1, and sumWR = Σ_i ω'_i·r_i of the stored r (ω' = weights
// or 1). Kept across passes so a pass over a few columns costs only their non-zeros;
// beginPasses computes sumWR exactly, endPasses folds the shift back into r.
let shift: f64 = 0;
let sumWR: f64 = 0;

/** Starts a run of passes: exact Σω'r (CSC). */
export function beginPasses(desc: usize, r: usize): void {
  shift = 0;
  if (D.dLayout(desc) == LAYOUT_DENSE) return;
  const weights = D.dWeights(desc);
  sumWR = weights == 0 ? denseSum(r, D.dRows(desc)) : denseDot(weights, r, D.dRows(desc));
}

/** Ends a run of passes: r is the true residual again. */
export function endPasses(desc: usize, r: usize): void {
  if (shift != 0) denseAddScalar(shift, r, D.dRows(desc));
  shift = 0;
}

/**
 * One cyclic coordinate-descent pass over the columns idx[0..count) (all columns in
 * order when idx = 0) for
 *   F(w) = ½Σ_i ω_i r_i² + l1‖w‖₁ + (l2/2)‖w‖²,   r = ỹ − X̃w,   x̃_j = (x_j − mean_j)·invScale_j,
 * ω_i = weights[i] or 1/n. For each j:  z = Σ ω x̃_j r + a_j·w_j  (a_j = Σ ω x̃_j²),
 * w_j ← S(z, l1)/(a_j + l2), and r is updated only when w_j moved (dense: centred
 * element by element; CSC: stored rows plus the scalar shift). Must run between
 * beginPasses and endPasses. Returns max_j a_j·δ_j² over the pass.
 *
 * With penalty options (pen ≠ 0; see penalty.ts) the update is
 * w_j ← clip(S(z, v_j·l1)/(a_j + v_j·l2), L_j, U_j) (coordinatePassPenalized).
 */
export function coordinatePass(desc: usize, r: usize, w: usize, l1: f64, l2: f64, idx: usize, count: i32, pen: usize): f64 {
  if (pen != 0) return coordinatePassPenalized(desc, r, w, l1, l2, idx, count, pen);
  const layout = D.dLayout(desc), n = D.dRows(desc);
  const values = D.dValues(desc), indptr = D.dIndptr(desc), rows = D.dRowIdx(desc);
  const mean = D.dMean(desc), invScale = D.dInvScale(desc);
  const colSum = D.dColSum(desc), normSq = D.dNormSqOverN(desc), weights = D.dWeights(desc);
  const dense = layout == LAYOUT_DENSE;
  const copies = D.dDenseCopies(desc);
  // Total of ω' (for the Σω'r change of a centred full-column update): Σv = 1, or n.
  const weightTotal: f64 = weights == 0 ? <f64>n : 1.0;
  let maxChange: f64 = 0;
  for (let k: i32 = 0; k < count; k++) {
    const j: i32 = idx == 0 ? k : load<i32>(idx + (<usize>k << 2));
    const o = <usize>j << 3;
    const inv = load<f64>(invScale + o);
    if (inv == 0) continue;
    const mu = load<f64>(mean + o);
    const aj = load<f64>(normSq + o);
    const wj = load<f64>(w + o);
    // Dense, or a heavy CSC column's dense copy: sequential (SIMD) passes instead of gathers.
    const column = contiguousColumn(layout, values, n, copies, j);
    const gj = inv * columnGradient(column, n, values, indptr, rows, j, r, weights, mu, sumWR);
    const wNew = softThreshold(gj + aj * wj, l1) / (aj + l2);
    if (wNew != wj) {
      const delta = wNew - wj;
      store<f64>(w + o, wNew);
      const a = delta * inv;
      if (column != 0) {
        denseCenteredAxpy(-a, column, r, n, mu);
        // (A CSC column's copy: every row centred exactly, no shift; Σω'r moves by −a·(Σω'x − mu·Σω').)
        if (!dense) sumWR -= a * load<f64>(colSum + o) - a * mu * weightTotal;
      } else {
        const s = cscColumnUpdate(n, indptr, values, rows, j, -a, r, mu);
        shift += s;
        // Σω'r moves by −a·Σ_k ω'x_k on the stored rows, plus a·mu·Σω' for a full (centred) column.
        sumWR -= a * load<f64>(colSum + o) + (s == 0 ? -a * mu * weightTotal : 0);
      }
      const change = aj * delta * delta;
      if (change > maxChange) maxChange = change;
    }
  }
  return maxChange;
}


/** coordinatePass with per-feature factors and bounds (see penalty.ts); same contract. */
function coordinatePassPenalized(desc: usize, r: usize, w: usize, l1: f64, l2: f64, idx: usize, count: i32, pen: usize): f64 {
  const layout = D.dLayout(desc), n = D.dRows(desc);
  const values = D.dValues(desc), indptr = D.dIndptr(desc), rows = D.dRowIdx(desc);
  const mean = D.dMean(desc), invScale = D.dInvScale(desc);
  const colSum = D.dColSum(desc), normSq = D.dNormSqOverN(desc), weights = D.dWeights(desc);
  const dense = layout == LAYOUT_DENSE;
  const copies = D.dDenseCopies(desc);
  // Total of ω' (for the Σω'r change of a centred full-column update): Σv = 1, or n.
  const weightTotal: f64 = weights == 0 ? <f64>n : 1.0;
  const p = D.dCols(desc);
  const factor = penFactor(pen), lower = penLower(pen, p), upper = penUpper(pen, p);
  let maxChange: f64 = 0;
  for (let k: i32 = 0; k < count; k++) {
    const j: i32 = idx == 0 ? k : load<i32>(idx + (<usize>k << 2));
    const o = <usize>j << 3;
    const inv = load<f64>(invScale + o);
    if (inv == 0) continue;
    const mu = load<f64>(mean + o);
    const aj = load<f64>(normSq + o);
    const wj = load<f64>(w + o);
    // Dense, or a heavy CSC column's dense copy: sequential (SIMD) passes instead of gathers.
    const column = contiguousColumn(layout, values, n, copies, j);
    const gj = inv * columnGradient(column, n, values, indptr, rows, j, r, weights, mu, sumWR);
    const v = load<f64>(factor + o);
    const wNew = boundedUpdate(gj + aj * wj, aj, v * l1, v * l2, load<f64>(lower + o), load<f64>(upper + o));
    if (wNew != wj) {
      const delta = wNew - wj;
      store<f64>(w + o, wNew);
      const a = delta * inv;
      if (column != 0) {
        denseCenteredAxpy(-a, column, r, n, mu);
        // (A CSC column's copy: every row centred exactly, no shift; Σω'r moves by −a·(Σω'x − mu·Σω').)
        if (!dense) sumWR -= a * load<f64>(colSum + o) - a * mu * weightTotal;
      } else {
        const s = cscColumnUpdate(n, indptr, values, rows, j, -a, r, mu);
        shift += s;
        // Σω'r moves by −a·Σ_k ω'x_k on the stored rows, plus a·mu·Σω' for a full (centred) column.
        sumWR -= a * load<f64>(colSum + o) + (s == 0 ? -a * mu * weightTotal : 0);
      }
      const change = aj * delta * delta;
      if (change > maxChange) maxChange = change;
    }
  }
  return maxChange;
}
