/**
 * Agreement with scikit-learn on the diabetes data (tests/fixtures/diabetes_gaussian.json:
 * scikit-learn at tol 1e-14, raw features, no standardization, objective of DESIGN.md §1).
 *
 * Tolerances. The fit is asked for a duality gap G ≤ tol·F(0). For the lasso rows tol = 1e-12
 * (as the brief asks; on the raw diabetes features the gap of this solver stalls a little below
 * ~3e-9 = 1e-12·F(0) at small λ, so tighter tolerances are not reachable for every engine and
 * layout). For the elastic-net rows the penalty is l2 = λ(1−α)-strongly convex, so
 * ‖w − w*‖₂ ≤ √(2G/l2): at tol 1e-12 (G ≈ 3e-9) that only certifies ~1e-5 relative accuracy,
 * looser than the 1e-6 asked, so those rows use tol 1e-14 (G ≤ 3e-11, reached in < 200 epochs).
 */
import { describe, expect, it } from 'vitest';
import { ElasticNet, Lasso } from '../src/index.js';
import { diabetesDesign, loadScikitLearnFixture } from './helpers/diabetes.js';
import { analyzeFit, lambdaMaxOf, maxAbs, maxAbsDiff, rawObjective } from './helpers/kktOracle.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

const fixture = loadScikitLearnFixture();
const { y, n, p, columns, dense, sparse } = diabetesDesign();
/** Raw X column-major, for the independent computations. */

let yMean = 0;
for (let i = 0; i < n; i++) yMean += y[i]!;
yMean /= n;
let nullObjective = 0;
for (let i = 0; i < n; i++) nullObjective += (y[i]! - yMean) ** 2;
nullObjective /= 2 * n;
/** ‖x̄‖₁: the intercept is ȳ − x̄ᵀw, so an error δ in w moves it by at most ‖x̄‖₁·‖δ‖∞. */
let meanL1 = 0;
for (let j = 0; j < p; j++) {
  let s = 0;
  for (let i = 0; i < n; i++) s += columns[j * n + i]!;
  meanL1 += Math.abs(s / n);
}

const layouts = [['dense', dense], ['csc', sparse]] as const;
const engines = ['wasm', 'js'] as const;

const warnings = simdSuiteRecordingWarnings();

const relInf = (a: ArrayLike<number>, ref: ArrayLike<number>) => maxAbsDiff(a, ref) / maxAbs(ref);

describe('the fixture itself (independent recomputation)', () => {
  it('has the shape of the diabetes data', () => {
    expect(fixture.n).toBe(n);
    expect(fixture.p).toBe(p);
    expect(n).toBe(442);
    expect(p).toBe(10);
  });

  it.each(fixture.fits.map((f, k) => [k, f.alpha, f.lambda] as const))('fits[%i] (α=%s, λ=%s): objective recomputed from coef, intercept and data', (k) => {
    const f = fixture.fits[k]!;
    const F = rawObjective(columns, n, p, y, f.coef, f.intercept, f.lambda, f.alpha);
    expect(Math.abs(F - f.objective)).toBeLessThanOrEqual(1e-12 * f.objective);
  });

  it('lasso_path objectives recompute, and the path starts at λ_max = max_j |x_jᵀ(y − ȳ)|/n', () => {
    for (const point of fixture.lasso_path) {
      const F = rawObjective(columns, n, p, y, point.coef, point.intercept, point.lambda, 1);
      expect(Math.abs(F - point.objective)).toBeLessThanOrEqual(1e-12 * point.objective);
    }
    const lmax = lambdaMaxOf(columns, n, p, y, 1, true, false);
    expect(Math.abs(lmax - fixture.lambda_max_lasso)).toBeLessThanOrEqual(1e-12 * lmax);
    expect(Math.abs(fixture.lasso_path[0]!.lambda - lmax)).toBeLessThanOrEqual(1e-12 * lmax);
  });
});

const lassoAndEnet = fixture.fits.filter((f) => f.alpha === 1 || f.alpha === 0.5);
const cases = lassoAndEnet.flatMap((f) => engines.flatMap((engine) => layouts.map(([layout]) => [f.alpha, f.lambda, engine, layout] as const)));

describe('lasso and elastic net agree with scikit-learn', () => {
  it('covers every α = 1 and α = 0.5 row of the fixture', () => {
    expect(lassoAndEnet.filter((f) => f.alpha === 1).length).toBeGreaterThanOrEqual(4);
    expect(lassoAndEnet.filter((f) => f.alpha === 0.5).length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases)('α=%s λ=%s, %s engine, %s X', (alpha, lambda, engine, layout) => {
    const ref = lassoAndEnet.find((f) => f.alpha === alpha && f.lambda === lambda)!;
    const X = layout === 'dense' ? dense : sparse;
    const tol = alpha === 1 ? 1e-12 : 1e-14;
    const warningsBefore = warnings.length;
    const model = alpha === 1
      ? new Lasso({ lambda, tol, maxIter: 200_000, engine })
      : new ElasticNet({ lambda, l1Ratio: alpha, tol, maxIter: 200_000, engine });
    model.fit(X, y);

    // Certificate.
    expect(model.converged).toBe(true);
    expect(warnings.length).toBe(warningsBefore);
    expect(Math.abs(model.gapTolerance - tol * nullObjective)).toBeLessThanOrEqual(1e-12 * tol * nullObjective);
    expect(model.dualGap).toBeGreaterThanOrEqual(0);
    expect(model.dualGap).toBeLessThanOrEqual(model.gapTolerance);

    // Coefficients, support, intercept.
    const coef = model.coef;
    expect(coef.length).toBe(p);
    expect(relInf(coef, ref.coef)).toBeLessThanOrEqual(1e-6);
    for (let j = 0; j < p; j++) {
      // Exact zeros of the reference solution are exact zeros here (and vice versa).
      expect(coef[j] === 0, `coef[${j}] = ${coef[j]} vs reference ${ref.coef[j]}`).toBe(ref.coef[j] === 0);
    }
    expect(Math.abs(model.intercept - ref.intercept)).toBeLessThanOrEqual(1e-6 * maxAbs(ref.coef) * meanL1 + 1e-9 * Math.abs(yMean));

    // Objective: reported, recomputed here from (coef, intercept, data), and the fixture's.
    const F = rawObjective(columns, n, p, y, coef, model.intercept, lambda, alpha);
    expect(Math.abs(model.objective - ref.objective)).toBeLessThanOrEqual(1e-9 * ref.objective);
    expect(Math.abs(F - ref.objective)).toBeLessThanOrEqual(1e-9 * ref.objective);
    expect(Math.abs(model.objective - F)).toBeLessThanOrEqual(1e-12 * F);

    // Independent checks at the returned point: the intercept is optimal (Σr = 0) and the
    // suboptimality certified by a dual point built in the test is small.
    const a = analyzeFit(columns, n, p, y, coef, model.intercept, lambda, alpha, true, false);
    expect(Math.abs(a.residualSum) / n).toBeLessThanOrEqual(1e-9 * Math.abs(yMean));
    expect(a.dualityGap).toBeLessThanOrEqual(2 * model.gapTolerance + 1e-14 * nullObjective);
    if (alpha < 1) {
      // l2-strong convexity: ‖w − w*‖₂ ≤ √(2·gap/l2) for both this fit and the reference.
      const l2 = lambda * (1 - alpha);
      const refAnalysis = analyzeFit(columns, n, p, y, ref.coef, ref.intercept, lambda, alpha, true, false);
      let dist = 0;
      for (let j = 0; j < p; j++) dist += (coef[j]! - ref.coef[j]!) ** 2;
      const bound = Math.sqrt((2 * model.dualGap) / l2) + Math.sqrt((2 * Math.max(refAnalysis.dualityGap, 1e-12 * nullObjective)) / l2);
      expect(Math.sqrt(dist)).toBeLessThanOrEqual(bound);
    }
  });
});

describe('ridge rows (α = 0): coordinate descent does not break', () => {
  const ridgeRows = fixture.fits.filter((f) => f.alpha === 0).sort((a, b) => a.lambda - b.lambda);

  it('the fixture has ridge rows', () => {
    expect(ridgeRows.length).toBeGreaterThanOrEqual(2);
  });

  for (const [layout, X] of layouts) {
    it(`${layout} X: finite coefficients, a non-negative gap, agreement when converged, monotone in λ`, () => {
      const norms: number[] = [];
      const objectives: number[] = [];
      for (const ref of ridgeRows) {
        const model = new ElasticNet({ lambda: ref.lambda, l1Ratio: 0, tol: 1e-12, maxIter: 100_000, engine: 'wasm' }).fit(X, y);
        const coef = model.coef;
        for (const c of coef) expect(Number.isFinite(c)).toBe(true);
        expect(Number.isFinite(model.intercept)).toBe(true);
        expect(Number.isFinite(model.objective)).toBe(true);
        expect(model.dualGap).toBeGreaterThanOrEqual(0);
        expect(model.nIter).toBeGreaterThan(0);
        expect(model.nIter).toBeLessThanOrEqual(100_000);
        // Ridge has no exact zeros (the L2 proximal map only shrinks).
        for (const c of coef) expect(c).not.toBe(0);
        const F = rawObjective(columns, n, p, y, coef, model.intercept, ref.lambda, 0);
        expect(Math.abs(model.objective - F)).toBeLessThanOrEqual(1e-12 * F);
        // Whatever the iteration count, the objective can't be below the optimum by more than rounding
        // and the certificate must be honest: F − F_ref ≤ gap.
        expect(F - ref.objective).toBeGreaterThanOrEqual(-1e-12 * ref.objective);
        expect(F - ref.objective).toBeLessThanOrEqual(model.dualGap + 1e-12 * ref.objective);
        if (model.converged) {
          expect(Math.abs(F - ref.objective)).toBeLessThanOrEqual(1e-9 * ref.objective);
          let dist = 0;
          for (let j = 0; j < p; j++) dist += (coef[j]! - ref.coef[j]!) ** 2;
          const refGap = analyzeFit(columns, n, p, y, ref.coef, ref.intercept, ref.lambda, 0, true, false).dualityGap;
          const bound = Math.sqrt((2 * model.dualGap) / ref.lambda) + Math.sqrt((2 * Math.max(refGap, 1e-12 * nullObjective)) / ref.lambda);
          expect(Math.sqrt(dist)).toBeLessThanOrEqual(bound);
          expect(relInf(coef, ref.coef)).toBeLessThanOrEqual(1e-5);
        }
        let norm = 0;
        for (const c of coef) norm += c * c;
        norms.push(Math.sqrt(norm));
        objectives.push(F);
      }
      // ‖w(λ)‖₂ is non-increasing and F*(λ) non-decreasing in λ (rows sorted by λ).
      for (let k = 1; k < norms.length; k++) {
        expect(norms[k]!).toBeLessThanOrEqual(norms[k - 1]! * (1 + 1e-9));
        expect(objectives[k]!).toBeGreaterThanOrEqual(objectives[k - 1]! * (1 - 1e-12));
      }
    });
  }
});

describe('lasso path spot checks', () => {
  const picks = [0, 10, 40, 70, 99].filter((k) => k < fixture.lasso_path.length);
  it.each(picks)('lasso_path[%i]', (k) => {
    const point = fixture.lasso_path[k]!;
    const model = new Lasso({ lambda: point.lambda, tol: 1e-12, maxIter: 200_000 }).fit(dense, y);
    expect(model.converged).toBe(true);
    const coef = model.coef;
    if (maxAbs(point.coef) === 0) {
      // λ = λ_max exactly is a knife edge: |x_jᵀ(y − ȳ)|/n equals λ up to the rounding
      // of the summation order, so a coefficient may come out at rounding level
      // (exact zeros just above λ_max are checked in kkt.test.ts).
      for (const c of coef) expect(Math.abs(c)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(model.intercept - yMean)).toBeLessThanOrEqual(1e-12 * Math.abs(yMean));
    } else {
      expect(relInf(coef, point.coef)).toBeLessThanOrEqual(1e-6);
      for (let j = 0; j < p; j++) expect(coef[j] === 0).toBe(point.coef[j] === 0);
    }
    const F = rawObjective(columns, n, p, y, coef, model.intercept, point.lambda, 1);
    expect(Math.abs(F - point.objective)).toBeLessThanOrEqual(1e-9 * point.objective);
  });
});
