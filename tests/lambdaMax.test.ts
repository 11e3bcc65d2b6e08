import { describe, test, expect, beforeAll } from 'vitest';
import { init, lambdaMax, Lasso, ElasticNet, DenseMatrix, CscMatrix, loadDiabetes, InvalidParameterError } from '../src/index.js';
import fixture from './fixtures/diabetes_gaussian.json';

function randomProblem(seed: number, n: number, p: number) {
  let s = seed >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const rows = Array.from({ length: n }, () => Array.from({ length: p }, () => (rand() > 0.3 ? 0 : rand() * 3 + 1)));
  const y = rows.map((r) => r[0]! - 2 * r[1]! + 0.5 * rand() + 4);
  return { X: DenseMatrix.fromRows(rows), y };
}

beforeAll(async () => {
  await init();
});

describe('lambdaMax', () => {
  test('matches scikit-learn on the raw diabetes data', () => {
    const { X, y } = loadDiabetes();
    expect(lambdaMax(X, y)).toBeCloseTo(fixture.lambda_max_lasso, 8);
  });

  for (const standardize of [false, true]) {
    for (const fitIntercept of [true, false]) {
      for (const l1Ratio of [1, 0.5]) {
        test(`is the boundary of the all-zero solution (standardize ${standardize}, intercept ${fitIntercept}, α ${l1Ratio})`, () => {
          const { X, y } = randomProblem(7, 60, 12);
          for (const matrix of [X, CscMatrix.fromDense(X)]) {
            const lmax = lambdaMax(matrix, y, { l1Ratio, fitIntercept, standardize });
            const options = { l1Ratio, fitIntercept, standardize, tol: 1e-12 };
            const atMax = new ElasticNet({ lambda: lmax, ...options }).fit(matrix, y);
            expect(Array.from(atMax.coef).every((c) => c === 0)).toBe(true);
            const below = new ElasticNet({ lambda: 0.99 * lmax, ...options }).fit(matrix, y);
            expect(Array.from(below.coef).some((c) => c !== 0)).toBe(true);
          }
        });
      }
    }
  }

  test('rejects l1Ratio 0 (ridge never zeroes coefficients)', () => {
    const { X, y } = randomProblem(1, 10, 3);
    expect(() => lambdaMax(X, y, { l1Ratio: 0 })).toThrow(InvalidParameterError);
  });

  test('a lasso at λ_max has intercept ȳ', () => {
    const { X, y } = randomProblem(3, 40, 5);
    const model = new Lasso({ lambda: lambdaMax(X, y) }).fit(X, y);
    expect(model.intercept).toBeCloseTo(y.reduce((a, b) => a + b, 0) / y.length, 12);
  });
});
