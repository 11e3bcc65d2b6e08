/**
 * Penalty factors, exclude and coefficient bounds (glmnet's penalty.factor, exclude,
 * lower.limits/upper.limits; scikit-learn's positive) in the coordinate-descent fits, paths
 * and cross-validation. Every expectation is computed here from the raw data
 * (tests/helpers/penaltyOracle.ts): KKT residuals of the returned solutions, bounds, exact
 * zeros, and the objective of an independent coordinate-descent solution.
 */
import { describe, expect, it } from 'vitest';
import { ElasticNet, Lasso, lambdaMax, lassoPath, enetPath, cvPath, LassoCV } from '../src/index.js';
import { asCsc, asDense, denseProblem, sparseProblem, type SyntheticProblem } from './helpers/syntheticRegression.js';
import { analyzePenalizedFit, boundsOf, effectiveFactors, referenceSolution, type PenaltySetting } from './helpers/penaltyOracle.js';
import { maxAbs, maxAbsDiff } from './helpers/kktOracle.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

const warnings = simdSuiteRecordingWarnings();

type Options = Omit<PenaltySetting, 'lambda' | 'alpha' | 'fitIntercept' | 'standardize' | 'lower' | 'upper'> & {
  lowerLimits?: number | number[];
  upperLimits?: number | number[];
  positive?: boolean;
};

interface Config {
  name: string;
  options: Options;
  /** Which certificate the fit must report. */
  certificate: 'dualityGap' | 'kktResidual';
}

const p = 20;
const factors = Array.from({ length: p }, (_, j) => (j === 0 ? 0 : j === 1 ? 0.5 : j % 5 === 0 ? 3 : 1));
const configs: Config[] = [
  // A free unpenalized feature: the dual point is projected (a duality gap).
  { name: 'factors with an unpenalized feature', options: { penaltyFactor: factors }, certificate: 'dualityGap' },
  { name: 'positive factors only (no zero)', options: { penaltyFactor: factors.map((f) => f + 0.2) }, certificate: 'dualityGap' },
  { name: 'positive', options: { positive: true }, certificate: 'dualityGap' },
  { name: 'box bounds (array and number)', options: { lowerLimits: Array.from({ length: p }, (_, j) => (j % 2 ? -0.5 : -Infinity)), upperLimits: 0.8 }, certificate: 'dualityGap' },
  { name: 'exclude and an infinite factor', options: { exclude: [2, 7], penaltyFactor: factors.map((f, j) => (j === 4 ? Infinity : f + 0.1)) }, certificate: 'dualityGap' },
  // An unpenalized feature with one infinite side: the KKT residual.
  { name: 'unpenalized + positive + exclude', options: { penaltyFactor: factors, positive: true, exclude: [3] }, certificate: 'kktResidual' },
  { name: 'two unpenalized features, one of them ≥ 0', options: { penaltyFactor: factors.map((f, j) => (j === 9 ? 0 : f)), lowerLimits: Array.from({ length: p }, (_, j) => (j === 9 ? 0 : -Infinity)) }, certificate: 'kktResidual' },
  { name: 'unpenalized but boxed', options: { penaltyFactor: factors, lowerLimits: -1, upperLimits: 1 }, certificate: 'dualityGap' },
];

function settingOf(o: Options, lambda: number, alpha: number, fitIntercept: boolean, standardize: boolean): PenaltySetting {
  return {
    lambda, alpha, fitIntercept, standardize,
    ...(o.penaltyFactor ? { penaltyFactor: o.penaltyFactor } : {}),
    ...(o.exclude ? { exclude: o.exclude } : {}),
    ...(o.positive ? { lower: 0 } : o.lowerLimits !== undefined ? { lower: o.lowerLimits } : {}),
    ...(o.upperLimits !== undefined ? { upper: o.upperLimits } : {}),
  };
}

/** Checks bounds (original scale), exclusion, and the KKT residuals at the fit. */
function expectPenalizedOptimum(problem: SyntheticProblem, coef: Float64Array, intercept: number, setting: PenaltySetting, kktTol: number): void {
  const { n } = problem;
  const { excluded } = effectiveFactors(p, setting);
  const { lo, hi } = boundsOf(p, setting, excluded);
  for (let j = 0; j < p; j++) {
    expect(coef[j]!).toBeGreaterThanOrEqual(lo[j]!);
    expect(coef[j]!).toBeLessThanOrEqual(hi[j]!);
    if (excluded[j]) expect(Object.is(coef[j], 0) || coef[j] === 0).toBe(true);
  }
  const a = analyzePenalizedFit(problem.columns, n, p, problem.y, coef, intercept, setting);
  expect(maxAbs(a.kkt)).toBeLessThanOrEqual(kktTol * Math.max(1, a.gradientScale));
  if (setting.fitIntercept) expect(Math.abs(a.residualSum) / n).toBeLessThan(1e-8 * Math.max(1, a.gradientScale));
}

const problems: { name: string; problem: SyntheticProblem }[] = [
  { name: 'dense 120×20', problem: denseProblem(61, 120, p, { support: 8 }) },
  { name: 'sparse 150×20 (CSC)', problem: sparseProblem(62, 150, p, 0.3, { support: 8 }) },
  // n < p: the kernels run in naive (residual) mode with Anderson acceleration, not covariance mode.
  { name: 'dense 16×20 (n < p)', problem: denseProblem(63, 16, p, { support: 5 }) },
  { name: 'sparse 18×20 (n < p, CSC)', problem: sparseProblem(64, 18, p, 0.5, { support: 5 }) },
];

describe('penalty options: KKT, bounds and exclusion at single-λ fits', () => {
  for (const { name: pname, problem } of problems) {
    for (const config of configs) {
      for (const [alpha, standardize] of [[1, false], [0.5, true]] as const) {
        it(`${pname}, ${config.name}, α = ${alpha}, standardize = ${standardize}`, () => {
          const o = config.options;
          const lmax = lambdaMax(asDense(problem), problem.y, { l1Ratio: alpha, standardize, ...o });
          const lambda = 0.05 * lmax;
          const setting = settingOf(o, lambda, alpha, true, standardize);
          const fits = (['wasm', 'js'] as const).flatMap((engine) =>
            [asDense(problem), asCsc(problem)].map((X) => new ElasticNet({ lambda, l1Ratio: alpha, standardize, tol: 1e-13, engine, ...o }).fit(X, problem.y)),
          );
          for (const m of fits) {
            expect(m.converged).toBe(true);
            expect(m.certificate).toBe(config.certificate);
            expectPenalizedOptimum(problem, m.coef, m.intercept, setting, 1e-5);
          }
          // WASM = the TS reference (same algorithm, same passes), and dense = CSC.
          expect(maxAbsDiff(fits[0]!.coef, fits[2]!.coef)).toBeLessThan(1e-10);
          expect(maxAbsDiff(fits[1]!.coef, fits[3]!.coef)).toBeLessThan(1e-10);
          expect(fits[2]!.nIter).toBe(fits[0]!.nIter);
          expect(fits[3]!.nIter).toBe(fits[1]!.nIter);
          expect(maxAbsDiff(fits[0]!.coef, fits[1]!.coef)).toBeLessThan(1e-7 * Math.max(1, maxAbs(fits[0]!.coef)));
          // Against an independent solution: the certificate bounds the suboptimality (gap mode),
          // and the objectives agree.
          const ref = referenceSolution(problem.columns, problem.n, p, problem.y, setting);
          const fRef = analyzePenalizedFit(problem.columns, problem.n, p, problem.y, ref.coef, ref.intercept, setting).objective;
          for (const m of fits) {
            const f = analyzePenalizedFit(problem.columns, problem.n, p, problem.y, m.coef, m.intercept, setting).objective;
            expect(f).toBeGreaterThanOrEqual(fRef - 1e-10 * fRef);
            if (config.certificate === 'dualityGap') expect(f - fRef).toBeLessThanOrEqual(m.dualGap + 1e-12 * fRef);
            else expect(f - fRef).toBeLessThanOrEqual(1e-9 * fRef);
          }
        });
      }
    }
  }
});

describe('unpenalized features', () => {
  const problem = denseProblem(71, 100, p, { support: 6 });
  const X = asDense(problem);
  const unpenalized = [0, 5];
  const penaltyFactor = Array.from({ length: p }, (_, j) => (unpenalized.includes(j) ? 0 : 1));

  it('are never zeroed, even at and above λ_max, where they equal the least-squares fit on them alone', () => {
    const lmax = lambdaMax(X, problem.y, { penaltyFactor });
    const path = lassoPath(X, problem.y, { penaltyFactor, lambdas: [100 * lmax, lmax, 0.999 * lmax, 0.5 * lmax], tol: 1e-12 });
    // Least squares on the unpenalized columns only (with intercept): 2×2 normal equations on centred data.
    const n = problem.n;
    const cols = unpenalized.map((j) => {
      const c = problem.columns.subarray(j * n, (j + 1) * n);
      const m = c.reduce((a, b) => a + b, 0) / n;
      return Float64Array.from(c, (v) => v - m);
    });
    const ym = problem.y.reduce((a, b) => a + b, 0) / n;
    const dot = (u: Float64Array, v: ArrayLike<number>, sub = 0) => u.reduce((s, ui, i) => s + ui * (v[i]! - sub), 0);
    const [a11, a12, a22] = [dot(cols[0]!, cols[0]!), dot(cols[0]!, cols[1]!), dot(cols[1]!, cols[1]!)];
    const [b1, b2] = [dot(cols[0]!, problem.y, ym), dot(cols[1]!, problem.y, ym)];
    const det = a11 * a22 - a12 * a12;
    const ols = [(a22 * b1 - a12 * b2) / det, (a11 * b2 - a12 * b1) / det];
    for (const k of [0, 1]) {
      const coef = path.coefAt(k);
      // Exactly 0 above λ_max; at λ_max itself within the rounding of the unpenalized fit's gradients.
      for (let j = 0; j < p; j++) if (!unpenalized.includes(j)) expect(Math.abs(coef[j]!)).toBeLessThanOrEqual(k === 0 ? 0 : 1e-10);
      expect(Math.abs(coef[0]! - ols[0]!)).toBeLessThan(1e-6 * Math.abs(ols[0]!));
      expect(Math.abs(coef[5]! - ols[1]!)).toBeLessThan(1e-6 * Math.abs(ols[1]!));
    }
    // Just below λ_max a penalized feature enters.
    expect(path.df[2]).toBe(3);
    for (let k = 0; k < path.length; k++) for (const j of unpenalized) expect(path.coefAt(k)[j]).not.toBe(0);
    expect(path.certificate).toBe('dualityGap');
  });

  it('collinear unpenalized features: the projection is singular, so the KKT residual certifies', () => {
    const n = problem.n;
    const columns = Float64Array.from(problem.columns);
    for (let i = 0; i < n; i++) columns[5 * n + i] = 2 * columns[i]! + 1; // column 5 = 2·column 0 + 1
    const twin = { ...problem, columns };
    const setting = settingOf({ penaltyFactor }, 0.05, 1, true, false);
    for (const engine of ['wasm', 'js'] as const) {
      const m = new Lasso({ lambda: 0.05, tol: 1e-12, penaltyFactor, engine }).fit(asDense(twin), problem.y);
      expect(m.certificate).toBe('kktResidual');
      expect(m.converged).toBe(true);
      expectPenalizedOptimum(twin, m.coef, m.intercept, setting, 1e-5);
    }
  });

  it('λ_max counts only the sides a bound leaves open (positive: only g_j > 0) and excludes excluded features', () => {
    const at = (o: Options) => lambdaMax(X, problem.y, o);
    const plain = at({});
    const positive = at({ positive: true });
    expect(positive).toBeLessThanOrEqual(plain);
    // At λ_max every coefficient is 0; just below, one is not; and with positive it is > 0.
    for (const [o, lmax] of [[{ positive: true }, positive], [{ exclude: [0, 1, 2] }, at({ exclude: [0, 1, 2] })]] as const) {
      expect(maxAbs(new Lasso({ lambda: lmax, ...o }).fit(X, problem.y).coef)).toBe(0);
      const below = new Lasso({ lambda: 0.98 * lmax, tol: 1e-12, ...o }).fit(X, problem.y).coef;
      expect(maxAbs(below)).toBeGreaterThan(0);
      if ('positive' in o) expect(Math.min(...below)).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('factor rescaling (glmnet: factors are rescaled to sum to p)', () => {
  const problem = denseProblem(81, 80, p);
  const X = asDense(problem);
  it('equal factors are the plain lasso; multiplying all factors by c changes nothing', () => {
    const plain = new Lasso({ lambda: 0.05, tol: 1e-12 }).fit(X, problem.y).coef;
    const twos = new Lasso({ lambda: 0.05, tol: 1e-12, penaltyFactor: new Array(p).fill(2) }).fit(X, problem.y).coef;
    expect(maxAbsDiff(plain, twos)).toBe(0);
    const v = factors.map((f) => f + 0.3);
    const a = new Lasso({ lambda: 0.05, tol: 1e-12, penaltyFactor: v }).fit(X, problem.y).coef;
    const b = new Lasso({ lambda: 0.05, tol: 1e-12, penaltyFactor: v.map((f) => 7 * f) }).fit(X, problem.y).coef;
    expect(maxAbsDiff(a, b)).toBeLessThan(1e-12 * maxAbs(a));
  });
  it('an infinite factor is the same as exclude', () => {
    const a = new Lasso({ lambda: 0.05, tol: 1e-12, penaltyFactor: factors.map((f, j) => (j === 3 ? Infinity : f)) }).fit(X, problem.y).coef;
    const b = new Lasso({ lambda: 0.05, tol: 1e-12, penaltyFactor: factors, exclude: [3] }).fit(X, problem.y).coef;
    expect(a[3]).toBe(0);
    expect(maxAbsDiff(a, b)).toBe(0);
  });
});

describe('paths and cross-validation honor the options', () => {
  const problem = sparseProblem(91, 120, p, 0.4, { support: 8 });
  const o: Options = { penaltyFactor: factors, lowerLimits: -0.3, upperLimits: Array.from({ length: p }, (_, j) => (j < 10 ? Infinity : 0.4)), exclude: [12] };

  it('every λ of an elastic-net path: KKT, bounds, exclusion; dense = CSC', () => {
    for (const standardize of [false, true]) {
      const dense = enetPath(asDense(problem), problem.y, { l1Ratio: 0.7, nLambda: 30, standardize, tol: 1e-12, ...o });
      const csc = enetPath(asCsc(problem), problem.y, { l1Ratio: 0.7, nLambda: 30, standardize, tol: 1e-12, ...o });
      expect(dense.length).toBe(csc.length);
      for (let k = 0; k < dense.length; k++) {
        const setting = settingOf(o, dense.lambdas[k]!, 0.7, true, standardize);
        expect(dense.converged[k]).toBe(true);
        expectPenalizedOptimum(problem, dense.coefAt(k), dense.intercepts[k]!, setting, 1e-5);
        expect(maxAbsDiff(dense.coefAt(k), csc.coefAt(k))).toBeLessThan(1e-8 * Math.max(1, maxAbs(dense.coefAt(k))));
      }
    }
  });

  it('each fold is fitted with the options (fold errors match single fits with the fold as weights)', () => {
    const cv = cvPath(asDense(problem), problem.y, { l1Ratio: 1, nLambda: 12, nFolds: 4, seed: 3, tol: 1e-12, positive: true, penaltyFactor: factors });
    for (let k = 0; k < cv.path.length; k++) expect(Math.min(...cv.path.coefAt(k))).toBeGreaterThanOrEqual(0);
    const fold = 2;
    expect(cv.lambdas.length).toBeGreaterThan(8);
    for (const k of [1, 4, 8]) {
      const weights = Array.from(cv.foldId, (f) => (f === fold ? 0 : 1));
      const m = new Lasso({ lambda: cv.lambdas[k]!, tol: 1e-12, positive: true, penaltyFactor: factors }).fit(asDense(problem), problem.y, { sampleWeight: weights });
      const pred = m.predict(asDense(problem));
      let sum = 0;
      let count = 0;
      for (let i = 0; i < problem.n; i++) {
        if (cv.foldId[i] !== fold) continue;
        sum += (problem.y[i]! - pred[i]!) ** 2;
        count++;
      }
      expect(Math.abs(cv.foldErrors[fold]![k]! - sum / count)).toBeLessThan(1e-6 * (sum / count));
    }
    const model = new LassoCV({ nLambda: 12, nFolds: 4, seed: 3, exclude: [0, 1], upperLimits: 0.5 }).fit(asDense(problem), problem.y);
    expect(model.coef[0]).toBe(0);
    expect(model.coef[1]).toBe(0);
    expect(Math.max(...model.coef)).toBeLessThanOrEqual(0.5);
  });
});

describe('ridge (α = 0) with penalty options', () => {
  const problem = denseProblem(121, 50, p, { support: 6 });
  for (const config of configs) {
    it(config.name, () => {
      const o = config.options;
      const setting = settingOf(o, 0.5, 0, true, true);
      const ref = referenceSolution(problem.columns, problem.n, p, problem.y, setting);
      const fRef = analyzePenalizedFit(problem.columns, problem.n, p, problem.y, ref.coef, ref.intercept, setting).objective;
      for (const engine of ['wasm', 'js'] as const) {
        const m = new ElasticNet({ lambda: 0.5, l1Ratio: 0, standardize: true, tol: 1e-13, engine, ...o }).fit(asCsc(problem), problem.y);
        expect(m.converged).toBe(true);
        expect(m.certificate).toBe(config.certificate);
        expectPenalizedOptimum(problem, m.coef, m.intercept, setting, 1e-5);
        const f = analyzePenalizedFit(problem.columns, problem.n, p, problem.y, m.coef, m.intercept, setting).objective;
        if (config.certificate === 'dualityGap') expect(f - fRef).toBeLessThanOrEqual(m.dualGap + 1e-12 * fRef);
        expect(Math.abs(f - fRef)).toBeLessThanOrEqual(1e-9 * fRef);
      }
    });
  }
});

describe('observation weights with penalty options', () => {
  it('an integer weight k is the same as repeating the row k times (factors, bounds, exclude, standardize)', () => {
    const problem = denseProblem(101, 40, p, { support: 6 });
    const X = asDense(problem);
    const weights = Array.from({ length: problem.n }, (_, i) => 1 + (i % 3));
    const rows: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < problem.n; i++) {
      for (let k = 0; k < weights[i]!; k++) {
        rows.push(Array.from({ length: p }, (_, j) => problem.columns[j * problem.n + i]!));
        ys.push(problem.y[i]!);
      }
    }
    const o: Options = { penaltyFactor: factors, exclude: [4], lowerLimits: -0.5, upperLimits: 2 };
    for (const engine of ['wasm', 'js'] as const) {
      const weighted = new ElasticNet({ lambda: 0.05, l1Ratio: 0.8, standardize: true, tol: 1e-13, engine, ...o }).fit(X, problem.y, { sampleWeight: weights });
      const repeated = new ElasticNet({ lambda: 0.05, l1Ratio: 0.8, standardize: true, tol: 1e-13, engine, ...o }).fit(rows, ys);
      expect(weighted.converged && repeated.converged).toBe(true);
      expect(maxAbsDiff(weighted.coef, repeated.coef)).toBeLessThan(1e-7 * Math.max(1, maxAbs(repeated.coef)));
      expect(weighted.coef[4]).toBe(0);
    }
  });
});

describe('no warnings', () => {
  it('no fit above failed to converge', () => {
    expect(warnings.map((w) => w.message)).toEqual([]);
  });
});
