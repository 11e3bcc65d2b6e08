import { describe, expect, it } from 'vitest';
import { ElasticNet, logisticPath } from '../src/index.js';
import { heavyColumns } from '../src/wasm/FitWorkspace.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';
import { auditLogistic, classificationProblem } from './helpers/logisticOracle.js';
import { asCsc, asDense, cscFromColumns } from './helpers/syntheticRegression.js';
import { SeededRandom } from '../src/random/SeededRandom.js';

/**
 * A weighted WASM workspace keeps dense copies of a CSC matrix's heavy columns (storing ≥ 25 %
 * of the rows) and coordinate descent reads those instead of gathering: a change of speed only.
 * The same problems are solved from CSC with copies (WASM), from CSC without (the pure-TS
 * engine) and from the dense matrix, and must agree within their certified gaps.
 */

/**
 * A 15 %-dense classification problem, 120×150 (n < p: coordinate descent reads X's columns, not
 * cached Gram columns), whose columns 3, 10, 11 and 40 are made heavy (70, 40, 30, 90 % of rows).
 */
function problemWithHeavyColumns(rows = 120, features = 150) {
  const problem = classificationProblem(31, rows, features, { density: 0.15 });
  const { n, columns } = problem;
  const rng = new SeededRandom(5);
  for (const [j, density] of [[3, 0.7], [10, 0.4], [11, 0.3], [40, 0.9]] as const) {
    for (let i = 0; i < n; i++) columns[j * n + i] = rng.uniform() < density ? 0.5 + rng.uniform() : 0;
  }
  return problem;
}

describe('dense copies of heavy CSC columns', () => {
  const warnings = simdSuiteRecordingWarnings();
  const problem = problemWithHeavyColumns();

  it('are the columns storing ≥ 25 % of the rows, heaviest first within half the values\' bytes; none for dense X', () => {
    const { n } = problem;
    const X = asCsc(problem);
    const stored = (j: number) => X.storage.indptr[j + 1]! - X.storage.indptr[j]!;
    const expected = Array.from({ length: problem.p }, (_, j) => j).filter((j) => stored(j) >= 0.25 * n);
    expect(expected).toEqual([3, 10, 11, 40]);
    expect(Array.from(heavyColumns(X))).toEqual(expected);
    expect(heavyColumns(asDense(problem)).length).toBe(0);
    // Every column heavy: only as many copies as half the stored values' bytes pay for, the heaviest.
    // (Column-major 40×10: column j stores the rows i with (i + j) % 5 ≠ 0 or i < j, so densities differ.)
    const full = cscFromColumns(Float64Array.from({ length: 40 * 10 }, (_, k) => ((k % 40) + Math.floor(k / 40)) % 5 !== 0 || k % 40 < Math.floor(k / 40) ? 1 + (k % 3) : 0), 40, 10);
    const nnz = full.storage.data.length;
    const chosen = heavyColumns(full);
    expect(chosen.length).toBe(Math.floor((0.5 * nnz) / 40));
    const density = (j: number) => full.storage.indptr[j + 1]! - full.storage.indptr[j]!;
    const minChosen = Math.min(...Array.from(chosen, density));
    for (let j = 0; j < 10; j++) if (!chosen.includes(j)) expect(density(j)).toBeLessThanOrEqual(minChosen);
  });

  // (End to end: the Newton steps recompute η from X, so this would also hold with a wrong inner
  // solve; the weighted elastic-net fit below is the sharp check of the copies' arithmetic.)
  it('a logistic path from CSC with copies equals the pure-TS engine\'s and the dense matrix\'s', () => {
    const { columns, n, p, labels } = problem;
    const runs = [
      logisticPath(asCsc(problem), labels, { nLambda: 25, tol: 1e-10 }),
      logisticPath(asCsc(problem), labels, { nLambda: 25, tol: 1e-10, engine: 'js' }),
      logisticPath(asDense(problem), labels, { nLambda: 25, tol: 1e-10 }),
    ];
    const [wasm] = runs;
    for (let k = 0; k < wasm!.length; k++) {
      const audits = runs.map((r) => auditLogistic(columns, n, p, labels, r.coefAt(k), r.intercepts[k]!, r.lambdas[k]!, 1));
      expect(audits[0]!.relativeKkt).toBeLessThan(1e-4);
      const slack = Math.max(...runs.map((r) => r.dualGaps[k]!)) + 1e-14;
      for (const [m, run] of runs.entries()) {
        expect(run.converged[k]).toBe(true);
        expect(Math.abs(audits[m]!.objective - audits[0]!.objective)).toBeLessThanOrEqual(slack);
        expect(run.df[k]).toBe(wasm!.df[k]);
      }
    }
    expect(warnings).toEqual([]);
  });

  // Also tall (n ≥ p ≤ 500: covariance mode, whose Gram columns read the copies).
  for (const [name, subject] of [['120×150', problem], ['300×60, covariance mode', problemWithHeavyColumns(300, 60)]] as const) {
  it(`${name}: a weighted elastic-net fit from CSC with copies equals the dense matrix's`, () => {
    const problem = subject;
    const { n, y } = problem;
    const rng = new SeededRandom(9);
    const sampleWeight = Float64Array.from({ length: n }, () => 0.2 + rng.uniform());
    const fit = (X: Parameters<ElasticNet['fit']>[0]) => new ElasticNet({ lambda: 0.02, l1Ratio: 0.5, tol: 1e-12 }).fit(X, y, { sampleWeight });
    const a = fit(asCsc(problem));
    const b = fit(asDense(problem));
    expect(a.dualGap).toBeLessThanOrEqual(a.gapTolerance);
    expect(b.dualGap).toBeLessThanOrEqual(b.gapTolerance);
    // μ-strong convexity (μ = λ(1 − α) on the scaled coefficients; unit-variance columns here are
    // not assumed, so the bound is taken loosely): both within √(2G/μ) of the one minimizer.
    const bound = 2 * Math.sqrt((2 * Math.max(a.dualGap, b.dualGap)) / (0.02 * 0.5));
    for (let j = 0; j < problem.p; j++) expect(Math.abs(a.coef[j]! - b.coef[j]!)).toBeLessThanOrEqual(Math.max(bound, 1e-9));
  });
  }
});
