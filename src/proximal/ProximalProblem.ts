import type { CertificateKind } from '../model/certificateKind.js';

/*
 * The pieces a proximal-gradient solve is composed of (DESIGN.md §2: datafit ×
 * penalty × solver), as numeric codes shared with the WebAssembly kernels
 * (assembly/proximal/fistaSolve.ts reads the same layout).
 *
 * All quantities live in the centred (and, with `standardize`, scaled) space of the
 * coordinate-descent solver: x̃_j = (x_j − mean_j)·invScale_j, ω_i the observation weights
 * (Σω = 1; 1/n without weights).
 */

/** Datafit codes. squared: f = ½Σω_i(ỹ_i − η_i)²; logistic: f = Σω_i[log(1 + e^{η_i}) − y_i·η_i]. */
export const DATAFIT = { squared: 0, logistic: 1 } as const;
export type DatafitName = keyof typeof DATAFIT;

/**
 * Penalty codes. elasticNet: h(w) = Σ_j f_j·(l1|w_j| + (l2/2)w_j²) + ι{lo ≤ w ≤ hi}
 * (f_j = 1 and no bounds unless given); l1Ball: ι{‖w‖₁ ≤ radius}; l2Ball: ι{‖w‖₂ ≤ radius}.
 */
export const PENALTY = { elasticNet: 0, l1Ball: 1, l2Ball: 2 } as const;
export type PenaltyKindName = keyof typeof PENALTY;

/**
 * What a proximal-gradient fit's `certificate` measures: the two kinds of coordinate descent
 * ({@link CertificateKind}) and, on a ball constraint, `'frankWolfeGap'` = ∇fᵀw + t‖∇f‖_*, an upper
 * bound on f(w) − min f like the duality gap.
 */
export type ProximalCertificateKind = CertificateKind | 'frankWolfeGap';
/** Certificate codes shared with the kernel. */
export const CERTIFICATE_NAMES: readonly ProximalCertificateKind[] = ['dualityGap', 'frankWolfeGap', 'kktResidual'];

/** Momentum restart codes (O'Donoghue & Candès 2015). */
export const RESTART = { none: 0, gradient: 1, function: 2 } as const;
export type RestartName = keyof typeof RESTART;

/** @internal A penalty resolved to arrays on the scaled space (bounds already divided by invScale). */
export interface ResolvedPenalty {
  kind: PenaltyKindName;
  l1: number;
  l2: number;
  radius: number;
  /** Per-feature factors f_j ≥ 0, or undefined for all 1. */
  factors?: Float64Array | undefined;
  /** Per-feature lower / upper bounds (may be ±Infinity), or undefined for none. */
  lower?: Float64Array | undefined;
  upper?: Float64Array | undefined;
  /**
   * With factors/bounds: whether coordinate descent's penalized duality gap applies (no feature
   * with v_j = 0 and an infinite side, whose dual constraint the scaled residual cannot meet);
   * otherwise the KKT residual certifies. Set once the column scales are known.
   */
  gapWithOptions?: boolean | undefined;
}

/** @internal Solver settings (the `params` block of the kernel). */
export interface FistaSettings {
  datafit: DatafitName;
  /** Whether the intercept b is a variable of the solve (logistic with an intercept). */
  interceptVariable: boolean;
  /** FISTA (true) or ISTA (false). */
  accelerate: boolean;
  restart: RestartName;
  maxIter: number;
  /** Certificate evaluated every this many iterations (and after the last). */
  checkEvery: number;
  /** Initial Lipschitz estimate L₀ (backtracking doubles it as needed). */
  lipschitz0: number;
  /** Relative tolerance. */
  tol: number;
  /** F(0): the datafit of the intercept-only model; the gap tolerances are tol·F(0). */
  nullObjective: number;
  /** Initial intercept (logistic). */
  intercept0: number;
}

/** Layout of the kernel's params block (f64 indices). */
export const PARAM = {
  datafit: 0, penaltyKind: 1, l1: 2, l2: 3, radius: 4, interceptVariable: 5, accelerate: 6, restart: 7,
  maxIter: 8, checkEvery: 9, lipschitz0: 10, tol: 11, nullObjective: 12, intercept0: 13,
} as const;
export const PARAM_LENGTH = 16;

/** Layout of the kernel's out block (f64 indices). */
export const FISTA_OUT = {
  iterations: 0, certificate: 1, certificateKind: 2, certificateTolerance: 3, objective: 4, intercept: 5,
  interceptGradient: 6, lipschitz: 7, restarts: 8, converged: 9, kktScale: 10, backtracks: 11, passes: 12,
} as const;
export const FISTA_OUT_LENGTH = 16;

/** @internal What a solve reports (both engines). */
export interface FistaReport {
  iterations: number;
  certificate: number;
  certificateKind: ProximalCertificateKind;
  certificateTolerance: number;
  objective: number;
  intercept: number;
  /** |∂f/∂b| at the solution (0 when b is not a variable). */
  interceptGradient: number;
  lipschitz: number;
  restarts: number;
  converged: boolean;
  /** ‖∇_w f(0, b₀)‖∞, the scale of the KKT residual's tolerance (λ_max·α for the lasso). */
  kktScale: number;
  backtracks: number;
  /** Passes over X (each X̃v or X̃ᵀu counts one). */
  passes: number;
  /** g = X̃ᵀ(ω∘u) at the solution (−∇_w f); the multiplier λ*(t) of a ball constraint is read from it. */
  gradient: Float64Array;
}

/** @internal The certificate kind a problem gets: the CD duality gap where it is defined (squared loss, λ > 0, and with penalty options only when no unpenalized feature has an infinite side), the Frank–Wolfe gap on a ball, else the KKT residual. */
export function certificateKindOf(datafit: DatafitName, penalty: ResolvedPenalty): ProximalCertificateKind {
  if (penalty.kind !== 'elasticNet') return 'frankWolfeGap';
  // (At λ = 0 the gap's dual point degenerates: least squares is certified by its gradient.)
  const options = penalty.factors !== undefined || penalty.lower !== undefined || penalty.upper !== undefined;
  const gapDefined = (penalty.l1 > 0 || penalty.l2 > 0) && (!options || penalty.gapWithOptions === true);
  if (datafit === 'squared' && gapDefined) return 'dualityGap';
  return 'kktResidual';
}
