/**
 * Cross-validation against glmnet's cv.glmnet (tests/fixtures/diabetes_glmnet_cv.json, written
 * by `Rscript scripts/fixtures/glmnetCv.R`): the lasso on the raw diabetes data, a fixed fold
 * assignment (stored in the fixture, 1-based as glmnet takes it) and an explicit 60-λ grid from
 * λ_max to 1e-3·λ_max, with standardize = TRUE and FALSE. Our cvPath with the same folds
 * (0-based) and λs must give cvm and cvsd to 1e-6 relative and the same lambda.min and
 * lambda.1se — both engines, dense and CSC. tol 1e-12 (gap ≤ 1e-12·F(0) per fold and λ);
 * glmnet ran with thresh = 1e-20.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cvPath } from '../src/index.js';
import { diabetesDesign } from './helpers/diabetes.js';
import { lambdaMaxOf } from './helpers/kktOracle.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

interface Run {
  standardize: boolean;
  lambda_max: number;
  lambda: number[];
  cvm: number[];
  cvsd: number[];
  lambda_min: number;
  lambda_1se: number;
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/diabetes_glmnet_cv.json', import.meta.url), 'utf8')) as { n: number; foldid: number[]; runs: Run[] };

const { y, n, p, columns, dense, sparse } = diabetesDesign();
const warnings = simdSuiteRecordingWarnings();

describe('the fixture', () => {
  it('has 442 1-based fold ids covering 10 folds, and for each run a 60-λ decreasing grid from λ_max (recomputed here)', () => {
    expect(fixture.n).toBe(n);
    expect(fixture.foldid.length).toBe(n);
    expect(new Set(fixture.foldid)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(fixture.runs.map((r) => r.standardize).sort()).toEqual([false, true]);
    for (const run of fixture.runs) {
      expect(run.lambda.length).toBe(60);
      for (let k = 1; k < 60; k++) expect(run.lambda[k]!).toBeLessThan(run.lambda[k - 1]!);
      const lmax = lambdaMaxOf(columns, n, p, y, 1, true, run.standardize);
      expect(Math.abs(run.lambda_max - lmax)).toBeLessThanOrEqual(1e-12 * lmax);
      expect(Math.abs(run.lambda[0]! - lmax)).toBeLessThanOrEqual(1e-12 * lmax);
      expect(run.cvm.length).toBe(60);
      expect(run.cvsd.length).toBe(60);
      expect(run.lambda).toContain(run.lambda_min);
      expect(run.lambda).toContain(run.lambda_1se);
    }
  });
});

const cases = fixture.runs.flatMap((run) => (['wasm', 'js'] as const).flatMap((engine) => (['dense', 'csc'] as const).map((layout) => [run.standardize, engine, layout] as const)));

describe('cvPath reproduces cv.glmnet', () => {
  it.each(cases)('standardize %s, %s engine, %s X', (standardize, engine, layout) => {
    const run = fixture.runs.find((r) => r.standardize === standardize)!;
    const before = warnings.length;
    const cv = cvPath(layout === 'dense' ? dense : sparse, y, {
      l1Ratio: 1, lambdas: run.lambda, foldId: fixture.foldid.map((f) => f - 1), standardize, tol: 1e-12, maxIter: 1_000_000, engine,
    });
    expect(warnings.length).toBe(before);
    expect(cv.lambdas.length).toBe(60);
    for (let k = 0; k < 60; k++) {
      expect(cv.lambdas[k]).toBe(run.lambda[k]);
      expect(Math.abs(cv.cvMean[k]! - run.cvm[k]!), `cvm[${k}]: ${cv.cvMean[k]} vs glmnet ${run.cvm[k]}`).toBeLessThanOrEqual(1e-6 * run.cvm[k]!);
      expect(Math.abs(cv.cvStandardError[k]! - run.cvsd[k]!), `cvsd[${k}]: ${cv.cvStandardError[k]} vs glmnet ${run.cvsd[k]}`).toBeLessThanOrEqual(1e-6 * run.cvsd[k]!);
    }
    expect(cv.lambdaMin).toBe(run.lambda_min);
    expect(cv.lambda1se).toBe(run.lambda_1se);
  });
});
