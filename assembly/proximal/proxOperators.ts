// Proximal maps, projections and optimality measures of the penalties FISTA supports.
// Columns with invScale_j = 0 (excluded) are always 0. Mirrored in
// src/proximal/reference/proxOperators.ts. Pointer arguments equal to 0 mean "absent".
import { softThreshold } from '../softThreshold';

/**
 * out_j = clip( S(v_j, step·l1·f_j) / (1 + step·l2·f_j), lo_j, hi_j ): the prox of
 * step·Σ_j f_j(l1|w_j| + (l2/2)w_j²) restricted to the box [lo, hi].
 */
export function proxElasticNet(
  v: usize, step: f64, l1: f64, l2: f64, factors: usize, lower: usize, upper: usize, invScale: usize, p: i32, out: usize,
): void {
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    if (load<f64>(invScale + o) == 0) {
      store<f64>(out + o, 0);
      continue;
    }
    const f: f64 = factors == 0 ? 1.0 : load<f64>(factors + o);
    let x = softThreshold(load<f64>(v + o), step * l1 * f) / (1.0 + step * l2 * f);
    if (lower != 0 && x < load<f64>(lower + o)) x = load<f64>(lower + o);
    if (upper != 0 && x > load<f64>(upper + o)) x = load<f64>(upper + o);
    store<f64>(out + o, x);
  }
}

/** In-place ascending heapsort of a[0..n): O(n log n), no allocation. */
function heapSort(a: usize, n: i32): void {
  for (let start: i32 = (n >> 1) - 1; start >= 0; start--) siftDown(a, start, n);
  for (let end: i32 = n - 1; end > 0; end--) {
    const top = load<f64>(a);
    store<f64>(a, load<f64>(a + (<usize>end << 3)));
    store<f64>(a + (<usize>end << 3), top);
    siftDown(a, 0, end);
  }
}

// @ts-ignore: decorator
@inline
function siftDown(a: usize, root: i32, end: i32): void {
  let r = root;
  const value = load<f64>(a + (<usize>r << 3));
  for (;;) {
    let child = 2 * r + 1;
    if (child >= end) break;
    if (child + 1 < end && load<f64>(a + (<usize>(child + 1) << 3)) > load<f64>(a + (<usize>child << 3))) child++;
    const c = load<f64>(a + (<usize>child << 3));
    if (c <= value) break;
    store<f64>(a + (<usize>r << 3), c);
    r = child;
  }
  store<f64>(a + (<usize>r << 3), value);
}

/**
 * Projection onto {‖w‖₁ ≤ radius} (Duchi et al. 2008, sort-based, O(p log p)): out = S(v, θ)
 * with θ from the sorted magnitudes; `sorted` is p doubles of scratch. Returns θ.
 */
export function projectL1Ball(v: usize, radius: f64, invScale: usize, p: i32, sorted: usize, out: usize): f64 {
  let norm: f64 = 0;
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    const a = load<f64>(invScale + o) == 0 ? 0 : Math.abs(load<f64>(v + o));
    store<f64>(sorted + o, a);
    norm += a;
  }
  let theta: f64 = 0;
  if (norm > radius) {
    heapSort(sorted, p);
    let cumulative: f64 = 0;
    for (let k: i32 = p - 1; k >= 0; k--) {
      const mu = load<f64>(sorted + (<usize>k << 3));
      cumulative += mu;
      const candidate = (cumulative - radius) / <f64>(p - k);
      if (mu > candidate) theta = candidate;
      else break;
    }
  }
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    store<f64>(out + o, load<f64>(invScale + o) == 0 ? 0 : softThreshold(load<f64>(v + o), theta));
  }
  return theta;
}

/** Projection onto {‖w‖₂ ≤ radius}: v·min(1, radius/‖v‖₂). */
export function projectL2Ball(v: usize, radius: f64, invScale: usize, p: i32, out: usize): void {
  let sumSq: f64 = 0;
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    if (load<f64>(invScale + o) != 0) sumSq += load<f64>(v + o) * load<f64>(v + o);
  }
  const norm = Math.sqrt(sumSq);
  const scale: f64 = norm > radius ? radius / norm : 1.0;
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    store<f64>(out + o, load<f64>(invScale + o) == 0 ? 0 : load<f64>(v + o) * scale);
  }
}

/** Σ_j f_j(l1|w_j| + (l2/2)w_j²). */
export function elasticNetPenaltyValue(w: usize, l1: f64, l2: f64, factors: usize, p: i32): f64 {
  let sum: f64 = 0;
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    const f: f64 = factors == 0 ? 1.0 : load<f64>(factors + o);
    const x = load<f64>(w + o);
    sum += f * (l1 * Math.abs(x) + 0.5 * l2 * x * x);
  }
  return sum;
}

/** max_j dist(0, −g_j + f_j·l2·w_j + f_j·l1·∂|w_j| + N_[lo_j,hi_j](w_j)) (see the reference). */
export function kktResidual(
  w: usize, g: usize, l1: f64, l2: f64, factors: usize, lower: usize, upper: usize, invScale: usize, p: i32,
): f64 {
  let worst: f64 = 0;
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    if (load<f64>(invScale + o) == 0) continue;
    const f: f64 = factors == 0 ? 1.0 : load<f64>(factors + o);
    const x = load<f64>(w + o);
    const smooth = -load<f64>(g + o) + l2 * f * x;
    const a = l1 * f;
    let sLo: f64, sHi: f64;
    if (x > 0) { sLo = smooth + a; sHi = sLo; }
    else if (x < 0) { sLo = smooth - a; sHi = sLo; }
    else { sLo = smooth - a; sHi = smooth + a; }
    const atLower = lower != 0 && x <= load<f64>(lower + o);
    const atUpper = upper != 0 && x >= load<f64>(upper + o);
    let d: f64;
    if (atLower && atUpper) d = 0;
    else if (atLower) d = Math.max(0, -sHi);
    else if (atUpper) d = Math.max(0, sLo);
    else d = Math.max(0, Math.max(sLo, -sHi));
    if (d > worst) worst = d;
  }
  return worst;
}

/** Frank–Wolfe gap −gᵀw + radius·‖g‖_* on the ball (norm 1: ‖·‖∞ dual; norm 2: ‖·‖₂), clamped at 0. */
export function frankWolfeGap(w: usize, g: usize, radius: f64, norm: i32, invScale: usize, p: i32): f64 {
  let inner: f64 = 0;
  let dual: f64 = 0;
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    if (load<f64>(invScale + o) == 0) continue;
    const gj = load<f64>(g + o);
    inner -= gj * load<f64>(w + o);
    if (norm == 1) dual = Math.max(dual, Math.abs(gj));
    else dual += gj * gj;
  }
  const gap = inner + radius * (norm == 1 ? dual : Math.sqrt(dual));
  return gap > 0 ? gap : 0;
}
