// Mini-batch stochastic gradient descent, every epoch inside one call. Mirrors
// src/sgd/reference/sgdFit.ts step for step (see there for the update rules). Rows come from
// a row-major dense copy (SIMD dot/axpy from denseColumn.ts) or CSR (the gather kernels of
// cscColumn.ts, which serve a CSR row exactly as a CSC column).
import { denseDot, denseCenteredAxpy } from '../denseColumn';
import { cscDot, cscAxpy } from '../cscColumn';
import { sigmoid, softplus } from '../proximal/datafit';

const P_LOSS = 0, P_L1 = 1, P_L2 = 2, P_INTERCEPT = 3, P_SCHEDULE = 4, P_ETA0 = 5, P_POWERT = 6, P_T0 = 7, P_L1METHOD = 8;
const P_BATCH = 9, P_MAXEPOCHS = 10, P_TOL = 11, P_NOCHANGE = 12, P_SEED = 13, P_SHUFFLE = 14;

// @ts-ignore: decorator
@inline function param(params: usize, k: i32): f64 { return load<f64>(params + (<usize>k << 3)); }

let rngState: u32 = 0;

/** mulberry32 (the generator of src/random/SeededRandom.ts), uniform on [0, 1). */
function uniform(): f64 {
  rngState += 0x6d2b79f5;
  let t: u32 = rngState;
  t = (t ^ (t >> 15)) * (t | 1);
  t ^= t + (t ^ (t >> 7)) * (t | 61);
  return <f64>(t ^ (t >> 14)) / 4294967296.0;
}

// @ts-ignore: decorator
@inline
function rowDot(layout: i32, p: i32, values: usize, rowptr: usize, cols: usize, i: i32, w: usize): f64 {
  if (layout == 0) return denseDot(values + ((<usize>i * <usize>p) << 3), w, p);
  return cscDot(values, cols, load<i32>(rowptr + (<usize>i << 2)), load<i32>(rowptr + (<usize>i << 2), 4), w);
}

// @ts-ignore: decorator
@inline
function rowAxpy(layout: i32, p: i32, values: usize, rowptr: usize, cols: usize, i: i32, a: f64, w: usize): void {
  if (layout == 0) denseCenteredAxpy(a, values + ((<usize>i * <usize>p) << 3), w, p, 0);
  else cscAxpy(a, values, cols, load<i32>(rowptr + (<usize>i << 2)), load<i32>(rowptr + (<usize>i << 2), 4), w);
}

// @ts-ignore: decorator
@inline
function dloss(loss: i32, eta: f64, y: f64): f64 {
  return loss == 0 ? eta - y : sigmoid(eta) - y;
}

// @ts-ignore: decorator
@inline
function applyCumulativePenalty(w: usize, q: usize, j: i32, u: f64): void {
  const o = <usize>j << 3;
  const z = load<f64>(w + o);
  let x = z;
  if (z > 0) x = Math.max(0, z - (u + load<f64>(q + o)));
  else if (z < 0) x = Math.min(0, z + (u - load<f64>(q + o)));
  store<f64>(w + o, x);
  store<f64>(q + o, load<f64>(q + o) + (x - z));
}

/**
 * layout 0: values = n×p row-major; layout 1: CSR (values, rowptr (n+1), cols). y: n targets;
 * w: p doubles (start, and the result); params: 16 doubles (SGD_PARAM); scratch: n i32 + batch
 * + 2p doubles; out: 8 doubles (SGD_OUT). Returns the number of epochs.
 */
export function sgdFit(
  layout: i32, n: i32, p: i32, values: usize, rowptr: usize, cols: usize, y: usize, w: usize, params: usize, scratch: usize, out: usize,
): i32 {
  const loss = <i32>param(params, P_LOSS);
  const l1 = param(params, P_L1), l2 = param(params, P_L2);
  const fitIntercept = param(params, P_INTERCEPT) != 0;
  const schedule = <i32>param(params, P_SCHEDULE);
  const eta0 = param(params, P_ETA0), powerT = param(params, P_POWERT), t0 = param(params, P_T0);
  const cumulative = param(params, P_L1METHOD) == 0;
  const batch = <i32>param(params, P_BATCH);
  const maxEpochs = <i32>param(params, P_MAXEPOCHS);
  const tol = param(params, P_TOL);
  const nIterNoChange = <i32>param(params, P_NOCHANGE);
  const shuffle = param(params, P_SHUFFLE) != 0;
  rngState = <u32>param(params, P_SEED);
  const lambda = l1 + l2;
  const perm = scratch;
  const d = scratch + (((<usize>n << 2) + 15) & ~15);
  const q = d + (<usize>batch << 3);
  const g = q + (<usize>p << 3);
  for (let i: i32 = 0; i < n; i++) store<i32>(perm + (<usize>i << 2), i);
  for (let j: i32 = 0; j < p; j++) store<f64>(q + (<usize>j << 3), 0);
  let b: f64 = 0, u: f64 = 0, t: f64 = 1;
  let best: f64 = Infinity;
  let noImprovement: i32 = 0;
  let converged = false;
  let epochs: i32 = 0;
  let objective: f64 = NaN, kkt: f64 = NaN, interceptGradient: f64 = 0;
  while (epochs < maxEpochs) {
    if (shuffle) {
      for (let i: i32 = 0; i < n - 1; i++) {
        const j = i + <i32>Math.floor(uniform() * <f64>(n - i));
        const pi = perm + (<usize>i << 2), pj = perm + (<usize>j << 2);
        const tmp = load<i32>(pi);
        store<i32>(pi, load<i32>(pj));
        store<i32>(pj, tmp);
      }
    }
    for (let start: i32 = 0; start < n; start += batch) {
      const m = min(batch, n - start);
      const eta: f64 = schedule == 0 ? eta0 : schedule == 1 ? eta0 / Math.pow(t, powerT) : 1.0 / (lambda * (t0 + t - 1));
      let dSum: f64 = 0;
      for (let k: i32 = 0; k < m; k++) {
        const i = load<i32>(perm + (<usize>(start + k) << 2));
        const dk = dloss(loss, rowDot(layout, p, values, rowptr, cols, i, w) + b, load<f64>(y + (<usize>i << 3)));
        store<f64>(d + (<usize>k << 3), dk);
        dSum += dk;
      }
      if (l2 > 0) {
        const scale = Math.max(0, 1 - eta * l2);
        for (let j: i32 = 0; j < p; j++) store<f64>(w + (<usize>j << 3), load<f64>(w + (<usize>j << 3)) * scale);
      }
      if (l1 > 0 && !cumulative) {
        const step = eta * l1;
        for (let j: i32 = 0; j < p; j++) {
          const o = <usize>j << 3;
          const x = load<f64>(w + o);
          const s: f64 = x > 0 ? 1 : x < 0 ? -1 : 0;
          store<f64>(w + o, x - step * s);
        }
      }
      const a = -eta / <f64>m;
      for (let k: i32 = 0; k < m; k++) {
        rowAxpy(layout, p, values, rowptr, cols, load<i32>(perm + (<usize>(start + k) << 2)), a * load<f64>(d + (<usize>k << 3)), w);
      }
      if (fitIntercept) b += a * dSum;
      if (l1 > 0 && cumulative) {
        u += eta * l1;
        if (layout == 0) {
          for (let j: i32 = 0; j < p; j++) applyCumulativePenalty(w, q, j, u);
        } else {
          for (let k: i32 = 0; k < m; k++) {
            const i = load<i32>(perm + (<usize>(start + k) << 2));
            const e1 = load<i32>(rowptr + (<usize>i << 2), 4);
            for (let e = load<i32>(rowptr + (<usize>i << 2)); e < e1; e++) applyCumulativePenalty(w, q, load<i32>(cols + (<usize>e << 2)), u);
          }
        }
      }
      t += 1;
    }
    if (l1 > 0 && cumulative && layout == 1) {
      for (let j: i32 = 0; j < p; j++) applyCumulativePenalty(w, q, j, u);
    }
    epochs++;
    for (let j: i32 = 0; j < p; j++) store<f64>(g + (<usize>j << 3), 0);
    let lossSum: f64 = 0, gb: f64 = 0;
    for (let i: i32 = 0; i < n; i++) {
      const e = rowDot(layout, p, values, rowptr, cols, i, w) + b;
      const yi = load<f64>(y + (<usize>i << 3));
      lossSum += loss == 0 ? 0.5 * (e - yi) * (e - yi) : softplus(e) - yi * e;
      const di = dloss(loss, e, yi);
      gb += di;
      rowAxpy(layout, p, values, rowptr, cols, i, di / <f64>n, g);
    }
    let l1Norm: f64 = 0, l2Sq: f64 = 0;
    kkt = 0;
    for (let j: i32 = 0; j < p; j++) {
      const o = <usize>j << 3;
      const x = load<f64>(w + o);
      l1Norm += Math.abs(x);
      l2Sq += x * x;
      const smooth = load<f64>(g + o) + l2 * x;
      const r: f64 = x > 0 ? Math.abs(smooth + l1) : x < 0 ? Math.abs(smooth - l1) : Math.max(0, Math.abs(smooth) - l1);
      if (r > kkt) kkt = r;
    }
    interceptGradient = fitIntercept ? Math.abs(gb / <f64>n) : 0;
    objective = lossSum / <f64>n + l1 * l1Norm + 0.5 * l2 * l2Sq;
    if (objective > best - tol) noImprovement++;
    else noImprovement = 0;
    if (objective < best) best = objective;
    if (noImprovement >= nIterNoChange) {
      converged = true;
      break;
    }
  }
  store<f64>(out, <f64>epochs);
  store<f64>(out, objective, 8);
  store<f64>(out, best, 16);
  store<f64>(out, t - 1, 24);
  store<f64>(out, converged ? 1.0 : 0.0, 32);
  store<f64>(out, b, 40);
  store<f64>(out, kkt, 48);
  store<f64>(out, interceptGradient, 56);
  return epochs;
}
