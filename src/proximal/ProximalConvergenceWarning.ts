import { ConvergenceWarning } from '../warnings.js';

/**
 * A proximal-gradient (ISTA/FISTA) or projected-gradient fit stopped at `maxIter` before its
 * certificate reached the tolerance. A {@link ConvergenceWarning} (its `dualGap` field holds the
 * certificate reached, `gapTolerance` the one required), with the kind of certificate named.
 */
export class ProximalConvergenceWarning extends ConvergenceWarning {
  constructor(
    certificate: number,
    tolerance: number,
    nIter: number,
    /** What `dualGap` measures: 'dualityGap', 'frankWolfeGap' or 'kktResidual'. */
    readonly certificateKind: string,
    /** |∂f/∂b| at the returned point (logistic with an intercept), 0 otherwise. */
    readonly interceptGradient: number,
  ) {
    super(certificate, tolerance, nIter);
    this.message =
      `proximal gradient did not converge: ${certificateKind} ${certificate.toExponential(3)} (tolerance ${tolerance.toExponential(3)})` +
      `${interceptGradient > 0 ? `, |∂f/∂b| = ${interceptGradient.toExponential(3)}` : ''} after ${nIter} iterations; ` +
      'increase maxIter, loosen tol, or scale the features (standardize: true)';
  }
}
