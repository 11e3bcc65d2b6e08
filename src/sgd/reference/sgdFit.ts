import { log1pExp, sigmoid } from '../../logistic/binomialLoss.js';
import { SGD_PARAM, type RowMatrix, type SgdReport } from '../SgdProblem.js';

/**
 * The 32-bit generator of {@link SeededRandom} (mulberry32) as an explicit state, so the kernel
 * can reproduce it exactly: the same seed gives the same shuffles in WASM and here.
 */
export class Mulberry32 {
  constructor(public state: number) {}
  uniform(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

function rowDot(X: RowMatrix, i: number, w: Float64Array): number {
  let s = 0;
  if (X.layout === 0) {
    const o = i * X.p;
    for (let j = 0; j < X.p; j++) s += X.values[o + j]! * w[j]!;
  } else {
    for (let k = X.rowptr[i]!; k < X.rowptr[i + 1]!; k++) s += X.values[k]! * w[X.cols[k]!]!;
  }
  return s;
}

function rowAxpy(X: RowMatrix, i: number, a: number, w: Float64Array): void {
  if (X.layout === 0) {
    const o = i * X.p;
    for (let j = 0; j < X.p; j++) w[j]! += a * X.values[o + j]!;
  } else {
    for (let k = X.rowptr[i]!; k < X.rowptr[i + 1]!; k++) w[X.cols[k]!]! += a * X.values[k]!;
  }
}

/** ∂loss/∂η and the loss of one sample: squared ½(η − y)², logistic log(1 + e^η) − yη. */
function dloss(loss: number, eta: number, y: number): number {
  return loss === 0 ? eta - y : sigmoid(eta) - y;
}

/**
 * Tsuruoka, Tsujii & Ananiadou (2009), the cumulative L1 penalty: u is the total L1 penalty a
 * weight could have received so far, q_j what w_j actually received; w_j is pulled towards 0 by
 * the difference but never across it, so weights that the data do not hold away from 0 land
 * on exactly 0 (and stay there while their gradient is small).
 */
function applyCumulativePenalty(w: Float64Array, q: Float64Array, j: number, u: number): void {
  const z = w[j]!;
  if (z > 0) w[j] = Math.max(0, z - (u + q[j]!));
  else if (z < 0) w[j] = Math.min(0, z + (u - q[j]!));
  q[j]! += w[j]! - z;
}

/**
 * Pure-TS reference of `sgdFit` (assembly/sgd/sgdFit.ts): mini-batch stochastic gradient descent
 * on F(w, b) = (1/n)Σ_i loss(x_iᵀw + b, y_i) + l1‖w‖₁ + (l2/2)‖w‖², epochs over a seeded shuffle.
 * One update on a batch B (|B| = m) with step η_t:
 *
 *   w ← (1 − η_t·l2)·w                                  (L2 as weight decay)
 *   w ← w − η_t·l1·sign(w)                              (only with l1Method 'subgradient')
 *   w ← w − η_t·(1/m)Σ_{i∈B} loss'(η_i)·x_i,  b ← b − η_t·(1/m)Σ loss'(η_i)   (η_i at the old w)
 *   cumulative L1: u ← u + η_t·l1, then every touched w_j is clipped towards 0 by (u ± q_j)
 *
 * η_t: constant η₀; invscaling η₀/t^powerT; optimal 1/(λ(t₀ + t − 1)) (scikit-learn's). After each
 * epoch F and its KKT residual are evaluated (one pass); the fit stops, converged, once F has not
 * fallen below best − tol for nIterNoChange epochs in a row (scikit-learn's rule, on the true
 * objective instead of the running training loss).
 */
export function sgdFit(X: RowMatrix, y: Float64Array, w: Float64Array, params: Float64Array): SgdReport {
  const { n, p } = X;
  const loss = params[SGD_PARAM.loss]!;
  const l1 = params[SGD_PARAM.l1]!;
  const l2 = params[SGD_PARAM.l2]!;
  const fitIntercept = params[SGD_PARAM.fitIntercept] !== 0;
  const schedule = params[SGD_PARAM.schedule]!;
  const eta0 = params[SGD_PARAM.eta0]!;
  const powerT = params[SGD_PARAM.powerT]!;
  const t0 = params[SGD_PARAM.optimalT0]!;
  const cumulative = params[SGD_PARAM.l1Method] === 0;
  const batch = params[SGD_PARAM.batchSize]!;
  const maxEpochs = params[SGD_PARAM.maxEpochs]!;
  const tol = params[SGD_PARAM.tol]!;
  const nIterNoChange = params[SGD_PARAM.nIterNoChange]!;
  const shuffle = params[SGD_PARAM.shuffle] !== 0;
  const rng = new Mulberry32(params[SGD_PARAM.seed]! >>> 0);
  const lambda = l1 + l2;
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const d = new Float64Array(batch);
  const q = new Float64Array(p);
  const g = new Float64Array(p);
  let b = 0;
  let u = 0;
  let t = 1;
  let best = Infinity;
  let noImprovement = 0;
  let converged = false;
  let epochs = 0;
  let objective = NaN;
  let kkt = NaN;
  let interceptGradient = 0;
  while (epochs < maxEpochs) {
    if (shuffle) {
      for (let i = 0; i < n - 1; i++) {
        const j = i + Math.floor(rng.uniform() * (n - i));
        const tmp = perm[i]!;
        perm[i] = perm[j]!;
        perm[j] = tmp;
      }
    }
    for (let start = 0; start < n; start += batch) {
      const m = Math.min(batch, n - start);
      const eta = schedule === 0 ? eta0 : schedule === 1 ? eta0 / Math.pow(t, powerT) : 1 / (lambda * (t0 + t - 1));
      let dSum = 0;
      for (let k = 0; k < m; k++) {
        const i = perm[start + k]!;
        d[k] = dloss(loss, rowDot(X, i, w) + b, y[i]!);
        dSum += d[k]!;
      }
      if (l2 > 0) {
        const scale = Math.max(0, 1 - eta * l2);
        for (let j = 0; j < p; j++) w[j]! *= scale;
      }
      if (l1 > 0 && !cumulative) {
        const step = eta * l1;
        for (let j = 0; j < p; j++) w[j]! -= step * Math.sign(w[j]!);
      }
      const a = -eta / m;
      for (let k = 0; k < m; k++) rowAxpy(X, perm[start + k]!, a * d[k]!, w);
      if (fitIntercept) b += a * dSum;
      if (l1 > 0 && cumulative) {
        u += eta * l1;
        if (X.layout === 0) for (let j = 0; j < p; j++) applyCumulativePenalty(w, q, j, u);
        else {
          for (let k = 0; k < m; k++) {
            const i = perm[start + k]!;
            for (let e = X.rowptr[i]!; e < X.rowptr[i + 1]!; e++) applyCumulativePenalty(w, q, X.cols[e]!, u);
          }
        }
      }
      t++;
    }
    // Features a sparse epoch did not touch receive their pending cumulative penalty.
    if (l1 > 0 && cumulative && X.layout === 1) for (let j = 0; j < p; j++) applyCumulativePenalty(w, q, j, u);
    epochs++;
    // F, ∇F and the KKT residual at the end of the epoch (one pass).
    g.fill(0);
    let lossSum = 0;
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const e = rowDot(X, i, w) + b;
      const yi = y[i]!;
      lossSum += loss === 0 ? 0.5 * (e - yi) * (e - yi) : log1pExp(e) - yi * e;
      const di = dloss(loss, e, yi);
      gb += di;
      rowAxpy(X, i, di / n, g);
    }
    let l1Norm = 0;
    let l2Sq = 0;
    kkt = 0;
    for (let j = 0; j < p; j++) {
      const x = w[j]!;
      l1Norm += Math.abs(x);
      l2Sq += x * x;
      const smooth = g[j]! + l2 * x;
      const r = x > 0 ? Math.abs(smooth + l1) : x < 0 ? Math.abs(smooth - l1) : Math.max(0, Math.abs(smooth) - l1);
      if (r > kkt) kkt = r;
    }
    interceptGradient = fitIntercept ? Math.abs(gb / n) : 0;
    objective = lossSum / n + l1 * l1Norm + 0.5 * l2 * l2Sq;
    if (objective > best - tol) noImprovement++;
    else noImprovement = 0;
    if (objective < best) best = objective;
    if (noImprovement >= nIterNoChange) {
      converged = true;
      break;
    }
  }
  return { epochs, objective, bestObjective: best, updates: t - 1, converged, intercept: b, kktResidual: kkt, interceptGradient };
}
