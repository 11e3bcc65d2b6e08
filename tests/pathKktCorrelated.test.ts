/**
 * KKT of the full problem at every λ of a path on strongly correlated columns (groups of
 * columns sharing a latent factor, within-group correlation ≈ 1/(1 + 0.05²) ≈ 0.9975): the
 * hard case for coordinate descent and for screening rules, whose bounds loosen with
 * correlation. Same checks as pathKkt.test.ts (see tests/helpers/expectPathKkt.ts): converged,
 * reported gap ≤ tol·F(0), independent gap ≤ 2·tol·F(0), per-feature KKT within the bounds
 * derived from the gap. α = 1 and 0.5, with and without standardization and intercept,
 * 100 λ down to 1e-3·λ_max, tol 1e-8 (the KKT tolerance ≈ 2e-4·√(F(0)·a_j)). WASM engine.
 */
import { describe, expect, it } from 'vitest';
import { enetPath } from '../src/index.js';
import { asDense, correlatedProblem } from './helpers/syntheticRegression.js';
import { expectPathKkt } from './helpers/expectPathKkt.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

const warnings = simdSuiteRecordingWarnings();
const settings = [1, 0.5].flatMap((l1Ratio) => [true, false].flatMap((standardize) => [true, false].map((fitIntercept) => [l1Ratio, standardize, fitIntercept] as const)));

describe('correlated 50×250 (3 factors): KKT of the full problem at all 100 λ', () => {
  const problem = correlatedProblem(104, 50, 250, 3, 0.05, { support: 8 });
  it.each(settings)('α = %s, standardize %s, intercept %s', (l1Ratio, standardize, fitIntercept) => {
    const X = asDense(problem);
    const before = warnings.length;
    const tol = 1e-8;
    const path = enetPath(X, problem.y, { l1Ratio, standardize, fitIntercept, lambdaMinRatio: 1e-3, earlyStop: false, tol, maxIter: 1_000_000 });
    X.dispose();
    expect(warnings.length).toBe(before);
    expect(path.length).toBe(100);
    expectPathKkt(problem, path, l1Ratio, fitIntercept, standardize, tol);
  });
});
