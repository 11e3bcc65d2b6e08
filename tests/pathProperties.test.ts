/**
 * Properties of a regularization path that follow from its definition, each recomputed here
 * from the raw arrays (tests/helpers/kktOracle.ts) rather than taken from the library:
 * - a generated grid: decreasing, log-spaced λ_k = λ_max·ratio^(k/(K−1)) from λ_max (= the
 *   library's `lambdaMax()` and the independent max_j |x̃_jᵀ(y − ȳ)|/(nα)), `df[0] === 0`, all-zero
 *   coefficients and intercept ȳ at λ_max;
 * - `devRatio` = 1 − ‖r‖²/‖y − ȳ‖² (recomputed), in [0, 1], non-decreasing up to what the gaps allow;
 * - `nLambda`, `lambdaMinRatio` and its default (glmnet's: 1e-2 when n < p, else 1e-4),
 *   explicit `lambdas` sorted into decreasing order (and never stopped early);
 * - early stopping (glmnet's rule: from the 5th λ, stop once devRatio changes by less than
 *   1e-5·devRatio or exceeds 0.999), and its absence with earlyStop: false;
 * - `coefAt` out of range throws a RangeError;
 * - `passesOverX` is reported, and averages ≤ 3 passes over X per λ on 100-λ paths of p ≫ n
 *   problems (the target) with glmnet's default grid.
 */
import { describe, expect, it } from 'vitest';
import { enetPath, lambdaMax, lassoPath, type RegularizationPath } from '../src/index.js';
import { asCsc, asDense, denseProblem, sparseProblem, type SyntheticProblem } from './helpers/syntheticRegression.js';
import { analyzeFit, lambdaMaxOf } from './helpers/kktOracle.js';
import { computePath, resolvePathOptions } from '../src/path/elasticNetPath.js';
import { expectPathKkt } from './helpers/expectPathKkt.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

simdSuiteRecordingWarnings();

const matrixOf = (problem: SyntheticProblem) => (problem.sparse ? asCsc(problem) : asDense(problem));
const mean = (v: ArrayLike<number>) => Array.from(v).reduce((s, x) => s + x, 0) / v.length;

/**
 * Independent devRatio of the k-th solution and how far it may be from the exact solution's:
 * ‖r − r*‖ ≤ e = √(2nG) (the loss is 1/n-strongly convex in X̃w), so
 * |‖r‖² − ‖r*‖²| ≤ e·(2‖r‖ + e), divided by ‖ỹ‖².
 */
function devRatioOf(problem: SyntheticProblem, path: RegularizationPath, k: number, l1Ratio: number, fitIntercept: boolean, standardize: boolean): { value: number; slack: number } {
  const { n, p, columns, y } = problem;
  const a = analyzeFit(columns, n, p, y, path.coefAt(k), path.intercepts[k]!, path.lambdas[k]!, l1Ratio, fitIntercept, standardize);
  let rr = 0;
  for (const v of a.residual) rr += v * v;
  const tss = 2 * n * a.nullObjective;
  const G = Math.max(a.dualityGap, path.dualGaps[k]!, 0) + 1e-13 * a.nullObjective;
  const e = Math.sqrt(2 * n * G);
  return { value: 1 - rr / tss, slack: (e * (2 * Math.sqrt(rr) + e)) / tss };
}

describe('generated grid: starts at λ_max, log-spaced, df[0] = 0, intercept ȳ, devRatio', () => {
  const problems: [string, SyntheticProblem][] = [
    ['dense p≫n 50×400', denseProblem(501, 50, 400)],
    ['sparse p≫n 80×600', sparseProblem(502, 80, 600, 0.05)],
    ['dense n≫p 1000×20', denseProblem(503, 1000, 20)],
  ];
  const settings = [1, 0.5].flatMap((l1Ratio) => [true, false].flatMap((standardize) => [true, false].map((fitIntercept) => [l1Ratio, standardize, fitIntercept] as const)));
  const cases = problems.flatMap(([name], index) => settings.map((s) => [name, ...s, index] as const));

  it.each(cases)('%s, α = %s, standardize %s, intercept %s', (_name, l1Ratio, standardize, fitIntercept, index) => {
    const problem = problems[index]![1];
    const { n, p, columns, y } = problem;
    const X = matrixOf(problem);
    const path = enetPath(X, y, { l1Ratio, standardize, fitIntercept, nLambda: 60, lambdaMinRatio: 1e-3, earlyStop: false });
    const libraryLmax = lambdaMax(X, y, { l1Ratio, standardize, fitIntercept });
    X.dispose();
    const lmax = lambdaMaxOf(columns, n, p, y, l1Ratio, fitIntercept, standardize);
    expect(path.length).toBe(60);
    expect(Math.abs(path.lambdas[0]! - lmax)).toBeLessThanOrEqual(1e-12 * lmax);
    expect(Math.abs(path.lambdaMax - lmax)).toBeLessThanOrEqual(1e-12 * lmax);
    expect(Math.abs(libraryLmax - lmax)).toBeLessThanOrEqual(1e-12 * lmax);
    for (let k = 0; k < path.length; k++) {
      expect(Math.abs(path.lambdas[k]! - lmax * 1e-3 ** (k / 59))).toBeLessThanOrEqual(1e-12 * path.lambdas[k]!);
      if (k > 0) expect(path.lambdas[k]!).toBeLessThan(path.lambdas[k - 1]!);
    }
    expect(path.df[0]).toBe(0);
    expect(Array.from(path.coefAt(0)).every((v) => v === 0)).toBe(true);
    const yBar = fitIntercept ? mean(y) : 0;
    expect(Math.abs(path.intercepts[0]! - yBar)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(yBar)));
    // (devRatio ≥ 0 exactly is checked on its own below; here rounding below 0 is tolerated.)
    expect(path.devRatio[0]!).toBeGreaterThanOrEqual(-1e-15);
    expect(path.devRatio[0]!).toBeLessThanOrEqual(1e-12);
    // The path does move away from zero (the test is not vacuous).
    expect(path.df[path.length - 1]!).toBeGreaterThan(0);

    let previous = { value: 0, slack: 0 };
    for (let k = 0; k < path.length; k++) {
      const dr = path.devRatio[k]!;
      expect(dr).toBeGreaterThanOrEqual(-1e-15);
      expect(dr).toBeLessThanOrEqual(1);
      const independent = devRatioOf(problem, path, k, l1Ratio, fitIntercept, standardize);
      expect(Math.abs(dr - independent.value), `devRatio[${k}]`).toBeLessThanOrEqual(1e-10);
      // The exact devRatio is non-decreasing as λ decreases; the computed one up to the slack.
      if (k > 0) expect(independent.value, `devRatio[${k}] ≥ devRatio[${k - 1}]`).toBeGreaterThanOrEqual(previous.value - previous.slack - independent.slack);
      previous = independent;
      expect(path.df[k]).toBe(path.coefAt(k).filter((v) => v !== 0).length);
    }
  });
});

describe('devRatio is a fraction: never below 0, never above 1', () => {
  // At λ_max the model is the null model, so devRatio = 1 − RSS/TSS is exactly 0 in exact
  // arithmetic; a computed value must not fall below 0 (nor, anywhere, above 1).
  const settings = [true, false].flatMap((fitIntercept) => [true, false].map((standardize) => [fitIntercept, standardize] as const));
  it.each(settings)('intercept %s, standardize %s (dense 50×400 and 1000×20)', (fitIntercept, standardize) => {
    for (const problem of [denseProblem(501, 50, 400), denseProblem(503, 1000, 20)]) {
      const path = lassoPath(asDense(problem), problem.y, { fitIntercept, standardize, nLambda: 30, lambdaMinRatio: 1e-3, earlyStop: false });
      for (let k = 0; k < path.length; k++) {
        expect(path.devRatio[k]!, `devRatio[${k}]`).toBeGreaterThanOrEqual(0);
        expect(path.devRatio[k]!, `devRatio[${k}]`).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('nLambda, lambdaMinRatio and its default', () => {
  it('nLambda: 37 with lambdaMinRatio 0.05 gives 37 λ ending at 0.05·λ_max', () => {
    const problem = denseProblem(511, 80, 40);
    const path = lassoPath(asDense(problem), problem.y, { nLambda: 37, lambdaMinRatio: 0.05, earlyStop: false });
    expect(path.length).toBe(37);
    expect(Math.abs(path.lambdas[36]! / path.lambdas[0]! - 0.05)).toBeLessThanOrEqual(1e-12);
  });

  it('nLambda: 1 gives the single λ_max', () => {
    const problem = denseProblem(512, 80, 40);
    const path = lassoPath(asDense(problem), problem.y, { nLambda: 1 });
    expect(path.length).toBe(1);
    const lmax = lambdaMaxOf(problem.columns, problem.n, problem.p, problem.y, 1, true, false);
    expect(Math.abs(path.lambdas[0]! - lmax)).toBeLessThanOrEqual(1e-12 * lmax);
  });

  const defaults: [string, SyntheticProblem, number][] = [
    ['n < p (40×100): 1e-2', denseProblem(513, 40, 100), 1e-2],
    ['n > p (200×50): 1e-4', denseProblem(514, 200, 50), 1e-4],
    ['n = p (60×60): 1e-4', denseProblem(515, 60, 60), 1e-4],
  ];
  it.each(defaults)('default lambdaMinRatio, %s (earlyStop: false, 100 λ)', (_name, problem, ratio) => {
    const path = lassoPath(asDense(problem), problem.y, { earlyStop: false });
    expect(path.length).toBe(100);
    expect(Math.abs(path.lambdas[99]! / path.lambdas[0]! - ratio)).toBeLessThanOrEqual(1e-12 * ratio);
  });
});

describe('explicit lambdas', () => {
  const problem = denseProblem(521, 100, 30);
  const { n, p, columns, y } = problem;
  const lmax = lambdaMaxOf(columns, n, p, y, 1, true, false);

  it('are sorted into decreasing order, and coefAt(k) solves the problem at lambdas[k]', () => {
    const given = [0.3, 3, 0.01, 1, 0.1].map((f) => f * lmax);
    const path = lassoPath(asDense(problem), y, { lambdas: given, tol: 1e-10 });
    expect(Array.from(path.lambdas)).toEqual([...given].sort((a, b) => b - a));
    // Above λ_max the solution is 0.
    expect(path.df[0]).toBe(0);
    expect(Array.from(path.coefAt(0)).every((v) => v === 0)).toBe(true);
    expectPathKkt(problem, path, 1, true, false, 1e-10);
  });

  it('are never stopped early (even where a generated grid would stop)', () => {
    const easy = denseProblem(522, 2000, 10, { noise: 0.01 });
    const lm = lambdaMaxOf(easy.columns, easy.n, easy.p, easy.y, 1, true, false);
    const lambdas = Array.from({ length: 100 }, (_, k) => lm * 1e-4 ** (k / 99));
    const path = lassoPath(asDense(easy), easy.y, { lambdas });
    expect(path.length).toBe(100);
    // ... where the generated grid does stop.
    expect(lassoPath(asDense(easy), easy.y).length).toBeLessThan(100);
  });

  it('a tolerance per λ (the benchmark\'s λ-by-λ matching of glmnet) is met at each λ, by the recomputed gap', () => {
    const wide = denseProblem(523, 60, 300);
    const lm = lambdaMaxOf(wide.columns, wide.n, wide.p, wide.y, 1, true, false);
    const lambdas = Float64Array.from({ length: 12 }, (_, k) => lm * 0.01 ** (k / 11));
    const tolerances = Float64Array.from(lambdas, (_, k) => (k % 2 === 0 ? 1e-2 : 1e-11));
    const path = computePath(asDense(wide), Float64Array.from(wide.y), resolvePathOptions({ lambdas, tol: 1, earlyStop: false }, 1), { tolerances });
    let loose = 0;
    for (let k = 0; k < path.length; k++) {
      const a = analyzeFit(wide.columns, wide.n, wide.p, wide.y, path.coefAt(k), path.intercepts[k]!, lambdas[k]!, 1, true, false);
      expect(a.dualityGap).toBeLessThanOrEqual(tolerances[k]! * a.nullObjective + 1e-13 * a.nullObjective);
      if (k % 2 === 0 && a.dualityGap > 1e-9 * a.nullObjective) loose++;
    }
    // The loose tolerances are used, not the tight ones everywhere.
    expect(loose).toBeGreaterThan(0);
  });
});

describe('early stopping of a generated grid (glmnet: fdev = 1e-5, devmax = 0.999, from the 5th λ)', () => {
  const stops = (dr: Float64Array, k: number) => dr[k]! - dr[k - 1]! < 1e-5 * dr[k]! || dr[k]! > 0.999;
  const problems: [string, SyntheticProblem, 'change' | 'max'][] = [
    ['n≫p 3000×10, noise 0.5: devRatio stops changing', denseProblem(531, 3000, 10, { noise: 0.5, heterogeneous: false }), 'change'],
    ['n≫p 2000×10, noise 0.01: devRatio exceeds 0.999', denseProblem(532, 2000, 10, { noise: 0.01, heterogeneous: false }), 'max'],
  ];
  it.each(problems)('%s', (_name, problem, reason) => {
    const X = asDense(problem);
    const path = lassoPath(X, problem.y);
    const full = lassoPath(X, problem.y, { earlyStop: false });
    X.dispose();
    const K = path.length;
    expect(K).toBeLessThan(100);
    expect(K).toBeGreaterThanOrEqual(5);
    expect(full.length).toBe(100);
    // The same grid, cut short: λ_k = λ_max·1e-4^(k/99) (n > p).
    const lmax = lambdaMaxOf(problem.columns, problem.n, problem.p, problem.y, 1, true, false);
    for (let k = 0; k < K; k++) expect(Math.abs(path.lambdas[k]! - lmax * 1e-4 ** (k / 99))).toBeLessThanOrEqual(1e-12 * lmax);
    // devRatio recomputed here; the rule holds at the last λ and at no earlier λ from the 5th on.
    const dr = Float64Array.from({ length: K }, (_, k) => devRatioOf(problem, path, k, 1, true, false).value);
    for (let k = 0; k < K; k++) expect(Math.abs(dr[k]! - path.devRatio[k]!)).toBeLessThanOrEqual(1e-10);
    expect(stops(path.devRatio, K - 1)).toBe(true);
    for (let k = 4; k < K - 1; k++) expect(stops(path.devRatio, k), `would have stopped at λ[${k}]`).toBe(false);
    if (reason === 'max') expect(path.devRatio[K - 1]!).toBeGreaterThan(0.999);
    else {
      expect(path.devRatio[K - 1]!).toBeLessThanOrEqual(0.999);
      expect(path.devRatio[K - 1]! - path.devRatio[K - 2]!).toBeLessThan(1e-5 * path.devRatio[K - 1]!);
    }
  });
});

describe('coefAt and nonZerosAt outside [0, length) throw a RangeError', () => {
  const problem = denseProblem(541, 50, 20);
  const path = lassoPath(asDense(problem), problem.y, { nLambda: 10, earlyStop: false });
  it.each([-1, 10, 11, 0.5, Number.NaN])('k = %s', (k) => {
    expect(path.length).toBe(10);
    expect(() => path.coefAt(k)).toThrow(RangeError);
    expect(() => path.nonZerosAt(k)).toThrow(RangeError);
  });
  it('in range, nonZerosAt lists coefAt’s non-zeros', () => {
    const k = 9;
    const coef = path.coefAt(k);
    const { indices, values } = path.nonZerosAt(k);
    expect(Array.from(indices)).toEqual(Array.from(coef.keys()).filter((j) => coef[j] !== 0));
    expect(Array.from(values)).toEqual(Array.from(indices, (j) => coef[j]!));
  });
});

describe('passesOverX: ≤ 3 passes over X per λ on average over a 100-λ p ≫ n path (glmnet defaults: standardized, lambdaMinRatio 1e-2)', () => {
  const problems: [string, SyntheticProblem][] = [
    ['dense 100×5000', denseProblem(551, 100, 5000, { heterogeneous: false, support: 10 })],
    ['dense 60×2000, heterogeneous columns', denseProblem(552, 60, 2000)],
    ['sparse (CSC) 200×5000, density 2 %', sparseProblem(553, 200, 5000, 0.02, { support: 10 })],
  ];
  it.each(problems)('%s', (_name, problem) => {
    const X = matrixOf(problem);
    const path = lassoPath(X, problem.y, { standardize: true, earlyStop: false });
    X.dispose();
    expect(path.length).toBe(100);
    expect(path.passesOverX.length).toBe(100);
    expect(path.nIters.length).toBe(100);
    for (let k = 0; k < 100; k++) {
      expect(Number.isFinite(path.passesOverX[k]!)).toBe(true);
      expect(path.passesOverX[k]!).toBeGreaterThan(0);
    }
    expect(mean(path.passesOverX)).toBeLessThanOrEqual(3);
  });
});
