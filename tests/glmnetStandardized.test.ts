// `standardize: true` against glmnet itself (fixture written by
// scripts/fixtures/glmnetStandardized.R): same penalty on standardized coefficients,
// same centred 1/n standard deviation, coefficients on the original scale — with and
// without an intercept, for the lasso and the elastic net, dense and sparse, both engines.
//
// Parameter mapping. For the Gaussian family glmnet divides y by its 1/n standard
// deviation s_y internally and reports λ on y's scale, which leaves the lasso unchanged
// but makes its effective ridge weight λ(1−α)/s_y. In our objective (scikit-learn's)
// l1 = λα and l2 = λ(1−α); so glmnet(α, λ) ≡ l1l2(λ' = λα + λ(1−α)/s_y, α' = λα/λ').
// (Without an intercept glmnet uses the uncentred s_y = sqrt(mean(y²)).)
import { describe, test, expect, beforeAll } from 'vitest';
import { init, ElasticNet, CscMatrix, loadDiabetes } from '../src/index.js';
import fixture from './fixtures/diabetes_glmnet_standardized.json';

beforeAll(async () => {
  await init();
});

describe('standardize: true reproduces glmnet(standardize = TRUE)', () => {
  const { X, y } = loadDiabetes();
  const sparseX = CscMatrix.fromDense(X);
  const n = y.length;
  function glmnetToL1l2(alpha: number, lambda: number, intercept: boolean): { lambda: number; l1Ratio: number } {
    const mean = intercept ? y.reduce((a, b) => a + b, 0) / n : 0;
    const sy = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    const l1 = lambda * alpha;
    const l2 = (lambda * (1 - alpha)) / sy;
    return { lambda: l1 + l2, l1Ratio: l1 / (l1 + l2) };
  }
  for (const ref of fixture.fits) {
    test(`α = ${ref.alpha}, λ = ${ref.lambda}, intercept ${ref.intercept_fitted}`, () => {
      for (const engine of ['wasm', 'js'] as const) {
        for (const matrix of [X, sparseX]) {
          const model = new ElasticNet({
            ...glmnetToL1l2(ref.alpha, ref.lambda, ref.intercept_fitted), standardize: true, fitIntercept: ref.intercept_fitted,
            tol: 1e-13, maxIter: 100000, engine,
          }).fit(matrix, y);
          expect(model.converged).toBe(true);
          const scale = Math.max(...ref.coef.map(Math.abs));
          model.coef.forEach((c, j) => expect(Math.abs(c - ref.coef[j]!)).toBeLessThanOrEqual(1e-6 * scale));
          expect(Math.abs(model.intercept - ref.intercept)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(ref.intercept)));
          // Exact zeros where glmnet has exact zeros.
          ref.coef.forEach((c, j) => { if (c === 0) expect(model.coef[j]).toBe(0); });
        }
      }
    });
  }
});
