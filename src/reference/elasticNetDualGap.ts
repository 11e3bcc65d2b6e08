import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { ColumnStats } from './columnStats.js';
import { columnGradient, weightedSum } from './columnOps.js';
import { penalizedGap, type PenaltyBlock } from './penalty.js';

/** Primal value, dual value and gap at one point. */
export interface GapCertificate {
  primal: number;
  dual: number;
  gap: number;
}

/** A {@link GapCertificate} with the by-products of the gradient pass that computed it. */
export interface GradientAndGap extends GapCertificate {
  /** max_j |g_j − l2·w_j| over the non-excluded, non-screened features. */
  corrMax: number;
  /** G₁, the gap of the augmented-lasso dual point (the one gap-safe screening uses). */
  gap1: number;
  /** Σ_i ω_i·r_i² (for the explained deviance). */
  rrW: number;
  /** With penalty options: the dual scaling s of G₁'s point (NaN in KKT mode); else NaN. */
  dualScale: number;
}

/**
 * Pure-TS reference of the `elasticNetGradientAndGap` kernel: every gradient
 * g_j = Σ_i ω_i·x̃_ij·r_i (ω_i = weights[i], or 1/n) and the duality gap of
 *
 *   F(w) = ½Σ_i ω_i·r_i² + l1‖w‖₁ + (l2/2)‖w‖²,   r = ỹ − X̃w (the true residual),
 *
 * the smaller of two gaps, each a sum of terms that vanish at the optimum:
 *   G₁ = (1−s)²·Σωr²/2 − s·Σ w_j·g_j + l1‖w‖₁ + (l2/2)(1+s²)‖w‖²,  s = min(1, l1 / max_j |g_j − l2·w_j|)
 *        (scikit-learn's rescaled residual on the augmented lasso), clamped at 0;
 *   G₂ = −Σ w_j·g_j + l1‖w‖₁ + (l2/2)‖w‖² + Σ_j (|g_j| − l1)₊² / (2·l2)   (l2 > 0 only).
 * Screened features (screened[j] ≠ 0) and excluded ones (invScale_j = 0) are left out and get
 * g_j = 0. When g is given it receives the gradients.
 *
 * With penalty options (pen; g must be given) the certificate is {@link penalizedGap}'s:
 * the generalized gaps, or the largest KKT residual in KKT mode (then dual is NaN).
 */
export function elasticNetGradientAndGap(
  X: DesignMatrix, stats: ColumnStats, r: Float64Array, w: Float64Array, l1: number, l2: number,
  g?: Float64Array, screened?: Uint8Array, weights?: Float64Array, pen?: PenaltyBlock,
): GradientAndGap {
  return gradientAndGapOver(X, stats, r, w, l1, l2, g, screened, weights, undefined, X.nCols, pen);
}

/** The certificate fields from {@link penalizedGap}. */
function fromPenalized(
  invScale: Float64Array, w: Float64Array, g: Float64Array, screened: Uint8Array | undefined,
  idx: Int32Array | undefined, count: number, rrW: number, l1: number, l2: number, pen: PenaltyBlock,
): GradientAndGap {
  const c = penalizedGap(invScale, w, g, screened, idx, count, rrW, l1, l2, pen);
  return { primal: c.primal, dual: Number.isNaN(c.gap1) ? NaN : c.primal - c.gap, gap: c.gap, corrMax: c.corrMax, gap1: c.gap1, rrW, dualScale: c.scale };
}

/** Σ_i ω_i·r_i² (ω_i = weights[i], or 1/n): twice the loss at residual r. */
export function weightedRss(r: Float64Array, weights: Float64Array | undefined): number {
  const n = r.length;
  let rrW = 0;
  if (weights === undefined) {
    for (let i = 0; i < n; i++) rrW += r[i]! * r[i]!;
    return rrW / n;
  }
  for (let i = 0; i < n; i++) rrW += r[i]! * weights[i]! * r[i]!;
  return rrW;
}

/**
 * Running sums of the gap formulas over features — ‖w‖₁, ‖w‖², Σ w_j·g_j,
 * max_j |g_j − l2·w_j| and Σ_j (|g_j| − l1)₊² — and the two gaps they give
 * (reference of the kernel's gap sums in assembly/elasticNetDualGap.ts).
 */
class GapSums {
  l1Norm = 0;
  l2NormSq = 0;
  wg = 0;
  corrMax = 0;
  conj = 0;

  constructor(readonly l1: number, readonly l2: number) {}

  add(wj: number, gj: number): void {
    this.l1Norm += Math.abs(wj);
    this.l2NormSq += wj * wj;
    this.wg += wj * gj;
    const c = Math.abs(gj - this.l2 * wj);
    if (c > this.corrMax) this.corrMax = c;
    const excess = Math.abs(gj) - this.l1;
    if (excess > 0) this.conj += excess * excess;
  }

  finish(rrW: number): GradientAndGap {
    const { l1, l2 } = this;
    const primal = 0.5 * rrW + l1 * this.l1Norm + 0.5 * l2 * this.l2NormSq;
    const s = this.corrMax > l1 ? l1 / this.corrMax : 1;
    let gap1 = (1 - s) * (1 - s) * rrW * 0.5 - s * this.wg + l1 * this.l1Norm + 0.5 * l2 * (1 + s * s) * this.l2NormSq;
    if (gap1 < 0) gap1 = 0;
    let gap = gap1;
    if (l2 > 0) {
      const gap2 = -this.wg + l1 * this.l1Norm + 0.5 * l2 * this.l2NormSq + this.conj / (2 * l2);
      if (gap2 < gap) gap = gap2;
    }
    if (gap < 0) gap = 0;
    return { primal, dual: primal - gap, gap, corrMax: this.corrMax, gap1, rrW, dualScale: NaN };
  }
}

/**
 * {@link elasticNetGradientAndGap} over the columns idx[0..count) only (all when idx is
 * undefined): over a working set W, the gap of the problem restricted to W, which is the
 * full gap when every feature outside W is 0 and satisfies |g_j| ≤ l1.
 */
export function gradientAndGapOver(
  X: DesignMatrix, stats: ColumnStats, r: Float64Array, w: Float64Array, l1: number, l2: number,
  g: Float64Array | undefined, screened: Uint8Array | undefined, weights: Float64Array | undefined,
  idx: Int32Array | undefined, count: number, pen?: PenaltyBlock,
): GradientAndGap {
  const rrW = weightedRss(r, weights);
  if (pen !== undefined && g === undefined) throw new Error('gradientAndGapOver: penalty options need the gradient array');
  const sumWR = weightedSum(r, weights);
  const sums = new GapSums(l1, l2);
  for (let k = 0; k < count; k++) {
    const j = idx === undefined ? k : idx[k]!;
    const inv = stats.invScale[j]!;
    if (inv === 0 || (screened !== undefined && screened[j] !== 0)) {
      if (g !== undefined) g[j] = 0;
      continue;
    }
    const gj = inv * columnGradient(X, j, r, weights, stats.mean[j]!, sumWR);
    if (g !== undefined) g[j] = gj;
    if (pen === undefined) sums.add(w[j]!, gj);
  }
  if (pen !== undefined) return fromPenalized(stats.invScale, w, g!, screened, idx, count, rrW, l1, l2, pen);
  return sums.finish(rrW);
}

/**
 * The gap quantities of {@link elasticNetGradientAndGap} over idx[0..count) (all when idx is
 * undefined) from gradients already in g and a given Σωr² (rrW), without touching X
 * (reference of `gapFromGradients`).
 */
export function gapFromGradients(
  stats: ColumnStats, w: Float64Array, l1: number, l2: number, g: Float64Array, idx: Int32Array | undefined, count: number, rrW: number,
  pen?: PenaltyBlock,
): GradientAndGap {
  if (pen !== undefined) return fromPenalized(stats.invScale, w, g, undefined, idx, count, rrW, l1, l2, pen);
  const sums = new GapSums(l1, l2);
  for (let k = 0; k < count; k++) {
    const j = idx === undefined ? k : idx[k]!;
    if (stats.invScale[j] === 0) continue;
    sums.add(w[j]!, g[j]!);
  }
  return sums.finish(rrW);
}

/**
 * The duality gap alone (pure-TS reference of the `elasticNetDualGap` kernel; see
 * {@link elasticNetGradientAndGap} for the objective and the two gaps).
 */
export function elasticNetDualGap(
  X: DesignMatrix, stats: ColumnStats, r: Float64Array, w: Float64Array, l1: number, l2: number, weights?: Float64Array,
): GapCertificate {
  const { primal, dual, gap } = elasticNetGradientAndGap(X, stats, r, w, l1, l2, undefined, undefined, weights);
  return { primal, dual, gap };
}
