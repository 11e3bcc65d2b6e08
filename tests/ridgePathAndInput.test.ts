/**
 * ridgePath (one decomposition for a grid) against separate fits; bad input giving the documented typed
 * errors before any work; the caller's arrays left untouched; RidgeConvergenceWarning on non-convergence;
 * WebAssembly memory returning to its level after fits.
 */
import { describe, expect, it } from 'vitest';
import {
  DenseMatrix, EmptyDataError, InvalidParameterError, NonFiniteValueError, NotFittedError, ShapeMismatchError, setWarningHandler, type L1L2Warning,
} from '../src/index.js';
import { Ridge } from '../src/ridge/Ridge.js';
import { RidgeCV } from '../src/ridge/RidgeCV.js';
import { ridgePath } from '../src/ridge/ridgePath.js';
import { RidgeConvergenceWarning } from '../src/ridge/RidgeConvergenceWarning.js';
import { wasmRuntime } from '../src/wasm/runtime.js';
import { asCsc, asDense, asRows, denseProblem, sparseProblem } from './helpers/syntheticRegression.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';
import { relativeDifference } from './helpers/ridgeOracle.js';

const warnings = simdSuiteRecordingWarnings();
const grid = [5, 0.5, 0.05, 50, 0.005];

describe('ridgePath', () => {
  it.each([
    ['dense 60×15', denseProblem(51, 60, 15)],
    ['dense 20×45', denseProblem(52, 20, 45)],
    ['sparse 70×20', sparseProblem(53, 70, 20, 0.2)],
  ] as const)('%s: every point equals a separate Ridge fit, in the order given', (_name, problem) => {
    const X = problem.sparse ? asCsc(problem) : asDense(problem);
    for (const engine of ['wasm', 'js'] as const) {
      for (const solver of ['auto', 'eigen', 'cholesky', 'cg'] as const) {
        const path = ridgePath(X, problem.y, { lambdas: grid, standardize: true, engine, solver, tol: 1e-12 });
        expect(Array.from(path.lambdas)).toEqual(grid);
        expect(path.solver).toBe(solver === 'auto' ? (problem.sparse ? 'cg' : 'eigen') : solver);
        expect(path.converged).toBe(true);
        grid.forEach((lambda, l) => {
          const single = new Ridge({ lambda, standardize: true, solver: 'cholesky', engine: 'js' }).fit(X, problem.y);
          expect(relativeDifference(path.coefs[l]!, single.coef)).toBeLessThanOrEqual(1e-9);
          expect(Math.abs(path.intercepts[l]![0]! - single.intercept)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(single.intercept)));
          expect(path.relativeGradients[l]).toBeLessThanOrEqual(1e-12);
        });
      }
    }
  });

  it('λ = 0 first on a p > n problem: the Cholesky path falls back to the minimum-norm solution and keeps its XXᵀ for the next λ', () => {
    const problem = denseProblem(58, 15, 40);
    for (const engine of ['wasm', 'js'] as const) {
      const chol = ridgePath(asDense(problem), problem.y, { lambdas: [0, 1, 0.1], solver: 'cholesky', engine });
      const eig = ridgePath(asDense(problem), problem.y, { lambdas: [0, 1, 0.1], solver: 'eigen', engine });
      for (let l = 0; l < 3; l++) expect(relativeDifference(chol.coefs[l]!, eig.coefs[l]!)).toBeLessThanOrEqual(1e-8);
    }
  });
});

describe('bad input: typed errors before any work', () => {
  const problem = denseProblem(54, 10, 3);
  const rows = asRows(problem);
  const y = Array.from(problem.y);

  it.each([
    ['lambda', () => new Ridge({ lambda: -1 })],
    ['lambda', () => new Ridge({ lambda: Number.NaN })],
    ['lambda', () => new Ridge({} as never)],
    ['solver', () => new Ridge({ lambda: 1, solver: 'qr' as never })],
    ['tol', () => new Ridge({ lambda: 1, tol: 0 })],
    ['maxIter', () => new Ridge({ lambda: 1, maxIter: 0 })],
    ['fitIntercept', () => new Ridge({ lambda: 1, fitIntercept: 1 as never })],
    ['engine', () => new Ridge({ lambda: 1, engine: 'gpu' as never })],
    ['lambdas', () => new RidgeCV({ lambdas: [] })],
    ['lambdas', () => new RidgeCV({ lambdas: [1, 0] })],
    ['lambdas', () => new RidgeCV({ lambdas: [1, Infinity] })],
    ['cv', () => new RidgeCV({ cv: 1 })],
    ['cv', () => new RidgeCV({ cv: 'kfold' as never })],
    ['seed', () => new RidgeCV({ seed: -2 })],
    ['lambdas', () => ridgePath(rows, y, {} as never)],
    ['lambdas', () => ridgePath(rows, y, { lambdas: [1, -1] })],
    ['solver', () => ridgePath(rows, y, { lambdas: [1], solver: 'cd' as never })],
  ] as const)('InvalidParameterError naming %s', (argument, call) => {
    expect(call).toThrow(InvalidParameterError);
    try {
      call();
    } catch (e) {
      expect((e as InvalidParameterError).argument).toBe(argument);
    }
  });

  it.each([
    [ShapeMismatchError, 'y', () => new Ridge({ lambda: 1 }).fit(rows, y.slice(1))],
    [ShapeMismatchError, 'y', () => new Ridge({ lambda: 1 }).fit(rows, DenseMatrix.fromRows(rows.slice(1)))],
    [ShapeMismatchError, 'y', () => new Ridge({ lambda: 1 }).fit(rows, rows.map((r, i) => (i === 3 ? [1] : r)))],
    [ShapeMismatchError, 'sampleWeight', () => new Ridge({ lambda: 1 }).fit(rows, y, { sampleWeight: [1, 2] })],
    [NonFiniteValueError, 'y', () => new Ridge({ lambda: 1 }).fit(rows, y.map((v, i) => (i === 2 ? Number.NaN : v)))],
    [NonFiniteValueError, 'y', () => new Ridge({ lambda: 1 }).fit(rows, rows.map((r, i) => (i === 1 ? [r[0]!, Infinity] : [r[0]!, r[1]!])))],
    [NonFiniteValueError, 'sampleWeight', () => new Ridge({ lambda: 1 }).fit(rows, y, { sampleWeight: y.map(() => Number.NaN) })],
    [InvalidParameterError, 'sampleWeight', () => new Ridge({ lambda: 1 }).fit(rows, y, { sampleWeight: y.map((_, i) => (i === 0 ? -1 : 1)) })],
    [InvalidParameterError, 'sampleWeight', () => new Ridge({ lambda: 1 }).fit(rows, y, { sampleWeight: y.map(() => 0) })],
    [EmptyDataError, 'y', () => new Ridge({ lambda: 1 }).fit(rows, rows.map(() => []))],
    [InvalidParameterError, 'cv', () => new RidgeCV({ cv: 11 }).fit(rows, y)],
    [ShapeMismatchError, 'y', () => new RidgeCV().fit(rows, y.slice(2))],
  ] as const)('%o naming %s', (ErrorClass, argument, call) => {
    expect(call).toThrow(ErrorClass);
    try {
      call();
    } catch (e) {
      expect((e as { argument: string }).argument).toBe(argument);
    }
  });

  it('NotFittedError before fit; predict with the wrong number of columns is a ShapeMismatchError', () => {
    expect(() => new Ridge({ lambda: 1 }).coef).toThrow(NotFittedError);
    expect(() => new Ridge({ lambda: 1 }).predict(rows)).toThrow(NotFittedError);
    expect(() => new RidgeCV().lambda).toThrow(NotFittedError);
    const model = new Ridge({ lambda: 1 }).fit(rows, y);
    expect(() => model.predict([[1, 2]])).toThrow(ShapeMismatchError);
    expect(() => model.score(rows, [y, y].map(() => 0))).toThrow(ShapeMismatchError);
  });

  it("never modifies the caller's arrays", () => {
    const rowsCopy = rows.map((r) => r.slice());
    const yCopy = y.slice();
    const weights = y.map((_, i) => 1 + (i % 3));
    const weightsCopy = weights.slice();
    new Ridge({ lambda: 1, standardize: true }).fit(rows, y, { sampleWeight: weights });
    new RidgeCV({ cv: 3 }).fit(rows, y, { sampleWeight: weights });
    ridgePath(rows, y, { lambdas: [1, 2], sampleWeight: weights });
    expect(rows).toEqual(rowsCopy);
    expect(y).toEqual(yCopy);
    expect(weights).toEqual(weightsCopy);
  });
});

describe('non-convergence', () => {
  it.each(['cg', 'cd'] as const)('%s with maxIter 1: converged false and a RidgeConvergenceWarning', (solver) => {
    const problem = denseProblem(55, 50, 20);
    const seen: L1L2Warning[] = [];
    const previous = setWarningHandler((w) => seen.push(w));
    try {
      const model = new Ridge({ lambda: 0.01, solver, maxIter: 1 }).fit(asDense(problem), problem.y);
      expect(model.converged).toBe(false);
      expect(model.relativeGradient).toBeGreaterThan(1e-10);
      expect(seen.length).toBe(1);
      const w = seen[0] as RidgeConvergenceWarning;
      expect(w).toBeInstanceOf(RidgeConvergenceWarning);
      expect(w.solver).toBe(solver);
      expect(w.relativeGradient).toBe(model.relativeGradient);
    } finally {
      setWarningHandler(previous);
    }
  });
});

describe('memory', () => {
  it('WebAssembly memory in use returns to its level after fits (X stays resident until disposed)', () => {
    const runtime = wasmRuntime()!;
    const problem = denseProblem(56, 80, 30);
    const sparse = sparseProblem(57, 80, 120, 0.1);
    const X = asDense(problem);
    const S = asCsc(sparse);
    new Ridge({ lambda: 1 }).fit(X, problem.y);
    new Ridge({ lambda: 1 }).fit(S, sparse.y);
    const before = runtime.heap.bytesInUse;
    for (let k = 0; k < 30; k++) {
      new Ridge({ lambda: 1, solver: (['cholesky', 'eigen', 'cg'] as const)[k % 3] }).fit(k % 2 ? X : S, k % 2 ? problem.y : sparse.y);
      new RidgeCV({ lambdas: [0.1, 1], cv: k % 2 ? 'loo' : 3 }).fit(X, problem.y);
      ridgePath(S, sparse.y, { lambdas: [1, 2], solver: 'eigen' });
    }
    expect(runtime.heap.bytesInUse).toBe(before);
    X.dispose();
    S.dispose();
  });
});

it('emitted no other warnings', () => {
  expect(warnings).toEqual([]);
});
