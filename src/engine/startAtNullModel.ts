import type { ElasticNetSession, SolveReport } from './Engine.js';

/**
 * An l1 large enough that every penalized coefficient stays at 0 (S(z, v·l1) = 0 for any
 * gradient a real problem has), yet finite, so that 0·l1 = 0 in the certificate's sums.
 */
const PENALIZED_AT_ZERO_L1 = 1e300;

/**
 * @internal Starts a session at its null model, where a regularization path begins: w = 0, and
 * when some features are unpenalized (factor 0) those are fitted first with every penalized
 * coefficient held at 0, as glmnet does. The returned report's corrMax is then λ_max·α, the
 * smallest λ·α at which every penalized coefficient is 0 (with penalty options: the largest
 * |g_j|/v_j over penalized j, on sides whose bound is not 0). The session is left at that point.
 */
export function startAtNullModel(session: ElasticNetSession, tolerance: number, maxPasses: number): SolveReport {
  const start = session.start(new Float64Array(session.nFeatures), 0, 0);
  if (!session.hasUnpenalized) return start;
  const big = PENALIZED_AT_ZERO_L1;
  const fitted = session.solve(big, 0, big, tolerance, maxPasses);
  return { ...fitted, columnVisits: start.columnVisits + fitted.columnVisits };
}
