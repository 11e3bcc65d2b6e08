import type { RidgeCertificate } from './ridgeCertificate.js';

/** The algorithms that solve a ridge problem. */
export type RidgeSolverName = 'cholesky' | 'eigen' | 'cg' | 'cd';

/** Which normal equations a direct solver factorized: (ZᵀZ + λI) (p×p) or (ZZᵀ + λI) (n×n). */
export type RidgeForm = 'primal' | 'dual';

/** @internal A solution in the scaled space with its certificate. */
export interface RidgeSolution {
  /** Scaled coefficients w̃ (p×k). */
  W: Float64Array;
  certificate: RidgeCertificate;
  solver: RidgeSolverName;
  form: RidgeForm | undefined;
  /** Refinement steps (direct solvers), CG iterations or CD epochs (summed over targets). */
  nIter: number;
  /** CD only: the largest duality gap over targets. */
  dualGap?: number;
}

/** @internal At most this many steps of iterative refinement follow a direct solve whose certificate misses tol. */
export const MAX_REFINEMENTS = 3;
