/**
 * All ridge solvers agree with each other (to 1e-8) on seeded dense and sparse problems, with n > p and
 * p > n, with and without intercept / standardization / observation weights, on both engines and both
 * storage forms; and at every returned solution the gradient of the objective, recomputed here from the
 * raw arrays (tests/ridgeOracle.ts), vanishes to 1e-10 relative.
 */
import { describe, expect, it } from 'vitest';
import { DenseMatrix, init } from '../src/index.js';
import { RidgeCV } from '../src/ridge/RidgeCV.js';
import { Ridge } from '../src/ridge/Ridge.js';
import { asCsc, asDense, asRows, denseProblem, sparseProblem, type SyntheticProblem } from './helpers/syntheticRegression.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';
import { SeededRandom } from '../src/random/SeededRandom.js';
import { oracleGradient, relativeDifference } from './helpers/ridgeOracle.js';

const warnings = simdSuiteRecordingWarnings();

const problems: [string, SyntheticProblem][] = [
  ['dense 80×25 (n > p)', denseProblem(11, 80, 25)],
  ['dense 30×90 (p > n)', denseProblem(12, 30, 90)],
  ['sparse 120×40 (n > p, density 0.15)', sparseProblem(13, 120, 40, 0.15)],
  ['sparse 40×100 (p > n, density 0.1)', sparseProblem(14, 40, 100, 0.1)],
];
const settings = [
  { fitIntercept: true, standardize: false },
  { fitIntercept: true, standardize: true },
  { fitIntercept: false, standardize: false },
  { fitIntercept: false, standardize: true },
];
const solvers = ['cholesky', 'eigen', 'cg', 'cd'] as const;
const engines = ['wasm', 'js'] as const;
const lambda = 0.3;

function weightsFor(n: number): Float64Array {
  const rng = new SeededRandom(n);
  return Float64Array.from({ length: n }, () => 0.2 + 2 * rng.uniform());
}

describe.each(problems)('%s', (_name, problem) => {
  const { n, p, columns, y } = problem;
  const layouts = [['dense', asDense(problem)], ['csc', asCsc(problem)]] as const;

  describe.each(settings)('fitIntercept %s, standardize %s', (setting) => {
    const reference = new Ridge({ lambda, ...setting, solver: 'cholesky', engine: 'js' }).fit(asRows(problem), y);

    it.each(solvers.flatMap((s) => engines.flatMap((e) => layouts.map(([l]) => [s, e, l] as const))))(
      '%s / %s / %s: agrees with js cholesky to 1e-8, gradient 0 to 1e-10',
      (solver, engine, layout) => {
        const X = layouts.find(([l]) => l === layout)![1];
        // Coordinate descent (the library's ElasticNet at α = 0) is asked for 1e-11. On the p > n problem
        // without an intercept (uncentred columns with means ~4: condition number ~1e5) its duality gap
        // rounds to 0 before the gradient gets there and CD stops near 1e-11, so it is asked for the
        // issue's 1e-10 there, which only certifies the coefficients to ~1e-7.
        const hard = solver === 'cd' && !setting.fitIntercept && p > n;
        const tol = hard ? 1e-10 : solver === 'cd' ? 1e-11 : 1e-12;
        const model = new Ridge({ lambda, ...setting, solver, engine, tol, maxIter: 200000 }).fit(X, y);
        expect(model.converged).toBe(true);
        expect(model.relativeGradient).toBeLessThanOrEqual(tol);
        expect(relativeDifference(model.coef, reference.coef)).toBeLessThanOrEqual(hard ? 1e-7 : 1e-8);
        expect(Math.abs(model.intercept - reference.intercept)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(reference.intercept)));
        const g = oracleGradient(columns, n, p, y, model.coef, model.intercept, lambda, setting);
        expect(g.relative).toBeLessThanOrEqual(1e-10);
        expect(g.interceptDerivative).toBeLessThanOrEqual(1e-12);
        expect(g.excludedCoef).toBe(0);
        if (solver === 'cholesky' || solver === 'eigen') expect(model.form).toBe(p <= n ? 'primal' : 'dual');
      },
    );

    it.each(['cholesky', 'eigen', 'cg'] as const)('%s with observation weights: gradient of ½Σvᵢrᵢ² + λ/2‖w̃‖² is 0; engines agree', (solver) => {
      const sampleWeight = weightsFor(n);
      const fits = engines.flatMap((engine) =>
        layouts.map(([, X]) => new Ridge({ lambda, ...setting, solver, engine, tol: 1e-12 }).fit(X, y, { sampleWeight })),
      );
      for (const model of fits) {
        const g = oracleGradient(columns, n, p, y, model.coef, model.intercept, lambda, { ...setting, weights: sampleWeight });
        expect(g.relative).toBeLessThanOrEqual(1e-10);
        expect(relativeDifference(model.coef, fits[0]!.coef)).toBeLessThanOrEqual(1e-8);
      }
    });
  });

  it('equal weights are the unweighted problem; a zero weight is the same as dropping the sample', () => {
    const plain = new Ridge({ lambda }).fit(asDense(problem), y);
    const equal = new Ridge({ lambda }).fit(asDense(problem), y, { sampleWeight: new Float64Array(n).fill(3) });
    expect(relativeDifference(equal.coef, plain.coef)).toBeLessThanOrEqual(1e-12);
    const w = new Float64Array(n).fill(1);
    w[0] = 0;
    const zero = new Ridge({ lambda }).fit(asDense(problem), y, { sampleWeight: w });
    const rows = asRows(problem).slice(1);
    const dropped = new Ridge({ lambda }).fit(rows, y.slice(1));
    expect(relativeDifference(zero.coef, dropped.coef)).toBeLessThanOrEqual(1e-10);
    expect(Math.abs(zero.intercept - dropped.intercept)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(dropped.intercept)));
  });

  it.each(['cholesky', 'eigen', 'cg', 'cd'] as const)('several targets (%s): Y (n×3) solved together equals each column alone', (solver) => {
    const Y = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      Y[i] = y[i]!;
      Y[n + i] = -2 * y[i]! + columns[i]!;
      Y[2 * n + i] = Math.sin(i);
    }
    for (const X of [asDense(problem), asCsc(problem)]) {
      const together = new Ridge({ lambda, solver, tol: 1e-12, maxIter: 100000 }).fit(X, DenseMatrix.fromColumnMajor(Y, n, 3));
      expect(together.nTargets).toBe(3);
      expect(together.coef.length).toBe(3 * p);
      const predicted = together.predict(X);
      expect(predicted.length).toBe(3 * n);
      for (let t = 0; t < 3; t++) {
        const alone = new Ridge({ lambda, solver, tol: 1e-12, maxIter: 100000 }).fit(X, Y.subarray(t * n, (t + 1) * n));
        expect(relativeDifference(together.coef.subarray(t * p, (t + 1) * p), alone.coef)).toBeLessThanOrEqual(1e-8);
        expect(Math.abs(together.intercepts[t]! - alone.intercept)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(alone.intercept)));
        expect(relativeDifference(predicted.subarray(t * n, (t + 1) * n), alone.predict(X))).toBeLessThanOrEqual(1e-8);
      }
    }
    // Rows of k numbers are the same input as a DenseMatrix.
    const rowsY = Array.from({ length: n }, (_, i) => [Y[i]!, Y[n + i]!, Y[2 * n + i]!]);
    const a = new Ridge({ lambda, solver, tol: 1e-12, maxIter: 100000 }).fit(asDense(problem), rowsY);
    const b = new Ridge({ lambda, solver, tol: 1e-12, maxIter: 100000 }).fit(asDense(problem), DenseMatrix.fromColumnMajor(Y, n, 3));
    expect(relativeDifference(a.coef, b.coef)).toBeLessThanOrEqual(1e-14);
  });
});

describe('degenerate columns and λ = 0', () => {
  it('constant and all-zero columns get coefficient 0 (with an intercept or standardization)', () => {
    const problem = denseProblem(21, 50, 6);
    const { n } = problem;
    const columns = problem.columns.slice();
    for (let i = 0; i < n; i++) {
      columns[2 * n + i] = 4.5;
      columns[4 * n + i] = 0;
    }
    const X = DenseMatrix.fromColumnMajor(columns, n, 6);
    for (const solver of solvers) {
      for (const standardize of [false, true]) {
        const model = new Ridge({ lambda: 0.1, solver, standardize, tol: 1e-12 }).fit(X, problem.y);
        expect(model.coef[2]).toBe(0);
        expect(model.coef[4]).toBe(0);
        const g = oracleGradient(columns, n, 6, problem.y, model.coef, model.intercept, 0.1, { fitIntercept: true, standardize });
        expect(g.relative).toBeLessThanOrEqual(1e-10);
      }
    }
  });

  it('λ = 0 is ordinary least squares when X has full column rank (every solver)', () => {
    const problem = denseProblem(22, 40, 5);
    for (const solver of solvers) {
      const model = new Ridge({ lambda: 0, solver, tol: 1e-11, maxIter: 100000 }).fit(asDense(problem), problem.y);
      const g = oracleGradient(problem.columns, 40, 5, problem.y, model.coef, model.intercept, 0, { fitIntercept: true, standardize: false });
      expect(g.relative).toBeLessThanOrEqual(1e-10);
    }
  });

  it('λ = 0 with p > n falls back to the minimum-norm interpolating solution', () => {
    const problem = denseProblem(23, 10, 30, { heterogeneous: false });
    const model = new Ridge({ lambda: 0, solver: 'cholesky' }).fit(asDense(problem), problem.y);
    const tiny = new Ridge({ lambda: 1e-9, solver: 'cholesky' }).fit(asDense(problem), problem.y);
    expect(relativeDifference(model.coef, tiny.coef)).toBeLessThanOrEqual(1e-6);
    expect(relativeDifference(model.predict(asDense(problem)), problem.y)).toBeLessThanOrEqual(1e-8);
  });
});

describe('the scalar (non-SIMD) WebAssembly build', () => {
  it('gives the same answers as the SIMD build and the TS reference (every kernel path, odd sizes)', async () => {
    const cases = [denseProblem(61, 37, 13), denseProblem(62, 13, 37), sparseProblem(63, 41, 17, 0.2), sparseProblem(64, 17, 43, 0.2)];
    const run = () =>
      cases.flatMap((problem) => {
        const X = problem.sparse ? asCsc(problem) : asDense(problem);
        const fits = (['cholesky', 'eigen', 'cg'] as const).map((solver) => new Ridge({ lambda, standardize: true, solver, tol: 1e-12 }).fit(X, problem.y).coef);
        const cv = new RidgeCV({ lambdas: [0.01, 0.1, 1] }).fit(X, problem.y).cvScores;
        return [...fits, cv];
      });
    const simd = run();
    await init({ build: 'scalar' });
    try {
      const scalar = run();
      scalar.forEach((values, c) => expect(relativeDifference(values, simd[c]!)).toBeLessThanOrEqual(1e-10));
    } finally {
      await init({ build: 'simd' });
    }
  });
});

describe('warnings', () => {
  it('none were emitted by the converged fits above', () => {
    expect(warnings).toEqual([]);
  });
});
