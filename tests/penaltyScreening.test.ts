/**
 * Screening with penalty options, through the session interface every solver shares: gap-safe
 * screening stays on when the certificate is the plain duality gap (factors, bounds) and removes
 * features — and the solutions still satisfy the KKT conditions computed from the raw data —
 * and it is off at the projected dual point (a free unpenalized feature) and with the KKT
 * residual (an unpenalized feature with one infinite side).
 */
import { describe, expect, it } from 'vitest';
import { selectEngine } from '../src/engine/selectEngine.js';
import { startAtNullModel } from '../src/engine/startAtNullModel.js';
import { certificateTolerance } from '../src/engine/Engine.js';
import { centerTarget } from '../src/model/centerTarget.js';
import { resolvePenalty, type PenaltyOptions } from '../src/model/penaltyOptions.js';
import { toOriginalScale } from '../src/model/toOriginalScale.js';
import { asCsc, asDense, denseProblem } from './helpers/syntheticRegression.js';
import { analyzePenalizedFit } from './helpers/penaltyOracle.js';
import { maxAbs } from './helpers/kktOracle.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

simdSuiteRecordingWarnings();

const n = 60;
const p = 300;
const problem = denseProblem(111, n, p, { support: 6 });
const factors = Array.from({ length: p }, (_, j) => 0.5 + (j % 4) * 0.5);

function runPath(options: PenaltyOptions, engine: 'wasm' | 'js', layout: 'dense' | 'csc') {
  const X = layout === 'dense' ? asDense(problem) : asCsc(problem);
  const penalty = resolvePenalty(options, p);
  const { yCentered, mean, nullObjective } = centerTarget(problem.y, true);
  const session = selectEngine(engine).openSession({ X, yCentered, fitIntercept: true, standardize: true, penalty });
  try {
    const tolerance = certificateTolerance(session, 1e-12, nullObjective);
    const start = startAtNullModel(session, tolerance, 100000);
    const lambdaMax = start.corrMax;
    let l1Prev = lambdaMax;
    let screened = 0;
    const fits: { lambda: number; coef: Float64Array; intercept: number }[] = [];
    for (const fraction of [0.9, 0.7, 0.5, 0.3, 0.2, 0.1]) {
      const l1 = fraction * lambdaMax;
      const report = session.solve(l1, 0, l1Prev, tolerance, 100000);
      l1Prev = l1;
      expect(report.gap).toBeLessThanOrEqual(tolerance);
      screened += report.screened;
      fits.push({ lambda: l1, ...toOriginalScale(session.coefScaled(), session.mean, session.invScale, mean, true, penalty) });
    }
    return { screened, fits, certificate: session.certificate };
  } finally {
    session.dispose();
  }
}

describe('gap-safe screening with penalty options', () => {
  const cases: { name: string; options: PenaltyOptions; screens: boolean; certificate: 'dualityGap' | 'kktResidual' }[] = [
    { name: 'factors', options: { penaltyFactor: factors }, screens: true, certificate: 'dualityGap' },
    { name: 'factors + positive + exclude', options: { penaltyFactor: factors, positive: true, exclude: [0, 1] }, screens: true, certificate: 'dualityGap' },
    { name: 'box bounds', options: { lowerLimits: -0.2, upperLimits: 0.3 }, screens: true, certificate: 'dualityGap' },
    { name: 'a free unpenalized feature (projected dual point: no screening)', options: { penaltyFactor: factors.map((f, j) => (j === 5 ? 0 : f)) }, screens: false, certificate: 'dualityGap' },
    { name: 'an unpenalized feature ≥ 0 (KKT residual: no screening)', options: { penaltyFactor: factors.map((f, j) => (j === 5 ? 0 : f)), positive: true }, screens: false, certificate: 'kktResidual' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const runs = (['wasm', 'js'] as const).flatMap((engine) => (['dense', 'csc'] as const).map((layout) => runPath(c.options, engine, layout)));
      for (const run of runs) {
        expect(run.certificate).toBe(c.certificate);
        if (c.screens) expect(run.screened).toBeGreaterThan(0);
        else expect(run.screened).toBe(0);
        for (const fit of run.fits) {
          const a = analyzePenalizedFit(problem.columns, n, p, problem.y, fit.coef, fit.intercept, {
            lambda: fit.lambda, alpha: 1, fitIntercept: true, standardize: true,
            ...(c.options.penaltyFactor ? { penaltyFactor: Array.from(c.options.penaltyFactor) } : {}),
            ...(c.options.exclude ? { exclude: Array.from(c.options.exclude) } : {}),
            ...(c.options.positive ? { lower: 0 } : c.options.lowerLimits !== undefined ? { lower: c.options.lowerLimits as number } : {}),
            ...(c.options.upperLimits !== undefined ? { upper: c.options.upperLimits as number } : {}),
          });
          expect(maxAbs(a.kkt)).toBeLessThanOrEqual(1e-5 * Math.max(1, a.gradientScale));
        }
      }
      // Same screening decisions in WASM and in the TS reference.
      expect(runs[2]!.screened).toBe(runs[0]!.screened);
    });
  }
});
