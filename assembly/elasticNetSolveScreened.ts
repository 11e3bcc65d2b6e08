import { beginPasses, coordinatePass, endPasses } from './coordinatePass';
import { elasticNetGradientAndGap } from './elasticNetDualGap';
import { denseAddScalar, denseCenteredAxpy } from './denseColumn';
import { LAYOUT_DENSE, cscColumnUpdate } from './designColumn';
import * as D from './designDescriptor';

/** Each round that fails the gap test asks the inner loop for this much more precision. */
const INNER_TIGHTENING: f64 = 0.25;

// out layout (doubles), shared with the façade (src/wasm/FitWorkspace.ts):
//   0 primal   1 dual   2 gap   3 max_j|g_j − l2·w_j|   4 G₁
//   5 column visits (dot products; ÷ p = passes over X)   6 working-set size   7 screened count
//   8 Σ_i ω_i·r_i²

/**
 * Solves one λ of the elastic net to a duality-gap certificate, glmnet- and celer-style,
 * in a single call:
 *
 * 1. Working set W = features with w_j ≠ 0 (warm start) ∪ the sequential strong set
 *    {j : |g_j| ≥ 2·l1 − l1Prev}, where g holds the gradients at the previous solution
 *    (the previous λ of a path, or the starting point) and l1Prev its l1.
 * 2. Coordinate descent on W: a pass over W, then passes over its non-zero (active)
 *    features only, until the largest coordinate change a_j·δ² is below the inner
 *    tolerance, then a pass over W again (glmnet's active-set cycling).
 * 3. One pass over all features computes every gradient and the duality gap. If the
 *    gap is ≤ gapTol, done. Otherwise every feature outside W that violates its KKT
 *    condition (|g_j| > l1 at w_j = 0) joins W — so a feature the strong rule wrongly
 *    discarded is always brought back — and, if none does, gap-safe screening removes
 *    the features that are provably 0 at the optimum (|g_j − l2·w_j|/max(l1, c) +
 *    √(2·G₁·(a_j + l2))/l1 < 1, Fercoq, Gramfort & Salmon 2015, on the augmented
 *    lasso) and the inner tolerance is tightened. Back to 2.
 *
 * r must be the true residual ỹ − X̃w on entry and is kept consistent. ws (i32, p),
 * inWs and screened (u8, p) are scratch; g (f64, p) holds the gradients at the returned
 * solution on exit (the next λ's strong rule uses them). Returns the number of passes
 * (over W or its active part) run; stops after maxPasses.
 */
export function elasticNetSolveScreened(
  desc: usize, r: usize, w: usize, l1: f64, l2: f64, l1Prev: f64, gapTol: f64, maxPasses: i32,
  ws: usize, active: usize, inWs: usize, screened: usize, g: usize, out: usize,
): i32 {
  const p = D.dCols(desc);
  const invScale = D.dInvScale(desc);
  const strong = 2 * l1 - l1Prev;
  let count: i32 = 0;
  let nExcluded: i32 = 0;
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    store<u8>(screened + <usize>j, 0);
    let member = false;
    if (load<f64>(invScale + o) == 0) nExcluded++;
    else {
      member = load<f64>(w + o) != 0 || Math.abs(load<f64>(g + o)) >= strong;
    }
    store<u8>(inWs + <usize>j, member ? 1 : 0);
    if (member) { store<i32>(ws + (<usize>count << 2), j); count++; }
  }
  let passes: i32 = 0;
  let visits: f64 = 0;
  let nScreened: i32 = 0;
  let innerTol = gapTol;
  while (true) {
    // 2. Coordinate descent on the working set, with active-set cycling.
    beginPasses(desc, r);
    while (passes < maxPasses) {
      let change = coordinatePass(desc, r, w, l1, l2, ws, count);
      passes++;
      visits += <f64>count;
      if (change <= innerTol) break;
      let nActive: i32 = 0;
      for (let k: i32 = 0; k < count; k++) {
        const j = load<i32>(ws + (<usize>k << 2));
        if (load<f64>(w + (<usize>j << 3)) != 0) { store<i32>(active + (<usize>nActive << 2), j); nActive++; }
      }
      while (passes < maxPasses) {
        change = coordinatePass(desc, r, w, l1, l2, active, nActive);
        passes++;
        visits += <f64>nActive;
        if (change <= innerTol) break;
      }
    }
    endPasses(desc, r);
    // 3. Every gradient and the gap, in one pass over the unscreened features.
    const gap = elasticNetGradientAndGap(desc, r, w, l1, l2, g, screened, out);
    visits += <f64>(p - nExcluded - nScreened);
    if (gap <= gapTol || passes >= maxPasses) break;
    let added: i32 = 0;
    for (let j: i32 = 0; j < p; j++) {
      if (load<u8>(inWs + <usize>j) != 0 || load<u8>(screened + <usize>j) != 0) continue;
      if (load<f64>(invScale + (<usize>j << 3)) == 0) continue;
      if (Math.abs(load<f64>(g + (<usize>j << 3))) > l1) {
        store<u8>(inWs + <usize>j, 1);
        { store<i32>(ws + (<usize>count << 2), j); count++; }
        added++;
      }
    }
    if (added > 0) continue;
    if (l1 > 0) nScreened += gapSafeScreen(desc, r, w, l1, l2, g, screened, load<f64>(out, 24), load<f64>(out, 32));
    count = compactWorkingSet(ws, count, screened);
    innerTol *= INNER_TIGHTENING;
  }
  store<f64>(out, visits, 40);
  store<f64>(out, <f64>count, 48);
  store<f64>(out, <f64>nScreened, 56);
  return passes;
}

/**
 * Gap-safe screening on the augmented lasso: with the dual point θ = ρ/max(l1, c)
 * (c = max_j |g_j − l2·w_j|) and its gap G₁, the optimal dual lies within √(2G₁)/l1 of
 * θ, so feature j with |g_j − l2·w_j|/max(l1, c) + √(2G₁·(a_j + l2))/l1 < 1 is 0 at the
 * optimum. Marks such features screened (setting w_j to 0 and updating r if needed).
 * Returns how many were newly screened.
 */
function gapSafeScreen(
  desc: usize, r: usize, w: usize, l1: f64, l2: f64, g: usize, screened: usize,
  corrMax: f64, gap1: f64,
): i32 {
  const p = D.dCols(desc), n = D.dRows(desc);
  const invScale = D.dInvScale(desc), normSq = D.dNormSqOverN(desc), mean = D.dMean(desc);
  const scale: f64 = corrMax > l1 ? corrMax : l1;
  const radius = Math.sqrt(2 * gap1) / l1;
  let newly: i32 = 0;
  let shift: f64 = 0;
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    const inv = load<f64>(invScale + o);
    if (inv == 0 || load<u8>(screened + <usize>j) != 0) continue;
    const wj = load<f64>(w + o);
    const test = Math.abs(load<f64>(g + o) - l2 * wj) / scale + radius * Math.sqrt(load<f64>(normSq + o) + l2);
    if (test >= 1) continue;
    store<u8>(screened + <usize>j, 1);
    newly++;
    if (wj != 0) {
      // Provably 0 at the optimum: move it there now.
      store<f64>(w + o, 0);
      const a = -wj * inv;
      const mu = load<f64>(mean + o);
      if (D.dLayout(desc) == LAYOUT_DENSE) {
        denseCenteredAxpy(-a, D.dValues(desc) + ((<usize>j * <usize>n) << 3), r, n, mu);
      } else {
        shift += cscColumnUpdate(n, D.dIndptr(desc), D.dValues(desc), D.dRowIdx(desc), j, -a, r, mu);
      }
    }
  }
  if (shift != 0) denseAddScalar(shift, r, n);
  return newly;
}

/** Drops screened features from the working set; returns its new size. */
function compactWorkingSet(ws: usize, count: i32, screened: usize): i32 {
  let kept: i32 = 0;
  for (let k: i32 = 0; k < count; k++) {
    const j = load<i32>(ws + (<usize>k << 2));
    if (load<u8>(screened + <usize>j) != 0) continue;
    { store<i32>(ws + (<usize>kept << 2), j); kept++; }
  }
  return kept;
}
