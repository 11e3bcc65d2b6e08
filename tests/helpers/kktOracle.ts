/**
 * Independent computations for checking elastic-net fits: everything here works on the
 * raw column-major arrays with plain loops and never calls the library, so a test can
 * compare the library's answers with numbers it did not produce.
 *
 * Objective (DESIGN.md §1), on the penalized scale:
 *   F(w̃, b) = (1/(2n))‖y − b − X w‖² + l1‖w̃‖₁ + (l2/2)‖w̃‖²,  l1 = λα, l2 = λ(1−α)
 * where w̃_j = w_j·sd_j with standardization (sd_j the centred 1/n standard deviation, as
 * glmnet, with or without intercept) and w̃ = w without.
 */

/**
 * Column centring and scaling used to define the penalized scale (glmnet's convention, as the
 * README documents it): x̃_j = (x_j − center_j)/scale_j with center_j = x̄_j when an intercept is
 * fitted (else 0) and, with standardization, scale_j = the centred 1/n standard deviation
 * sqrt((1/n)Σ(x_ij − x̄_j)²), also without an intercept (glmnet's `standardize` with `intercept = FALSE`).
 */
export interface ColumnScaling {
  /** mean_j when fitting an intercept, else 0. */
  center: Float64Array;
  /** sd_j with standardization, else 1 (0 for an excluded column). */
  scale: Float64Array;
  /** Constant column (with an intercept or standardization) or all-zero column: its coefficient must be 0. */
  excluded: boolean[];
}

export function columnScaling(columns: Float64Array, n: number, p: number, fitIntercept: boolean, standardize: boolean): ColumnScaling {
  const center = new Float64Array(p);
  const scale = new Float64Array(p);
  const excluded: boolean[] = [];
  for (let j = 0; j < p; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += columns[j * n + i]!;
    const mean = sum / n;
    let ss = 0;
    let allEqual = true;
    let allZero = true;
    const first = columns[j * n]!;
    for (let i = 0; i < n; i++) {
      const v = columns[j * n + i]!;
      ss += (v - mean) * (v - mean);
      if (v !== first) allEqual = false;
      if (v !== 0) allZero = false;
    }
    const ex = fitIntercept || standardize ? allEqual : allZero;
    excluded.push(ex);
    center[j] = fitIntercept ? mean : 0;
    scale[j] = ex ? 0 : standardize ? Math.sqrt(ss / n) : 1;
  }
  return { center, scale, excluded };
}

/** r = y − b − Xw on the raw data. */
export function residual(columns: Float64Array, n: number, p: number, y: ArrayLike<number>, coef: ArrayLike<number>, intercept: number): Float64Array {
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = y[i]! - intercept;
  for (let j = 0; j < p; j++) {
    const wj = coef[j]!;
    if (wj === 0) continue;
    for (let i = 0; i < n; i++) r[i]! -= wj * columns[j * n + i]!;
  }
  return r;
}

/** (1/(2n))‖y − b − Xw‖² + λ(α‖w‖₁ + (1−α)/2‖w‖²) on the raw scale (no standardization). */
export function rawObjective(
  columns: Float64Array, n: number, p: number, y: ArrayLike<number>, coef: ArrayLike<number>, intercept: number,
  lambda: number, alpha: number,
): number {
  const r = residual(columns, n, p, y, coef, intercept);
  let rr = 0;
  for (let i = 0; i < n; i++) rr += r[i]! * r[i]!;
  let l1 = 0;
  let l2 = 0;
  for (let j = 0; j < p; j++) {
    l1 += Math.abs(coef[j]!);
    l2 += coef[j]! * coef[j]!;
  }
  return rr / (2 * n) + lambda * (alpha * l1 + ((1 - alpha) / 2) * l2);
}

/** Everything about a fitted (w, b) on the penalized scale. */
export interface PenalizedAnalysis {
  /** Coefficients on the penalized scale, w̃_j = w_j·sd_j. */
  coefScaled: Float64Array;
  /** g_j = x̃_jᵀr/n with x̃_j = (x_j − center_j)/sd_j (0 for excluded columns). */
  gradient: Float64Array;
  residual: Float64Array;
  /** Σ_i r_i. */
  residualSum: number;
  /** F on the penalized scale. */
  objective: number;
  /** Per-coordinate KKT violation: |g_j − l2·w̃_j − l1·sign(w̃_j)| for w̃_j ≠ 0, (|g_j| − l1)₊ for w̃_j = 0. */
  kktViolation: Float64Array;
  /** An upper bound on F − F* from dual points built here (θ = r/n, feasibly scaled, and unscaled for l2 > 0). */
  dualityGap: number;
  /** F(0 coefficients, best intercept): the null objective (1/(2n))‖y − ȳ‖² (or ‖y‖² without intercept). */
  nullObjective: number;
}

export function analyzeFit(
  columns: Float64Array, n: number, p: number, y: ArrayLike<number>, coef: ArrayLike<number>, intercept: number,
  lambda: number, alpha: number, fitIntercept: boolean, standardize: boolean,
): PenalizedAnalysis {
  const l1 = lambda * alpha;
  const l2 = lambda * (1 - alpha);
  const scaling = columnScaling(columns, n, p, fitIntercept, standardize);
  const r = residual(columns, n, p, y, coef, intercept);
  let rr = 0;
  let sumR = 0;
  for (let i = 0; i < n; i++) {
    rr += r[i]! * r[i]!;
    sumR += r[i]!;
  }
  const coefScaled = new Float64Array(p);
  const gradient = new Float64Array(p);
  const kktViolation = new Float64Array(p);
  let penalty = 0;
  let maxAbsCorr = 0;
  let conjugate = 0;
  for (let j = 0; j < p; j++) {
    if (scaling.excluded[j]) continue;
    const sd = scaling.scale[j]!;
    const c = scaling.center[j]!;
    const wt = coef[j]! * sd;
    coefScaled[j] = wt;
    let dot = 0;
    for (let i = 0; i < n; i++) dot += (columns[j * n + i]! - c) * r[i]!;
    const g = dot / sd / n;
    gradient[j] = g;
    penalty += l1 * Math.abs(wt) + 0.5 * l2 * wt * wt;
    kktViolation[j] = wt !== 0 ? Math.abs(g - l2 * wt - l1 * Math.sign(wt)) : Math.max(0, Math.abs(g) - l1);
    maxAbsCorr = Math.max(maxAbsCorr, Math.abs(g));
    const e = Math.abs(g) - l1;
    if (e > 0) conjugate += e * e;
  }
  const objective = rr / (2 * n) + penalty;

  // Duality gap of the centred problem: ỹ = y − ȳ (or y), r = ỹ − X̃w̃ (Σr = 0 with intercept).
  let yMean = 0;
  if (fitIntercept) {
    for (let i = 0; i < n; i++) yMean += y[i]!;
    yMean /= n;
  }
  let yy = 0;
  let ry = 0;
  for (let i = 0; i < n; i++) {
    const yc = y[i]! - yMean;
    yy += yc * yc;
    ry += r[i]! * yc;
  }
  // D(θ) = θᵀỹ − (n/2)‖θ‖² − Σ_j h*(x̃_jᵀθ); for θ = t·r/n: t·rᵀỹ/n − t²‖r‖²/(2n) − h*(t·g).
  const s = maxAbsCorr > l1 ? l1 / maxAbsCorr : 1; // makes |x̃_jᵀθ| ≤ l1, where h* = 0
  let dual = (s * ry) / n - (s * s * rr) / (2 * n);
  if (l2 > 0) dual = Math.max(dual, ry / n - rr / (2 * n) - conjugate / (2 * l2));
  return {
    coefScaled, gradient, residual: r, residualSum: sumR, objective, kktViolation,
    dualityGap: objective - dual, nullObjective: yy / (2 * n),
  };
}

/** λ_max = max_j |x̃_jᵀ(y − ȳ)| / (n·α): the smallest λ whose solution is all zeros. */
export function lambdaMaxOf(
  columns: Float64Array, n: number, p: number, y: ArrayLike<number>, alpha: number, fitIntercept: boolean, standardize: boolean,
): number {
  const scaling = columnScaling(columns, n, p, fitIntercept, standardize);
  let yMean = 0;
  if (fitIntercept) {
    for (let i = 0; i < n; i++) yMean += y[i]!;
    yMean /= n;
  }
  let best = 0;
  for (let j = 0; j < p; j++) {
    if (scaling.excluded[j]) continue;
    let dot = 0;
    for (let i = 0; i < n; i++) dot += (columns[j * n + i]! - scaling.center[j]!) * (y[i]! - yMean);
    best = Math.max(best, Math.abs(dot / scaling.scale[j]!));
  }
  return best / (n * alpha);
}

/**
 * A lower bound on F(w̃) − F*: runs `epochs` of plain cyclic coordinate descent (written
 * here, on an explicitly centred and scaled copy of X, residual recomputed from scratch)
 * from the fitted point and returns F(start) − F(end) ≥ 0 up to rounding; F(end) ≥ F*.
 */
export function suboptimalityLowerBound(
  columns: Float64Array, n: number, p: number, y: ArrayLike<number>, coef: ArrayLike<number>,
  lambda: number, alpha: number, fitIntercept: boolean, standardize: boolean, epochs = 5,
): number {
  const l1 = lambda * alpha;
  const l2 = lambda * (1 - alpha);
  const scaling = columnScaling(columns, n, p, fitIntercept, standardize);
  const Xt = new Float64Array(n * p);
  const norms = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (scaling.excluded[j]) continue;
    for (let i = 0; i < n; i++) {
      const v = (columns[j * n + i]! - scaling.center[j]!) / scaling.scale[j]!;
      Xt[j * n + i] = v;
      norms[j]! += (v * v) / n;
    }
  }
  let yMean = 0;
  if (fitIntercept) {
    for (let i = 0; i < n; i++) yMean += y[i]!;
    yMean /= n;
  }
  const w = new Float64Array(p);
  for (let j = 0; j < p; j++) w[j] = scaling.excluded[j] ? 0 : coef[j]! * scaling.scale[j]!;
  const objectiveAt = (v: Float64Array): number => {
    let rr = 0;
    for (let i = 0; i < n; i++) {
      let ri = y[i]! - yMean;
      for (let j = 0; j < p; j++) ri -= Xt[j * n + i]! * v[j]!;
      rr += ri * ri;
    }
    let pen = 0;
    for (let j = 0; j < p; j++) pen += l1 * Math.abs(v[j]!) + 0.5 * l2 * v[j]! * v[j]!;
    return rr / (2 * n) + pen;
  };
  const start = objectiveAt(w);
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let ri = y[i]! - yMean;
    for (let j = 0; j < p; j++) ri -= Xt[j * n + i]! * w[j]!;
    r[i] = ri;
  }
  for (let e = 0; e < epochs; e++) {
    for (let j = 0; j < p; j++) {
      if (norms[j] === 0) continue;
      let dot = 0;
      for (let i = 0; i < n; i++) dot += Xt[j * n + i]! * r[i]!;
      const z = dot / n + norms[j]! * w[j]!;
      const next = Math.sign(z) * Math.max(Math.abs(z) - l1, 0) / (norms[j]! + l2);
      const d = next - w[j]!;
      if (d !== 0) {
        for (let i = 0; i < n; i++) r[i]! -= d * Xt[j * n + i]!;
        w[j] = next;
      }
    }
  }
  return start - objectiveAt(w);
}

export function maxAbs(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]!));
  return m;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} ≠ ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
