import { LAYOUT_DENSE, columnGradient, contiguousColumn, cscColumnUpdate, denseColumnCenteredAxpy } from './designColumn';
import { denseAddScalar, denseDot, denseSum } from './denseColumn';
import { softThreshold } from './softThreshold';
import * as D from './designDescriptor';
import { boundedUpdate, penFactor, penLower, penUpper } from './penalty';

// Whether a session uses covariance mode is decided by the façade (src/engine/gramModeRule.ts):
// p ≤ 500 and n ≥ p; it passes a Gram block only then.

/** Columns of G̃ computed since the last reset (each costs one pass over X). */
export let gramColumnsComputed: i32 = 0;

/** Σωr², tracked through the updates of gramPass (set by the caller before the passes). */
export let trackedRss: f64 = 0;

/** Sets the tracked Σωr². */
export function setTrackedRss(value: f64): void {
  trackedRss = value;
}

/** Starts counting computed columns afresh. */
export function resetGramCounter(): void {
  gramColumnsComputed = 0;
}

/**
 * Column j of G̃ = X̃ᵀΩX̃ (G̃_ij = Σ_r ω_r·x̃_ri·x̃_rj, x̃ the centred, scaled columns), computed
 * on first use into the p×p cache (column-major) and marked in `filled`. Costs one pass
 * over X (p column products with the centred column j, built in `scratch`, n doubles).
 */
export function gramColumn(desc: usize, j: i32, cache: usize, filled: usize, scratch: usize): usize {
  const p = D.dCols(desc);
  const column = cache + ((<usize>j * <usize>p) << 3);
  if (load<u8>(filled + <usize>j) != 0) return column;
  gramColumnInto(desc, j, column, scratch);
  store<u8>(filled + <usize>j, 1);
  gramColumnsComputed++;
  return column;
}

/**
 * Column j of G̃ = X̃ᵀΩX̃ written to `column` (p doubles): one pass over X, with the centred
 * column j built in `scratch` (n doubles). Also exported: the façade computes the columns of
 * free unpenalized features with it (the projected dual point of penalty.ts).
 */
export function gramColumnInto(desc: usize, j: i32, column: usize, scratch: usize): void {
  const p = D.dCols(desc);
  const layout = D.dLayout(desc), n = D.dRows(desc);
  const values = D.dValues(desc), indptr = D.dIndptr(desc), rows = D.dRowIdx(desc);
  const mean = D.dMean(desc), invScale = D.dInvScale(desc), weights = D.dWeights(desc);
  const copies = D.dDenseCopies(desc);
  // scratch = x_j − mean_j (every row).
  memory.fill(scratch, 0, <usize>n << 3);
  const muJ = load<f64>(mean + (<usize>j << 3));
  if (layout == LAYOUT_DENSE) denseColumnCenteredAxpy(n, values, j, 1, scratch, muJ);
  else {
    const shift = cscColumnUpdate(n, indptr, values, rows, j, 1, scratch, muJ);
    if (shift != 0) denseAddScalar(shift, scratch, n);
  }
  const sumWT = weights == 0 ? denseSum(scratch, n) : denseDot(weights, scratch, n);
  const invJ = load<f64>(invScale + (<usize>j << 3));
  for (let i: i32 = 0; i < p; i++) {
    const inv = load<f64>(invScale + (<usize>i << 3));
    const source = contiguousColumn(layout, values, n, copies, i);
    const v = inv == 0 ? 0 : inv * invJ * columnGradient(source, n, values, indptr, rows, i, scratch, weights, load<f64>(mean + (<usize>i << 3)), sumWT);
    store<f64>(column + (<usize>i << 3), v);
  }
}

/**
 * One coordinate pass over idx[0..count) in covariance mode: the gradients g of the
 * features in `track` (trackCount of them) are kept current through G̃ instead of through
 * the residual. For each j: z = g_j + a_j·w_j, w_j ← S(z, l1)/(a_j + l2); when w_j moves by δ,
 * g_i −= δ·G̃_ij for every tracked i and Σωr² (trackedRss) −= 2δ·g_j − δ²·a_j. The residual
 * is NOT updated (the caller rebuilds it).
 * Returns max_j a_j·δ_j². With penalty options (pen ≠ 0) the update is penalty.ts's boundedUpdate.
 */
export function gramPass(
  desc: usize, w: usize, g: usize, l1: f64, l2: f64, idx: usize, count: i32,
  track: usize, trackCount: i32, cache: usize, filled: usize, scratch: usize, pen: usize,
): f64 {
  const invScale = D.dInvScale(desc), normSq = D.dNormSqOverN(desc);
  const p = D.dCols(desc);
  const factor = penFactor(pen), lower = penLower(pen, p), upper = penUpper(pen, p);
  let maxChange: f64 = 0;
  for (let k: i32 = 0; k < count; k++) {
    const j = load<i32>(idx + (<usize>k << 2));
    const o = <usize>j << 3;
    if (load<f64>(invScale + o) == 0) continue;
    const aj = load<f64>(normSq + o);
    const wj = load<f64>(w + o);
    let wNew: f64;
    if (pen == 0) wNew = softThreshold(load<f64>(g + o) + aj * wj, l1) / (aj + l2);
    else {
      const v = load<f64>(factor + o);
      wNew = boundedUpdate(load<f64>(g + o) + aj * wj, aj, v * l1, v * l2, load<f64>(lower + o), load<f64>(upper + o));
    }
    if (wNew == wj) continue;
    const delta = wNew - wj;
    store<f64>(w + o, wNew);
    trackedRss += delta * (aj * delta - 2 * load<f64>(g + o));
    const column = gramColumn(desc, j, cache, filled, scratch);
    for (let t: i32 = 0; t < trackCount; t++) {
      const i = load<i32>(track + (<usize>t << 2));
      const gi = g + (<usize>i << 3);
      store<f64>(gi, load<f64>(gi) - delta * load<f64>(column + (<usize>i << 3)));
    }
    const change = aj * delta * delta;
    if (change > maxChange) maxChange = change;
  }
  return maxChange;
}
