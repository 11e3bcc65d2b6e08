// Penalty factors, exclude and bounds against glmnet itself (fixture written by
// scripts/fixtures/glmnetPenalty.R on the raw diabetes data): glmnet's penalty.factor
// (rescaled to sum to p), exclude, lower.limits and upper.limits on the original scale, with
// and without standardization, lasso and elastic net, dense and sparse, both engines.
// The α/λ mapping for the elastic net is glmnetStandardized.test.ts's (glmnet scales y by s_y).
import { describe, test, expect, beforeAll } from 'vitest';
import { init, ElasticNet, CscMatrix, loadDiabetes } from '../src/index.js';
import fixture from './fixtures/diabetes_glmnet_penalty.json';

beforeAll(async () => {
  await init();
});

describe('penalty options reproduce glmnet(penalty.factor, exclude, lower.limits, upper.limits)', () => {
  const { X, y } = loadDiabetes();
  const sparseX = CscMatrix.fromDense(X);
  const n = y.length;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const sy = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  const none = (v: number) => (v >= 1e308 ? Infinity : v <= -1e308 ? -Infinity : v);
  for (const ref of fixture.fits) {
    test(ref.name, () => {
      const l1 = ref.lambda * ref.alpha;
      const l2 = (ref.lambda * (1 - ref.alpha)) / sy;
      for (const engine of ['wasm', 'js'] as const) {
        for (const matrix of [X, sparseX]) {
          const model = new ElasticNet({
            lambda: l1 + l2, l1Ratio: l1 / (l1 + l2), standardize: ref.standardize, tol: 1e-13, maxIter: 100000, engine,
            penaltyFactor: ref.penalty_factor, exclude: ref.exclude_0based,
            lowerLimits: ref.lower.map(none), upperLimits: ref.upper.map(none),
          }).fit(matrix, y);
          expect(model.converged).toBe(true);
          const scale = Math.max(...ref.coef.map(Math.abs));
          model.coef.forEach((c, j) => expect(Math.abs(c - ref.coef[j]!)).toBeLessThanOrEqual(1e-6 * scale));
          expect(Math.abs(model.intercept - ref.intercept)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(ref.intercept)));
          ref.coef.forEach((c, j) => {
            if (c === 0) expect(model.coef[j]).toBe(0);
            // Never outside a bound (glmnet itself may be off by a rounding).
            expect(model.coef[j]!).toBeGreaterThanOrEqual(none(ref.lower[j]!));
            expect(model.coef[j]!).toBeLessThanOrEqual(none(ref.upper[j]!));
          });
          for (const j of ref.exclude_0based) expect(model.coef[j]).toBe(0);
        }
      }
    });
  }
});
