import { ConvergenceWarning } from '../warnings.js';
import type { ProximalCertificateKind } from './ProximalProblem.js';

/**
 * A proximal-gradient (ISTA/FISTA) or projected-gradient fit stopped at `maxIter` before its
 * certificate reached the tolerance: a {@link ConvergenceWarning} (solver `'proximal gradient'`;
 * `dualGap` holds the certificate reached, `gapTolerance` the one required) that also names the
 * kind of certificate and the intercept's gradient.
 */
export class ProximalConvergenceWarning extends ConvergenceWarning {
  constructor(
    certificate: number,
    tolerance: number,
    nIter: number,
    /** What `dualGap` measures: 'dualityGap', 'frankWolfeGap' (both gaps) or 'kktResidual'. */
    readonly certificateKind: ProximalCertificateKind,
    /** |∂f/∂b| at the returned point (logistic with an intercept), 0 otherwise. */
    readonly interceptGradient: number,
  ) {
    super(certificate, tolerance, nIter, undefined, 'proximal gradient', certificateKind === 'kktResidual' ? 'kkt' : 'gap');
    if (certificateKind === 'frankWolfeGap') this.message = this.message.replace('duality gap', 'Frank–Wolfe gap');
    if (interceptGradient > 0) this.message += ` (|∂f/∂b| = ${interceptGradient.toExponential(3)})`;
  }
}
