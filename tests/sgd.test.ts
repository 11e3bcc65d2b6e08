import { describe, expect, test } from 'vitest';
import {
  ConvergenceWarning, InvalidParameterError, Lasso, SGDClassifier, SGDRegressor, SgdConvergenceWarning, fitProximal, setWarningHandler, type L1L2Warning,
} from '../src/index.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';
import { asCsc, asDense, denseProblem, sparseProblem } from './helpers/syntheticRegression.js';
import { SeededRandom } from '../src/random/SeededRandom.js';

const warnings = simdSuiteRecordingWarnings();

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** Runs body with warnings captured (fits deliberately stopped early), returning them. */
function captureWarnings(body: () => void): L1L2Warning[] {
  const seen: L1L2Warning[] = [];
  const previous = setWarningHandler((w) => seen.push(w));
  try {
    body();
  } finally {
    setWarningHandler(previous);
  }
  return seen;
}

const problem = denseProblem(5, 500, 20, { heterogeneous: false });
const X = asDense(problem);

describe('update rule (hand-computed)', () => {
  test('two samples, no shuffle, invscaling: w and b after one epoch match the formulas', () => {
    // x = [1, 2] → sample 0: x = 1, y = 3; sample 1: x = 2, y = 1. l2 = λ(1−α) = 0.1, no L1.
    const eta0 = 0.1;
    const powerT = 0.25;
    const l2 = 0.1;
    let w = 0;
    let b = 0;
    const samples: [number, number][] = [[1, 3], [2, 1]];
    samples.forEach(([x, y], k) => {
      const eta = eta0 / Math.pow(k + 1, powerT);
      const d = w * x + b - y; // squared-loss derivative at the old w
      w = (1 - eta * l2) * w - eta * d * x;
      b = b - eta * d;
    });
    const model = new SGDRegressor({
      lambda: 0.1, l1Ratio: 0, learningRate: 'invscaling', eta0, powerT, shuffle: false, maxIter: 1, tol: 0, nIterNoChange: 1,
    });
    const seen = captureWarnings(() => model.fit([[1], [2]], [3, 1]));
    expect(seen.length).toBe(1); // one epoch cannot meet a stopping rule that needs 1 epoch without progress
    expect(model.coef[0]).toBeCloseTo(w, 14);
    expect(model.intercept).toBeCloseTo(b, 14);
    expect(model.nUpdates).toBe(2);
  });

  test('cumulative L1 (Tsuruoka et al. 2009): a weight is clipped at 0, never pushed across it', () => {
    // One feature, one sample: after the gradient step w = η·x·y; the cumulative penalty u = η·l1 > w sets it to 0 exactly.
    const model = new SGDRegressor({ lambda: 5, l1Ratio: 1, learningRate: 'constant', eta0: 0.1, shuffle: false, maxIter: 1, tol: 0, nIterNoChange: 1, fitIntercept: false });
    captureWarnings(() => model.fit([[1]], [0.3]));
    // w after the data step: 0.1·0.3 = 0.03; u = 0.1·5 = 0.5 > 0.03 → 0 (the subgradient rule would give 0.03 − 0.5 < 0).
    expect(model.coef[0]).toBe(0);
    const sub = new SGDRegressor({ lambda: 5, l1Ratio: 1, l1Method: 'subgradient', learningRate: 'constant', eta0: 0.1, shuffle: false, maxIter: 1, tol: 0, nIterNoChange: 1, fitIntercept: false });
    captureWarnings(() => sub.fit([[1]], [0.3]));
    expect(sub.coef[0]).toBeCloseTo(0.03, 15); // sign(0) = 0 at the start: only the data step
  });
});

describe('determinism', () => {
  test('the same seed gives bit-identical coefficients; another seed does not', () => {
    const o = { lambda: 0.05, l1Ratio: 1, eta0: 0.05, seed: 7, maxIter: 20 } as const;
    const a = new SGDRegressor(o).fit(X, problem.y);
    const b = new SGDRegressor(o).fit(X, problem.y);
    const c = new SGDRegressor({ ...o, seed: 8 }).fit(X, problem.y);
    expect(Array.from(a.coef)).toEqual(Array.from(b.coef));
    expect(a.intercept).toBe(b.intercept);
    expect(maxAbsDiff(a.coef, c.coef)).toBeGreaterThan(1e-6);
  });

  test('WASM = TS (same epochs, coefficients to 1e-12), dense and CSC, both L1 rules, mini-batches', () => {
    const sparse = sparseProblem(6, 300, 30, 0.2, { heterogeneous: false });
    for (const Xm of [asDense(sparse), asCsc(sparse)]) {
      for (const l1Method of ['cumulative', 'subgradient'] as const) {
        for (const batchSize of [1, 16]) {
          const o = { lambda: 0.02, l1Ratio: 0.8, l1Method, batchSize, eta0: 0.05, seed: 3, maxIter: 30, tol: 1e-6 };
          const a = new SGDRegressor({ ...o, engine: 'wasm' });
          const b = new SGDRegressor({ ...o, engine: 'js' });
          const warnedA = captureWarnings(() => a.fit(Xm, sparse.y)).map((w) => w.message);
          const warnedB = captureWarnings(() => b.fit(Xm, sparse.y)).map((w) => w.message);
          expect(warnedA).toEqual(warnedB);
          expect(a.engineUsed).toBe('wasm');
          expect(a.nIter).toBe(b.nIter);
          expect(maxAbsDiff(a.coef, b.coef)).toBeLessThan(1e-12);
          expect(a.coef.map((v) => (v === 0 ? 1 : 0))).toEqual(b.coef.map((v) => (v === 0 ? 1 : 0)));
        }
      }
    }
  });

  test('CSC = dense when the penalty is L2 only (no lazy L1 step)', () => {
    const sparse = sparseProblem(9, 200, 15, 0.3, { heterogeneous: false });
    const o = { lambda: 0.01, l1Ratio: 0, eta0: 0.02, seed: 1, maxIter: 10, tol: 1e-6 };
    const a = new SGDRegressor(o);
    const b = new SGDRegressor(o);
    captureWarnings(() => a.fit(asDense(sparse), sparse.y));
    captureWarnings(() => b.fit(asCsc(sparse), sparse.y));
    expect(maxAbsDiff(a.coef, b.coef)).toBeLessThan(1e-12);
  });
});

describe('L1: exact zeros', () => {
  const lasso = new Lasso({ lambda: 0.05, tol: 1e-12 }).fit(X, problem.y);
  const o = { lambda: 0.05, l1Ratio: 1, eta0: 0.05, seed: 1, maxIter: 200, tol: 1e-6 };
  test('the cumulative penalty zeroes exactly the features the lasso zeroes (or more); the subgradient rule zeroes none', () => {
    const zerosOfLasso = lasso.coef.map((v) => (v === 0 ? 1 : 0)).reduce((s, v) => s + v, 0);
    expect(zerosOfLasso).toBeGreaterThan(5);
    const cumulative = new SGDRegressor(o).fit(X, problem.y);
    const subgradient = new SGDRegressor({ ...o, l1Method: 'subgradient' }).fit(X, problem.y);
    for (let j = 0; j < problem.p; j++) if (lasso.coef[j] === 0) expect(cumulative.coef[j]).toBe(0);
    expect(subgradient.coef.every((v) => v !== 0)).toBe(true);
    // ... and the subgradient rule's would-be zeros hover at the scale of the step η·λ, not at 0.
    const hover = Math.max(...subgradient.coef.filter((_, j) => lasso.coef[j] === 0).map(Math.abs));
    expect(hover).toBeGreaterThan(1e-4);
    expect(cumulative.objective).toBeLessThan(subgradient.objective);
  });
});

describe('approaches the optimum', () => {
  test('SGDRegressor (lasso): objective within 0.5% of coordinate descent', () => {
    const lasso = new Lasso({ lambda: 0.05, tol: 1e-12 }).fit(X, problem.y);
    const m = new SGDRegressor({ lambda: 0.05, l1Ratio: 1, learningRate: 'invscaling', eta0: 0.05, seed: 1, maxIter: 300, tol: 1e-7 }).fit(X, problem.y);
    expect(m.objective).toBeGreaterThanOrEqual(lasso.objective * (1 - 1e-12)); // CD is optimal
    expect((m.objective - lasso.objective) / lasso.objective).toBeLessThan(5e-3);
    // Mini-batches of 8 too.
    const mb = new SGDRegressor({ lambda: 0.05, l1Ratio: 1, learningRate: 'invscaling', eta0: 0.2, batchSize: 8, seed: 1, maxIter: 500, tol: 1e-7 }).fit(X, problem.y);
    expect((mb.objective - lasso.objective) / lasso.objective).toBeLessThan(5e-3);
  });

  test('SGDClassifier (L1 logistic, optimal schedule): objective within 1% of the FISTA optimum; accuracy as good', () => {
    const rng = new SeededRandom(4);
    const labels = new Float64Array(problem.n);
    for (let i = 0; i < problem.n; i++) {
      const eta = problem.columns[i]! - problem.columns[problem.n + i]! + 0.3;
      labels[i] = rng.uniform() < 1 / (1 + Math.exp(-2 * eta)) ? 1 : 0;
    }
    const lambda = 0.01;
    const best = fitProximal(X, labels, { loss: 'logistic', lambda, tol: 1e-12, maxIter: 100000 });
    const m = new SGDClassifier({ lambda, l1Ratio: 1, seed: 2, maxIter: 100, tol: 1e-6 }).fit(X, labels);
    expect(m.objective).toBeGreaterThanOrEqual(best.objective * (1 - 1e-9));
    expect((m.objective - best.objective) / best.objective).toBeLessThan(1e-2);
    const p = m.predictProba(X);
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
    expect(m.score(X, labels)).toBeGreaterThan(0.7);
  });
});

describe('bad input and warnings', () => {
  const expectError = (make: () => unknown, argument: string) => {
    try {
      make();
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidParameterError);
      expect((e as InvalidParameterError).argument).toBe(argument);
    }
  };
  test('typed errors naming the argument', () => {
    expectError(() => new SGDClassifier({ lambda: 0 }), 'learningRate');
    expectError(() => new SGDRegressor({ batchSize: 0 }), 'batchSize');
    expectError(() => new SGDRegressor({ l1Method: 'truncated' as never }), 'l1Method');
    expectError(() => new SGDRegressor({ learningRate: 'adaptive' as never }), 'learningRate');
    expectError(() => new SGDRegressor({ eta0: 0 }), 'eta0');
    expectError(() => new SGDRegressor({ seed: -1 }), 'seed');
    expectError(() => new SGDClassifier().fit(X, problem.y), 'y');
  });

  test('maxIter reached before the stopping rule: a ConvergenceWarning with the KKT residual', () => {
    const seen: L1L2Warning[] = [];
    const previous = setWarningHandler((w) => seen.push(w));
    try {
      const m = new SGDRegressor({ maxIter: 2, tol: 1e-12 }).fit(X, problem.y);
      expect(m.converged).toBe(false);
      expect(m.nIter).toBe(2);
    } finally {
      setWarningHandler(previous);
    }
    expect(seen.length).toBe(1);
    expect(seen[0]).toBeInstanceOf(ConvergenceWarning);
    expect(seen[0]).toBeInstanceOf(SgdConvergenceWarning);
    expect(seen[0]!.message).toMatch(/after 2 epochs/);
  });

  test('no other warnings', () => {
    expect(warnings.map((w) => w.message)).toEqual([]);
  });
});
