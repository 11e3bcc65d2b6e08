import { LAYOUT_DENSE, cscColumnUpdate } from './designColumn';
import { denseAddScalar, denseCenteredAxpy } from './denseColumn';
import { weightedRss } from './elasticNetDualGap';
import * as D from './designDescriptor';
import { penFactor, penLower, penUpper } from './penalty';

/** Iterates combined per extrapolation (Bertrand & Massias 2021 use 5). */
export const ANDERSON_DEPTH: i32 = 5;

/** Relative improvement an extrapolation must bring to be kept. */
const ACCEPT_MARGIN: f64 = 1e-12;
/** Below this relative movement of the iterates Anderson is not attempted. */
const MIN_RELATIVE_MOVE: f64 = 1e-10;

/**
 * Anderson extrapolation of coordinate-descent iterates (Bertrand & Massias, "Anderson
 * acceleration of coordinate descent", AISTATS 2021), on the features idx[0..count).
 *
 * history holds ANDERSON_DEPTH + 1 consecutive iterates w⁰ … w^K of those features (row t
 * at history + 8·t·stride). With the differences U_t = w^{t+1} − w^t, the weights c solve
 * min ‖Σ_t c_t·U_t‖² subject to Σ c_t = 1, i.e. c = z/Σz with (UᵀU + εI)z = 1, and the
 * extrapolated point is Σ_t c_t·w^{t+1}. It is kept only if it lowers
 * F(w) = ½Σωr² + l1‖w‖₁ + (l2/2)‖w‖² by more than 1e-12·|F| (its rounding level);
 * otherwise w and r are restored from w^K and rSaved.
 * r must be the true residual (no pending shift) and equal to the residual at w^K = w.
 * With penalty options (pen ≠ 0) the extrapolated point is clipped into the bounds and the
 * objective uses the factors.
 * Returns 1 if the extrapolation was accepted.
 */
export function andersonStep(
  desc: usize, r: usize, w: usize, l1: f64, l2: f64, idx: usize, count: i32,
  history: usize, stride: i32, gram: usize, rSaved: usize, pen: usize,
): i32 {
  const K = ANDERSON_DEPTH;
  const n = D.dRows(desc);
  if (count == 0) return 0;
  // Gram matrix of the differences, UᵀU (K×K), with a small ridge for stability.
  for (let a: i32 = 0; a < K; a++) {
    for (let b: i32 = a; b < K; b++) {
      let s: f64 = 0;
      for (let k: i32 = 0; k < count; k++) {
        const ua = hist(history, stride, a + 1, k) - hist(history, stride, a, k);
        const ub = hist(history, stride, b + 1, k) - hist(history, stride, b, k);
        s += ua * ub;
      }
      store<f64>(gram + ((<usize>(a * K + b)) << 3), s);
      store<f64>(gram + ((<usize>(b * K + a)) << 3), s);
    }
  }
  let trace: f64 = 0;
  for (let a: i32 = 0; a < K; a++) trace += load<f64>(gram + ((<usize>(a * K + a)) << 3));
  // Iterates that move by less than 1e-10 of ‖w‖ differ only by rounding: nothing to extrapolate.
  let wNormSq: f64 = 0;
  for (let k: i32 = 0; k < count; k++) {
    const v = hist(history, stride, K, k);
    wNormSq += v * v;
  }
  if (trace <= MIN_RELATIVE_MOVE * MIN_RELATIVE_MOVE * wNormSq) return 0;
  for (let a: i32 = 0; a < K; a++) {
    const o = gram + ((<usize>(a * K + a)) << 3);
    store<f64>(o, load<f64>(o) + 1e-10 * trace);
  }
  // Solve (UᵀU)z = 1 by Cholesky (in place, lower triangle); z goes to gram row K.
  const z = gram + ((<usize>(K * K)) << 3);
  for (let a: i32 = 0; a < K; a++) {
    for (let b: i32 = 0; b <= a; b++) {
      let s = load<f64>(gram + ((<usize>(a * K + b)) << 3));
      for (let c: i32 = 0; c < b; c++) s -= load<f64>(gram + ((<usize>(a * K + c)) << 3)) * load<f64>(gram + ((<usize>(b * K + c)) << 3));
      if (a == b) {
        if (s <= 0) return 0;
        store<f64>(gram + ((<usize>(a * K + a)) << 3), Math.sqrt(s));
      } else {
        store<f64>(gram + ((<usize>(a * K + b)) << 3), s / load<f64>(gram + ((<usize>(b * K + b)) << 3)));
      }
    }
  }
  for (let a: i32 = 0; a < K; a++) {
    let s: f64 = 1;
    for (let c: i32 = 0; c < a; c++) s -= load<f64>(gram + ((<usize>(a * K + c)) << 3)) * load<f64>(z + (<usize>c << 3));
    store<f64>(z + (<usize>a << 3), s / load<f64>(gram + ((<usize>(a * K + a)) << 3)));
  }
  let zSum: f64 = 0;
  for (let a: i32 = K - 1; a >= 0; a--) {
    let s = load<f64>(z + (<usize>a << 3));
    for (let c: i32 = a + 1; c < K; c++) s -= load<f64>(gram + ((<usize>(c * K + a)) << 3)) * load<f64>(z + (<usize>c << 3));
    const v = s / load<f64>(gram + ((<usize>(a * K + a)) << 3));
    store<f64>(z + (<usize>a << 3), v);
    zSum += v;
  }
  if (zSum == 0 || !isFinite(zSum)) return 0;
  // Objective before, then move w to the extrapolated point and r with it.
  const weights = D.dWeights(desc);
  const before = 0.5 * weightedRss(r, weights, n) + penaltyOver(w, idx, count, l1, l2, pen);
  memory.copy(rSaved, r, <usize>n << 3);
  const layout = D.dLayout(desc), values = D.dValues(desc), indptr = D.dIndptr(desc), rows = D.dRowIdx(desc);
  const mean = D.dMean(desc), invScale = D.dInvScale(desc);
  let shift: f64 = 0;
  for (let k: i32 = 0; k < count; k++) {
    let extrapolated: f64 = 0;
    for (let t: i32 = 0; t < K; t++) extrapolated += (load<f64>(z + (<usize>t << 3)) / zSum) * hist(history, stride, t + 1, k);
    const j = load<i32>(idx + (<usize>k << 2));
    const o = <usize>j << 3;
    if (pen != 0) {
      const lo = load<f64>(penLower(pen, D.dCols(desc)) + o), hi = load<f64>(penUpper(pen, D.dCols(desc)) + o);
      if (extrapolated > hi) extrapolated = hi;
      if (extrapolated < lo) extrapolated = lo;
    }
    const delta = extrapolated - load<f64>(w + o);
    if (delta == 0) continue;
    store<f64>(w + o, extrapolated);
    const a = delta * load<f64>(invScale + o);
    const mu = load<f64>(mean + o);
    if (layout == LAYOUT_DENSE) denseCenteredAxpy(-a, values + ((<usize>j * <usize>n) << 3), r, n, mu);
    else shift += cscColumnUpdate(n, indptr, values, rows, j, -a, r, mu);
  }
  if (shift != 0) denseAddScalar(shift, r, n);
  const after = 0.5 * weightedRss(r, weights, n) + penaltyOver(w, idx, count, l1, l2, pen);
  // Kept only for an improvement beyond the objective's rounding level, so the decision
  // does not hinge on the last bits (and is the same in every engine).
  if (after < before - ACCEPT_MARGIN * Math.abs(before)) return 1;
  // Not better: back to w^K and its residual.
  for (let k: i32 = 0; k < count; k++) {
    const j = load<i32>(idx + (<usize>k << 2));
    store<f64>(w + (<usize>j << 3), hist(history, stride, K, k));
  }
  memory.copy(r, rSaved, <usize>n << 3);
  return 0;
}

/** Records w on idx[0..count) as iterate t of the history. */
export function andersonRecord(w: usize, idx: usize, count: i32, history: usize, stride: i32, t: i32): void {
  const row = history + ((<usize>t * <usize>stride) << 3);
  for (let k: i32 = 0; k < count; k++) {
    store<f64>(row + (<usize>k << 3), load<f64>(w + (<usize>load<i32>(idx + (<usize>k << 2)) << 3)));
  }
}

// @ts-ignore: decorator
@inline
function hist(history: usize, stride: i32, t: i32, k: i32): f64 {
  return load<f64>(history + ((<usize>t * <usize>stride + <usize>k) << 3));
}

function penaltyOver(w: usize, idx: usize, count: i32, l1: f64, l2: f64, pen: usize): f64 {
  let a: f64 = 0, b: f64 = 0;
  const factor = penFactor(pen);
  for (let k: i32 = 0; k < count; k++) {
    const o = <usize>load<i32>(idx + (<usize>k << 2)) << 3;
    const v = load<f64>(w + o);
    const f: f64 = pen == 0 ? 1 : load<f64>(factor + o);
    a += f * Math.abs(v);
    b += f * v * v;
  }
  return l1 * a + 0.5 * l2 * b;
}
