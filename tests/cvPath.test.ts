/**
 * Cross-validation (`cvPath`, `ElasticNetCV`, `LassoCV`), with every summary recomputed here
 * from `foldErrors` by cv.glmnet's definitions (tests/helpers/pathOracle.ts `summarizeFolds`):
 *   cvMean = Σ_k n_k·e_k/n,  cvStandardError = sqrt(Σ_k n_k·(e_k − cvMean)²/n/(K − 1)),
 *   λ_min = the largest λ attaining min cvMean,  λ_1se = the largest λ with cvMean ≤ min + se(λ_min).
 * Also: the λ grid is the full-data path's, determinism (same foldId ⇒ same answer, run after
 * run, between the engines and between dense and CSC storage; same seed ⇒ same folds), the
 * estimators' selected λ, coefficients and predictions (recomputed from the path's solution),
 * the progress callback's sequence, and the documented errors for bad folds.
 */
import { describe, expect, it } from 'vitest';
import {
  CscMatrix, ElasticNetCV, InvalidParameterError, LassoCV, NotFittedError, ShapeMismatchError, cvPath, type CvProgress,
} from '../src/index.js';
import { asCsc, asDense, denseProblem, sparseProblem } from './helpers/syntheticRegression.js';
import { lambdaMaxOf } from './helpers/kktOracle.js';
import { predictRows, summarizeFolds } from './helpers/pathOracle.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

simdSuiteRecordingWarnings();

const problem = denseProblem(701, 200, 60, { support: 8, noise: 2 });
const { n, p, columns, y } = problem;
const foldSizesOf = (foldId: ArrayLike<number>, K: number) => {
  const sizes = new Array<number>(K).fill(0);
  for (let i = 0; i < foldId.length; i++) sizes[foldId[i]!]!++;
  return sizes;
};
/** A fixed, unbalanced fold assignment (fold sizes 30, 40, 50, 80), so the n_k weights matter. */
const fixedFolds = Array.from({ length: n }, (_, i) => ((i * 7) % n < 30 ? 0 : (i * 7) % n < 70 ? 1 : (i * 7) % n < 120 ? 2 : 3));

describe('cvMean, cvStandardError, λ_min and λ_1se recomputed from foldErrors', () => {
  const settings = [
    { l1Ratio: 1, standardize: false, measure: 'mse' as const },
    { l1Ratio: 1, standardize: true, measure: 'mae' as const },
    { l1Ratio: 0.5, standardize: true, measure: 'mse' as const },
  ];
  it.each(settings)('%o', (s) => {
    const cv = cvPath(asDense(problem), y, { ...s, foldId: fixedFolds, nLambda: 40 });
    expect(foldSizesOf(fixedFolds, 4)).toEqual([30, 40, 50, 80]);
    expect(cv.foldErrors.length).toBe(4);
    for (const row of cv.foldErrors) expect(row.length).toBe(cv.lambdas.length);
    expect(Array.from(cv.foldId)).toEqual(fixedFolds);
    const ref = summarizeFolds(cv.foldErrors, foldSizesOf(fixedFolds, 4), cv.lambdas);
    for (let k = 0; k < cv.lambdas.length; k++) {
      expect(Math.abs(cv.cvMean[k]! - ref.cvMean[k]!)).toBeLessThanOrEqual(1e-12 * ref.cvMean[k]!);
      expect(Math.abs(cv.cvStandardError[k]! - ref.cvStandardError[k]!)).toBeLessThanOrEqual(1e-12 * ref.cvStandardError[k]! + 1e-300);
    }
    expect(cv.indexMin).toBe(ref.indexMin);
    expect(cv.index1se).toBe(ref.index1se);
    expect(cv.lambdaMin).toBe(cv.lambdas[ref.indexMin]);
    expect(cv.lambda1se).toBe(cv.lambdas[ref.index1se]);
    expect(cv.lambda1se).toBeGreaterThanOrEqual(cv.lambdaMin);
    // The minimum is interior on this problem (so the choice is not trivially an end of the grid).
    expect(cv.indexMin).toBeGreaterThan(0);
    expect(cv.indexMin).toBeLessThan(cv.lambdas.length - 1);
    // The grid is the full-data path's, starting at λ_max (recomputed here).
    expect(Array.from(cv.path.lambdas)).toEqual(Array.from(cv.lambdas));
    const lmax = lambdaMaxOf(columns, n, p, y, s.l1Ratio, true, s.standardize);
    expect(Math.abs(cv.lambdas[0]! - lmax)).toBeLessThanOrEqual(1e-12 * lmax);
  });

  it('ties: λ_min is the largest λ attaining the minimum (an explicit grid with repeated plateau at λ ≥ λ_max)', () => {
    // Every λ ≥ λ_max gives the null model, so cvMean is exactly equal on those λs: a tie.
    const lmax = lambdaMaxOf(columns, n, p, y, 1, true, false);
    const cv = cvPath(asDense(problem), y, { l1Ratio: 1, foldId: fixedFolds, lambdas: [4 * lmax, 3 * lmax, 2 * lmax] });
    expect(cv.cvMean[0]).toBe(cv.cvMean[1]);
    expect(cv.cvMean[1]).toBe(cv.cvMean[2]);
    expect(cv.indexMin).toBe(0);
    expect(cv.lambdaMin).toBe(4 * lmax);
    expect(cv.index1se).toBe(0);
  });
});

describe('determinism', () => {
  const options = { l1Ratio: 1, foldId: fixedFolds, nLambda: 30, standardize: true };
  const reference = cvPath(asDense(problem), y, options);

  it('the same foldId gives bit-identical results run after run', () => {
    for (let run = 0; run < 3; run++) {
      const again = cvPath(asDense(problem), y, options);
      expect(Array.from(again.cvMean)).toEqual(Array.from(reference.cvMean));
      expect(Array.from(again.cvStandardError)).toEqual(Array.from(reference.cvStandardError));
      expect(again.lambdaMin).toBe(reference.lambdaMin);
      expect(again.lambda1se).toBe(reference.lambda1se);
    }
  });

  it.each([
    ['js engine, dense X', 'js', 'dense'],
    ['wasm engine, CSC X', 'wasm', 'csc'],
    ['js engine, CSC X', 'js', 'csc'],
  ] as const)('the same λ choice and cvMean (to 1e-8) with the %s', (_name, engine, layout) => {
    const X = layout === 'dense' ? asDense(problem) : CscMatrix.fromDense(asDense(problem));
    const other = cvPath(X, y, { ...options, engine });
    // The grids agree to rounding (λ_max is a sum accumulated in a different order).
    expect(other.lambdas.length).toBe(reference.lambdas.length);
    for (let k = 0; k < reference.lambdas.length; k++) expect(Math.abs(other.lambdas[k]! - reference.lambdas[k]!)).toBeLessThanOrEqual(1e-13 * reference.lambdas[k]!);
    expect(other.indexMin).toBe(reference.indexMin);
    expect(other.index1se).toBe(reference.index1se);
    for (let k = 0; k < reference.lambdas.length; k++) {
      expect(Math.abs(other.cvMean[k]! - reference.cvMean[k]!)).toBeLessThanOrEqual(1e-8 * reference.cvMean[k]!);
    }
  });

  it('a seed gives the same balanced folds and results every time; another seed other folds', () => {
    const sparse = sparseProblem(702, 123, 50, 0.1);
    const X = asCsc(sparse);
    const a = cvPath(X, sparse.y, { l1Ratio: 1, nFolds: 7, seed: 11, nLambda: 15 });
    const b = cvPath(X, sparse.y, { l1Ratio: 1, nFolds: 7, seed: 11, nLambda: 15 });
    const c = cvPath(X, sparse.y, { l1Ratio: 1, nFolds: 7, seed: 12, nLambda: 15 });
    expect(Array.from(a.foldId)).toEqual(Array.from(b.foldId));
    expect(Array.from(a.cvMean)).toEqual(Array.from(b.cvMean));
    expect(Array.from(c.foldId)).not.toEqual(Array.from(a.foldId));
    const sizes = foldSizesOf(a.foldId, 7);
    expect(sizes.length).toBe(7);
    for (const s of sizes) expect([17, 18]).toContain(s); // 123 = 7·17 + 4
    // Giving those folds explicitly reproduces the seeded run exactly.
    const d = cvPath(X, sparse.y, { l1Ratio: 1, foldId: a.foldId, nLambda: 15 });
    expect(Array.from(d.cvMean)).toEqual(Array.from(a.cvMean));
  });

  it('default: 10 folds', () => {
    const cv = cvPath(asDense(problem), y, { l1Ratio: 1, nLambda: 10 });
    expect(cv.foldErrors.length).toBe(10);
    expect(Math.max(...cv.foldId)).toBe(9);
    for (const s of foldSizesOf(cv.foldId, 10)) expect(s).toBe(20);
  });
});

describe('ElasticNetCV and LassoCV', () => {
  it.each(['lambdaMin', 'lambda1se'] as const)('LassoCV selection %s: λ, coefficients, predictions and certificate are the path’s at that index', (selection) => {
    const X = asDense(problem);
    const model = new LassoCV({ foldId: fixedFolds, nLambda: 40, selection }).fit(X, y);
    const cv = model.cv;
    expect(cv.path.l1Ratio).toBe(1);
    const ref = summarizeFolds(cv.foldErrors, foldSizesOf(fixedFolds, 4), cv.lambdas);
    const index = selection === 'lambdaMin' ? ref.indexMin : ref.index1se;
    expect(model.lambda).toBe(cv.lambdas[index]);
    expect(model.lambda).toBe(selection === 'lambdaMin' ? cv.lambdaMin : cv.lambda1se);
    expect(Array.from(model.coef)).toEqual(Array.from(cv.path.coefAt(index)));
    expect(model.intercept).toBe(cv.path.intercepts[index]);
    expect(model.dualGap).toBe(cv.path.dualGaps[index]);
    expect(model.converged).toBe(true);
    // Predictions recomputed from the path's solution at that index.
    const expected = predictRows(columns, n, p, cv.path.coefAt(index), cv.path.intercepts[index]!);
    const got = model.predict(X);
    for (let i = 0; i < n; i++) expect(Math.abs(got[i]! - expected[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[i]!)));
    // R² recomputed.
    let ss = 0;
    let tss = 0;
    const yBar = y.reduce((s, v) => s + v, 0) / n;
    for (let i = 0; i < n; i++) {
      ss += (y[i]! - expected[i]!) ** 2;
      tss += (y[i]! - yBar) ** 2;
    }
    expect(Math.abs(model.score(X, y) - (1 - ss / tss))).toBeLessThanOrEqual(1e-12);
  });

  it('ElasticNetCV: default α = 0.5 and selection lambdaMin; the 1se model is sparser or equal', () => {
    const X = asDense(problem);
    const min = new ElasticNetCV({ foldId: fixedFolds, nLambda: 30, standardize: true }).fit(X, y);
    const se = new ElasticNetCV({ foldId: fixedFolds, nLambda: 30, standardize: true, selection: 'lambda1se' }).fit(X, y);
    expect(min.selection).toBe('lambdaMin');
    expect(min.cv.path.l1Ratio).toBe(0.5);
    expect(min.lambda).toBe(min.cv.lambdaMin);
    expect(se.lambda).toBe(se.cv.lambda1se);
    expect(se.lambda).toBeGreaterThanOrEqual(min.lambda);
    expect(se.coef.filter((v) => v !== 0).length).toBeLessThanOrEqual(min.coef.filter((v) => v !== 0).length);
    const expected = predictRows(columns, n, p, se.cv.path.coefAt(se.cv.index1se), se.cv.path.intercepts[se.cv.index1se]!);
    const got = se.predict(X);
    for (let i = 0; i < n; i++) expect(Math.abs(got[i]! - expected[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[i]!)));
  });

  it('before fit: NotFittedError; bad selection: InvalidParameterError naming it', () => {
    const model = new LassoCV({ nFolds: 3 });
    expect(() => model.coef).toThrow(NotFittedError);
    expect(() => model.predict(asDense(problem))).toThrow(NotFittedError);
    expect(() => new ElasticNetCV({ selection: 'best' as never })).toThrow(InvalidParameterError);
    try {
      new ElasticNetCV({ selection: 'best' as never });
    } catch (e) {
      expect((e as InvalidParameterError).argument).toBe('selection');
    }
  });
});

describe('onProgress', () => {
  it("is called with stage 'path' for each λ of the full path, then 'fold' for each fold and every λ, in order", () => {
    const events: CvProgress[] = [];
    const K = 12;
    const cv = cvPath(asDense(problem), y, { l1Ratio: 1, foldId: fixedFolds, nLambda: K, earlyStop: false, onProgress: (e) => events.push({ ...e }) });
    expect(cv.lambdas.length).toBe(K);
    const expected: CvProgress[] = [];
    for (let k = 0; k < K; k++) expected.push({ stage: 'path', fold: -1, nFolds: 4, lambdaIndex: k, nLambda: K });
    for (let f = 0; f < 4; f++) for (let k = 0; k < K; k++) expected.push({ stage: 'fold', fold: f, nFolds: 4, lambdaIndex: k, nLambda: K });
    expect(events).toEqual(expected);
  });
});

describe('bad folds give the documented errors, naming the argument, before any work', () => {
  const bad: [string, object, typeof InvalidParameterError | typeof ShapeMismatchError, string][] = [
    ['nFolds = 1', { nFolds: 1 }, InvalidParameterError, 'nFolds'],
    ['nFolds = 0', { nFolds: 0 }, InvalidParameterError, 'nFolds'],
    ['nFolds = 2.5', { nFolds: 2.5 }, InvalidParameterError, 'nFolds'],
    ['nFolds > n', { nFolds: n + 1 }, InvalidParameterError, 'nFolds'],
    ['foldId of the wrong length', { foldId: fixedFolds.slice(1) }, ShapeMismatchError, 'foldId'],
    ['foldId with a gap (no fold 1)', { foldId: fixedFolds.map((f) => (f === 1 ? 2 : f)) }, InvalidParameterError, 'foldId'],
    ['foldId with a negative fold', { foldId: fixedFolds.map((f, i) => (i === 5 ? -1 : f)) }, InvalidParameterError, 'foldId'],
    ['foldId with a non-integer', { foldId: fixedFolds.map((f, i) => (i === 5 ? 0.5 : f)) }, InvalidParameterError, 'foldId'],
    ['foldId naming a single fold', { foldId: new Array<number>(n).fill(0) }, InvalidParameterError, 'foldId'],
    ['foldId not an array', { foldId: 3 }, InvalidParameterError, 'foldId'],
    ["measure 'rmse'", { measure: 'rmse' }, InvalidParameterError, 'measure'],
  ];
  it.each(bad)('%s', (_name, options, ErrorClass, argument) => {
    const events: CvProgress[] = [];
    let caught: unknown;
    try {
      cvPath(asDense(problem), y, { l1Ratio: 1, nLambda: 5, ...options, onProgress: (e) => events.push(e) });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ErrorClass);
    expect((caught as InvalidParameterError).argument).toBe(argument);
    expect(events.length).toBe(0);
    // The estimators report the same.
    expect(() => new LassoCV({ nLambda: 5, ...options }).fit(asDense(problem), y)).toThrow(ErrorClass);
  });
});
