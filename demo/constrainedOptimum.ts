// The constrained optimum w*(t) of a 2-feature least-squares problem, computed by the library:
//   min ½(w − ŵ)ᵀA(w − ŵ)   subject to   P(w) ≤ P(t·e₁)
// with P the L1 norm (diamond), the L2 norm (ball) or the elastic-net penalty
// α‖w‖₁ + (1−α)/2‖w‖₂² (a rounded diamond), each region meeting the axes at ±t.
import { ElasticNet, fitConstrained } from 'l1l2';

export type RegionKind = 'l1' | 'l2' | 'enet';

/** The panel's starting unconstrained optimum ŵ and the correlation ρ of its two features. */
export const DEFAULT_OPTIMUM: [number, number] = [2, 0.9];
export const FEATURE_CORRELATION = 0.6;

/** The elastic-net mix of the third region. */
export const ENET_L1_RATIO = 0.5;

/** A least-squares problem with F(w) = (1/(2n))‖y − Xw‖² = ½(w − ŵ)ᵀA(w − ŵ) + const, n = 2, no intercept. */
export interface TwoFeatureProblem {
  /** Rows of X. */
  X: number[][];
  y: number[];
  A: [[number, number], [number, number]];
  optimum: [number, number];
}

/** X with XᵀX/n = A = [[1, ρ], [ρ, 1]] (X = √2·Lᵀ for A = LLᵀ) and y = Xŵ, so ŵ is the unconstrained optimum. */
export function twoFeatureProblem(optimum: [number, number], rho: number): TwoFeatureProblem {
  const l21 = rho;
  const l22 = Math.sqrt(1 - rho * rho);
  const s = Math.SQRT2;
  const X = [[s * 1, s * l21], [0, s * l22]];
  const y = X.map((row) => row[0]! * optimum[0] + row[1]! * optimum[1]);
  return { X, y, A: [[1, rho], [rho, 1]], optimum };
}

/** The penalty whose sublevel set is the region: P(w). */
export function regionPenalty(kind: RegionKind, w1: number, w2: number): number {
  if (kind === 'l1') return Math.abs(w1) + Math.abs(w2);
  if (kind === 'l2') return Math.hypot(w1, w2);
  return ENET_L1_RATIO * (Math.abs(w1) + Math.abs(w2)) + ((1 - ENET_L1_RATIO) / 2) * (w1 * w1 + w2 * w2);
}

/** The level of P at radius t (the region {P ≤ level} meets the axes at ±t). */
export function regionLevel(kind: RegionKind, t: number): number {
  return regionPenalty(kind, t, 0);
}

export interface ConstrainedOptimum {
  w: [number, number];
  /** The multiplier λ*(t): the penalized fit at λ* (ElasticNet with the region's l1Ratio) has the same solution. */
  lambda: number;
  /** Which library call produced w. */
  method: string;
  /** The fit's certificate (duality gap). */
  gap: number;
}

/**
 * w*(t) for the L1 diamond and the L2 disc: the library's constrained solver `fitConstrained`
 * (projected FISTA with exact projections; λ*(t) from the KKT conditions). The elastic-net
 * region has no constrained solver in the library, so it goes through the penalized
 * ElasticNet ({@link penalizedOptimum}).
 */
export function constrainedOptimum(problem: TwoFeatureProblem, kind: RegionKind, t: number): ConstrainedOptimum {
  if (kind === 'enet') return penalizedOptimum(problem, kind, t);
  const fit = fitConstrained(problem.X, problem.y, { norm: kind, radius: t, fitIntercept: false, standardize: false });
  return {
    w: [fit.coef[0]!, fit.coef[1]!], lambda: fit.lambda, gap: fit.dualityGap,
    method: `fitConstrained (norm '${kind}'), ${fit.nIter} iterations${fit.active ? '' : '; constraint inactive'}`,
  };
}

/**
 * w*(t) by the Lagrangian correspondence: the penalized solution w(λ) of ElasticNet (l1Ratio 1,
 * 0 or 0.5 for the three regions) has P(w(λ)) non-increasing in λ, so the λ with P(w(λ)) = level
 * is found by bisection, and w(λ) is the constrained optimum. Every w comes from a library fit.
 */
export function penalizedOptimum(problem: TwoFeatureProblem, kind: RegionKind, t: number): ConstrainedOptimum {
  const l1Ratio = kind === 'l1' ? 1 : kind === 'l2' ? 0 : ENET_L1_RATIO;
  const level = regionLevel(kind, t);
  const fitAt = (lambda: number) => new ElasticNet({ lambda, l1Ratio, fitIntercept: false, tol: 1e-13, maxIter: 100000 }).fit(problem.X, problem.y);
  const [o1, o2] = problem.optimum;
  if (regionPenalty(kind, o1, o2) <= level) {
    const fit = fitAt(0);
    return { w: [fit.coef[0]!, fit.coef[1]!], lambda: 0, method: 'unconstrained (inside the region)', gap: fit.dualGap };
  }
  let lo = 0;
  let hi = 1;
  while (penaltyAt(fitAt(hi)) > level) hi *= 2;
  let best = fitAt(hi);
  for (let iter = 0; iter < 60; iter++) {
    const mid = lo === 0 ? hi / 2 : Math.sqrt(lo * hi);
    const fit = fitAt(mid);
    if (penaltyAt(fit) > level) lo = mid;
    else {
      hi = mid;
      best = fit;
    }
    if (hi - lo <= 1e-13 * hi) break;
  }
  return { w: [best.coef[0]!, best.coef[1]!], lambda: hi, method: `ElasticNet(l1Ratio ${l1Ratio}) at λ*, bisection`, gap: best.dualGap };

  function penaltyAt(fit: ElasticNet): number {
    return regionPenalty(kind, fit.coef[0]!, fit.coef[1]!);
  }
}
