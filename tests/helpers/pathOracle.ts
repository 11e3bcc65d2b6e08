/**
 * Independent checks for regularization paths and cross-validation. Like kktOracle.ts,
 * nothing here calls the library: every number is recomputed from the raw column-major
 * arrays with plain loops, so a test can hold the library's answers against them.
 *
 * Notation (DESIGN.md §1, penalized scale): x̃_j = (x_j − center_j)/scale_j (see
 * `columnScaling`), w̃_j = w_j·scale_j, l1 = λα, l2 = λ(1−α), a_j = ‖x̃_j‖²/n.
 */
import { analyzeFit, columnScaling, type PenalizedAnalysis } from './kktOracle.js';

/** a_j = ‖x̃_j‖²/n on the penalized scale (0 for excluded columns). */
export function scaledColumnNormsSq(columns: Float64Array, n: number, p: number, fitIntercept: boolean, standardize: boolean): Float64Array {
  const { center, scale, excluded } = columnScaling(columns, n, p, fitIntercept, standardize);
  const a = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (excluded[j]) continue;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const v = (columns[j * n + i]! - center[j]!) / scale[j]!;
      s += v * v;
    }
    a[j] = s / n;
  }
  return a;
}

/** The KKT audit of one solution of the full problem. */
export interface KktAudit {
  analysis: PenalizedAnalysis;
  /** max_j violation_j / bound_j (≤ 1 means every coordinate is within its bound). */
  worstRatio: number;
  /** The coordinate attaining worstRatio, its violation and its bound. */
  worstFeature: number;
  worstViolation: number;
  worstBound: number;
  /** Excluded columns (constant, or all-zero) whose coefficient is not exactly 0. */
  nonZeroExcluded: number[];
}

/**
 * KKT conditions of the full problem at (coef, intercept), with per-coordinate tolerances
 * derived from the suboptimality G (an upper bound on F − F*: a duality gap computed here, plus
 * an allowance for its rounding). Along coordinate j, F is a quadratic of curvature
 * A_j = a_j + l2 plus l1·|w̃_j|, and minimizing it over w̃_j alone cannot go below F*, so it
 * lowers F by at most G. With v_j the coordinate's KKT violation (the distance of 0 to the
 * subdifferential of F along j), this gives, rigorously:
 *   w̃_j = 0:                      v_j = (|g_j| − l1)₊ ≤ √(2·A_j·G);
 *   w̃_j ≠ 0, |w̃_j| > √(2G/A_j):   v_j ≤ √(2·A_j·G)  (the coordinate minimizer has the sign of w̃_j);
 *   w̃_j ≠ 0, |w̃_j| ≤ √(2G/A_j):   v_j ≤ G/|w̃_j| + A_j·|w̃_j|/2  (it may be 0: a tiny coefficient).
 * `slack` is an absolute allowance for the rounding of the gradient sums.
 */
export function auditKkt(
  columns: Float64Array, n: number, p: number, y: ArrayLike<number>, coef: ArrayLike<number>, intercept: number,
  lambda: number, alpha: number, fitIntercept: boolean, standardize: boolean,
  suboptimality: number | ((analysis: PenalizedAnalysis) => number), slack: number,
): KktAudit {
  return new KktAuditor(columns, n, p, y, fitIntercept, standardize).audit(coef, intercept, lambda, alpha, suboptimality, slack);
}

/** {@link auditKkt} for many points of one problem and setting (the column scaling is computed once). */
export class KktAuditor {
  readonly #a: Float64Array;
  readonly #scale: Float64Array;
  readonly #excluded: boolean[];
  constructor(
    private readonly columns: Float64Array, private readonly n: number, private readonly p: number, private readonly y: ArrayLike<number>,
    private readonly fitIntercept: boolean, private readonly standardize: boolean,
  ) {
    const scaling = columnScaling(columns, n, p, fitIntercept, standardize);
    this.#a = scaledColumnNormsSq(columns, n, p, fitIntercept, standardize);
    this.#scale = scaling.scale;
    this.#excluded = scaling.excluded;
  }

  audit(
    coef: ArrayLike<number>, intercept: number, lambda: number, alpha: number,
    suboptimality: number | ((analysis: PenalizedAnalysis) => number), slack: number,
  ): KktAudit {
    const { columns, n, p, y } = this;
    const analysis = analyzeFit(columns, n, p, y, coef, intercept, lambda, alpha, this.fitIntercept, this.standardize);
    const G = Math.max(typeof suboptimality === 'number' ? suboptimality : suboptimality(analysis), 0);
    const l2 = lambda * (1 - alpha);
    let worstRatio = 0;
    let worstFeature = -1;
    let worstViolation = 0;
    let worstBound = 0;
    const nonZeroExcluded: number[] = [];
    for (let j = 0; j < p; j++) {
      if (this.#excluded[j]) {
        if (coef[j] !== 0) nonZeroExcluded.push(j);
        continue;
      }
      const A = this.#a[j]! + l2;
      const x = Math.abs(coef[j]!) * this.#scale[j]!;
      const bound = (x === 0 || x > Math.sqrt((2 * G) / A) ? Math.sqrt(2 * A * G) : G / x + (A * x) / 2) + slack;
      const v = analysis.kktViolation[j]!;
      const ratio = v / bound;
      if (ratio > worstRatio) {
        worstRatio = ratio;
        worstFeature = j;
        worstViolation = v;
        worstBound = bound;
      }
    }
    return { analysis, worstRatio, worstFeature, worstViolation, worstBound, nonZeroExcluded };
  }
}

/**
 * Features on which the sequential strong rule (Tibshirani et al. 2012) is wrong between two
 * consecutive solutions: j was 0 at the previous λ with |g_j(previous)| < 2·l1 − l1Prev (so the
 * rule discards it), yet it is non-zero at the current λ.
 */
export function strongRuleFailures(
  previousGradient: ArrayLike<number>, previousCoef: ArrayLike<number>, coef: ArrayLike<number>, l1Prev: number, l1: number,
): number[] {
  const threshold = 2 * l1 - l1Prev;
  const failures: number[] = [];
  for (let j = 0; j < coef.length; j++) {
    if (coef[j] !== 0 && previousCoef[j] === 0 && Math.abs(previousGradient[j]!) < threshold) failures.push(j);
  }
  return failures;
}

/** The rows `rows` of a column-major n×p array (and of y), as a new column-major array. */
export function rowSubset(columns: Float64Array, n: number, p: number, y: ArrayLike<number>, rows: readonly number[]): { columns: Float64Array; y: Float64Array; n: number } {
  const m = rows.length;
  const out = new Float64Array(m * p);
  for (let j = 0; j < p; j++) for (let t = 0; t < m; t++) out[j * m + t] = columns[j * n + rows[t]!]!;
  return { columns: out, y: Float64Array.from(rows, (i) => y[i]!), n: m };
}

/** Predictions b + x_iᵀw for the rows `rows` (all rows when omitted), from the raw columns. */
export function predictRows(columns: Float64Array, n: number, p: number, coef: ArrayLike<number>, intercept: number, rows?: readonly number[]): Float64Array {
  const which = rows ?? Array.from({ length: n }, (_, i) => i);
  const out = new Float64Array(which.length).fill(intercept);
  for (let j = 0; j < p; j++) {
    const wj = coef[j]!;
    if (wj === 0) continue;
    for (let t = 0; t < which.length; t++) out[t]! += wj * columns[j * n + which[t]!]!;
  }
  return out;
}

/** (1/n)‖X̃(w₁ − w₂)‖² ^ ½: the distance of two fits' centred predictions (scale-free). */
export function fittedDistance(columns: Float64Array, n: number, p: number, coefA: ArrayLike<number>, coefB: ArrayLike<number>, fitIntercept: boolean): number {
  const { center } = columnScaling(columns, n, p, fitIntercept, false);
  const d = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const dw = coefA[j]! - coefB[j]!;
    if (dw === 0) continue;
    for (let i = 0; i < n; i++) d[i]! += dw * (columns[j * n + i]! - center[j]!);
  }
  let s = 0;
  for (let i = 0; i < n; i++) s += d[i]! * d[i]!;
  return Math.sqrt(s / n);
}

/** The smallest eigenvalue of the Gram matrix X̃ᵀX̃/n on the penalized scale (cyclic Jacobi; for small p). */
export function gramMinEigenvalue(columns: Float64Array, n: number, p: number, fitIntercept: boolean, standardize: boolean): number {
  const { center, scale, excluded } = columnScaling(columns, n, p, fitIntercept, standardize);
  const kept = Array.from({ length: p }, (_, j) => j).filter((j) => !excluded[j]);
  const m = kept.length;
  const A = new Float64Array(m * m);
  for (let s = 0; s < m; s++) {
    for (let t = s; t < m; t++) {
      const j = kept[s]!;
      const k = kept[t]!;
      let dot = 0;
      for (let i = 0; i < n; i++) dot += ((columns[j * n + i]! - center[j]!) / scale[j]!) * ((columns[k * n + i]! - center[k]!) / scale[k]!);
      A[s * m + t] = dot / n;
      A[t * m + s] = dot / n;
    }
  }
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let s = 0; s < m; s++) for (let t = s + 1; t < m; t++) off += A[s * m + t]! ** 2;
    if (off < 1e-30) break;
    for (let s = 0; s < m; s++) {
      for (let t = s + 1; t < m; t++) {
        const apq = A[s * m + t]!;
        if (apq === 0) continue;
        const theta = (A[t * m + t]! - A[s * m + s]!) / (2 * apq);
        const tan = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(tan * tan + 1);
        const sn = tan * c;
        for (let k = 0; k < m; k++) {
          const aks = A[k * m + s]!;
          const akt = A[k * m + t]!;
          A[k * m + s] = c * aks - sn * akt;
          A[k * m + t] = sn * aks + c * akt;
        }
        for (let k = 0; k < m; k++) {
          const ask = A[s * m + k]!;
          const atk = A[t * m + k]!;
          A[s * m + k] = c * ask - sn * atk;
          A[t * m + k] = sn * ask + c * atk;
        }
      }
    }
  }
  let min = Infinity;
  for (let s = 0; s < m; s++) min = Math.min(min, A[s * m + s]!);
  return min;
}

/** cv.glmnet's summary of per-fold errors (grouped = TRUE), recomputed from its definition. */
export interface CvSummary {
  cvMean: Float64Array;
  cvStandardError: Float64Array;
  indexMin: number;
  index1se: number;
}

/**
 * cvm(λ) = Σ_k n_k·e_k(λ)/n, cvsd(λ) = sqrt( Σ_k n_k·(e_k(λ) − cvm(λ))²/n / (K − 1) );
 * λ_min = the largest λ with cvm = min cvm; λ_1se = the largest λ with cvm ≤ cvm(λ_min) + cvsd(λ_min)
 * (glmnet's getOptcv.glmnet). Indices refer to `lambdas`, which need not be sorted.
 */
export function summarizeFolds(foldErrors: readonly ArrayLike<number>[], foldSizes: readonly number[], lambdas: ArrayLike<number>): CvSummary {
  const K = foldErrors.length;
  const L = lambdas.length;
  const n = foldSizes.reduce((s, v) => s + v, 0);
  const cvMean = new Float64Array(L);
  const cvStandardError = new Float64Array(L);
  for (let l = 0; l < L; l++) {
    let m = 0;
    for (let k = 0; k < K; k++) m += foldSizes[k]! * foldErrors[k]![l]!;
    m /= n;
    let v = 0;
    for (let k = 0; k < K; k++) v += foldSizes[k]! * (foldErrors[k]![l]! - m) ** 2;
    cvMean[l] = m;
    cvStandardError[l] = Math.sqrt(v / n / (K - 1));
  }
  const minimum = Math.min(...cvMean);
  let indexMin = -1;
  for (let l = 0; l < L; l++) if (cvMean[l]! <= minimum && (indexMin < 0 || lambdas[l]! > lambdas[indexMin]!)) indexMin = l;
  const bound = cvMean[indexMin]! + cvStandardError[indexMin]!;
  let index1se = -1;
  for (let l = 0; l < L; l++) if (cvMean[l]! <= bound && (index1se < 0 || lambdas[l]! > lambdas[index1se]!)) index1se = l;
  return { cvMean, cvStandardError, indexMin, index1se };
}

/** max_i |a_i − b_i| / max_i |b_i|. */
export function relativeInfDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} ≠ ${b.length}`);
  let d = 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i]! - b[i]!));
    s = Math.max(s, Math.abs(b[i]!));
  }
  return d / s;
}
