import { softThreshold } from './softThreshold.js';

/**
 * Per-feature penalty options in the centred, scaled space of the solvers (pure-TS mirror of the
 * block described in assembly/penalty.ts). The penalty of feature j is
 * h_j(w) = v_j·(l1|w| + (l2/2)w²) + ι_[L_j, U_j](w); L_j = U_j = 0 is an excluded feature.
 */
export interface PenaltyBlock {
  /** Certify with the KKT residual (a free unpenalized feature makes θ = s·r infeasible), else the duality gap. */
  kkt: boolean;
  /** v_j ≥ 0. */
  factor: Float64Array;
  /** L_j ≤ 0 (−∞ allowed), scaled space. */
  lower: Float64Array;
  /** U_j ≥ 0 (+∞ allowed), scaled space. */
  upper: Float64Array;
  /**
   * When the free unpenalized features (v_j = 0, L_j = −∞, U_j = +∞) are the only obstacle to a
   * feasible dual point: what projects it (the kernel's mode 2; see {@link DualProjection}).
   */
  projection?: DualProjection | undefined;
}

/**
 * The data of the projected dual point θ = s·(r − X̃_U·c), G̃_UU·c = g_U (assembly/penalty.ts):
 * U the free unpenalized features, G their columns of G̃ = X̃ᵀΩX̃ (column k, p entries, at k·p),
 * chol the lower Cholesky factor of G̃_UU (row-major m×m).
 */
export interface DualProjection {
  U: Int32Array;
  G: Float64Array;
  chol: Float64Array;
}

/** Whether feature j is free and unpenalized (v = 0, no bound). */
export function isFreeUnpenalized(pen: PenaltyBlock, j: number): boolean {
  return pen.factor[j] === 0 && pen.lower[j] === -Infinity && pen.upper[j] === Infinity;
}

/**
 * The Cholesky factor (row-major lower triangle) of the m×m matrix A given by entry(a, b), or
 * undefined when a pivot is ≤ 1e-10 of the largest diagonal entry (G̃_UU numerically singular:
 * collinear unpenalized features; the KKT residual certifies then).
 */
export function choleskyFactor(m: number, entry: (a: number, b: number) => number): Float64Array | undefined {
  const L = new Float64Array(m * m);
  let maxDiag = 0;
  for (let a = 0; a < m; a++) maxDiag = Math.max(maxDiag, entry(a, a));
  for (let a = 0; a < m; a++) {
    for (let b = 0; b <= a; b++) {
      let s = entry(a, b);
      for (let k = 0; k < b; k++) s -= L[a * m + k]! * L[b * m + k]!;
      if (a === b) {
        if (!(s > 1e-10 * maxDiag)) return undefined;
        L[a * m + a] = Math.sqrt(s);
      } else L[a * m + b] = s / L[b * m + b]!;
    }
  }
  return L;
}

/** clip(S(z, t)/(a + c), lo, hi): the coordinate minimizer with t = v·l1, c = v·l2 (as the kernel). */
export function boundedUpdate(z: number, aj: number, t: number, c: number, lo: number, hi: number): number {
  let w = softThreshold(z, t) / (aj + c);
  if (w > hi) w = hi;
  if (w < lo) w = lo;
  return w;
}

/** Distance of q = g_j − v·l2·w_j to t·∂|w_j| + N_[lo,hi](w_j) (as the kernel's kktResidual). */
export function kktResidual(w: number, q: number, t: number, lo: number, hi: number): number {
  if (lo === hi) return 0;
  if (w >= hi) return w > 0 ? Math.max(t - q, 0) : Math.max(-t - q, 0);
  if (w <= lo) return w < 0 ? Math.max(q + t, 0) : Math.max(q - t, 0);
  if (w > 0) return Math.abs(q - t);
  if (w < 0) return Math.abs(q + t);
  return Math.max(Math.abs(q) - t, 0);
}

/** sup over w ∈ [lo, hi] of g·w − t|w| − (c/2)w² (Infinity when unbounded). */
function conjugate(g: number, t: number, c: number, lo: number, hi: number): number {
  if (c > 0) {
    let ws = softThreshold(g, t) / c;
    if (ws > hi) ws = hi;
    if (ws < lo) ws = lo;
    return g * ws - t * Math.abs(ws) - 0.5 * c * ws * ws;
  }
  if (g > t) return hi === Infinity ? Infinity : (g - t) * hi;
  if (g < -t) return lo === -Infinity ? Infinity : (-g - t) * -lo;
  return 0;
}

/** What {@link penalizedGap} computes. */
export interface PenalizedGap {
  primal: number;
  /** The duality gap (gap mode) or the largest KKT residual (KKT mode). */
  gap: number;
  /** G₁ of the augmented-lasso dual point (NaN in KKT mode). */
  gap1: number;
  /** Its dual scaling s (NaN in KKT mode). */
  scale: number;
  /** max over penalized j of |q_j|/v_j on sides whose bound is not 0 (at w = 0: λ_max·α). */
  corrMax: number;
}

/**
 * The certificate of w with gradients g over idx[0..count) (all when idx is undefined), skipping
 * columns with invScale 0 and screened features; rrW = Σωr² (reference of the kernel's
 * penalizedGap; see there for G₁, G₂ and the KKT mode).
 */
export function penalizedGap(
  invScale: Float64Array, w: Float64Array, g: Float64Array, screened: Uint8Array | undefined,
  idx: Int32Array | undefined, count: number, rrW: number, l1: number, l2: number, pen: PenaltyBlock,
): PenalizedGap {
  const { factor, lower, upper, kkt, projection } = pen;
  // Projected point: c = G̃_UU⁻¹·g_U (as the kernel: forward, then back substitution), ĝ = g − G̃_·U·c.
  const m = projection?.U.length ?? 0;
  const c = new Float64Array(m);
  let cg = 0;
  if (projection) {
    const { U, chol: L } = projection;
    for (let a = 0; a < m; a++) {
      let s = g[U[a]!]!;
      for (let b = 0; b < a; b++) s -= L[a * m + b]! * c[b]!;
      c[a] = s / L[a * m + a]!;
    }
    for (let a = m - 1; a >= 0; a--) {
      let s = c[a]!;
      for (let b = a + 1; b < m; b++) s -= L[b * m + a]! * c[b]!;
      c[a] = s / L[a * m + a]!;
    }
    for (let a = 0; a < m; a++) cg += c[a]! * g[U[a]!]!;
  }
  const p = factor.length;
  const gradient = (j: number): number => {
    let s = g[j]!;
    if (projection) for (let k = 0; k < m; k++) s -= projection.G[k * p + j]! * c[k]!;
    return s;
  };
  let sumVL1 = 0, sumVW2 = 0, sumWG = 0, corr = 0, dualMax = 0, conj = 0, kmax = 0;
  let g2Finite = true;
  const skip = (j: number) =>
    invScale[j] === 0 || (screened !== undefined && screened[j] !== 0) || (projection !== undefined && isFreeUnpenalized(pen, j));
  for (let k = 0; k < count; k++) {
    const j = idx === undefined ? k : idx[k]!;
    if (skip(j)) continue;
    const wj = w[j]!, gj = gradient(j), v = factor[j]!, lo = lower[j]!, hi = upper[j]!;
    const t = v * l1, c = v * l2;
    sumVL1 += v * Math.abs(wj);
    sumVW2 += v * wj * wj;
    sumWG += wj * gj;
    const q = gj - c * wj;
    if (v > 0) {
      if (q > 0 && hi > 0 && q / v > corr) corr = q / v;
      if (q < 0 && lo < 0 && -q / v > corr) corr = -q / v;
    }
    if ((q > 0 && hi === Infinity) || (q < 0 && lo === -Infinity)) {
      const ratio = v > 0 ? Math.abs(q) / v : Infinity;
      if (ratio > dualMax) dualMax = ratio;
    }
    if (g2Finite) {
      const h = conjugate(gj, t, c, lo, hi);
      if (h === Infinity) g2Finite = false;
      else conj += h;
    }
    if (kkt) kmax = Math.max(kmax, kktResidual(wj, q, t, lo, hi));
  }
  const primal = 0.5 * rrW + l1 * sumVL1 + 0.5 * l2 * sumVW2;
  if (kkt) return { primal, gap: kmax, gap1: NaN, scale: NaN, corrMax: corr };
  const s = dualMax > l1 ? l1 / dualMax : 1;
  let h1 = 0;
  for (let k = 0; k < count; k++) {
    const j = idx === undefined ? k : idx[k]!;
    if (skip(j)) continue;
    const v = factor[j]!, lo = lower[j]!, hi = upper[j]!;
    const t = v * l1;
    const z = s * (gradient(j) - v * l2 * w[j]!);
    if (hi !== Infinity && z - t > 0) h1 += hi * (z - t);
    if (lo !== -Infinity && -z - t > 0) h1 += -lo * (-z - t);
  }
  let gap1 = 0.5 * (1 - s) * (1 - s) * (rrW + l2 * sumVW2) + 0.5 * s * (2 - s) * cg + l1 * sumVL1 - s * (sumWG - l2 * sumVW2) + h1;
  if (gap1 < 0) gap1 = 0;
  let gap = gap1;
  if (g2Finite) {
    const gap2 = 0.5 * cg + l1 * sumVL1 + 0.5 * l2 * sumVW2 + conj - sumWG;
    if (gap2 < gap) gap = gap2;
  }
  return { primal, gap: gap < 0 ? 0 : gap, gap1, scale: s, corrMax: corr };
}
