import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { ColumnStats } from './columnStats.js';
import { addScalar, cscColumnUpdate, denseCenteredAxpy } from './columnOps.js';
import { CoordinatePasses } from './coordinatePass.js';
import { elasticNetGradientAndGap, type GradientAndGap } from './elasticNetDualGap.js';

/** Each round that fails the gap test asks the inner loop for this much more precision. */
export const INNER_TIGHTENING = 0.25;

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
 * Pure-TS reference of the `elasticNetSolveScreened` kernel: one λ of the elastic net
 * F(w) = ½Σ_i ω_i·r_i² + l1‖w‖₁ + (l2/2)‖w‖² (ω_i = weights[i], or 1/n) to a duality-gap
 * certificate ≤ gapTol:
 *
 * 1. Working set W = {j : w_j ≠ 0} ∪ {j : |g_j| ≥ 2·l1 − l1Prev} (sequential strong rule; g holds
 *    the gradients at the starting point, l1Prev the l1 they belong to), in increasing j.
 * 2. Coordinate descent on W with active-set cycling: a pass over W, then passes over its
 *    non-zero features until max a_j·δ_j² ≤ the inner tolerance (initially gapTol), then W again.
 * 3. Every gradient and the gap ({@link elasticNetGradientAndGap}). Stop if gap ≤ gapTol or after
 *    maxPasses passes. Else features outside W with |g_j| > l1 join W (appended in increasing j);
 *    if none does, gap-safe screening (l1 > 0) removes the features with
 *    |g_j − l2·w_j|/max(l1, c) + √(2·G₁·(a_j + l2))/l1 < 1 (c = max_j|g_j − l2·w_j|), setting
 *    a screened w_j ≠ 0 to 0 and updating r, W is compacted (order kept) and the inner tolerance
 *    is multiplied by {@link INNER_TIGHTENING}. Back to 2.
 *
 * r must be the true residual ỹ − X̃w on entry and is kept so; w is updated in place and g holds
 * the gradients at the returned solution (0 for excluded and screened features).
 */
export function elasticNetSolveScreened(
  X: DesignMatrix, stats: ColumnStats, r: Float64Array, w: Float64Array,
  l1: number, l2: number, l1Prev: number, gapTol: number, maxPasses: number, g: Float64Array,
  weights?: Float64Array,
): ScreenedSolveResult {
  const p = X.nCols;
  const { invScale } = stats;
  const ws = new Int32Array(p);
  const active = new Int32Array(p);
  const inWs = new Uint8Array(p);
  const screened = new Uint8Array(p);
  // 1. Initial working set: warm-start non-zeros and the strong set.
  const strong = 2 * l1 - l1Prev;
  let count = 0;
  let nExcluded = 0;
  for (let j = 0; j < p; j++) {
    if (invScale[j] === 0) nExcluded++;
    const member = invScale[j] !== 0 && (w[j] !== 0 || Math.abs(g[j]!) >= strong);
    inWs[j] = member ? 1 : 0;
    if (member) ws[count++] = j;
  }
  const passesRun = new CoordinatePasses(X, stats, weights);
  let passes = 0;
  let visits = 0;
  let nScreened = 0;
  let innerTol = gapTol;
  let certificate: GradientAndGap;
  while (true) {
    // 2. Coordinate descent on the working set, with active-set cycling.
    passesRun.begin(r);
    while (passes < maxPasses) {
      let change = passesRun.pass(w, l1, l2, ws, count);
      passes++;
      visits += count;
      if (change <= innerTol) break;
      let nActive = 0;
      for (let k = 0; k < count; k++) {
        const j = ws[k]!;
        if (w[j] !== 0) active[nActive++] = j;
      }
      while (passes < maxPasses) {
        change = passesRun.pass(w, l1, l2, active, nActive);
        passes++;
        visits += nActive;
        if (change <= innerTol) break;
      }
    }
    passesRun.end();
    // 3. Every gradient and the gap, in one pass over the unscreened features.
    certificate = elasticNetGradientAndGap(X, stats, r, w, l1, l2, g, screened, weights);
    visits += p - nExcluded - nScreened;
    if (certificate.gap <= gapTol || passes >= maxPasses) break;
    // KKT violators outside W join it.
    let added = 0;
    for (let j = 0; j < p; j++) {
      if (inWs[j] !== 0 || screened[j] !== 0 || invScale[j] === 0) continue;
      if (Math.abs(g[j]!) > l1) {
        inWs[j] = 1;
        ws[count++] = j;
        added++;
      }
    }
    if (added > 0) continue;
    if (l1 > 0) nScreened += gapSafeScreen(X, stats, r, w, l1, l2, g, screened, certificate.corrMax, certificate.gap1);
    count = compactWorkingSet(ws, count, screened);
    innerTol *= INNER_TIGHTENING;
  }
  return { ...certificate, passes, visits, workingSetSize: count, screened: nScreened };
}

/**
 * Gap-safe screening on the augmented lasso (Fercoq, Gramfort & Salmon 2015): with the dual
 * point θ = ρ/max(l1, c) and its gap G₁, feature j with
 * |g_j − l2·w_j|/max(l1, c) + √(2·G₁)/l1·√(a_j + l2) < 1 is 0 at the optimum. Marks such
 * features screened, moving a non-zero w_j to 0 and updating r. Returns how many were newly screened.
 */
function gapSafeScreen(
  X: DesignMatrix, stats: ColumnStats, r: Float64Array, w: Float64Array, l1: number, l2: number,
  g: Float64Array, screened: Uint8Array, corrMax: number, gap1: number,
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
    const test = Math.abs(g[j]! - l2 * wj) / scale + radius * Math.sqrt(normSqOverN[j]! + l2);
    if (test >= 1) continue;
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
