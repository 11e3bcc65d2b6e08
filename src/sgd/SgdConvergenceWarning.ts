import { ConvergenceWarning } from '../warnings.js';

/**
 * A stochastic-gradient fit ran `maxIter` epochs without meeting its stopping rule (the objective
 * stopped falling by more than `tol` for `nIterNoChange` epochs). A {@link ConvergenceWarning}
 * whose `dualGap` field holds the KKT residual reached (SGD has no duality gap).
 */
export class SgdConvergenceWarning extends ConvergenceWarning {
  constructor(
    kktResidual: number,
    /** F(w, b) after the last epoch. */
    readonly objective: number,
    nIter: number,
  ) {
    super(kktResidual, NaN, nIter, undefined, 'stochastic gradient', 'kkt');
    this.message =
      `stochastic gradient did not converge: the objective (${objective.toPrecision(8)}) was still falling after ${nIter} epochs ` +
      `(KKT residual ${kktResidual.toExponential(3)}); increase maxIter, adjust the learning rate, or loosen tol`;
  }
}
