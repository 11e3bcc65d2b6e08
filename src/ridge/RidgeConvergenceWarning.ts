import { L1L2Warning } from '../warnings.js';

/**
 * A ridge fit ended with a relative gradient norm ‖∇F(w)‖/‖∇F(0)‖ above `tol`: CG or coordinate
 * descent ran out of iterations, or a direct solve could not reach tol even after iterative refinement
 * (a badly conditioned problem with a tiny λ). The returned coefficients are usable but not certified.
 *
 * @example
 * ```ts
 * import { setWarningHandler, RidgeConvergenceWarning } from 'l1l2';
 * setWarningHandler((w) => { if (w instanceof RidgeConvergenceWarning) console.log(w.relativeGradient, w.solver); });
 * ```
 */
export class RidgeConvergenceWarning extends L1L2Warning {
  constructor(
    /** The relative gradient norm reached (largest over targets). */
    readonly relativeGradient: number,
    /** The tolerance it had to reach. */
    readonly tol: number,
    /** Iterations run (CG iterations, CD epochs, or refinement steps of a direct solver). */
    readonly nIter: number,
    /** The solver that ran. */
    readonly solver: string,
  ) {
    super(
      `ridge (${solver}) did not converge: relative gradient norm ${relativeGradient.toExponential(3)} > tol ${tol.toExponential(3)} ` +
        `after ${nIter} iterations; increase maxIter, loosen tol, raise lambda, or standardize the features`,
    );
  }
}
