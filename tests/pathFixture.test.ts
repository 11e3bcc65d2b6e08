/**
 * The lasso path against scikit-learn's (tests/fixtures/diabetes_gaussian.json `lasso_path`:
 * 100 λ from λ_max, raw diabetes features, no standardization, tol 1e-14 in scikit-learn).
 *
 * `lassoPath(X, y, { lambdas: the fixture's λs, tol: 1e-12 })`, each λ warm-started from the
 * previous one, must give at every λ the reference coefficients to 1e-6 relative
 * (‖w − w_ref‖∞ ≤ 1e-6·‖w_ref‖∞), the same exact zeros, and the reference objective to 1e-8
 * relative, the objective being recomputed here from (coef, intercept) and the data. At
 * λ = λ_max exactly the reference is all zeros and |x_jᵀ(y − ȳ)|/n equals λ up to the rounding
 * of the summation order, so rounding-level coefficients (≤ 1e-12) are allowed there.
 * Both engines, dense and CSC storage.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lassoPath } from '../src/index.js';
import { diabetesDesign } from './helpers/diabetes.js';
import { analyzeFit, lambdaMaxOf, maxAbs, maxAbsDiff, rawObjective } from './helpers/kktOracle.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

interface PathPoint {
  lambda: number;
  coef: number[];
  intercept: number;
  objective: number;
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/diabetes_gaussian.json', import.meta.url), 'utf8')) as { lasso_path: PathPoint[] };
const reference = fixture.lasso_path;
const { y, n, p, columns, dense, sparse } = diabetesDesign();
let yMean = 0;
for (let i = 0; i < n; i++) yMean += y[i]! / n;
let nullObjective = 0;
for (let i = 0; i < n; i++) nullObjective += (y[i]! - yMean) ** 2 / (2 * n);

const warnings = simdSuiteRecordingWarnings();

describe('the fixture path', () => {
  it('has 100 decreasing λ starting at λ_max (recomputed here), and its objectives recompute', () => {
    expect(reference.length).toBe(100);
    for (let k = 1; k < reference.length; k++) expect(reference[k]!.lambda).toBeLessThan(reference[k - 1]!.lambda);
    const lmax = lambdaMaxOf(columns, n, p, y, 1, true, false);
    expect(Math.abs(reference[0]!.lambda - lmax)).toBeLessThanOrEqual(1e-12 * lmax);
    for (const point of reference) {
      const F = rawObjective(columns, n, p, y, point.coef, point.intercept, point.lambda, 1);
      expect(Math.abs(F - point.objective)).toBeLessThanOrEqual(1e-12 * point.objective);
    }
  });
});

const cases = (['wasm', 'js'] as const).flatMap((engine) => (['dense', 'csc'] as const).map((layout) => [engine, layout] as const));

describe('lassoPath on the fixture λs reproduces scikit-learn at every λ', () => {
  it.each(cases)('%s engine, %s X', (engine, layout) => {
    const before = warnings.length;
    const path = lassoPath(layout === 'dense' ? dense : sparse, y, {
      lambdas: reference.map((r) => r.lambda), tol: 1e-12, maxIter: 200_000, engine,
    });
    expect(warnings.length).toBe(before);
    expect(path.length).toBe(reference.length);
    expect(Math.abs(path.gapTolerance - 1e-12 * nullObjective)).toBeLessThanOrEqual(1e-12 * path.gapTolerance);
    let worstCoef = 0;
    let worstObjective = 0;
    for (let k = 0; k < reference.length; k++) {
      const ref = reference[k]!;
      // Explicit λs are used as given (they were already decreasing).
      expect(path.lambdas[k]).toBe(ref.lambda);
      expect(path.converged[k], `λ[${k}] converged`).toBe(true);
      expect(path.dualGaps[k]!).toBeLessThanOrEqual(path.gapTolerance);
      const coef = path.coefAt(k);
      const intercept = path.intercepts[k]!;
      const scale = maxAbs(ref.coef);
      if (scale === 0) {
        for (const c of coef) expect(Math.abs(c)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(intercept - yMean)).toBeLessThanOrEqual(1e-12 * Math.abs(yMean));
      } else {
        const rel = maxAbsDiff(coef, ref.coef) / scale;
        worstCoef = Math.max(worstCoef, rel);
        expect(rel, `λ[${k}] = ${ref.lambda}: ‖Δw‖∞/‖w_ref‖∞`).toBeLessThanOrEqual(1e-6);
        for (let j = 0; j < p; j++) expect(coef[j] === 0, `λ[${k}] coef[${j}] = ${coef[j]} vs ${ref.coef[j]}`).toBe(ref.coef[j] === 0);
      }
      const F = rawObjective(columns, n, p, y, coef, intercept, ref.lambda, 1);
      const relF = Math.abs(F - ref.objective) / ref.objective;
      worstObjective = Math.max(worstObjective, relF);
      expect(relF, `λ[${k}] objective`).toBeLessThanOrEqual(1e-8);
      // df counts the non-zeros of coefAt.
      expect(path.df[k]).toBe(coef.filter((c) => c !== 0).length);
      // The reported gap is honest: the gap of a dual point built here is of the same size.
      const a = analyzeFit(columns, n, p, y, coef, intercept, ref.lambda, 1, true, false);
      expect(a.dualityGap).toBeLessThanOrEqual(2 * path.gapTolerance + 1e-14 * nullObjective);
    }
    expect(worstCoef).toBeLessThanOrEqual(1e-6);
    expect(worstObjective).toBeLessThanOrEqual(1e-8);
  });
});
