import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { ColumnStats } from './columnStats.js';
import { addScalar, cscColumnUpdate, denseCenteredAxpy } from './columnOps.js';
import { CoordinatePasses } from './coordinatePass.js';
import { AndersonAcceleration, ANDERSON_DEPTH } from './andersonAcceleration.js';
import { elasticNetGradientAndGap, gapFromGradients, gradientAndGapOver, weightedRss, type GradientAndGap } from './elasticNetDualGap.js';
import type { GramCache } from './gramCache.js';
import { penalizedGap, type PenaltyBlock } from './penalty.js';

/** Subproblems are solved to this fraction of the last full gap (as the kernel; celer's rule). */
const SUBPROBLEM_FRACTION = 0.3;

/** Each round that fails the gap test asks the inner loop for this much more precision. */
export const INNER_TIGHTENING = 0.25;

/**
 * The coordinate-change tolerance of the next round when the restricted gap missed its target by
 * 1/ratio (as the kernel): a pass's largest change a_j·δ² is second order in the distance to the
 * optimum while the gap is first order, so the change must fall by about ratio² for the gap to
 * fall by ratio. At least {@link INNER_TIGHTENING} times the last tolerance, at most 1e8 times.
 */
export function tightenedInnerTolerance(innerTol: number, lastChange: number, ratio: number): number {
  return Math.min(innerTol * INNER_TIGHTENING, Math.max(lastChange * ratio * ratio, innerTol * 1e-8));
}

/** What {@link elasticNetSolveScreened} reports besides the updated w, r and g. */
export interface ScreenedSolveResult extends GradientAndGap {
  /** Coordinate passes run (over the working set or its active part). */
  passes: number;
  /** Column visits (dot products); ÷ p = passes over X. */
  visits: number;
  /** Size of the final working set. */
  workingSetSize: number;
  /** Number of features screened out by the gap-safe rule. */
  screened: number;
}

/**
 * Pure-TS reference of the `elasticNetSolveScreened` kernel (see assembly/elasticNetSolveScreened.ts):
 * one λ of F(w) = ½Σ_i ω_i·r_i² + l1‖w‖₁ + (l2/2)‖w‖² (ω_i = weights[i], or 1/n) to gap ≤ gapTol.
 *
 * 1. Entry screening: the gap at the new λ follows from the stored gradients g (valid unless
 *    the feature was screened by the previous call, i.e. screened[j] ≠ 0 on entry); if all are
 *    valid, gap-safe screening removes provably-zero features before any pass over X.
 * 2. W = {j unscreened : w_j ≠ 0} ∪ {j with valid g : |g_j| ≥ 2·l1 − l1Prev}, in increasing j.
 * 3. Coordinate descent on W with active-set cycling until the gap restricted to W is ≤ gapTol
 *    (the inner tolerance on max a_j·δ_j² starts at gapTol; after each failed restricted check it
 *    becomes {@link tightenedInnerTolerance}: the last pass's change times (target/gap)²).
 *    Passes over the active set are Anderson-accelerated ({@link AndersonAcceleration}); with a
 *    {@link GramCache} (p ≤ 500 and n ≥ p) step 3 runs in covariance mode instead.
 * 4. Every unscreened gradient and the full gap. Stop if gap ≤ gapTol or after maxPasses passes.
 *    Else KKT violators outside W (|g_j| > l1) join W; if none, gap-safe screening and a tighter
 *    inner tolerance. Back to 3.
 *
 * With workingSetOnly, step 4 is skipped: the call returns once the problem restricted to W is
 * solved to gapTol, with that restricted certificate, and flags every feature outside W stale.
 *
 * lastGap is the last full gap known (previous call or starting point): subproblems are solved to
 * SUBPROBLEM_FRACTION of it, then of each new full gap (celer's rule), never below gapTol.
 * r must be the true residual on entry and is kept so; w is updated in place; g holds the
 * gradients at the returned solution for every unscreened feature; screened (persistent across
 * calls, like the kernel's buffer) holds this call's screening flags on exit.
 *
 * Penalty options (pen; see {@link PenaltyBlock} and the kernel's documentation): clipped updates,
 * strong rule |g_j| ≥ v_j·(2·l1 − l1Prev) and KKT violators, both on sides whose bound is not 0
 * (so excluded features never enter W), the generalized certificate, and gap-safe screening with
 * s·|q_j| + √(2·G₁·(a_j + v_j·l2)) < v_j·l1 (none in KKT mode).
 */
export function elasticNetSolveScreened(
  X: DesignMatrix, stats: ColumnStats, r: Float64Array, w: Float64Array,
  l1: number, l2: number, l1Prev: number, gapTol: number, maxPasses: number, g: Float64Array,
  screened: Uint8Array, lastGap: number, weights?: Float64Array, gram?: GramCache, pen?: PenaltyBlock, workingSetOnly = false,
): ScreenedSolveResult {
  const p = X.nCols;
  // Screening only with the plain dual point (not in KKT mode, nor at the projected point).
  const canScreen = l1 > 0 && (pen === undefined || (!pen.kkt && pen.projection === undefined));
  const { invScale } = stats;
  const ws = new Int32Array(p);
  const active = new Int32Array(p);
  // 1. Entry screening; `stale` marks gradients the previous call did not refresh.
  const stale = Uint8Array.from(screened);
  screened.fill(0);
  let nExcluded = 0;
  for (let j = 0; j < p; j++) if (invScale[j] === 0) nExcluded++;
  let nScreened = 0;
  if (canScreen && !stale.some((v, j) => v !== 0 && invScale[j] !== 0)) {
    const rrW = weightedRss(r, weights);
    if (pen !== undefined) {
      const entry = penalizedGap(invScale, w, g, undefined, undefined, p, rrW, l1, l2, pen);
      nScreened = gapSafeScreen(X, stats, r, w, l1, l2, g, screened, 0, entry.gap1, entry.scale, pen);
    } else {
      const entry = gapFromGradients(stats, w, l1, l2, g, undefined, p, rrW);
      nScreened = gapSafeScreen(X, stats, r, w, l1, l2, g, screened, entry.corrMax, entry.gap1, NaN, undefined);
    }
  }
  // 2. Working set.
  const inWs = new Uint8Array(p);
  const strong = 2 * l1 - l1Prev;
  let count = 0;
  for (let j = 0; j < p; j++) {
    let member = false;
    if (invScale[j] !== 0 && screened[j] === 0) {
      if (pen === undefined) member = w[j] !== 0 || (stale[j] === 0 && Math.abs(g[j]!) >= strong);
      else if (w[j] !== 0) member = true;
      else if (stale[j] === 0) {
        // The strong rule on the sides a bound leaves open (with positive: g_j > 0 only).
        const gj = g[j]!, t = pen.factor[j]! * strong;
        member = (gj >= t && pen.upper[j]! > 0) || (gj <= -t && pen.lower[j]! < 0);
      }
    }
    inWs[j] = member ? 1 : 0;
    if (member) ws[count++] = j;
  }
  const passesRun = new CoordinatePasses(X, stats, weights);
  const anderson = new AndersonAcceleration();
  const gramComputedBefore = gram?.computed ?? 0;
  let passes = 0;
  let visits = 0;
  let innerTol = gapTol;
  // The restricted gap each round aims for: a fraction of the last full gap known, never below gapTol.
  let innerTarget = workingSetOnly ? gapTol : Math.max(gapTol, SUBPROBLEM_FRACTION * lastGap);
  let certificate: GradientAndGap;
  let restricted: GradientAndGap | undefined;
  while (true) {
    // 3. Coordinate descent on W, with active-set cycling, until its restricted gap is small.
    if (gram) {
      const inner = gramInnerLoop(X, stats, r, w, l1, l2, innerTarget, maxPasses - passes, ws, count, active, g, innerTol, gram, weights, pen);
      restricted = inner.certificate;
      passes += inner.passes;
      visits += inner.visits;
      innerTol = inner.innerTol;
    } else while (true) {
      passesRun.begin(r);
      // The largest coordinate change of the last pass over all of W (the round ends on one).
      let lastChange = 0;
      while (passes < maxPasses) {
        let change = passesRun.pass(w, l1, l2, ws, count, pen);
        passes++;
        visits += count;
        lastChange = change;
        if (change <= innerTol) break;
        let nActive = 0;
        for (let k = 0; k < count; k++) {
          const j = ws[k]!;
          if (w[j] !== 0) active[nActive++] = j;
        }
        // Passes over the active set, extrapolated every K + 1 iterates (Anderson).
        anderson.record(w, active, nActive, 0);
        let recorded = 1;
        while (passes < maxPasses) {
          change = passesRun.pass(w, l1, l2, active, nActive, pen);
          passes++;
          visits += nActive;
          if (change <= innerTol) break;
          anderson.record(w, active, nActive, recorded++);
          if (recorded === ANDERSON_DEPTH + 1) {
            passesRun.end();
            anderson.step(X, stats, r, w, l1, l2, active, nActive, weights, pen);
            visits += nActive;
            passesRun.begin(r);
            anderson.record(w, active, nActive, 0);
            recorded = 1;
          }
        }
      }
      passesRun.end();
      restricted = gradientAndGapOver(X, stats, r, w, l1, l2, g, undefined, weights, ws, count, pen);
      visits += count;
      if (restricted.gap <= innerTarget || passes >= maxPasses) break;
      innerTol = tightenedInnerTolerance(innerTol, lastChange, innerTarget / restricted.gap);
    }
    if (workingSetOnly) {
      // The restricted certificate; the gradients outside W are now stale.
      certificate = restricted!;
      for (let j = 0; j < p; j++) if (inWs[j] === 0) screened[j] = 1;
      break;
    }
    // 4. Every unscreened gradient and the full gap.
    certificate = elasticNetGradientAndGap(X, stats, r, w, l1, l2, g, screened, weights, pen);
    visits += p - nExcluded - nScreened;
    if (certificate.gap <= gapTol || passes >= maxPasses) break;
    innerTarget = Math.max(gapTol, SUBPROBLEM_FRACTION * certificate.gap);
    let added = 0;
    for (let j = 0; j < p; j++) {
      if (inWs[j] !== 0 || screened[j] !== 0 || invScale[j] === 0) continue;
      const gj = g[j]!;
      let violates: boolean;
      if (pen === undefined) violates = Math.abs(gj) > l1;
      else {
        // w_j = 0 here: g_j must lie in [−t, t], a side with bound 0 being unlimited.
        const t = pen.factor[j]! * l1;
        violates = (gj > t && pen.upper[j]! > 0) || (gj < -t && pen.lower[j]! < 0);
      }
      if (violates) {
        inWs[j] = 1;
        ws[count++] = j;
        added++;
      }
    }
    if (added > 0) continue;
    if (canScreen) {
      nScreened += gapSafeScreen(X, stats, r, w, l1, l2, g, screened, certificate.corrMax, certificate.gap1, certificate.dualScale, pen);
      count = compactWorkingSet(ws, count, screened);
    }
    innerTol *= INNER_TIGHTENING;
  }
  if (gram) visits += (gram.computed - gramComputedBefore) * p;
  return { ...certificate, passes, visits, workingSetSize: count, screened: nScreened };
}

/**
 * Step 3 in covariance mode (reference of `gramInnerLoop` in the kernel): exact gradients of
 * W from r; passes that track g and Σωr² through G̃; the restricted gap from the tracked
 * values; then r rebuilt from the change in w and the restricted gap recomputed exactly.
 */
function gramInnerLoop(
  X: DesignMatrix, stats: ColumnStats, r: Float64Array, w: Float64Array, l1: number, l2: number, gapTol: number,
  maxPasses: number, ws: Int32Array, count: number, active: Int32Array, g: Float64Array, innerTol: number,
  gram: GramCache, weights: Float64Array | undefined, pen: PenaltyBlock | undefined,
): { passes: number; visits: number; innerTol: number; certificate: GradientAndGap } {
  const dense = X.storage instanceof Float64Array;
  let passes = 0;
  let visits = count;
  let certificate = gradientAndGapOver(X, stats, r, w, l1, l2, g, undefined, weights, ws, count, pen);
  const snapshot = new Float64Array(count);
  while (true) {
    gram.trackedRss = certificate.rrW;
    for (let k = 0; k < count; k++) snapshot[k] = w[ws[k]!]!;
    while (passes < maxPasses) {
      let change = gram.pass(w, g, l1, l2, ws, count, ws, count, pen);
      passes++;
      if (change > innerTol) {
        let nActive = 0;
        for (let k = 0; k < count; k++) if (w[ws[k]!] !== 0) active[nActive++] = ws[k]!;
        while (passes < maxPasses) {
          change = gram.pass(w, g, l1, l2, active, nActive, ws, count, pen);
          passes++;
          if (change <= innerTol) break;
        }
        continue;
      }
      if (gapFromGradients(stats, w, l1, l2, g, ws, count, gram.trackedRss, pen).gap <= gapTol) break;
      innerTol *= INNER_TIGHTENING;
    }
    let shift = 0;
    for (let k = 0; k < count; k++) {
      const j = ws[k]!;
      const delta = w[j]! - snapshot[k]!;
      if (delta === 0) continue;
      const a = delta * stats.invScale[j]!;
      if (dense) denseCenteredAxpy(X, j, -a, r, stats.mean[j]!);
      else shift += cscColumnUpdate(X, j, -a, r, stats.mean[j]!);
    }
    if (shift !== 0) addScalar(shift, r);
    certificate = gradientAndGapOver(X, stats, r, w, l1, l2, g, undefined, weights, ws, count, pen);
    visits += count;
    if (certificate.gap <= gapTol || passes >= maxPasses) break;
    innerTol *= INNER_TIGHTENING;
  }
  return { passes, visits, innerTol, certificate };
}

/**
 * Gap-safe screening on the augmented lasso (Fercoq, Gramfort & Salmon 2015): with the dual
 * point θ = ρ/max(l1, c) and its gap G₁, feature j with
 * |g_j − l2·w_j|/max(l1, c) + √(2·G₁)/l1·√(a_j + l2) < 1 is 0 at the optimum. Marks such
 * features screened, moving a non-zero w_j to 0 and updating r. With penalty options the point is
 * the penalized certificate's (scaling dualScale): j with v_j > 0 and
 * dualScale·|q_j| + √(2·G₁·(a_j + v_j·l2)) < v_j·l1 is screened. Returns how many were newly screened.
 */
function gapSafeScreen(
  X: DesignMatrix, stats: ColumnStats, r: Float64Array, w: Float64Array, l1: number, l2: number,
  g: Float64Array, screened: Uint8Array, corrMax: number, gap1: number, dualScale: number, pen: PenaltyBlock | undefined,
): number {
  const { invScale, normSqOverN, mean } = stats;
  const dense = X.storage instanceof Float64Array;
  const scale = corrMax > l1 ? corrMax : l1;
  const radius = Math.sqrt(2 * gap1) / l1;
  let newly = 0;
  let shift = 0;
  for (let j = 0; j < X.nCols; j++) {
    const inv = invScale[j]!;
    if (inv === 0 || screened[j] !== 0) continue;
    const wj = w[j]!;
    if (pen === undefined) {
      const test = Math.abs(g[j]! - l2 * wj) / scale + radius * Math.sqrt(normSqOverN[j]! + l2);
      if (test >= 1) continue;
    } else {
      const v = pen.factor[j]!;
      if (!(v > 0)) continue;
      const test = dualScale * Math.abs(g[j]! - v * l2 * wj) + Math.sqrt(2 * gap1 * (normSqOverN[j]! + v * l2));
      if (!(test < v * l1)) continue;
    }
    screened[j] = 1;
    newly++;
    if (wj !== 0) {
      // Provably 0 at the optimum: move it there now (r += w_j·x̃_j).
      w[j] = 0;
      const a = -wj * inv;
      const mu = mean[j]!;
      if (dense) denseCenteredAxpy(X, j, -a, r, mu);
      else shift += cscColumnUpdate(X, j, -a, r, mu);
    }
  }
  if (shift !== 0) addScalar(shift, r);
  return newly;
}

/** Drops screened features from the working set, keeping their order; returns its new size. */
function compactWorkingSet(ws: Int32Array, count: number, screened: Uint8Array): number {
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const j = ws[k]!;
    if (screened[j] !== 0) continue;
    ws[kept++] = j;
  }
  return kept;
}
