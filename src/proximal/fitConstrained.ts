import type { MatrixInput } from '../matrix/DesignMatrix.js';
import type { EngineName } from '../engine/selectEngine.js';
import { InvalidParameterError } from '../errors.js';
import { checkOneOf } from '../validation.js';
import { fitProximal, type ProximalFit } from './fitProximal.js';
import type { ProximalCertificateKind, DatafitName } from './ProximalProblem.js';

/** Options of {@link fitConstrained}. */
export interface ConstrainedOptions {
  /** `'l1'`: ‖w‖₁ ≤ radius (the diamond; the lasso's constrained form); `'l2'`: ‖w‖₂ ≤ radius (the ball; ridge's). */
  norm: 'l1' | 'l2';
  /** The radius t > 0. */
  radius: number;
  /** `'squared'` (default) or `'logistic'` (labels 0/1). */
  loss?: DatafitName;
  /** Default true (the intercept is never constrained). */
  fitIntercept?: boolean;
  /** Constrain the coefficients of standardized columns. Default false. */
  standardize?: boolean;
  /** Relative tolerance on the Frank–Wolfe gap: stop when gap ≤ tol·F(0). Default 1e-12. */
  tol?: number;
  /** Default 100000. */
  maxIter?: number;
  /** Default `'wasm'`. */
  engine?: EngineName;
}

/** The result of {@link fitConstrained}. */
export interface ConstrainedFit {
  /** The constrained solution w (original scale). */
  coef: Float64Array;
  intercept: number;
  /** ‖w‖₁ (norm 'l1') or ‖w‖₂ (norm 'l2') of the (scaled) solution: ≤ radius, = radius when the constraint is active. */
  norm: number;
  /** Whether the constraint binds (‖w‖ = t; otherwise w is the unconstrained minimizer and λ* = 0). */
  active: boolean;
  /**
   * The Lagrange multiplier λ*(t): the penalized problem with this λ has the same solution.
   * L1: loss + λ‖w‖₁ (`new Lasso({ lambda: λ* })`), λ* = ‖∇loss(w)‖∞.
   * L2: loss + (λ/2)‖w‖₂² (`new ElasticNet({ lambda: λ*, l1Ratio: 0 })`), λ* = ‖∇loss(w)‖₂ / ‖w‖₂.
   * 0 when the constraint is not active.
   */
  lambda: number;
  /** The Frank–Wolfe duality gap ∇fᵀw + t‖∇f‖_* ≥ f(w) − min f at the returned point. */
  dualityGap: number;
  certificateKind: ProximalCertificateKind;
  gapTolerance: number;
  /** The loss f(w) at the solution. */
  objective: number;
  nIter: number;
  converged: boolean;
  /** The full proximal-gradient report. */
  fit: ProximalFit;
}

/**
 * The constrained form of the lasso and of ridge (the Lagrangian view, DESIGN.md §1):
 *
 *   min_{w,b} loss(w, b)  subject to  ‖w‖₁ ≤ t  (norm 'l1', a diamond)  or  ‖w‖₂ ≤ t  (norm 'l2', a ball)
 *
 * by projected gradient (FISTA on the indicator of the ball, backtracking, adaptive restart) with
 * exact projections: sort-based O(p log p) onto the L1 ball (soft-thresholding at the level that
 * makes ‖w‖₁ = t — exact zeros, which is why the diamond gives sparse solutions), scaling onto the
 * L2 ball. Also returns the multiplier λ*(t) from the KKT conditions at the solution, so that the
 * penalized problem at λ* has the same solution (and, conversely, every penalized fit reports
 * t = ‖w(λ)‖ through `l1Norm` / `l2Norm`).
 *
 * No `node:` imports: usable in a browser Web Worker; for p = 2 a fit is a few dozen iterations.
 *
 * @throws {InvalidParameterError} norm not 'l1'/'l2', radius ≤ 0, bad loss or labels.
 * @example
 * ```ts
 * import { fitConstrained, Lasso } from 'l1l2';
 * const c = fitConstrained(X, y, { norm: 'l1', radius: 1 });
 * c.coef; c.lambda; c.dualityGap;
 * new Lasso({ lambda: c.lambda }).fit(X, y).coef; // the same w
 * ```
 */
export function fitConstrained(X: MatrixInput, y: ArrayLike<number>, options: ConstrainedOptions): ConstrainedFit {
  const o = (options ?? {}) as Partial<ConstrainedOptions>;
  const norm = checkOneOf('norm', o.norm, ['l1', 'l2'] as const);
  if (typeof o.radius !== 'number' || !Number.isFinite(o.radius) || o.radius <= 0) {
    throw new InvalidParameterError('radius', `radius must be a finite number > 0, got ${String(o.radius)}`);
  }
  const radius = o.radius;
  const fit = fitProximal(X, y, {
    constraint: { norm, radius },
    loss: o.loss ?? 'squared',
    fitIntercept: o.fitIntercept ?? true,
    standardize: o.standardize ?? false,
    tol: o.tol ?? 1e-12,
    maxIter: o.maxIter ?? 100000,
    engine: o.engine ?? 'wasm',
  });
  const w = fit.coefScaled;
  const g = fit.gradientScaled;
  let wNorm = 0;
  let gNorm = 0;
  for (let j = 0; j < w.length; j++) {
    if (norm === 'l1') {
      wNorm += Math.abs(w[j]!);
      gNorm = Math.max(gNorm, Math.abs(g[j]!));
    } else {
      wNorm += w[j]! * w[j]!;
      gNorm += g[j]! * g[j]!;
    }
  }
  if (norm === 'l2') {
    wNorm = Math.sqrt(wNorm);
    gNorm = Math.sqrt(gNorm);
  }
  // The projection puts an active solution on the sphere up to rounding; strictly inside, ∇f = 0.
  const active = wNorm >= radius * (1 - 1e-9);
  const lambda = !active ? 0 : norm === 'l1' ? gNorm : gNorm / wNorm;
  return {
    coef: fit.coef, intercept: fit.intercept, norm: wNorm, active, lambda,
    dualityGap: fit.certificate, certificateKind: fit.certificateKind, gapTolerance: fit.certificateTolerance,
    objective: fit.objective, nIter: fit.nIter, converged: fit.converged, fit,
  };
}
