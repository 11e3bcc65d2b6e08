/**
 * Sessions with penalty options after `reweight` (the proximal Newton solver of logistic
 * regression re-solves one weighted least-squares problem per Newton step on the same session):
 * the certificate is re-decided for the new weights and the solution equals that of a session
 * opened with those weights (no standardization, so the scales kept by reweight are the same).
 */
import { describe, expect, it } from 'vitest';
import { selectEngine } from '../src/engine/selectEngine.js';
import { certificateTolerance } from '../src/engine/Engine.js';
import { centerTarget } from '../src/model/centerTarget.js';
import { resolvePenalty } from '../src/model/penaltyOptions.js';
import { asCsc, asDense, denseProblem } from './helpers/syntheticRegression.js';
import { maxAbsDiff } from './helpers/kktOracle.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';
import { SeededRandom } from '../src/random/SeededRandom.js';
import { wasmRuntime } from '../src/wasm/runtime.js';
import { Lasso } from '../src/index.js';

simdSuiteRecordingWarnings();

const problem = denseProblem(131, 80, 12, { support: 5 });
const rng = new SeededRandom(7);
const normalized = (v: Float64Array) => v.map((x) => x / v.reduce((a, b) => a + b, 0));
const w1 = normalized(Float64Array.from({ length: problem.n }, () => 0.2 + rng.uniform()));
const w2 = normalized(Float64Array.from({ length: problem.n }, () => 0.2 + rng.uniform()));

describe('penalty options survive reweight', () => {
  const cases = [
    { name: 'projected dual point (free unpenalized feature)', options: { penaltyFactor: [0, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1] }, certificate: 'dualityGap' },
    { name: 'KKT residual (unpenalized, ≥ 0)', options: { penaltyFactor: [0, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1], positive: true }, certificate: 'kktResidual' },
    { name: 'bounds', options: { lowerLimits: -0.5, upperLimits: 1, exclude: [2] }, certificate: 'dualityGap' },
  ] as const;
  for (const c of cases) {
    for (const engine of ['wasm', 'js'] as const) {
      for (const layout of ['dense', 'csc'] as const) {
        it(`${c.name}, ${engine}, ${layout}`, () => {
          const X = layout === 'dense' ? asDense(problem) : asCsc(problem);
          const penalty = resolvePenalty(c.options, problem.p);
          const first = centerTarget(problem.y, true, w1);
          const second = centerTarget(problem.y, true, w2);
          const solve = (session: ReturnType<ReturnType<typeof selectEngine>['openSession']>) => {
            const tol = certificateTolerance(session, 1e-12, second.nullObjective);
            session.start(new Float64Array(problem.p), 0.02, 0);
            const report = session.solve(0.02, 0, 0.02, tol, 100000);
            expect(report.gap).toBeLessThanOrEqual(tol);
            return session.coefScaled();
          };
          const reused = selectEngine(engine).openSession({ X, yCentered: first.yCentered, fitIntercept: true, standardize: false, weights: w1, penalty });
          const fresh = selectEngine(engine).openSession({ X, yCentered: second.yCentered, fitIntercept: true, standardize: false, weights: w2, penalty });
          try {
            solve(reused);
            reused.reweight(w2, second.yCentered);
            expect(reused.certificate).toBe(c.certificate);
            // The same scale up to rounding (reweight's one-sweep statistics sum in another order).
            if (Number.isNaN(fresh.gradientScale)) expect(reused.gradientScale).toBeNaN();
            else expect(Math.abs(reused.gradientScale - fresh.gradientScale)).toBeLessThanOrEqual(1e-12 * fresh.gradientScale);
            expect(maxAbsDiff(solve(reused), solve(fresh))).toBeLessThan(1e-8);
          } finally {
            reused.dispose();
            fresh.dispose();
          }
        });
      }
    }
  }
});

describe('penalty blocks are freed with their session', () => {
  it('200 fits with each kind of block return the heap to the same bytes in use', () => {
    const heap = wasmRuntime()!.heap;
    const X = asDense(problem);
    const kinds = [
      { penaltyFactor: [0, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1] },
      { penaltyFactor: [0, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1], positive: true },
      { lowerLimits: -0.5, exclude: [3] },
    ];
    new Lasso({ lambda: 0.02, ...kinds[0] }).fit(X, problem.y); // X resident from here on
    const inUse = heap.bytesInUse;
    for (let k = 0; k < 200; k++) new Lasso({ lambda: 0.02, ...kinds[k % 3] }).fit(X, problem.y);
    expect(heap.bytesInUse).toBe(inUse);
  });
});
