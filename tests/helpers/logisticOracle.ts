/**
 * Independent checks of logistic fits, computed from plain arrays (never through the library):
 * the objective, the gradient and the KKT conditions of
 *   F(w, b) = Σ ν_i·[log(1 + e^{η_i}) − y_i·η_i] + λ·(α‖D w‖₁ + (1−α)/2·‖D w‖²),   η = b + Xw,
 * with ν the normalized weights (1/n without) and D = diag(sd_j) when standardizing (else I).
 */
import { SeededRandom } from '../../src/random/SeededRandom.js';
import { denseProblem, sparseProblem, type SyntheticProblem } from './syntheticRegression.js';

const log1pExp = (t: number) => (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)));
const sigma = (t: number) => 1 / (1 + Math.exp(-t));

/** A seeded binary problem: X from the regression generators, labels drawn from σ(scale·(Xw* − mean)). */
export function classificationProblem(
  seed: number, n: number, p: number, o: { density?: number; scale?: number } = {},
): SyntheticProblem & { labels: Float64Array } {
  const base = o.density === undefined ? denseProblem(seed, n, p, { heterogeneous: false, support: Math.min(p, 8) }) : sparseProblem(seed, n, p, o.density, { support: Math.min(p, 8) });
  const rng = new SeededRandom(seed + 17);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += base.y[i]! / n;
  const scale = o.scale ?? 1;
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) labels[i] = rng.uniform() < sigma(scale * (base.y[i]! - mean)) ? 1 : 0;
  return { ...base, labels };
}

export interface LogisticAudit {
  objective: number;
  /** max_j dist(g_j, λ·∂pen_j(w_j)) / max(1, max_j |g_j(0)|), g = −∇_w loss. */
  relativeKkt: number;
  /** |Σ ν_i (y_i − p_i)|: the intercept's optimality (0 when fitted). */
  interceptScore: number;
}

/** Audits (coef, intercept) against the objective above, from scratch. */
export function auditLogistic(
  columns: Float64Array, n: number, p: number, y01: ArrayLike<number>, coef: ArrayLike<number>, intercept: number,
  lambda: number, alpha: number, o: { weights?: ArrayLike<number>; standardize?: boolean } = {},
): LogisticAudit {
  let total = 0;
  for (let i = 0; i < n; i++) total += o.weights ? o.weights[i]! : 1;
  const nu = Array.from({ length: n }, (_, i) => (o.weights ? o.weights[i]! : 1) / total);
  const scale = new Float64Array(p).fill(1);
  if (o.standardize) {
    for (let j = 0; j < p; j++) {
      let m = 0;
      for (let i = 0; i < n; i++) m += nu[i]! * columns[j * n + i]!;
      let v = 0;
      for (let i = 0; i < n; i++) v += nu[i]! * (columns[j * n + i]! - m) ** 2;
      scale[j] = Math.sqrt(v);
    }
  }
  const eta = new Float64Array(n).fill(intercept);
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) eta[i]! += columns[j * n + i]! * coef[j]!;
  let loss = 0;
  let interceptScore = 0;
  const theta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    loss += nu[i]! * (log1pExp(eta[i]!) - y01[i]! * eta[i]!);
    theta[i] = nu[i]! * (y01[i]! - sigma(eta[i]!));
    interceptScore += theta[i]!;
  }
  let ybar = 0;
  for (let i = 0; i < n; i++) ybar += nu[i]! * y01[i]!;
  let penalty = 0;
  let kkt = 0;
  let g0max = 0;
  for (let j = 0; j < p; j++) {
    if (scale[j] === 0) continue;
    let g = 0;
    let g0 = 0;
    for (let i = 0; i < n; i++) {
      g += columns[j * n + i]! * theta[i]!;
      g0 += columns[j * n + i]! * nu[i]! * (y01[i]! - ybar);
    }
    // In the scaled coordinates w̃_j = sd_j·w_j the gradient is g/sd_j.
    const gs = g / scale[j]!;
    g0max = Math.max(g0max, Math.abs(g0 / scale[j]!));
    const ws = coef[j]! * scale[j]!;
    penalty += lambda * (alpha * Math.abs(ws) + 0.5 * (1 - alpha) * ws * ws);
    const l1 = lambda * alpha;
    const l2 = lambda * (1 - alpha);
    const violation = ws === 0 ? Math.max(Math.abs(gs) - l1, 0) : Math.abs(gs - l1 * Math.sign(ws) - l2 * ws);
    kkt = Math.max(kkt, violation);
  }
  return { objective: loss + penalty, relativeKkt: kkt / Math.max(1e-300, g0max), interceptScore: Math.abs(interceptScore) };
}

/**
 * A lower bound on F* for α = 1 (lasso penalty, unstandardized), from the dual of F: for
 * θ = ν∘(y − a) with max_j |x_jᵀθ| ≤ λ (and Σθ = 0 when an intercept is fitted), F* ≥ Σ ν_i·h(a_i),
 * h the binary entropy −a·log a − (1−a)·log(1−a). The point used is θ = s·ν∘(y − σ(η)) at the given
 * solution, s the largest scaling that meets the constraint (with an intercept, the solution's
 * must be optimal: Σθ = 0 up to rounding; without one, pass intercept 0).
 */
export function lassoLogisticLowerBound(
  columns: Float64Array, n: number, p: number, y01: ArrayLike<number>, coef: ArrayLike<number>, intercept: number, lambda: number,
): number {
  const eta = new Float64Array(n).fill(intercept);
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) eta[i]! += columns[j * n + i]! * coef[j]!;
  const theta = Float64Array.from(eta, (e, i) => (y01[i]! - sigma(e)) / n);
  let gmax = 0;
  for (let j = 0; j < p; j++) {
    let g = 0;
    for (let i = 0; i < n; i++) g += columns[j * n + i]! * theta[i]!;
    gmax = Math.max(gmax, Math.abs(g));
  }
  const s = gmax > lambda ? lambda / gmax : 1;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const a = y01[i]! - s * n * theta[i]!;
    const entropy = (a > 0 ? -a * Math.log(a) : 0) + (a < 1 ? -(1 - a) * Math.log(1 - a) : 0);
    bound += entropy / n;
  }
  return bound;
}
