// Per-feature penalty options (glmnet's penalty.factor, exclude, lower.limits/upper.limits),
// in the centred, scaled space of the kernels. The façade builds one block per session
// (toPenaltyBlock in src/engine/Engine.ts; written by src/engine/wasmSession.ts); a solver
// called with penalty = 0 runs the plain elastic net.
//
//   offset        field     meaning
//   0             mode      f64: 0 = duality gap, 1 = KKT residual, 2 = duality gap at a projected
//                           dual point (free unpenalized features; see below)
//   8             factor    v_j ≥ 0 (f64, p): the penalty of feature j is v_j·(l1|w_j| + (l2/2)w_j²)
//   8 + 8p        lower     L_j ≤ 0 (f64, p), −∞ allowed: w_j ≥ L_j (scaled space)
//   8 + 16p       upper     U_j ≥ 0 (f64, p), +∞ allowed: w_j ≤ U_j; L_j = U_j = 0 is an excluded feature
//   mode 2 only, from 8 + 24p:
//                 m         f64: the number of free unpenalized features (v_j = 0, L_j = −∞, U_j = +∞)
//                 U         their indices (f64, m)
//                 G         G̃_jU = x̃_jᵀΩx̃_u for every j (f64, p per u: m columns of p)
//                 chol      the Cholesky factor of G̃_UU, lower triangle row-major (f64, m·m)
//                 c         scratch (f64, m)
//
// The objective is F(w) = ½Σ_i ω_i r_i² + Σ_j h_j(w_j), h_j(w) = v_j(l1|w| + (l2/2)w²) + ι_[L_j,U_j](w).
// With θ a dual point and z_j = x̃_jᵀΩθ, P(w) − D(θ) = ½‖r − θ‖²_Ω + Σ_j [h_j(w_j) + h_j*(z_j) − w_j·z_j]
// (every term ≥ 0 by Fenchel–Young). The conjugate h_j* is finite except on a side with an infinite
// bound where v_j·l2 = 0; there it needs |z_j| ≤ v_j·l1. A feature with v_j = 0 and an infinite
// side (a "free unpenalized" feature) forces z_j = 0 on that side, which θ = s·r never meets
// exactly. When every such feature is free on both sides (mode 2), the dual point is projected:
// θ = s·(r − X̃_U·c) with G̃_UU·c = g_U, so that z_U = 0 exactly (up to rounding); with
// ĝ_j = g_j − (G̃_jU·c), ½‖r − θ‖² = ½(1−s)²Σωr² + ½s(2−s)·cᵀg_U. Otherwise (an unpenalized
// feature with exactly one infinite side) the KKT residual certifies instead (mode 1).
import { softThreshold } from './softThreshold';

// @ts-ignore: decorator
@inline export function penKktMode(pen: usize): bool { return load<f64>(pen) == 1; }
/** Whether gap-safe screening is allowed with this block (mode 0 only). */
// @ts-ignore: decorator
@inline export function penScreens(pen: usize): bool { return load<f64>(pen) == 0; }
// @ts-ignore: decorator
@inline export function penFactor(pen: usize): usize { return pen + 8; }
// @ts-ignore: decorator
@inline export function penLower(pen: usize, p: i32): usize { return pen + 8 + (<usize>p << 3); }
// @ts-ignore: decorator
@inline export function penUpper(pen: usize, p: i32): usize { return pen + 8 + (<usize>p << 4); }

/**
 * The coordinate update of feature j with penalty options: the minimizer over [lo, hi] of
 * (a/2)w² − z·w + t|w| + (c/2)w², i.e. clip(S(z, t)/(a + c), lo, hi), with t = v·l1, c = v·l2.
 */
// @ts-ignore: decorator
@inline
export function boundedUpdate(z: f64, aj: f64, t: f64, c: f64, lo: f64, hi: f64): f64 {
  let w = softThreshold(z, t) / (aj + c);
  if (w > hi) w = hi;
  if (w < lo) w = lo;
  return w;
}

/**
 * Distance of q = g_j − v·l2·w_j to t·∂|w_j| + N_[lo,hi](w_j), the KKT residual of feature j
 * (0 exactly at the optimum). w must lie in [lo, hi].
 */
export function kktResidual(w: f64, q: f64, t: f64, lo: f64, hi: f64): f64 {
  if (lo == hi) return 0;
  if (w >= hi) {
    // At the upper bound: q may exceed what the interior needs.
    if (w > 0) return t - q > 0 ? t - q : 0;
    return -t - q > 0 ? -t - q : 0; // hi = 0 = w
  }
  if (w <= lo) {
    if (w < 0) return q + t > 0 ? q + t : 0;
    return q - t > 0 ? q - t : 0; // lo = 0 = w
  }
  if (w > 0) return Math.abs(q - t);
  if (w < 0) return Math.abs(q + t);
  const e = Math.abs(q) - t;
  return e > 0 ? e : 0;
}

/** h*(g) − sup over [lo, hi] of g·w − t|w| − (c/2)w²; Infinity when unbounded. */
function conjugate(g: f64, t: f64, c: f64, lo: f64, hi: f64): f64 {
  if (c > 0) {
    let ws = softThreshold(g, t) / c;
    if (ws > hi) ws = hi;
    if (ws < lo) ws = lo;
    return g * ws - t * Math.abs(ws) - 0.5 * c * ws * ws;
  }
  if (g > t) return hi == Infinity ? Infinity : (g - t) * hi;
  if (g < -t) return lo == -Infinity ? Infinity : (-g - t) * (-lo);
  return 0;
}

// Results of penalizedGap (module state: AssemblyScript returns one value).
export let pgPrimal: f64 = 0;
export let pgGap: f64 = 0;
/** G₁, the gap of the augmented-lasso dual point θ = s·(r, −√(v·l2)·w) (screening uses it). */
export let pgGap1: f64 = 0;
/** The dual scaling s of G₁'s point. */
export let pgScale: f64 = 0;
/** max over penalized j of |q_j|/v_j on the sides where the bound is not 0 (at w = 0: λ_max·α). */
export let pgCorrMax: f64 = 0;

/**
 * The certificate of w with gradients g over idx[0..count) (all when idx = 0), skipping columns
 * with invScale 0 and, when screened ≠ 0, screened features; rrW = Σωr². Sets pgPrimal, pgGap,
 * pgGap1, pgScale, pgCorrMax.
 *
 * Gap mode: the smaller of
 *   G₁ = ½(1−s)²(Σωr² + l2Σv w²) + Σ_j [v·l1|w_j| − s·w_j·q_j + h1_j*(s·q_j)],  q_j = g_j − v·l2·w_j,
 *        the augmented lasso's point (h1_j = v·l1|·| + box), s ≤ 1 the largest value keeping
 *        |s·q_j| ≤ v·l1 on every side with an infinite bound;
 *   G₂ = Σ_j [h_j(w_j) + h_j*(g_j) − w_j·g_j]  (θ = r), when every h_j*(g_j) is finite.
 * KKT mode: pgGap = max_j kktResidual (G₁ and the dual are NaN).
 */
export function penalizedGap(
  invScale: usize, w: usize, g: usize, screened: usize, idx: usize, count: i32, p: i32,
  rrW: f64, l1: f64, l2: f64, pen: usize,
): void {
  const factor = penFactor(pen), lower = penLower(pen, p), upper = penUpper(pen, p);
  const kkt = penKktMode(pen);
  // Mode 2: c = G̃_UU⁻¹·g_U, and ĝ_j = g_j − G̃_jU·c replaces g_j (0 on U itself).
  const projected = load<f64>(pen) == 2;
  let m: i32 = 0, uIdx: usize = 0, G: usize = 0, cVec: usize = 0;
  let cg: f64 = 0;
  if (projected) {
    const base = pen + 8 + (<usize>p * 24);
    m = <i32>load<f64>(base);
    uIdx = base + 8;
    G = uIdx + (<usize>m << 3);
    const L = G + ((<usize>m * <usize>p) << 3);
    cVec = L + ((<usize>m * <usize>m) << 3);
    // Forward then back substitution with the row-major lower factor.
    for (let a: i32 = 0; a < m; a++) {
      let s = load<f64>(g + (<usize>(<i32>load<f64>(uIdx + (<usize>a << 3))) << 3));
      for (let b: i32 = 0; b < a; b++) s -= load<f64>(L + (<usize>(a * m + b) << 3)) * load<f64>(cVec + (<usize>b << 3));
      store<f64>(cVec + (<usize>a << 3), s / load<f64>(L + (<usize>(a * m + a) << 3)));
    }
    for (let a: i32 = m - 1; a >= 0; a--) {
      let s = load<f64>(cVec + (<usize>a << 3));
      for (let b: i32 = a + 1; b < m; b++) s -= load<f64>(L + (<usize>(b * m + a) << 3)) * load<f64>(cVec + (<usize>b << 3));
      store<f64>(cVec + (<usize>a << 3), s / load<f64>(L + (<usize>(a * m + a) << 3)));
    }
    for (let a: i32 = 0; a < m; a++) {
      cg += load<f64>(cVec + (<usize>a << 3)) * load<f64>(g + (<usize>(<i32>load<f64>(uIdx + (<usize>a << 3))) << 3));
    }
  }
  let sumVL1: f64 = 0, sumVW2: f64 = 0, sumWG: f64 = 0, corr: f64 = 0, dualMax: f64 = 0, conj: f64 = 0, kmax: f64 = 0;
  let g2Finite = true;
  for (let k: i32 = 0; k < count; k++) {
    const j: i32 = idx == 0 ? k : load<i32>(idx + (<usize>k << 2));
    const o = <usize>j << 3;
    if (load<f64>(invScale + o) == 0 || (screened != 0 && load<u8>(screened + <usize>j) != 0)) continue;
    const v = load<f64>(factor + o), lo = load<f64>(lower + o), hi = load<f64>(upper + o);
    if (projected && v == 0 && lo == -Infinity && hi == Infinity) continue; // z_j = 0, h_j = 0
    const wj = load<f64>(w + o);
    const gj = projected ? projectedGradient(load<f64>(g + o), j, G, cVec, m, p) : load<f64>(g + o);
    const t = v * l1, c = v * l2;
    sumVL1 += v * Math.abs(wj);
    sumVW2 += v * wj * wj;
    sumWG += wj * gj;
    const q = gj - c * wj;
    if (v > 0) {
      if (q > 0 && hi > 0 && q / v > corr) corr = q / v;
      if (q < 0 && lo < 0 && -q / v > corr) corr = -q / v;
    }
    if ((q > 0 && hi == Infinity) || (q < 0 && lo == -Infinity)) {
      const ratio = v > 0 ? Math.abs(q) / v : Infinity;
      if (ratio > dualMax) dualMax = ratio;
    }
    if (g2Finite) {
      const h = conjugate(gj, t, c, lo, hi);
      if (h == Infinity) g2Finite = false;
      else conj += h;
    }
    if (kkt) {
      const e = kktResidual(wj, q, t, lo, hi);
      if (e > kmax) kmax = e;
    }
  }
  pgPrimal = 0.5 * rrW + l1 * sumVL1 + 0.5 * l2 * sumVW2;
  pgCorrMax = corr;
  if (kkt) {
    pgGap = kmax;
    pgGap1 = NaN;
    pgScale = NaN;
    return;
  }
  const s: f64 = dualMax > l1 ? l1 / dualMax : 1;
  // Finite sides contribute h1*(s·q) = hi·(s·q − t)₊ + (−lo)·(−s·q − t)₊.
  let h1: f64 = 0;
  for (let k: i32 = 0; k < count; k++) {
    const j: i32 = idx == 0 ? k : load<i32>(idx + (<usize>k << 2));
    const o = <usize>j << 3;
    if (load<f64>(invScale + o) == 0 || (screened != 0 && load<u8>(screened + <usize>j) != 0)) continue;
    const v = load<f64>(factor + o), lo = load<f64>(lower + o), hi = load<f64>(upper + o);
    if (projected && v == 0 && lo == -Infinity && hi == Infinity) continue;
    const t = v * l1;
    const gj = projected ? projectedGradient(load<f64>(g + o), j, G, cVec, m, p) : load<f64>(g + o);
    const z = s * (gj - v * l2 * load<f64>(w + o));
    if (hi != Infinity && z - t > 0) h1 += hi * (z - t);
    if (lo != -Infinity && -z - t > 0) h1 += -lo * (-z - t);
  }
  let gap1 = 0.5 * (1 - s) * (1 - s) * (rrW + l2 * sumVW2) + 0.5 * s * (2 - s) * cg + l1 * sumVL1 - s * (sumWG - l2 * sumVW2) + h1;
  if (gap1 < 0) gap1 = 0;
  let gap = gap1;
  if (g2Finite) {
    const gap2 = 0.5 * cg + l1 * sumVL1 + 0.5 * l2 * sumVW2 + conj - sumWG;
    if (gap2 < gap) gap = gap2;
  }
  pgGap = gap < 0 ? 0 : gap;
  pgGap1 = gap1;
  pgScale = s;
}

/** ĝ_j = g_j − Σ_k G̃_{j,U_k}·c_k (mode 2). */
// @ts-ignore: decorator
@inline
function projectedGradient(gj: f64, j: i32, G: usize, c: usize, m: i32, p: i32): f64 {
  let s = gj;
  for (let k: i32 = 0; k < m; k++) s -= load<f64>(G + ((<usize>k * <usize>p + <usize>j) << 3)) * load<f64>(c + (<usize>k << 3));
  return s;
}

/** Writes the penalizedGap results to out (layout of elasticNetGradientAndGap, plus out[9] = s); returns the gap. */
export function storePenalizedGap(rrW: f64, out: usize): f64 {
  store<f64>(out, pgPrimal);
  // In KKT mode there is no dual value (pgGap1 is NaN).
  store<f64>(out, isNaN(pgGap1) ? NaN : pgPrimal - pgGap, 8);
  store<f64>(out, pgGap, 16);
  store<f64>(out, pgCorrMax, 24);
  store<f64>(out, pgGap1, 32);
  store<f64>(out, rrW, 64);
  store<f64>(out, pgScale, 72);
  return pgGap;
}
