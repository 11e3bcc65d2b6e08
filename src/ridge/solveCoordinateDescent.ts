import type { PreparedRidge } from './PreparedRidge.js';
import type { EngineName } from '../engine/selectEngine.js';
import { ElasticNet } from '../estimators/ElasticNet.js';
import { setWarningHandler, type L1L2Warning } from '../warnings.js';
import { ridgeCertificate } from './ridgeCertificate.js';
import type { RidgeSolution } from './RidgeSolution.js';

/**
 * @internal Ridge by the library's coordinate descent: {@link ElasticNet} with l1Ratio = 0, whose
 * objective ½Σ v_i(y_i − b − x_iᵀw)² + (λ/2)‖w̃‖² is ridge's (non-uniform weights v are passed on as
 * sampleWeight). ElasticNet stops on
 * its duality gap G ≥ F − F*; for this quadratic ‖∇F‖² ≤ 2L·(F − F*) with L ≤ tr(ZᵀZ) + λ, so a gap
 * below tol²‖∇F(0)‖²/(2L) certifies the relative gradient tol. That bound is often below what a
 * gap can resolve in floating point (the computed gap rounds to 0), but ElasticNet also waits until no
 * coordinate moves the objective by more than the tolerance, which usually carries CD to the precision
 * asked. If the relative gradient, computed from the data, still misses tol, CD continues from the
 * current solution (warm start) until it does, the epoch budget is spent, or 20 restarts in a row
 * bring no improvement.
 */
export function solveCoordinateDescent(
  prep: PreparedRidge, Y: Float64Array, lambda: number, tol: number, maxIter: number, fitIntercept: boolean, standardize: boolean, engine: EngineName,
): RidgeSolution {
  const { n, p, k, design } = prep;
  let trace = lambda;
  for (const d of prep.diagGram) trace += d;
  const W = new Float64Array(p * k);
  // Observation weights v = rowScale²; passed on only when they are not all equal (1/n).
  const v = design.rowScale.map((s) => s * s);
  const sampleWeight = v.every((x) => x === v[0]) ? undefined : v;
  let epochs = 0;
  let dualGap = 0;
  let certificate = ridgeCertificate(prep, W, lambda);
  const inner: L1L2Warning[] = [];
  const previous = setWarningHandler((w) => inner.push(w));
  try {
    for (let t = 0; t < k; t++) {
      const y = Y.subarray(t * n, (t + 1) * n);
      const F0 = prep.nullObjective[t]!;
      if (F0 === 0 || prep.bNorm[t] === 0) continue;
      const gapTol = Math.max((tol * tol * prep.bNorm[t]! ** 2) / (2 * trace * F0), 1e-30);
      const budget = maxIter * (t + 1);
      let initialCoef: Float64Array | undefined;
      let stalled = 0;
      let best = Infinity;
      while (epochs < budget && stalled < 20) {
        const model = new ElasticNet({
          lambda, l1Ratio: 0, fitIntercept, standardize, tol: gapTol, maxIter: budget - epochs, engine,
        }).fit(design.X, y, { ...(initialCoef ? { initialCoef } : {}), ...(sampleWeight ? { sampleWeight } : {}) });
        epochs += Math.max(1, model.nIter);
        dualGap = Math.max(dualGap, model.dualGap);
        initialCoef = model.coef;
        for (let j = 0; j < p; j++) W[t * p + j] = design.invScale[j] === 0 ? 0 : initialCoef[j]! / design.invScale[j]!;
        certificate = ridgeCertificate(prep, W, lambda);
        const g = certificate.perTarget[t]!;
        if (g <= tol || !model.converged) break;
        stalled = g < best ? 0 : stalled + 1;
        best = Math.min(best, g);
      }
    }
  } finally {
    setWarningHandler(previous);
  }
  return { W, certificate, solver: 'cd', form: undefined, nIter: epochs, dualGap };
}
