import { beginPasses, coordinatePass, endPasses } from './coordinatePass';
import {
  addToGapSums, elasticNetGradientAndGap, gap1FromSums, gapFromGradients, gapSumsCorrMax, gradientAndGapOver, resetGapSums, weightedRss,
} from './elasticNetDualGap';
import { denseAddScalar, denseCenteredAxpy } from './denseColumn';
import { LAYOUT_DENSE, cscColumnUpdate } from './designColumn';
import { ANDERSON_DEPTH, andersonRecord, andersonStep } from './andersonAcceleration';
import { gramPass, gramColumnsComputed, resetGramCounter, setTrackedRss, trackedRss } from './gramPass';
import * as D from './designDescriptor';
import { penFactor, penLower, penScreens, penUpper, penalizedGap, pgGap1, pgScale } from './penalty';

/**
 * Subproblems are solved only to this fraction of the last full gap (celer's rule): while the
 * working set is still missing features, solving it to the final tolerance is wasted work.
 */
const SUBPROBLEM_FRACTION: f64 = 0.3;

/** Each round that fails the gap test asks the inner loop for this much more precision. */
const INNER_TIGHTENING: f64 = 0.25;

// out layout (doubles), shared with the façade (src/wasm/FitWorkspace.ts):
//   0 primal   1 dual   2 gap   3 max_j|g_j − l2·w_j|   4 G₁
//   5 column visits (dot products; ÷ p = passes over X)   6 working-set size   7 screened count
//   8 Σ_i ω_i·r_i²   9 with penalty options: the dual scaling s of G₁'s point (penalty.ts)

/**
 * Solves one λ of the elastic net to a duality-gap certificate, glmnet- and celer-style,
 * in a single call:
 *
 * 1. Entry screening: from the gradients g at the previous solution (the previous λ of a
 *    path, or the starting point) the duality gap at the new λ is known without touching
 *    X, and gap-safe screening removes features provably 0 at the new optimum.
 * 2. Working set W = features with w_j ≠ 0 ∪ the sequential strong set
 *    {j : |g_j| ≥ 2·l1 − l1Prev} (l1Prev: the l1 at which g was computed).
 * 3. Coordinate descent on W (a pass over W, then passes over its non-zero features only
 *    until the largest coordinate change a_j·δ² is below the inner tolerance: glmnet's
 *    active-set cycling), until the duality gap of the problem restricted to W — a
 *    cheap |W|-column computation — is ≤ gapTol; a round that misses it tightens the
 *    inner tolerance (tightenedInnerTolerance).
 * 4. One pass over every unscreened feature computes all gradients and the full gap. If
 *    the gap is ≤ gapTol, done: the restricted gap is the full gap whenever every feature
 *    outside W satisfies its KKT condition |g_j| ≤ l1. Otherwise the violators join W —
 *    so a feature the strong rule wrongly discarded always comes back — or, if there are
 *    none, the full gap screens again and the inner tolerance tightens. Back to 3.
 *
 * The passes over the active set are Anderson-accelerated when `anderson` ≠ 0 (see
 * andersonAcceleration.ts): every ANDERSON_DEPTH + 1 iterates are extrapolated, and the
 * result is kept only if it lowers the objective. The block holds (K² + K) + n + (K + 1)·p
 * doubles.
 *
 * Gap-safe screening (Fercoq, Gramfort & Salmon 2015) on the augmented lasso: with the
 * dual point θ = ρ/max(l1, c), c = max_j |g_j − l2·w_j|, and its gap G₁, feature j is 0 at
 * the optimum when |g_j − l2·w_j|/max(l1, c) + √(2·G₁·(a_j + l2))/l1 < 1.
 *
 * r must be the true residual ỹ − X̃w on entry and is kept consistent. ws, active (i32, p),
 * inWs and screened (u8, p) are scratch; on entry screened holds the previous call's flags
 * (their g is stale), on exit the flags of this call. g (f64, p) holds the gradients at
 * the returned solution for every unscreened feature. Returns the number of coordinate
 * passes run; stops after maxPasses.
 *
 * With workingSetOnly, step 4 is skipped: the call stops once the problem restricted to W is
 * solved to gapTol, out holds that restricted certificate (a bound for the full problem only if
 * no feature outside W violates its KKT condition), and every feature outside W is flagged stale.
 * A proximal Newton step needs no more: its outer certificate checks every feature anyway.
 *
 * Penalty options (pen ≠ 0; see penalty.ts): per-feature factors v_j and bounds [L_j, U_j].
 * The update clips to the bounds; the strong rule is |g_j| ≥ v_j·(2·l1 − l1Prev) on a side whose
 * bound is not 0 (so excluded features, L_j = U_j = 0, never enter W); a feature at
 * 0 violates KKT when g_j leaves [−v_j·l1, v_j·l1] on a side whose bound is not 0. The certificate is penalizedGap's, and gap-safe
 * screening uses its G₁ and dual scaling s: j is 0 at the optimum when
 * s·|q_j| + √(2·G₁·(a_j + v_j·l2)) < v_j·l1. In KKT mode nothing is screened.
 */
export function elasticNetSolveScreened(
  desc: usize, r: usize, w: usize, l1: f64, l2: f64, l1Prev: f64, gapTol: f64, maxPasses: i32,
  ws: usize, active: usize, inWs: usize, screened: usize, g: usize, out: usize, anderson: usize, gram: usize, pen: usize,
  workingSetOnly: bool,
): i32 {
  const p = D.dCols(desc);
  // Screening only with the plain dual point (not in KKT mode, nor at the projected point).
  const canScreen = l1 > 0 && (pen == 0 || penScreens(pen));
  const factor = penFactor(pen), lower = penLower(pen, p), upper = penUpper(pen, p);
  // Anderson block (0 = off): the K×K system and its right side, a saved residual, the iterates.
  const K = ANDERSON_DEPTH;
  const andersonGram = anderson;
  const rSaved = anderson + (<usize>(K * K + K) << 3);
  const history = rSaved + (<usize>D.dRows(desc) << 3);
  // Gram block (0 = naive mode): the p×p cache of G̃ columns, then p "filled" flags.
  const gramCache = gram;
  const gramFilled = gram + ((<usize>p * <usize>p) << 3);
  resetGramCounter();
  const invScale = D.dInvScale(desc);
  // 1. Entry screening from the stored gradients (stale ones — screened last time — excepted).
  let nExcluded: i32 = 0;
  for (let j: i32 = 0; j < p; j++) {
    if (load<f64>(invScale + (<usize>j << 3)) == 0) nExcluded++;
    // 1 = g stale (screened by the previous call), 0 = g valid.
    store<u8>(inWs + <usize>j, load<u8>(screened + <usize>j));
    store<u8>(screened + <usize>j, 0);
  }
  let nScreened: i32 = 0;
  if (canScreen) nScreened = entryScreen(desc, r, w, l1, l2, g, inWs, screened, pen);
  // 2. Working set.
  const strong = 2 * l1 - l1Prev;
  let count: i32 = 0;
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    let member = false;
    if (load<f64>(invScale + o) != 0 && load<u8>(screened + <usize>j) == 0) {
      if (pen == 0) {
        member = load<f64>(w + o) != 0 || (load<u8>(inWs + <usize>j) == 0 && Math.abs(load<f64>(g + o)) >= strong);
      } else if (load<f64>(w + o) != 0) {
        member = true;
      } else if (load<u8>(inWs + <usize>j) == 0) {
        // The strong rule on the sides a bound leaves open (with positive: g_j > 0 only).
        const gj = load<f64>(g + o), t = load<f64>(factor + o) * strong;
        member = (gj >= t && load<f64>(upper + o) > 0) || (gj <= -t && load<f64>(lower + o) < 0);
      }
    }
    store<u8>(inWs + <usize>j, member ? 1 : 0);
    if (member) { store<i32>(ws + (<usize>count << 2), j); count++; }
  }
  let passes: i32 = 0;
  let visits: f64 = 0;
  let innerTol = gapTol;
  // The restricted gap each round aims for: a fraction of the last full gap known (out[2] holds
  // the gap of the previous call or of the starting point), never below gapTol.
  let innerTarget = workingSetOnly ? gapTol : Math.max(gapTol, SUBPROBLEM_FRACTION * load<f64>(out, 16));
  while (true) {
    // 3. Coordinate descent on the working set until its restricted gap is small.
    if (gram != 0) {
      passes += gramInnerLoop(desc, r, w, l1, l2, innerTarget, maxPasses - passes, ws, count, active, g, out,
        innerTol, gramCache, gramFilled, rSaved, history, pen);
      visits += <f64>gramVisits;
      innerTol = gramInnerTol;
    } else while (true) {
      beginPasses(desc, r);
      // The largest coordinate change of the last pass over all of W (the round ends on one).
      let lastChange: f64 = 0;
      while (passes < maxPasses) {
        let change = coordinatePass(desc, r, w, l1, l2, ws, count, pen);
        passes++;
        visits += <f64>count;
        lastChange = change;
        if (change <= innerTol) break;
        let nActive: i32 = 0;
        for (let k: i32 = 0; k < count; k++) {
          const j = load<i32>(ws + (<usize>k << 2));
          if (load<f64>(w + (<usize>j << 3)) != 0) { store<i32>(active + (<usize>nActive << 2), j); nActive++; }
        }
        // Passes over the active set, extrapolated every K + 1 iterates (Anderson).
        let recorded: i32 = 0;
        if (anderson != 0) { andersonRecord(w, active, nActive, history, p, 0); recorded = 1; }
        while (passes < maxPasses) {
          change = coordinatePass(desc, r, w, l1, l2, active, nActive, pen);
          passes++;
          visits += <f64>nActive;
          if (change <= innerTol) break;
          if (anderson != 0) {
            andersonRecord(w, active, nActive, history, p, recorded);
            recorded++;
            if (recorded == K + 1) {
              endPasses(desc, r);
              andersonStep(desc, r, w, l1, l2, active, nActive, history, p, andersonGram, rSaved, pen);
              visits += <f64>nActive;
              beginPasses(desc, r);
              andersonRecord(w, active, nActive, history, p, 0);
              recorded = 1;
            }
          }
        }
      }
      endPasses(desc, r);
      const restricted = gradientAndGapOver(desc, r, w, l1, l2, g, 0, ws, count, out, pen);
      visits += <f64>count;
      if (restricted <= innerTarget || passes >= maxPasses) break;
      innerTol = tightenedInnerTolerance(innerTol, lastChange, innerTarget / restricted);
    }
    if (workingSetOnly) {
      // out holds the restricted certificate; the gradients outside W are now stale.
      for (let j: i32 = 0; j < p; j++) if (load<u8>(inWs + <usize>j) == 0) store<u8>(screened + <usize>j, 1);
      break;
    }
    // 4. All gradients and the full gap, in one pass over the unscreened features.
    const gap = elasticNetGradientAndGap(desc, r, w, l1, l2, g, screened, out, pen);
    visits += <f64>(p - nExcluded - nScreened);
    if (gap <= gapTol || passes >= maxPasses) break;
    innerTarget = Math.max(gapTol, SUBPROBLEM_FRACTION * gap);
    let added: i32 = 0;
    for (let j: i32 = 0; j < p; j++) {
      if (load<u8>(inWs + <usize>j) != 0 || load<u8>(screened + <usize>j) != 0) continue;
      if (load<f64>(invScale + (<usize>j << 3)) == 0) continue;
      let violates = false;
      const gj = load<f64>(g + (<usize>j << 3));
      if (pen == 0) violates = Math.abs(gj) > l1;
      else {
        // w_j = 0 here: g_j must lie in [−t, t], a side with bound 0 being unlimited.
        const t = load<f64>(factor + (<usize>j << 3)) * l1;
        violates = (gj > t && load<f64>(upper + (<usize>j << 3)) > 0) || (gj < -t && load<f64>(lower + (<usize>j << 3)) < 0);
      }
      if (violates) {
        store<u8>(inWs + <usize>j, 1);
        store<i32>(ws + (<usize>count << 2), j);
        count++;
        added++;
      }
    }
    if (added > 0) continue;
    if (canScreen) {
      nScreened += gapSafeScreen(desc, r, w, l1, l2, g, screened, load<f64>(out, 24), load<f64>(out, 32), pen == 0 ? 0 : load<f64>(out, 72), pen);
      count = compactWorkingSet(ws, count, screened);
    }
    innerTol *= INNER_TIGHTENING;
  }
  visits += <f64>gramColumnsComputed * <f64>p;
  store<f64>(out, visits, 40);
  store<f64>(out, <f64>count, 48);
  store<f64>(out, <f64>nScreened, 56);
  return passes;
}

/**
 * The coordinate-change tolerance of the next round when the restricted gap missed its target by
 * the factor 1/ratio (ratio = target/gap < 1). A pass's largest change a_j·δ² is second order in
 * the distance to the optimum while the gap is first order (the KKT residual that the last
 * changes left behind), so the change must fall by about ratio² for the gap to fall by ratio:
 * the next tolerance is lastChange·ratio², at least INNER_TIGHTENING times the last one (quartering
 * alone took ~15 rounds, each with its own restricted gap, to bring a gap down 3 decades), and at
 * most 1e8 times tighter in one round.
 */
function tightenedInnerTolerance(innerTol: f64, lastChange: f64, ratio: f64): f64 {
  return Math.min(innerTol * INNER_TIGHTENING, Math.max(lastChange * ratio * ratio, innerTol * 1e-8));
}

// Results of gramInnerLoop besides its pass count.
let gramVisits: i32 = 0;
let gramInnerTol: f64 = 0;

/**
 * Step 3 in covariance mode (chosen by the façade for p ≤ 500 and n ≥ p): the gradients of the working set are
 * made exact from r, then coordinate passes (with active-set cycling) keep them — and Σωr² —
 * current through cached columns of G̃ = X̃ᵀΩX̃ instead of updating the n-vector r, and the
 * restricted gap is checked from those tracked values (O(|W|), no pass over X). Then r is
 * rebuilt from the change in w (one axpy per moved feature) and the restricted gap is
 * recomputed exactly from r; tracking drift only costs another round. Returns the passes
 * run; sets gramVisits and gramInnerTol.
 */
function gramInnerLoop(
  desc: usize, r: usize, w: usize, l1: f64, l2: f64, gapTol: f64, maxPasses: i32,
  ws: usize, count: i32, active: usize, g: usize, out: usize, innerTol: f64,
  cache: usize, filled: usize, scratch: usize, snapshot: usize, pen: usize,
): i32 {
  const n = D.dRows(desc);
  const invScale = D.dInvScale(desc), mean = D.dMean(desc);
  const layout = D.dLayout(desc), values = D.dValues(desc), indptr = D.dIndptr(desc), rows = D.dRowIdx(desc);
  let passes: i32 = 0;
  let visits: i32 = count;
  gradientAndGapOver(desc, r, w, l1, l2, g, 0, ws, count, out, pen);
  while (true) {
    setTrackedRss(load<f64>(out, 64));
    for (let k: i32 = 0; k < count; k++) {
      const j = load<i32>(ws + (<usize>k << 2));
      store<f64>(snapshot + (<usize>k << 3), load<f64>(w + (<usize>j << 3)));
    }
    while (passes < maxPasses) {
      let change = gramPass(desc, w, g, l1, l2, ws, count, ws, count, cache, filled, scratch, pen);
      passes++;
      if (change > innerTol) {
        let nActive: i32 = 0;
        for (let k: i32 = 0; k < count; k++) {
          const j = load<i32>(ws + (<usize>k << 2));
          if (load<f64>(w + (<usize>j << 3)) != 0) { store<i32>(active + (<usize>nActive << 2), j); nActive++; }
        }
        while (passes < maxPasses) {
          change = gramPass(desc, w, g, l1, l2, active, nActive, ws, count, cache, filled, scratch, pen);
          passes++;
          if (change <= innerTol) break;
        }
        continue;
      }
      if (gapFromGradients(desc, w, l1, l2, g, ws, count, trackedRss, out, pen) <= gapTol) break;
      innerTol *= INNER_TIGHTENING;
    }
    // Rebuild r from the change in w: r −= Σ_j (w_j − w_j⁰)·x̃_j, then the exact restricted gap.
    let shift: f64 = 0;
    for (let k: i32 = 0; k < count; k++) {
      const j = load<i32>(ws + (<usize>k << 2));
      const o = <usize>j << 3;
      const delta = load<f64>(w + o) - load<f64>(snapshot + (<usize>k << 3));
      if (delta == 0) continue;
      const a = delta * load<f64>(invScale + o);
      const mu = load<f64>(mean + o);
      if (layout == LAYOUT_DENSE) denseCenteredAxpy(-a, values + ((<usize>j * <usize>n) << 3), r, n, mu);
      else shift += cscColumnUpdate(n, indptr, values, rows, j, -a, r, mu);
    }
    if (shift != 0) denseAddScalar(shift, r, n);
    const restricted = gradientAndGapOver(desc, r, w, l1, l2, g, 0, ws, count, out, pen);
    visits += count;
    if (restricted <= gapTol || passes >= maxPasses) break;
    innerTol *= INNER_TIGHTENING;
  }
  gramVisits = visits;
  gramInnerTol = innerTol;
  return passes;
}

/**
 * Gap-safe screening at a new λ before any pass over X: the gap of the current w for
 * (l1, l2) follows from the stored gradients, Σωr² and w. Only when no gradient is stale
 * (stale = 0 everywhere): a feature without a valid gradient could make the dual point
 * infeasible. Returns how many were screened.
 */
function entryScreen(desc: usize, r: usize, w: usize, l1: f64, l2: f64, g: usize, stale: usize, screened: usize, pen: usize): i32 {
  const p = D.dCols(desc);
  const invScale = D.dInvScale(desc);
  // A feature without a valid gradient could make the dual point infeasible: no screening then.
  for (let j: i32 = 0; j < p; j++) {
    if (load<u8>(stale + <usize>j) != 0 && load<f64>(invScale + (<usize>j << 3)) != 0) return 0;
  }
  const rrW = weightedRss(r, D.dWeights(desc), D.dRows(desc));
  if (pen != 0) {
    penalizedGap(invScale, w, g, 0, 0, p, p, rrW, l1, l2, pen);
    return gapSafeScreen(desc, r, w, l1, l2, g, screened, 0, pgGap1, pgScale, pen);
  }
  resetGapSums();
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    if (load<f64>(invScale + o) == 0) continue;
    addToGapSums(load<f64>(w + o), load<f64>(g + o), l1, l2);
  }
  const gap1 = gap1FromSums(rrW, l1, l2);
  return gapSafeScreen(desc, r, w, l1, l2, g, screened, gapSumsCorrMax(), gap1, 0, 0);
}

/**
 * Gap-safe screening on the augmented lasso: with the dual point θ = ρ/max(l1, c)
 * (c = max_j |g_j − l2·w_j|) and its gap G₁, the optimal dual lies within √(2G₁)/l1 of
 * θ, so feature j with |g_j − l2·w_j|/max(l1, c) + √(2G₁·(a_j + l2))/l1 < 1 is 0 at the
 * optimum. Marks such features screened (setting w_j to 0 and updating r if needed).
 * With penalty options (pen ≠ 0) the point is penalizedGap's, with scaling dualScale:
 * j (v_j > 0) is 0 at the optimum when dualScale·|q_j| + √(2·G₁·(a_j + v_j·l2)) < v_j·l1.
 * Returns how many were newly screened.
 */
function gapSafeScreen(
  desc: usize, r: usize, w: usize, l1: f64, l2: f64, g: usize, screened: usize,
  corrMax: f64, gap1: f64, dualScale: f64, pen: usize,
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
    if (pen == 0) {
      const test = Math.abs(load<f64>(g + o) - l2 * wj) / scale + radius * Math.sqrt(load<f64>(normSq + o) + l2);
      if (test >= 1) continue;
    } else {
      const v = load<f64>(penFactor(pen) + o);
      if (!(v > 0)) continue;
      const test = dualScale * Math.abs(load<f64>(g + o) - v * l2 * wj) + Math.sqrt(2 * gap1 * (load<f64>(normSq + o) + v * l2));
      if (!(test < v * l1)) continue;
    }
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
