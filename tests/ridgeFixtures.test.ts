/**
 * Ridge against scikit-learn on the diabetes data: the α = 0 rows of tests/fixtures/diabetes_gaussian.json
 * (raw features, intercept, no standardization, objective (1/(2n))‖y − b − Xw‖² + (λ/2)‖w‖², tol 1e-14).
 * Every solver, both engines, dense and CSC storage must reproduce them to 1e-9 relative.
 */
import { describe, expect, it } from 'vitest';
import { Ridge } from '../src/ridge/Ridge.js';
import { ridgePath } from '../src/ridge/ridgePath.js';
import { diabetesDesign, loadScikitLearnFixture } from './helpers/diabetes.js';
import { rawObjective } from './helpers/kktOracle.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';
import { oracleGradient, relativeDifference } from './helpers/ridgeOracle.js';

const fixture = loadScikitLearnFixture();
const ridgeRows = fixture.fits.filter((f) => f.alpha === 0);
const { y, n, p, columns, dense, sparse } = diabetesDesign();

const warnings = simdSuiteRecordingWarnings();

describe('ridge fixture rows (scikit-learn, diabetes, α = 0)', () => {
  it('has the four ridge rows', () => {
    expect(ridgeRows.map((f) => f.lambda)).toEqual([0.0001, 0.01, 1, 100]);
  });

  const cases = ridgeRows.flatMap((f) =>
    (['cholesky', 'eigen', 'cg', 'cd'] as const).flatMap((solver) =>
      (['wasm', 'js'] as const).flatMap((engine) => (['dense', 'csc'] as const).map((layout) => [f.lambda, solver, engine, layout] as const)),
    ),
  );

  it.each(cases)('λ = %s, %s, %s engine, %s X: coefficients, intercept and objective to 1e-9', (lambda, solver, engine, layout) => {
    const f = ridgeRows.find((r) => r.lambda === lambda)!;
    const model = new Ridge({ lambda, solver, engine, tol: 1e-12, maxIter: 100000 }).fit(layout === 'dense' ? dense : sparse, y);
    expect(model.solverUsed).toBe(solver);
    expect(model.engineUsed).toBe(engine);
    expect(relativeDifference(model.coef, f.coef)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(model.intercept - f.intercept)).toBeLessThanOrEqual(1e-9 * Math.abs(f.intercept));
    const F = rawObjective(columns, n, p, y, model.coef, model.intercept, lambda, 0);
    expect(Math.abs(F - f.objective)).toBeLessThanOrEqual(1e-12 * f.objective);
    // The certificate is honest: recomputed independently from the data.
    const g = oracleGradient(columns, n, p, y, model.coef, model.intercept, lambda, { fitIntercept: true, standardize: false });
    expect(g.relative).toBeLessThanOrEqual(1e-10);
    expect(model.relativeGradient).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(g.relative - model.relativeGradient)).toBeLessThanOrEqual(1e-12);
    expect(model.converged).toBe(true);
  });

  it.each(['wasm', 'js'] as const)('ridgePath through the four λ from one eigendecomposition (%s)', (engine) => {
    const path = ridgePath(dense, y, { lambdas: ridgeRows.map((f) => f.lambda), engine });
    expect(path.solver).toBe('eigen');
    ridgeRows.forEach((f, l) => {
      expect(relativeDifference(path.coefs[l]!, f.coef)).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(path.intercepts[l]![0]! - f.intercept)).toBeLessThanOrEqual(1e-9 * Math.abs(f.intercept));
    });
    expect(path.converged).toBe(true);
  });

  it('emitted no warnings', () => {
    expect(warnings).toEqual([]);
  });
});
