// Observation weights (sampleWeight) in single fits, paths and CV, checked against what they
// must mean: an integer weight k is the same as repeating the row k times, a zero weight the
// same as dropping the row, equal weights the same as no weights.
import { describe, test, expect, beforeAll } from 'vitest';
import { init, ElasticNet, enetPath, cvPath, DenseMatrix, CscMatrix, InvalidParameterError, ShapeMismatchError, NonFiniteValueError } from '../src/index.js';
import { SeededRandom } from '../src/random/SeededRandom.js';

beforeAll(async () => {
  await init();
});

function problem(seed: number, n: number, p: number) {
  const rng = new SeededRandom(seed);
  const rows = Array.from({ length: n }, () => Array.from({ length: p }, () => (rng.uniform() < 0.4 ? 0 : 3 + rng.normal())));
  const y = rows.map((r) => 2 * r[0]! - r[1]! + 0.5 * r[2]! + rng.normal());
  const weights = Array.from({ length: n }, () => rng.int(4)); // 0, 1, 2 or 3
  weights[0] = 2; // at least one positive
  return { rows, y, weights };
}

/** The rows repeated as many times as their (integer) weight. */
function expand(rows: number[][], y: number[], weights: number[]) {
  const xr: number[][] = [];
  const yr: number[] = [];
  rows.forEach((r, i) => {
    for (let k = 0; k < weights[i]!; k++) {
      xr.push(r);
      yr.push(y[i]!);
    }
  });
  return { rows: xr, y: yr };
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, j) => Math.abs(v - b[j]!)));

describe('sampleWeight', () => {
  for (const engine of ['wasm', 'js'] as const) {
    for (const layout of ['dense', 'csc'] as const) {
      for (const standardize of [false, true]) {
        test(`integer weights = repeated rows (${engine}, ${layout}, standardize ${standardize}); zero weight = dropped row`, () => {
          const { rows, y, weights } = problem(11, 60, 8);
          const make = (r: number[][]) => (layout === 'dense' ? DenseMatrix.fromRows(r) : CscMatrix.fromDense(DenseMatrix.fromRows(r)));
          const options = { lambda: 0.05, l1Ratio: 0.7, standardize, tol: 1e-14, maxIter: 100000, engine };
          const weighted = new ElasticNet(options).fit(make(rows), y, { sampleWeight: weights });
          const repeated = expand(rows, y, weights);
          const reference = new ElasticNet(options).fit(make(repeated.rows), repeated.y);
          expect(weighted.converged).toBe(true);
          expect(maxDiff(weighted.coef, reference.coef)).toBeLessThanOrEqual(1e-9 * Math.max(1, ...Array.from(reference.coef, Math.abs)));
          expect(Math.abs(weighted.intercept - reference.intercept)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(reference.intercept)));
          // Same objective (both are ½·mean over the repeated rows + penalty).
          expect(Math.abs(weighted.objective - reference.objective)).toBeLessThanOrEqual(1e-10 * reference.objective);
          // The cyclic solver honours the weights too (compared with itself on the repeated rows:
          // two different algorithms at gap 1e-14 may differ by ~√(gap/μ) in the coefficients).
          const cyclic = new ElasticNet({ ...options, solver: 'cyclic' }).fit(make(rows), y, { sampleWeight: weights });
          const cyclicRepeated = new ElasticNet({ ...options, solver: 'cyclic' }).fit(make(repeated.rows), repeated.y);
          expect(maxDiff(cyclic.coef, cyclicRepeated.coef)).toBeLessThanOrEqual(1e-9 * Math.max(1, ...Array.from(reference.coef, Math.abs)));
        });
      }
    }
  }

  test('equal weights give the unweighted fit; a path with weights = the path on repeated rows', () => {
    const { rows, y, weights } = problem(12, 50, 6);
    const X = DenseMatrix.fromRows(rows);
    const plain = new ElasticNet({ lambda: 0.1, tol: 1e-14 }).fit(X, y);
    const equal = new ElasticNet({ lambda: 0.1, tol: 1e-14 }).fit(X, y, { sampleWeight: new Array(50).fill(3.5) });
    expect(maxDiff(plain.coef, equal.coef)).toBeLessThanOrEqual(1e-10);
    const repeated = expand(rows, y, weights);
    const lambdas = [1, 0.3, 0.1, 0.03];
    const a = enetPath(X, y, { lambdas, sampleWeight: weights, tol: 1e-13 });
    const b = enetPath(DenseMatrix.fromRows(repeated.rows), repeated.y, { lambdas, tol: 1e-13 });
    for (let k = 0; k < lambdas.length; k++) {
      expect(maxDiff(a.coefAt(k), b.coefAt(k))).toBeLessThanOrEqual(1e-8);
      expect(Math.abs(a.devRatio[k]! - b.devRatio[k]!)).toBeLessThanOrEqual(1e-10);
    }
  });

  test('cvPath: equal weights reproduce the unweighted cross-validation; weighted fold errors are weighted means', () => {
    const { rows, y } = problem(13, 80, 6);
    const X = DenseMatrix.fromRows(rows);
    const foldId = Array.from({ length: 80 }, (_, i) => i % 4);
    const plain = cvPath(X, y, { foldId, nLambda: 20, tol: 1e-12 });
    const equal = cvPath(X, y, { foldId, nLambda: 20, tol: 1e-12, sampleWeight: new Array(80).fill(2) });
    expect(maxDiff(plain.cvMean, equal.cvMean)).toBeLessThanOrEqual(1e-9 * Math.max(...plain.cvMean));
    expect(equal.indexMin).toBe(plain.indexMin);
    // A weight of 0 on a held-out row removes it from its fold's error: compare with the
    // same fold error computed by hand from a fit on the other folds.
    const w = new Array(80).fill(1);
    w[0] = 0; // row 0 is in fold 0
    const weighted = cvPath(X, y, { foldId, lambdas: plain.lambdas, tol: 1e-12, sampleWeight: w });
    const train = rows.map((_, i) => i).filter((i) => foldId[i] !== 0);
    const held = rows.map((_, i) => i).filter((i) => foldId[i] === 0 && i !== 0);
    const fit = new ElasticNet({ lambda: plain.lambdas[10]!, l1Ratio: 0.5, tol: 1e-13 }).fit(train.map((i) => rows[i]!), train.map((i) => y[i]!));
    const pred = fit.predict(held.map((i) => rows[i]!));
    const mse = held.reduce((s, i, t) => s + (y[i]! - pred[t]!) ** 2, 0) / held.length;
    expect(Math.abs(weighted.foldErrors[0]![10]! - mse)).toBeLessThanOrEqual(1e-6 * mse);
  });

  test('bad weights are typed errors, before any work', () => {
    const { rows, y } = problem(14, 10, 3);
    const model = new ElasticNet({ lambda: 0.1 });
    expect(() => model.fit(rows, y, { sampleWeight: [1, 2] })).toThrow(ShapeMismatchError);
    expect(() => model.fit(rows, y, { sampleWeight: [...new Array(9).fill(1), -1] })).toThrow(InvalidParameterError);
    expect(() => model.fit(rows, y, { sampleWeight: new Array(10).fill(0) })).toThrow(InvalidParameterError);
    expect(() => model.fit(rows, y, { sampleWeight: [...new Array(9).fill(1), NaN] })).toThrow(NonFiniteValueError);
    try {
      model.fit(rows, y, { sampleWeight: [...new Array(9).fill(1), -1] });
    } catch (e) {
      expect((e as InvalidParameterError).argument).toBe('sampleWeight');
    }
    expect(() => enetPath(rows, y, { sampleWeight: [1] })).toThrow(ShapeMismatchError);
  });
});
