/**
 * RidgeCV: the leave-one-out errors from one eigendecomposition equal brute-force leave-one-out refits;
 * GCV equals its definition with tr(H) computed by refitting on unit vectors; K-fold equals refitting
 * each training fold with Ridge; and the chosen λ is the grid's argmin.
 */
import { describe, expect, it } from 'vitest';
import { DenseMatrix } from '../src/index.js';
import { Ridge } from '../src/ridge/Ridge.js';
import { RidgeCV } from '../src/ridge/RidgeCV.js';
import { assignFolds } from '../src/cv/foldAssignment.js';
import { asCsc, asDense, asRows, denseProblem, sparseProblem, type SyntheticProblem } from './helpers/syntheticRegression.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';
import { relativeDifference, rowsWithout } from './helpers/ridgeOracle.js';

const warnings = simdSuiteRecordingWarnings();
const lambdas = [0.001, 0.03, 0.3, 3, 30];

/** Mean squared leave-one-out error by n refits on n − 1 rows (λ·n/(n − 1): same penalty per summed loss). */
function bruteForceLoo(problem: SyntheticProblem, lambda: number, fitIntercept: boolean, standardizeScale?: Float64Array): number {
  const { n, p, columns, y } = problem;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const rows = rowsWithout(columns, n, p, i);
    // Column scaling fixed from the full data: scale the columns, fit unstandardized, predict on the same scale.
    const scaled = standardizeScale ? rows.map((r) => r.map((x, j) => x / standardizeScale[j]!)) : rows;
    const model = new Ridge({ lambda: (lambda * n) / (n - 1), fitIntercept, solver: 'cholesky', engine: 'js' }).fit(scaled, [...y.slice(0, i), ...y.slice(i + 1)]);
    const xi = Array.from({ length: p }, (_, j) => columns[j * n + i]! / (standardizeScale ? standardizeScale[j]! : 1));
    const e = y[i]! - model.predict([xi])[0]!;
    sum += e * e;
  }
  return sum / n;
}

function columnSd(problem: SyntheticProblem): Float64Array {
  const { n, p, columns } = problem;
  return Float64Array.from({ length: p }, (_, j) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += columns[j * n + i]! / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (columns[j * n + i]! - mean) ** 2 / n;
    return Math.sqrt(ss);
  });
}

describe('leave-one-out from one decomposition = brute-force leave-one-out', () => {
  const cases = [
    ['dense 30×6 (primal)', denseProblem(31, 30, 6)],
    ['dense 12×25 (dual)', denseProblem(32, 12, 25)],
    ['sparse 40×8 (primal, CSC)', sparseProblem(33, 40, 8, 0.3)],
  ] as const;
  it.each(cases.flatMap(([name], c) => [true, false].flatMap((fitIntercept) => (['wasm', 'js'] as const).map((engine) => [name, fitIntercept, engine, c] as const))))(
    '%s, fitIntercept %s, %s engine',
    (_name, fitIntercept, engine, c) => {
      const problem = cases[c]![1];
      const X = problem.sparse ? asCsc(problem) : asDense(problem);
      const model = new RidgeCV({ lambdas, fitIntercept, engine }).fit(X, problem.y);
      const brute = lambdas.map((lambda) => bruteForceLoo(problem, lambda, fitIntercept));
      // With p > n and λ = 0.001 the fit nearly interpolates: 1 − H_ii ~ 1e-3 amplifies the rounding of
      // both computations by ~1e6 in (e/(1 − H_ii))², so the dual problem is compared to 1e-8.
      expect(relativeDifference(model.cvScores, brute)).toBeLessThanOrEqual(problem.p > problem.n ? 1e-8 : 1e-9);
      const best = brute.indexOf(Math.min(...brute));
      expect(model.lambda).toBe(lambdas[best]);
      expect(model.converged).toBe(true);
      const refit = new Ridge({ lambda: model.lambda, fitIntercept }).fit(X, problem.y);
      expect(relativeDifference(model.coef, refit.coef)).toBeLessThanOrEqual(1e-10);
    },
  );

  it('with standardize: the columns are scaled by the full-data sd in every held-out fit', () => {
    const problem = denseProblem(34, 25, 5);
    const model = new RidgeCV({ lambdas, standardize: true }).fit(asDense(problem), problem.y);
    const sd = columnSd(problem);
    const brute = lambdas.map((lambda) => bruteForceLoo(problem, lambda, true, sd));
    expect(relativeDifference(model.cvScores, brute)).toBeLessThanOrEqual(1e-9);
  });

  it('several targets: the score is the mean of the per-target scores', () => {
    const problem = denseProblem(35, 30, 6);
    const { n, y } = problem;
    const y2 = y.map((v, i) => -v + Math.cos(i));
    const Y = DenseMatrix.fromColumnMajor(Float64Array.from([...y, ...y2]), n, 2);
    const both = new RidgeCV({ lambdas }).fit(asDense(problem), Y);
    const a = new RidgeCV({ lambdas }).fit(asDense(problem), y);
    const b = new RidgeCV({ lambdas }).fit(asDense(problem), y2);
    expect(relativeDifference(both.cvScores, a.cvScores.map((s, l) => (s + b.cvScores[l]!) / 2))).toBeLessThanOrEqual(1e-12);
  });
});

describe('generalized cross-validation', () => {
  it.each(['wasm', 'js'] as const)('equals Σ(y − ŷ)²/n / (1 − tr(H)/n)² with tr(H) from refits on unit vectors (%s)', (engine) => {
    const problem = denseProblem(36, 20, 5);
    const { n, y } = problem;
    const rows = asRows(problem);
    const model = new RidgeCV({ lambdas, cv: 'gcv', engine }).fit(rows, y);
    lambdas.forEach((lambda, l) => {
      let trace = 0;
      for (let i = 0; i < n; i++) {
        const e = new Float64Array(n);
        e[i] = 1;
        trace += new Ridge({ lambda }).fit(rows, e).predict([rows[i]!])[0]!;
      }
      const fitted = new Ridge({ lambda }).fit(rows, y).predict(rows);
      let rss = 0;
      for (let i = 0; i < n; i++) rss += (y[i]! - fitted[i]!) ** 2;
      const gcv = rss / n / (1 - trace / n) ** 2;
      expect(Math.abs(model.cvScores[l]! - gcv)).toBeLessThanOrEqual(1e-10 * gcv);
    });
  });
});

describe('K-fold cross-validation', () => {
  it.each([
    ['dense 60×8', denseProblem(37, 60, 8), false],
    ['dense 30×50 (dual)', denseProblem(38, 30, 50), false],
    ['sparse 80×10', sparseProblem(39, 80, 10, 0.3), false],
    ['dense 60×8, standardized', denseProblem(40, 60, 8), true],
  ] as const)('%s: equals refitting Ridge on each training fold', (_name, problem, standardize) => {
    const { n, p, columns, y } = problem;
    const K = 5;
    const seed = 17;
    const X = problem.sparse ? asCsc(problem) : asDense(problem);
    const model = new RidgeCV({ lambdas, cv: K, seed, standardize }).fit(X, y);
    const folds = assignFolds(n, K, seed);
    const expected = lambdas.map((lambda) => {
      let sum = 0;
      for (let f = 0; f < K; f++) {
        const trainRows: number[][] = [];
        const trainY: number[] = [];
        for (let i = 0; i < n; i++) {
          if (folds[i] === f) continue;
          trainRows.push(Array.from({ length: p }, (_, j) => columns[j * n + i]!));
          trainY.push(y[i]!);
        }
        const fit = new Ridge({ lambda, standardize, engine: 'js' }).fit(trainRows, trainY);
        for (let i = 0; i < n; i++) {
          if (folds[i] !== f) continue;
          const xi = Array.from({ length: p }, (_, j) => columns[j * n + i]!);
          sum += (y[i]! - fit.predict([xi])[0]!) ** 2;
        }
      }
      return sum / n;
    });
    expect(relativeDifference(model.cvScores, expected)).toBeLessThanOrEqual(1e-9);
    expect(model.lambda).toBe(lambdas[expected.indexOf(Math.min(...expected))]);
    expect(model.cvStdErrors!.length).toBe(lambdas.length);
    const js = new RidgeCV({ lambdas, cv: K, seed, standardize, engine: 'js' }).fit(X, y);
    expect(relativeDifference(js.cvScores, model.cvScores)).toBeLessThanOrEqual(1e-10);
  });
});

describe('the default grid', () => {
  it('50 values from 10·T down to 1e-6·T, T = Σ_j var(x_j); p when standardized', () => {
    const problem = denseProblem(41, 40, 7);
    const model = new RidgeCV({ standardize: true }).fit(asDense(problem), problem.y);
    const grid = model.lambdaGrid;
    expect(grid.length).toBe(50);
    expect(grid[0]).toBeCloseTo(70, 10);
    expect(grid[49]).toBeCloseTo(7e-6, 15);
    expect(model.cvScores.length).toBe(50);
  });
});

it('emitted no warnings', () => {
  expect(warnings).toEqual([]);
});
