import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DenseMatrix, LogisticRegression, logisticPath } from '../src/index.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';
import { auditLogistic } from './helpers/logisticOracle.js';

/** glmnet's binomial L1 and α = 0.5 paths on standardized breast-cancer features (polished to KKT 1e-9). */
interface BinomialFixture {
  n: number;
  p: number;
  X_standardized: number[][];
  y: number[];
  paths: { alpha: number; fits: { lambda: number; intercept: number; coef: number[]; objective: number; nnz: number }[] }[];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/breast_cancer_binomial.json', import.meta.url), 'utf8')) as BinomialFixture;
const X = DenseMatrix.fromRows(fixture.X_standardized);
const columns = new Float64Array(fixture.n * fixture.p);
fixture.X_standardized.forEach((row, i) => row.forEach((v, j) => (columns[j * fixture.n + i] = v)));

/** max |ours − ref| over coefficients and intercept, relative to the largest reference value. */
function relativeCoefError(coef: ArrayLike<number>, intercept: number, ref: { coef: number[]; intercept: number }): number {
  let scale = Math.abs(ref.intercept);
  let diff = Math.abs(intercept - ref.intercept);
  for (let j = 0; j < ref.coef.length; j++) {
    scale = Math.max(scale, Math.abs(ref.coef[j]!));
    diff = Math.max(diff, Math.abs(coef[j]! - ref.coef[j]!));
  }
  return diff / scale;
}

describe('logistic regression against the glmnet binomial fixture (breast cancer, n = 569, p = 30)', () => {
  const warnings = simdSuiteRecordingWarnings();
  // Tight enough that the objective's own error (≤ the gap) is far below the 1e-9 being checked.
  const tol = 1e-13;

  for (const path of fixture.paths) {
    for (const engine of ['wasm', 'js'] as const) {
      it(`α = ${path.alpha}, ${engine}: single-λ fits match at all ${path.fits.length} λ (coef 1e-5, objective 1e-9, relative)`, () => {
        for (const ref of path.fits) {
          const model = new LogisticRegression({ lambda: ref.lambda, l1Ratio: path.alpha, tol, engine }).fit(X, fixture.y);
          expect(model.converged).toBe(true);
          expect(relativeCoefError(model.coef, model.intercept, ref)).toBeLessThan(1e-5);
          // Our objective recomputed from scratch, against the fixture's.
          const audit = auditLogistic(columns, fixture.n, fixture.p, fixture.y, model.coef, model.intercept, ref.lambda, path.alpha);
          expect(Math.abs(audit.objective - ref.objective) / ref.objective).toBeLessThan(1e-9);
          expect(Math.abs(model.objective - audit.objective) / audit.objective).toBeLessThan(1e-12);
          // The same support (glmnet's zeros are exact zeros here too).
          expect(model.coef.filter((c) => c !== 0).length).toBe(ref.nnz);
        }
        expect(warnings).toEqual([]);
      });
    }

    it(`α = ${path.alpha}: the warm-started path over the fixture's λ grid matches at every λ`, () => {
      const lambdas = path.fits.map((f) => f.lambda);
      const result = logisticPath(X, fixture.y, { l1Ratio: path.alpha, lambdas, tol });
      expect(result.length).toBe(lambdas.length);
      result.lambdas.forEach((lambda, k) => {
        const ref = path.fits[k]!;
        expect(lambda).toBe(ref.lambda);
        expect(result.converged[k]).toBe(true);
        expect(relativeCoefError(result.coefAt(k), result.intercepts[k]!, ref)).toBeLessThan(1e-5);
        const audit = auditLogistic(columns, fixture.n, fixture.p, fixture.y, result.coefAt(k), result.intercepts[k]!, lambda, path.alpha);
        expect(Math.abs(audit.objective - ref.objective) / ref.objective).toBeLessThan(1e-9);
        expect(result.df[k]).toBe(ref.nnz);
      });
      // glmnet's first λ is λ_max: ours, computed from the data, agrees.
      expect(Math.abs(result.lambdaMax - path.fits[0]!.lambda) / path.fits[0]!.lambda).toBeLessThan(1e-9);
      expect(warnings).toEqual([]);
    });
  }
});
