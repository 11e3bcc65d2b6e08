/**
 * KKT conditions of the full problem at every λ of a path, checked independently
 * (tests/helpers/expectPathKkt.ts and pathOracle.ts: gradients, gap and tolerances recomputed
 * from the raw arrays, never by the library).
 *
 * The path's solver screens features (gap-safe rules, the sequential strong rule, working
 * sets) and so never looks at most of them at most λs. Whatever it skipped, the returned
 * point must solve the full problem: for every feature j,
 *   w̃_j = 0  ⇒ |g_j| ≤ l1 (+ tolerance),     w̃_j ≠ 0 ⇒ g_j − l2·w̃_j = l1·sign(w̃_j) (± tolerance),
 * with tolerances derived from the duality gap G of the point (computed here, plus 1e-13·F(0)
 * for the rounding of F − D): e.g. |g_j| − l1 ≤ √(2·(a_j + l2)·G) for a zero coefficient, since
 * a coordinate step cannot lower F by more than G (see auditKkt). G itself must be at most
 * twice the reported tolerance tol·F(0) (F(0) recomputed here), the reported gap at most the
 * tolerance, and `converged[k]` true.
 *
 * Problems: p ≫ n dense (60×2000) and sparse CSC (100×2000, density 5 %), n ≫ p (3000×30);
 * α = 1 and 0.5; with and without standardization and intercept; a generated 100-λ grid with
 * lambdaMinRatio 1e-3 (earlyStop: false); tol 1e-9 so the KKT tolerance is sharp
 * (≈ 6e-5·√(F(0)·a_j), far below l1 even at the last λ). WASM engine. Strongly correlated
 * columns: pathKktCorrelated.test.ts; the pure-TS engine, the default tolerance and a problem
 * built to defeat the strong rule: screeningKkt.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { enetPath } from '../src/index.js';
import { asCsc, asDense, denseProblem, sparseProblem, type SyntheticProblem } from './helpers/syntheticRegression.js';
import { expectPathKkt } from './helpers/expectPathKkt.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

const warnings = simdSuiteRecordingWarnings();

const problems: [string, () => SyntheticProblem][] = [
  ['dense p≫n 60×2000', () => denseProblem(101, 60, 2000)],
  ['sparse (CSC) p≫n 100×2000', () => sparseProblem(102, 100, 2000, 0.05)],
  ['dense n≫p 3000×30', () => denseProblem(103, 3000, 30)],
];
const settings = [1, 0.5].flatMap((l1Ratio) => [true, false].flatMap((standardize) => [true, false].map((fitIntercept) => [l1Ratio, standardize, fitIntercept] as const)));

describe.each(problems)('%s: KKT of the full problem at all 100 λ', (_name, make) => {
  const problem = make();
  it.each(settings)('α = %s, standardize %s, intercept %s', (l1Ratio, standardize, fitIntercept) => {
    const X = problem.sparse ? asCsc(problem) : asDense(problem);
    const before = warnings.length;
    const tol = 1e-9;
    const path = enetPath(X, problem.y, { l1Ratio, standardize, fitIntercept, lambdaMinRatio: 1e-3, earlyStop: false, tol, maxIter: 100_000 });
    X.dispose();
    expect(warnings.length).toBe(before);
    expect(path.length).toBe(100);
    expectPathKkt(problem, path, l1Ratio, fitIntercept, standardize, tol);
  });
});
