/**
 * Screening is never wrong: KKT of the full problem at every λ even when the sequential strong
 * rule discards features that belong in the solution, and with either engine.
 *
 * 1. A problem built to defeat the strong rule (tests/helpers/strongRuleAdversary.ts: nearly
 *    collinear groups of columns whose scales span four decades, no standardization). The
 *    strong rule at λ_k keeps {j : w_j(λ_{k−1}) ≠ 0 or |g_j(λ_{k−1})| ≥ 2·l1_k − l1_{k−1}}. This
 *    test computes those sets itself, from the gradients at the previous solution, and counts
 *    the features outside them that are non-zero at λ_k: strong-rule failures. It asserts there
 *    are some (so the problem really exercises the KKT re-check; for α = 0.5 only failures
 *    certified by strong convexity, |w̃_j| > √(2G/l2), are counted) and that the full-problem
 *    KKT conditions hold at every λ (tests/helpers/expectPathKkt.ts) — the discarded features
 *    came back. (Measured: 6 failures for α = 1, at λ[55], λ[64], λ[68], λ[78], λ[85], λ[90];
 *    3 certified ones for α = 0.5.)
 * 2. The pure-TS engine on the kinds of problems of pathKkt.test.ts (smaller, it is slower).
 * 3. The default tolerance (1e-7): the KKT tolerance follows the gap, and still holds.
 */
import { describe, expect, it } from 'vitest';
import { CscMatrix, DenseMatrix, enetPath, type EngineName } from '../src/index.js';
import { asCsc, asDense, denseProblem, sparseProblem, type SyntheticProblem } from './helpers/syntheticRegression.js';
import { strongRuleAdversary } from './helpers/strongRuleAdversary.js';
import { expectPathKkt } from './helpers/expectPathKkt.js';
import { analyzeFit, columnScaling } from './helpers/kktOracle.js';
import { strongRuleFailures } from './helpers/pathOracle.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

const warnings = simdSuiteRecordingWarnings();

describe('a problem on which the sequential strong rule fails', () => {
  const problem = strongRuleAdversary(13);
  const { n, p, columns, y } = problem;
  const cases = ([1, 0.5] as const).flatMap((l1Ratio) => (['wasm', 'js'] as const).flatMap((engine) => (['dense', 'csc'] as const).map((layout) => [l1Ratio, engine, layout] as const)));

  it.each(cases)('α = %s, %s engine, %s X: strong-rule failures occur, and KKT holds at every λ', (l1Ratio, engine: EngineName, layout) => {
    const dense = asDense(problem);
    const X = layout === 'dense' ? dense : CscMatrix.fromDense(dense);
    const before = warnings.length;
    const tol = 1e-10;
    const path = enetPath(X, y, { l1Ratio, standardize: false, lambdaMinRatio: 1e-3, earlyStop: false, tol, maxIter: 1_000_000, engine });
    dense.dispose();
    X.dispose();
    expect(warnings.length).toBe(before);
    expect(path.length).toBe(100);
    const { gradients } = expectPathKkt(problem, path, l1Ratio, true, false, tol);

    const { scale } = columnScaling(columns, n, p, true, false);
    const failures: string[] = [];
    for (let k = 1; k < path.length; k++) {
      const lambda = path.lambdas[k]!;
      const found = strongRuleFailures(gradients[k - 1]!, path.coefAt(k - 1), path.coefAt(k), path.lambdas[k - 1]! * l1Ratio, lambda * l1Ratio);
      const coef = path.coefAt(k);
      const l2 = lambda * (1 - l1Ratio);
      const G = l2 > 0 ? Math.max(analyzeFit(columns, n, p, y, coef, path.intercepts[k]!, lambda, l1Ratio, true, false).dualityGap, path.dualGaps[k]!) : 0;
      for (const j of found) {
        // With l2 > 0, ‖w̃ − w̃*‖₂ ≤ √(2G/l2): a coefficient larger than that is non-zero at the optimum too.
        if (l2 > 0 && Math.abs(coef[j]! * scale[j]!) <= Math.sqrt((2 * G) / l2)) continue;
        failures.push(`λ[${k}]: feature ${j}`);
      }
    }
    expect(failures.length, `the strong rule must fail somewhere on this problem (found: ${failures.join(', ') || 'none'})`).toBeGreaterThanOrEqual(1);
  });
});

describe('pure-TS engine: KKT of the full problem at every λ', () => {
  const problems: [string, SyntheticProblem][] = [
    ['dense p≫n 50×1000', denseProblem(201, 50, 1000)],
    ['sparse (CSC) p≫n 80×1000', sparseProblem(202, 80, 1000, 0.05)],
    ['dense n≫p 2000×30', denseProblem(203, 2000, 30)],
  ];
  const settings = [1, 0.5].flatMap((l1Ratio) => [true, false].flatMap((standardize) => [true, false].map((fitIntercept) => [l1Ratio, standardize, fitIntercept] as const)));
  const cases = problems.flatMap(([name], index) => settings.map((s) => [name, ...s, index] as const));
  it.each(cases)('%s, α = %s, standardize %s, intercept %s', (_name, l1Ratio, standardize, fitIntercept, index) => {
    const problem = problems[index]![1];
    const X = problem.sparse ? asCsc(problem) : asDense(problem);
    const before = warnings.length;
    const tol = 1e-9;
    const path = enetPath(X, problem.y, { l1Ratio, standardize, fitIntercept, lambdaMinRatio: 1e-3, earlyStop: false, tol, maxIter: 100_000, engine: 'js' });
    X.dispose();
    expect(warnings.length).toBe(before);
    expect(path.length).toBe(100);
    expectPathKkt(problem, path, l1Ratio, fitIntercept, standardize, tol);
  });
});

describe('default tolerance (tol = 1e-7): KKT within the tolerance the gap implies', () => {
  const problems: [string, SyntheticProblem][] = [
    ['dense p≫n 60×2000', denseProblem(301, 60, 2000)],
    ['sparse (CSC) p≫n 100×2000', sparseProblem(302, 100, 2000, 0.05)],
    ['dense n≫p 3000×30', denseProblem(303, 3000, 30)],
  ];
  const cases = problems.flatMap(([name], index) => ([1, 0.5] as const).map((l1Ratio) => [name, l1Ratio, index] as const));
  it.each(cases)('%s, α = %s, standardize true (generated grid, lambdaMinRatio 1e-3)', (_name, l1Ratio, index) => {
    const problem = problems[index]![1];
    const X: DenseMatrix | CscMatrix = problem.sparse ? asCsc(problem) : asDense(problem);
    const path = enetPath(X, problem.y, { l1Ratio, standardize: true, lambdaMinRatio: 1e-3, earlyStop: false });
    X.dispose();
    expect(path.length).toBe(100);
    expectPathKkt(problem, path, l1Ratio, true, true, 1e-7);
  });
});
