import { describe, expect, it } from 'vitest';
import { selectEngine } from '../src/engine/selectEngine.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';
import { asCsc, asDense, denseProblem, sparseProblem } from './helpers/syntheticRegression.js';
import { seededUniform } from './helpers/seededProblem.js';

/**
 * The session pieces the logistic solver builds on: `reweight` with a vector to correlate returns
 * c_j = Σ_i u_i·x_ij (checked against the raw columns), and `startFromGradient` given the
 * gradients `start` computes reproduces `start`'s certificate without a pass over X.
 */
describe('ElasticNetSession.reweight(…, correlate) and startFromGradient', () => {
  simdSuiteRecordingWarnings();
  const problems = [['dense', denseProblem(41, 80, 30, { heterogeneous: false })], ['sparse', sparseProblem(42, 90, 40, 0.2, { heterogeneous: false })]] as const;
  for (const [name, problem] of problems) {
    for (const engineName of ['wasm', 'js'] as const) {
      for (const fitIntercept of [true, false]) {
        it(`${name}, ${engineName}, fitIntercept ${fitIntercept}`, () => {
          const { n, p, columns, y } = problem;
          const uniform = seededUniform(7);
          const weights = Float64Array.from({ length: n }, () => 0.5 + uniform());
          const total = weights.reduce((s, v) => s + v, 0);
          weights.forEach((v, i) => (weights[i] = v / total));
          const u = Float64Array.from({ length: n }, () => uniform() - 0.5);
          const X = name === 'dense' ? asDense(problem) : asCsc(problem);
          const session = selectEngine(engineName).openSession({ X, yCentered: Float64Array.from(y), fitIntercept, standardize: true, weights: new Float64Array(n).fill(1 / n) });
          try {
            // Two vectors in one sweep (the logistic solver's gradient and its model's dual point).
            const u2 = Float64Array.from({ length: n }, (_, i) => Math.sin(i) - 0.25);
            const correlations = session.reweight(weights, Float64Array.from(y), [u, u2]);
            expect(correlations.length).toBe(2);
            for (const [k, v] of [u, u2].entries()) {
              for (let j = 0; j < p; j++) {
                let expected = 0;
                for (let i = 0; i < n; i++) expected += v[i]! * columns[j * n + i]!;
                expect(Math.abs(correlations[k]![j]! - expected)).toBeLessThan(1e-12 * (1 + Math.abs(expected)));
              }
            }
            // Without vectors nothing is correlated.
            expect(session.reweight(weights, Float64Array.from(y))).toEqual([]);
            session.reweight(weights, Float64Array.from(y), [u]);
            const w = Float64Array.from({ length: p }, (_, j) => (j % 4 === 0 ? uniform() - 0.5 : 0));
            const full = session.start(w, 0.01, 0.005);
            const g = session.gradient();
            const quick = session.startFromGradient(w, 0.01, 0.005, g);
            expect(quick.gap).toBeCloseTo(full.gap, 12);
            expect(quick.primal).toBeCloseTo(full.primal, 12);
            expect(quick.weightedRss).toBeCloseTo(full.weightedRss, 12);
            expect(Array.from(session.gradient())).toEqual(Array.from(g));
            // A solve from there reaches the same point as one after start.
            const a = session.solve(0.01, 0.005, 0.01, 1e-12, 10000);
            const wa = session.coefScaled();
            session.start(w, 0.01, 0.005);
            const b = session.solve(0.01, 0.005, 0.01, 1e-12, 10000);
            expect(a.gap).toBeLessThanOrEqual(1e-12);
            expect(b.gap).toBeLessThanOrEqual(1e-12);
            const wb = session.coefScaled();
            for (let j = 0; j < p; j++) expect(Math.abs(wa[j]! - wb[j]!)).toBeLessThan(1e-6);
          } finally {
            session.dispose();
          }
        });
      }
    }
  }
});

/**
 * Both routes of `reweight` (one sweep when the new weights count the same rows, the general
 * statistics when they do not) leave the session solving the same problem as a session opened
 * with the new weights (unstandardized, so the kept scales are the fresh ones: all 1).
 */
describe('ElasticNetSession.reweight equals a fresh session under the new weights', () => {
  simdSuiteRecordingWarnings();
  const problems = [['dense', denseProblem(43, 70, 25, { heterogeneous: false })], ['sparse', sparseProblem(44, 80, 30, 0.25, { heterogeneous: false })]] as const;
  for (const [name, problem] of problems) {
    for (const engineName of ['wasm', 'js'] as const) {
      for (const route of ['same rows', 'other rows'] as const) {
        it(`${name}, ${engineName}, ${route}`, () => {
          const { n, p, y } = problem;
          const uniform = seededUniform(11);
          const normalized = (v: Float64Array) => v.map((x) => x / v.reduce((a, b) => a + b, 0));
          // Opening weights leave every fifth row out; the new ones leave out the same rows, or every seventh.
          const opening = normalized(Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0 : 0.5 + uniform())));
          const next = normalized(Float64Array.from({ length: n }, (_, i) => ((route === 'same rows' ? i % 5 : i % 7) === 0 ? 0 : 0.5 + uniform())));
          const X = name === 'dense' ? asDense(problem) : asCsc(problem);
          const engine = selectEngine(engineName);
          const reused = engine.openSession({ X, yCentered: Float64Array.from(y), fitIntercept: true, standardize: false, weights: opening });
          let mean = 0;
          for (let i = 0; i < n; i++) mean += next[i]! * y[i]!;
          const yCentered = Float64Array.from(y, (v) => v - mean);
          const fresh = engine.openSession({ X, yCentered, fitIntercept: true, standardize: false, weights: next });
          try {
            // Both routes correlate two vectors (the general one in a second sweep).
            const thetas = [Float64Array.from({ length: n }, (_, i) => Math.cos(i)), Float64Array.from({ length: n }, () => uniform() - 0.5)];
            const correlations = reused.reweight(next, yCentered, thetas);
            for (const [k, v] of thetas.entries()) {
              for (let j = 0; j < p; j++) {
                let expected = 0;
                for (let i = 0; i < n; i++) expected += v[i]! * problem.columns[j * n + i]!;
                expect(Math.abs(correlations[k]![j]! - expected)).toBeLessThan(1e-12 * (1 + Math.abs(expected)));
              }
            }
            for (let j = 0; j < p; j++) expect(Math.abs(reused.mean[j]! - fresh.mean[j]!)).toBeLessThan(1e-12);
            const solve = (session: typeof fresh) => {
              session.start(new Float64Array(p), 0.01, 0);
              const report = session.solve(0.01, 0, 0.01, 1e-14, 100000);
              expect(report.gap).toBeLessThanOrEqual(1e-14);
              return session.coefScaled();
            };
            const a = solve(reused);
            const b = solve(fresh);
            for (let j = 0; j < p; j++) expect(Math.abs(a[j]! - b[j]!)).toBeLessThan(1e-6);
          } finally {
            reused.dispose();
            fresh.dispose();
          }
        });
      }
    }
  }
});
