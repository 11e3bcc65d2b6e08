import { describe, expect, it } from 'vitest';
import { selectEngine } from '../src/engine/selectEngine.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';
import { asCsc, asDense, denseProblem, sparseProblem } from './helpers/syntheticRegression.js';
import { seededUniform } from './helpers/seededProblem.js';

/**
 * The session pieces the logistic solver builds on: `reweight` with a vector to correlate returns
 * c_j = Σ_i u_i·x_ij, `correlate` does so for one or two vectors without statistics (both checked
 * against the raw columns), a reweight restricted to some columns equals the full one on them and
 * keeps the solve to them, and `startFromGradient` given the gradients `start` computes reproduces
 * `start`'s certificate without a pass over X.
 */
describe('ElasticNetSession.reweight(…, correlate), correlate and startFromGradient', () => {
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
          const expectedCorrelation = (v: Float64Array, j: number) => {
            let expected = 0;
            for (let i = 0; i < n; i++) expected += v[i]! * columns[j * n + i]!;
            return expected;
          };
          try {
            // Two vectors in one sweep (the logistic certificate's gradient and its model's dual point), and one.
            const u2 = Float64Array.from({ length: n }, (_, i) => Math.sin(i) - 0.25);
            const pair = session.correlate([u, u2]);
            const single = session.correlate([u2]);
            expect(pair.length).toBe(2);
            expect(single.length).toBe(1);
            for (const [k, v] of [u, u2].entries()) {
              for (let j = 0; j < p; j++) {
                const expected = expectedCorrelation(v, j);
                expect(Math.abs(pair[k]![j]! - expected)).toBeLessThan(1e-12 * (1 + Math.abs(expected)));
                if (k === 1) expect(Math.abs(single[0]![j]! - expected)).toBeLessThan(1e-12 * (1 + Math.abs(expected)));
              }
            }
            const correlation = session.reweight(weights, Float64Array.from(y), { correlate: u })!;
            for (let j = 0; j < p; j++) {
              const expected = expectedCorrelation(u, j);
              expect(Math.abs(correlation[j]! - expected)).toBeLessThan(1e-12 * (1 + Math.abs(expected)));
            }
            const fullMean = session.mean.slice();
            // Without a vector nothing is correlated.
            expect(session.reweight(weights, Float64Array.from(y))).toBeUndefined();
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

            // Restricted to some columns (w's non-zeros among them): their statistics and
            // correlations are the full reweight's, the others' correlations 0 in a new array and
            // untouched in a given one; start throws; a solve from startFromGradient (which reads
            // only the listed gradients) works on the listed columns only and certifies the
            // restricted problem, whose solution a full session restricted to them confirms.
            const listed = Int32Array.from({ length: p }, (_, j) => j).filter((j) => j % 3 === 0);
            const w0 = Float64Array.from({ length: p }, (_, j) => (j % 6 === 0 ? 0.1 : 0));
            const restricted = session.reweight(weights, Float64Array.from(y), { correlate: u, columns: listed })!;
            for (let j = 0; j < p; j++) {
              if (j % 3 === 0) {
                expect(Math.abs(restricted[j]! - correlation[j]!)).toBeLessThan(1e-12 * (1 + Math.abs(correlation[j]!)));
                expect(Math.abs(session.mean[j]! - fullMean[j]!)).toBeLessThan(1e-14);
              } else expect(restricted[j]).toBe(0);
            }
            const into = new Float64Array(p).fill(7);
            session.reweight(weights, Float64Array.from(y), { correlate: u, columns: listed, into });
            for (let j = 0; j < p; j++) expect(into[j]).toBe(j % 3 === 0 ? restricted[j] : 7);
            expect(() => session.start(w0, 0.01, 0.005)).toThrow(/restricted/);
            const gListed = new Float64Array(p).fill(1e3); // (not read off the list)
            const gFull = (() => {
              session.reweight(weights, Float64Array.from(y));
              session.start(w0, 0.01, 0.005);
              return session.gradient();
            })();
            for (const j of listed) gListed[j] = gFull[j]!;
            session.reweight(weights, Float64Array.from(y), { columns: listed });
            const zeroOffList = session.startFromGradient(w0, 0.01, 0.005, gListed.map((v, j) => (j % 3 === 0 ? v : 0)));
            session.reweight(weights, Float64Array.from(y), { columns: listed });
            expect(session.startFromGradient(w0, 0.01, 0.005, gListed).gap).toBe(zeroOffList.gap);
            const solved = session.solve(0.01, 0.005, 0.01, 1e-13, 100000, true);
            expect(solved.gap).toBeLessThanOrEqual(1e-13);
            const wr = session.coefScaled();
            for (let j = 0; j < p; j++) if (j % 3 !== 0) expect(wr[j]).toBe(0);
            // The same problem on a session over the listed columns alone.
            const sub = new Float64Array(n * listed.length);
            listed.forEach((j, k) => sub.set(columns.subarray(j * n, (j + 1) * n), k * n));
            const Xsub = name === 'dense'
              ? asDense({ ...problem, p: listed.length, columns: sub })
              : asCsc({ ...problem, p: listed.length, columns: sub });
            const fresh = selectEngine(engineName).openSession({ X: Xsub, yCentered: Float64Array.from(y), fitIntercept, standardize: true, weights: new Float64Array(n).fill(1 / n) });
            try {
              // (Scales at open are the uniform weights' in both sessions.)
              fresh.reweight(weights, Float64Array.from(y));
              fresh.start(Float64Array.from(listed, (j) => w0[j]!), 0.01, 0.005);
              const report = fresh.solve(0.01, 0.005, 0.01, 1e-13, 100000);
              expect(report.gap).toBeLessThanOrEqual(1e-13);
              const wf = fresh.coefScaled();
              listed.forEach((j, k) => expect(Math.abs(wr[j]! - wf[k]!)).toBeLessThan(1e-6));
            } finally {
              fresh.dispose();
            }
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
            // Both routes correlate a vector in the same sweep.
            const theta = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
            const correlation = reused.reweight(next, yCentered, { correlate: theta })!;
            for (let j = 0; j < p; j++) {
              let expected = 0;
              for (let i = 0; i < n; i++) expected += theta[i]! * problem.columns[j * n + i]!;
              expect(Math.abs(correlation[j]! - expected)).toBeLessThan(1e-12 * (1 + Math.abs(expected)));
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
