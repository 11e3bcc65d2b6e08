/**
 * Independent checks for fits with per-feature penalty factors and bounds, on the raw
 * column-major arrays with plain loops (never calling the library):
 *
 *   F(w, b) = (1/(2n))‖y − b − Xw‖² + Σ_j v_j·( l1|w̃_j| + (l2/2)w̃_j² ),  L_j ≤ w_j ≤ U_j,
 *
 * l1 = λα, l2 = λ(1−α), w̃_j = w_j·sd_j (sd_j = 1 without standardization), v the factors
 * rescaled to sum to p with excluded features counted as 1 (glmnet's convention, as the README
 * documents), bounds on the original scale, excluded features fixed at 0.
 */
import { columnScaling, residual } from './kktOracle.js';

export interface PenaltySetting {
  lambda: number;
  alpha: number;
  fitIntercept: boolean;
  standardize: boolean;
  /** As given by the user (before rescaling); undefined = all 1. */
  penaltyFactor?: number[];
  exclude?: number[];
  lower?: number | number[];
  upper?: number | number[];
}

/** The factors as the README says they are used: Infinity → excluded; excluded count 1; rescaled to sum p. */
export function effectiveFactors(p: number, s: PenaltySetting): { v: Float64Array; excluded: boolean[] } {
  const excluded = Array.from({ length: p }, (_, j) => (s.exclude ?? []).includes(j) || s.penaltyFactor?.[j] === Infinity);
  const raw = Array.from({ length: p }, (_, j) => (excluded[j] ? 1 : s.penaltyFactor?.[j] ?? 1));
  const sum = raw.reduce((a, b) => a + b, 0);
  return { v: Float64Array.from(raw, (f) => (f * p) / sum), excluded };
}

export function boundsOf(p: number, s: PenaltySetting, excluded: boolean[]): { lo: Float64Array; hi: Float64Array } {
  const at = (b: number | number[] | undefined, j: number, d: number) => (b === undefined ? d : typeof b === 'number' ? b : b[j]!);
  const lo = Float64Array.from({ length: p }, (_, j) => (excluded[j] ? 0 : at(s.lower, j, -Infinity)));
  const hi = Float64Array.from({ length: p }, (_, j) => (excluded[j] ? 0 : at(s.upper, j, Infinity)));
  return { lo, hi };
}

export interface PenaltyAnalysis {
  objective: number;
  /** Per feature: distance of g_j − v·l2·w̃_j to v·l1·∂|w̃_j| + N_[L̃,Ũ](w̃_j) (scaled space). */
  kkt: Float64Array;
  /** max_j |g_j| at w = 0, b = ȳ (the scale of the KKT residuals). */
  gradientScale: number;
  /** Σ_i r_i (0 at the optimal intercept). */
  residualSum: number;
}

export function analyzePenalizedFit(
  columns: Float64Array, n: number, p: number, y: ArrayLike<number>, coef: ArrayLike<number>, intercept: number, s: PenaltySetting,
): PenaltyAnalysis {
  const l1 = s.lambda * s.alpha;
  const l2 = s.lambda * (1 - s.alpha);
  const scaling = columnScaling(columns, n, p, s.fitIntercept, s.standardize);
  const { v, excluded } = effectiveFactors(p, s);
  const { lo, hi } = boundsOf(p, s, excluded);
  const r = residual(columns, n, p, y, coef, intercept);
  let yMean = 0;
  if (s.fitIntercept) for (let i = 0; i < n; i++) yMean += y[i]! / n;
  let rr = 0;
  let residualSum = 0;
  for (let i = 0; i < n; i++) {
    rr += r[i]! * r[i]!;
    residualSum += r[i]!;
  }
  let penalty = 0;
  let gradientScale = 0;
  const kkt = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (scaling.excluded[j]) continue;
    const sd = scaling.scale[j]!;
    const c = scaling.center[j]!;
    const wt = coef[j]! * sd;
    let dot = 0;
    let dot0 = 0;
    for (let i = 0; i < n; i++) {
      dot += (columns[j * n + i]! - c) * r[i]!;
      dot0 += (columns[j * n + i]! - c) * (y[i]! - yMean);
    }
    const g = dot / sd / n;
    gradientScale = Math.max(gradientScale, Math.abs(dot0 / sd / n));
    penalty += v[j]! * (l1 * Math.abs(wt) + 0.5 * l2 * wt * wt);
    const q = g - v[j]! * l2 * wt;
    const t = v[j]! * l1;
    const L = lo[j]! * sd;
    const U = hi[j]! * sd;
    // Subdifferential of t|w| plus the normal cone of [L, U] at wt, as an interval [a, b].
    let a = wt > 0 ? t : wt < 0 ? -t : -t;
    let b = wt > 0 ? t : wt < 0 ? -t : t;
    if (wt >= U) b = Infinity;
    if (wt <= L) a = -Infinity;
    kkt[j] = L === U ? 0 : q < a ? a - q : q > b ? q - b : 0;
  }
  return { objective: rr / (2 * n) + penalty, kkt, gradientScale, residualSum };
}

/**
 * A reference solution by plain cyclic coordinate descent on the raw arrays (its own code:
 * explicit centring and scaling, clipped soft-thresholding, the intercept from the residual
 * mean), run until no coefficient moves by more than 1e-15 relative or 200000 epochs pass.
 */
export function referenceSolution(columns: Float64Array, n: number, p: number, y: ArrayLike<number>, s: PenaltySetting): { coef: Float64Array; intercept: number } {
  const l1 = s.lambda * s.alpha;
  const l2 = s.lambda * (1 - s.alpha);
  const scaling = columnScaling(columns, n, p, s.fitIntercept, s.standardize);
  const { v, excluded } = effectiveFactors(p, s);
  const { lo, hi } = boundsOf(p, s, excluded);
  const xt = new Float64Array(n * p);
  const a = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (scaling.excluded[j]) continue;
    for (let i = 0; i < n; i++) xt[j * n + i] = (columns[j * n + i]! - scaling.center[j]!) / scaling.scale[j]!;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += xt[j * n + i]! ** 2;
    a[j] = ss / n;
  }
  let yMean = 0;
  if (s.fitIntercept) for (let i = 0; i < n; i++) yMean += y[i]! / n;
  const r = Float64Array.from({ length: n }, (_, i) => y[i]! - yMean);
  const w = new Float64Array(p);
  for (let epoch = 0; epoch < 200000; epoch++) {
    let moved = 0;
    let size = 0;
    for (let j = 0; j < p; j++) {
      if (scaling.excluded[j]) continue;
      let z = 0;
      for (let i = 0; i < n; i++) z += xt[j * n + i]! * r[i]!;
      z = z / n + a[j]! * w[j]!;
      const t = v[j]! * l1;
      let next = (Math.sign(z) * Math.max(Math.abs(z) - t, 0)) / (a[j]! + v[j]! * l2);
      next = Math.min(Math.max(next, lo[j]! * scaling.scale[j]!), hi[j]! * scaling.scale[j]!);
      const d = next - w[j]!;
      if (d !== 0) {
        for (let i = 0; i < n; i++) r[i]! -= d * xt[j * n + i]!;
        w[j] = next;
        moved = Math.max(moved, Math.abs(d));
      }
      size = Math.max(size, Math.abs(next));
    }
    if (moved <= 1e-15 * Math.max(size, 1)) break;
  }
  const coef = new Float64Array(p);
  let intercept = yMean;
  for (let j = 0; j < p; j++) {
    if (scaling.excluded[j]) continue;
    coef[j] = w[j]! / scaling.scale[j]!;
    intercept -= coef[j]! * scaling.center[j]!;
  }
  return { coef, intercept: s.fitIntercept ? intercept : 0 };
}
