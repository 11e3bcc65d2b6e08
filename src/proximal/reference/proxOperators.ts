import { softThreshold } from '../../reference/softThreshold.js';

/**
 * Pure-TS reference of the proximal maps and projections (assembly/proximal/proxOperators.ts).
 * Columns with invScale_j = 0 (excluded) are always set to 0.
 */

/**
 * The proximal map of s·h for the weighted elastic net with box bounds, coordinate-wise:
 *
 *   prox(v)_j = clip( S(v_j, s·l1·f_j) / (1 + s·l2·f_j), lo_j, hi_j )
 *
 * (S the soft-threshold; the prox of a convex function of one variable restricted to an
 * interval is the unrestricted prox clipped to it). f_j = factors[j] or 1.
 */
export function proxElasticNet(
  v: Float64Array, step: number, l1: number, l2: number,
  factors: Float64Array | undefined, lower: Float64Array | undefined, upper: Float64Array | undefined,
  invScale: Float64Array, out: Float64Array,
): void {
  for (let j = 0; j < v.length; j++) {
    if (invScale[j] === 0) {
      out[j] = 0;
      continue;
    }
    const f = factors === undefined ? 1 : factors[j]!;
    let x = softThreshold(v[j]!, step * l1 * f) / (1 + step * l2 * f);
    if (lower !== undefined && x < lower[j]!) x = lower[j]!;
    if (upper !== undefined && x > upper[j]!) x = upper[j]!;
    out[j] = x;
  }
}

/**
 * Euclidean projection onto the L1 ball {‖w‖₁ ≤ t} (Duchi, Shalev-Shwartz, Singer & Chandra 2008),
 * O(p log p): with μ the |v_j| sorted in decreasing order, ρ = max{k : μ_k > (Σ_{i≤k} μ_i − t)/k}
 * and θ = (Σ_{i≤ρ} μ_i − t)/ρ, the projection is S(v, θ) (soft-thresholding: exact zeros).
 * `sorted` is scratch of length p. Returns θ (0 when v is inside the ball).
 */
export function projectL1Ball(v: Float64Array, radius: number, invScale: Float64Array, sorted: Float64Array, out: Float64Array): number {
  const p = v.length;
  let norm = 0;
  for (let j = 0; j < p; j++) {
    const a = invScale[j] === 0 ? 0 : Math.abs(v[j]!);
    sorted[j] = a;
    norm += a;
  }
  let theta = 0;
  if (norm > radius) {
    sorted.sort();
    let cumulative = 0;
    for (let k = p - 1; k >= 0; k--) {
      const mu = sorted[k]!;
      cumulative += mu;
      const candidate = (cumulative - radius) / (p - k);
      if (mu > candidate) theta = candidate;
      else break;
    }
  }
  for (let j = 0; j < p; j++) out[j] = invScale[j] === 0 ? 0 : softThreshold(v[j]!, theta);
  return theta;
}

/** Euclidean projection onto the L2 ball {‖w‖₂ ≤ t}: v scaled by min(1, t/‖v‖₂). */
export function projectL2Ball(v: Float64Array, radius: number, invScale: Float64Array, out: Float64Array): void {
  let sumSq = 0;
  for (let j = 0; j < v.length; j++) if (invScale[j] !== 0) sumSq += v[j]! * v[j]!;
  const norm = Math.sqrt(sumSq);
  const scale = norm > radius ? radius / norm : 1;
  for (let j = 0; j < v.length; j++) out[j] = invScale[j] === 0 ? 0 : v[j]! * scale;
}

/**
 * h(w) of the weighted elastic net, Σ_j f_j·(l1|w_j| + (l2/2)w_j²) (the bounds and the balls
 * contribute 0 at feasible points, which every iterate is).
 */
export function elasticNetPenaltyValue(w: Float64Array, l1: number, l2: number, factors: Float64Array | undefined): number {
  let sum = 0;
  for (let j = 0; j < w.length; j++) {
    const f = factors === undefined ? 1 : factors[j]!;
    const x = w[j]!;
    sum += f * (l1 * Math.abs(x) + 0.5 * l2 * x * x);
  }
  return sum;
}

/**
 * The KKT residual of min f + h at w, for the weighted elastic net with bounds: with
 * ∇_j f = −g_j, the distance from 0 to the set ∇_j f + f_j·l2·w_j + f_j·l1·∂|w_j| + N_[lo_j,hi_j](w_j),
 * maximized over j (0 exactly at the optimum). For S = [s_lo, s_hi] the subdifferential part:
 * interior w_j → dist(0, S); w_j at its lower bound → (−s_hi)₊; at its upper bound → (s_lo)₊;
 * lo_j = hi_j → 0.
 */
export function kktResidual(
  w: Float64Array, g: Float64Array, l1: number, l2: number,
  factors: Float64Array | undefined, lower: Float64Array | undefined, upper: Float64Array | undefined, invScale: Float64Array,
): number {
  let worst = 0;
  for (let j = 0; j < w.length; j++) {
    if (invScale[j] === 0) continue;
    const f = factors === undefined ? 1 : factors[j]!;
    const x = w[j]!;
    const smooth = -g[j]! + l2 * f * x;
    const a = l1 * f;
    let sLo: number;
    let sHi: number;
    if (x > 0) sLo = sHi = smooth + a;
    else if (x < 0) sLo = sHi = smooth - a;
    else {
      sLo = smooth - a;
      sHi = smooth + a;
    }
    const atLower = lower !== undefined && x <= lower[j]!;
    const atUpper = upper !== undefined && x >= upper[j]!;
    let d: number;
    if (atLower && atUpper) d = 0;
    else if (atLower) d = Math.max(0, -sHi);
    else if (atUpper) d = Math.max(0, sLo);
    else d = Math.max(0, sLo, -sHi);
    if (d > worst) worst = d;
  }
  return worst;
}

/**
 * The Frank–Wolfe gap of min f over the ball {‖w‖ ≤ t}: max_{‖s‖≤t} ∇f(w)ᵀ(w − s) = ∇f(w)ᵀw + t·‖∇f(w)‖_*,
 * with ‖·‖_* = ‖·‖∞ for the L1 ball and ‖·‖₂ for the L2 ball. By convexity it bounds f(w) − min f
 * at any feasible w: a duality gap. ∇f = −g. norm: 1 or 2.
 */
export function frankWolfeGap(w: Float64Array, g: Float64Array, radius: number, norm: 1 | 2, invScale: Float64Array): number {
  let inner = 0;
  let dual = 0;
  for (let j = 0; j < w.length; j++) {
    if (invScale[j] === 0) continue;
    const gj = g[j]!;
    inner -= gj * w[j]!;
    if (norm === 1) dual = Math.max(dual, Math.abs(gj));
    else dual += gj * gj;
  }
  const gap = inner + radius * (norm === 1 ? dual : Math.sqrt(dual));
  return gap > 0 ? gap : 0;
}
