import { columnCenteredDot, columnGradient, contiguousColumn } from './designColumn';
import { denseDot, denseSum, denseWeightedCenteredDot } from './denseColumn';
import * as D from './designDescriptor';
import { penalizedGap, storePenalizedGap } from './penalty';

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
 * uses), out[8] = Σ_i ω_i·r_i² (for the explained deviance). out holds 10 doubles.
 *
 * With penalty options (pen ≠ 0, see penalty.ts; g must be given) the certificate is
 * penalizedGap's: the generalized gaps, or the KKT residual in KKT mode; out[9] = the dual
 * scaling s of G₁. Returns the gap (the KKT residual in KKT mode).
 */
export function elasticNetGradientAndGap(
  desc: usize, r: usize, w: usize, l1: f64, l2: f64, g: usize, screened: usize, out: usize, pen: usize,
): f64 {
  return gradientAndGapOver(desc, r, w, l1, l2, g, screened, 0, D.dCols(desc), out, pen);
}

/** Σ_i ω_i·r_i² (ω_i = weights[i], or 1/n): twice the loss at residual r. */
export function weightedRss(r: usize, weights: usize, n: i32): f64 {
  return weights == 0 ? denseDot(r, r, n) / <f64>n : denseWeightedCenteredDot(r, weights, r, n, 0);
}

/** ρ_i = ω_i·r_i into rho; returns Σ_i ρ_i. */
function weightedResidualInto(rho: usize, weights: usize, r: usize, n: i32): f64 {
  let sum: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const v = load<f64>(weights + o) * load<f64>(r + o);
    store<f64>(rho + o, v);
    sum += v;
  }
  return sum;
}

// Running sums of the gap formulas over the features (module state: AssemblyScript returns one
// value): ‖w‖₁, ‖w‖², Σ w_j·g_j, max_j |g_j − l2·w_j| and Σ_j (|g_j| − l1)₊².
let sumL1: f64 = 0, sumL2: f64 = 0, sumWG: f64 = 0, sumCorrMax: f64 = 0, sumConj: f64 = 0;

/** Starts the running sums afresh. */
// @ts-ignore: decorator
@inline
export function resetGapSums(): void {
  sumL1 = 0; sumL2 = 0; sumWG = 0; sumCorrMax = 0; sumConj = 0;
}

/** Adds feature j (coefficient wj, gradient gj) to the running sums. */
// @ts-ignore: decorator
@inline
export function addToGapSums(wj: f64, gj: f64, l1: f64, l2: f64): void {
  sumL1 += Math.abs(wj);
  sumL2 += wj * wj;
  sumWG += wj * gj;
  const c = Math.abs(gj - l2 * wj);
  if (c > sumCorrMax) sumCorrMax = c;
  const e = Math.abs(gj) - l1;
  if (e > 0) sumConj += e * e;
}

/** max_j |g_j − l2·w_j| of the running sums. */
export function gapSumsCorrMax(): f64 {
  return sumCorrMax;
}

/** G₁, the gap of the augmented-lasso dual point, from the running sums and Σωr². */
export function gap1FromSums(rrW: f64, l1: f64, l2: f64): f64 {
  let s: f64 = 1;
  if (sumCorrMax > l1) s = l1 / sumCorrMax;
  const gap1 = (1 - s) * (1 - s) * rrW * 0.5 - s * sumWG + l1 * sumL1 + 0.5 * l2 * (1 + s * s) * sumL2;
  return gap1 < 0 ? 0 : gap1;
}

/**
 * elasticNetGradientAndGap restricted to the columns idx[0..count) (all when idx = 0).
 * Over a working set W this is the gap of the problem restricted to W; it equals the
 * full problem's gap whenever every feature outside W is at 0 and satisfies its KKT
 * condition |g_j| ≤ l1 (such features change neither the dual scaling nor any term).
 */
export function gradientAndGapOver(
  desc: usize, r: usize, w: usize, l1: f64, l2: f64, g: usize, screened: usize, idx: usize, count: i32, out: usize, pen: usize,
): f64 {
  const layout = D.dLayout(desc), n = D.dRows(desc);
  const values = D.dValues(desc), indptr = D.dIndptr(desc), rows = D.dRowIdx(desc);
  const mean = D.dMean(desc), invScale = D.dInvScale(desc), weights = D.dWeights(desc);
  const copies = D.dDenseCopies(desc);
  const rrW = weightedRss(r, weights, n);
  let sumWR = weights == 0 ? denseSum(r, n) : denseDot(weights, r, n);
  // With weights and a row scratch, ρ = ω∘r once: each column then costs one gather, not two.
  const rho: usize = weights == 0 ? 0 : D.dRowScratch(desc);
  if (rho != 0) sumWR = weightedResidualInto(rho, weights, r, n);
  resetGapSums();
  for (let k: i32 = 0; k < count; k++) {
    const j: i32 = idx == 0 ? k : load<i32>(idx + (<usize>k << 2));
    const o = <usize>j << 3;
    const inv = load<f64>(invScale + o);
    if (inv == 0 || (screened != 0 && load<u8>(screened + <usize>j) != 0)) {
      if (g != 0) store<f64>(g + o, 0);
      continue;
    }
    const mu = load<f64>(mean + o);
    // Dense, or a heavy CSC column's dense copy: read sequentially instead of gathering.
    const column = contiguousColumn(layout, values, n, copies, j);
    const gj = inv * (rho != 0
      ? columnCenteredDot(column, n, values, indptr, rows, j, rho, mu, sumWR)
      : columnGradient(column, n, values, indptr, rows, j, r, weights, mu, sumWR));
    if (g != 0) store<f64>(g + o, gj);
    if (pen == 0) addToGapSums(load<f64>(w + o), gj, l1, l2);
  }
  if (pen != 0) {
    penalizedGap(invScale, w, g, screened, idx, count, D.dCols(desc), rrW, l1, l2, pen);
    return storePenalizedGap(rrW, out);
  }
  return finishGap(rrW, l1, l2, out);
}

/**
 * The gap quantities of elasticNetGradientAndGap over idx[0..count) (all when idx = 0) from
 * gradients already in g and a given Σωr² (rrW), without touching X. Writes out like it;
 * returns the gap.
 */
export function gapFromGradients(
  desc: usize, w: usize, l1: f64, l2: f64, g: usize, idx: usize, count: i32, rrW: f64, out: usize, pen: usize,
): f64 {
  const invScale = D.dInvScale(desc);
  if (pen != 0) {
    penalizedGap(invScale, w, g, 0, idx, count, D.dCols(desc), rrW, l1, l2, pen);
    return storePenalizedGap(rrW, out);
  }
  resetGapSums();
  for (let k: i32 = 0; k < count; k++) {
    const j: i32 = idx == 0 ? k : load<i32>(idx + (<usize>k << 2));
    const o = <usize>j << 3;
    if (load<f64>(invScale + o) == 0) continue;
    addToGapSums(load<f64>(w + o), load<f64>(g + o), l1, l2);
  }
  return finishGap(rrW, l1, l2, out);
}

/** The two gaps from the running sums (see elasticNetGradientAndGap); writes out; returns the gap. */
function finishGap(rrW: f64, l1: f64, l2: f64, out: usize): f64 {
  const primal = 0.5 * rrW + l1 * sumL1 + 0.5 * l2 * sumL2;
  const gap1 = gap1FromSums(rrW, l1, l2);
  let gap = gap1;
  if (l2 > 0) {
    const gap2 = -sumWG + l1 * sumL1 + 0.5 * l2 * sumL2 + sumConj / (2 * l2);
    if (gap2 < gap) gap = gap2;
  }
  if (gap < 0) gap = 0;
  store<f64>(out, primal);
  store<f64>(out, primal - gap, 8);
  store<f64>(out, gap, 16);
  store<f64>(out, sumCorrMax, 24);
  store<f64>(out, gap1, 32);
  store<f64>(out, rrW, 64);
  return gap;
}

/** The duality gap alone (see elasticNetGradientAndGap); out holds 9 doubles. */
export function elasticNetDualGap(desc: usize, r: usize, w: usize, l1: f64, l2: f64, out: usize): f64 {
  return elasticNetGradientAndGap(desc, r, w, l1, l2, 0, 0, out, 0);
}
