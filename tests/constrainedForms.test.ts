import { describe, expect, test } from 'vitest';
import {
  ElasticNet, InvalidParameterError, Lasso, fitConstrained, fitProximal, type ConstrainedFit,
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

function norm(w: ArrayLike<number>, which: 'l1' | 'l2'): number {
  let s = 0;
  for (let j = 0; j < w.length; j++) s += which === 'l1' ? Math.abs(w[j]!) : w[j]! * w[j]!;
  return which === 'l1' ? s : Math.sqrt(s);
}

/** The penalized CD fit with the same solution as a constrained fit at λ*(t). */
function penalizedAt(fit: ConstrainedFit, which: 'l1' | 'l2', X: Parameters<Lasso['fit']>[0], y: Float64Array) {
  return which === 'l1'
    ? new Lasso({ lambda: fit.lambda, tol: 1e-14, maxIter: 100000 }).fit(X, y)
    : new ElasticNet({ lambda: fit.lambda, l1Ratio: 0, tol: 1e-14, maxIter: 100000 }).fit(X, y);
}

describe('fitConstrained ↔ penalized coordinate descent (squared loss)', () => {
  // Well-conditioned columns: the constrained solve is certified by a gap, which pins w only to
  // √(gap/μ) (μ the smallest curvature), so 1e-7 agreement needs μ away from 0.
  const problem = denseProblem(11, 120, 12, { heterogeneous: false });
  const X = asDense(problem);
  // Radii as fractions of the least-squares solution's norm, so every constraint binds.
  const ols = fitProximal(X, problem.y, { lambda: 0, tol: 1e-13, maxIter: 100000 });

  for (const which of ['l1', 'l2'] as const) {
    for (const fraction of [0.1, 0.4, 0.8]) {
      test(`${which}: t = ${fraction}·‖w_LS‖ → λ*(t) → CD gives the same w (1e-7)`, () => {
        const t = fraction * norm(ols.coef, which);
        const c = fitConstrained(X, problem.y, { norm: which, radius: t, tol: 1e-15 });
        expect(c.converged).toBe(true);
        expect(c.active).toBe(true);
        expect(c.norm).toBeCloseTo(t, 9);
        expect(c.lambda).toBeGreaterThan(0);
        const cd = penalizedAt(c, which, X, problem.y);
        expect(cd.converged).toBe(true);
        expect(maxAbsDiff(c.coef, cd.coef)).toBeLessThan(1e-7);
        expect(Math.abs(c.intercept - cd.intercept)).toBeLessThan(1e-7);
      });
    }
    for (const lambdaFraction of [0.05, 0.3]) {
      test(`${which}: CD at λ → t = ‖w(λ)‖ → the constrained fit gives the same w (1e-7)`, () => {
        const lambdaMaxLike = which === 'l1' ? 2 : 20;
        const lambda = lambdaFraction * lambdaMaxLike;
        const cd = which === 'l1'
          ? new Lasso({ lambda, tol: 1e-14, maxIter: 100000 }).fit(X, problem.y)
          : new ElasticNet({ lambda, l1Ratio: 0, tol: 1e-14, maxIter: 100000 }).fit(X, problem.y);
        const t = which === 'l1' ? cd.l1Norm : cd.l2Norm;
        expect(t).toBeCloseTo(norm(cd.coef, which), 12); // standardize false: scaled = original
        const c = fitConstrained(X, problem.y, { norm: which, radius: t, tol: 1e-15 });
        expect(c.converged).toBe(true);
        expect(maxAbsDiff(c.coef, cd.coef)).toBeLessThan(1e-7);
        // And the multiplier read from the constrained solution is the λ we started from.
        expect(Math.abs(c.lambda - lambda) / lambda).toBeLessThan(1e-6);
      });
    }
  }

  test('standardize: the radius and λ* refer to the standardized coefficients', () => {
    const X = asDense(denseProblem(11, 120, 12));
    const cd = new Lasso({ lambda: 0.05, standardize: true, tol: 1e-14, maxIter: 100000 }).fit(X, problem.y);
    const c = fitConstrained(X, problem.y, { norm: 'l1', radius: cd.l1Norm, standardize: true, tol: 1e-15 });
    expect(maxAbsDiff(c.coef, cd.coef)).toBeLessThan(1e-7);
    expect(Math.abs(c.lambda - 0.05) / 0.05).toBeLessThan(1e-6);
  });

  test('a radius above ‖w_LS‖ does not bind: λ* = 0 and w is the least-squares solution', () => {
    expect(ols.converged && ols.certificateKind === 'kktResidual').toBe(true);
    const c = fitConstrained(X, problem.y, { norm: 'l1', radius: 2 * norm(ols.coef, 'l1'), tol: 1e-15 });
    expect(c.active).toBe(false);
    expect(c.lambda).toBe(0);
    expect(maxAbsDiff(c.coef, ols.coef)).toBeLessThan(1e-7);
  });
});

describe('fitConstrained on CSC', () => {
  const problem = sparseProblem(5, 150, 20, 0.3);
  test('L1 ball: CSC = dense, and λ*(t) reproduces the CD lasso on CSC', () => {
    const dense = asDense(problem);
    const csc = asCsc(problem);
    const cd0 = new Lasso({ lambda: 0.02, tol: 1e-14 }).fit(csc, problem.y);
    const cDense = fitConstrained(dense, problem.y, { norm: 'l1', radius: 0.7 * cd0.l1Norm, tol: 1e-15 });
    const cCsc = fitConstrained(csc, problem.y, { norm: 'l1', radius: 0.7 * cd0.l1Norm, tol: 1e-15 });
    expect(maxAbsDiff(cDense.coef, cCsc.coef)).toBeLessThan(1e-9);
    const cd = penalizedAt(cCsc, 'l1', csc, problem.y);
    expect(maxAbsDiff(cCsc.coef, cd.coef)).toBeLessThan(1e-7);
  });
});

describe('fitConstrained with the logistic loss', () => {
  // Labels drawn from a logistic model on a small dense problem.
  const problem = denseProblem(21, 200, 8, { heterogeneous: false });
  const rng = new SeededRandom(99);
  const labels = new Float64Array(problem.n);
  for (let i = 0; i < problem.n; i++) {
    let eta = -0.3;
    for (let j = 0; j < 3; j++) eta += (j + 1) * 0.6 * problem.columns[j * problem.n + i]!;
    labels[i] = rng.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  const X = asDense(problem);

  /** −∇_w of the mean logistic loss at (w, b), computed here with plain loops. */
  function negativeGradient(w: ArrayLike<number>, b: number): { g: Float64Array; gb: number } {
    const { n, p, columns } = problem;
    const g = new Float64Array(p);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let eta = b;
      for (let j = 0; j < p; j++) eta += columns[j * n + i]! * w[j]!;
      const u = labels[i]! - 1 / (1 + Math.exp(-eta));
      gb += u / n;
      for (let j = 0; j < p; j++) g[j]! += (columns[j * n + i]! * u) / n;
    }
    return { g, gb };
  }

  for (const which of ['l1', 'l2'] as const) {
    test(`${which}: the solution satisfies the penalized KKT conditions at λ*(t), and FISTA at λ* gives the same w`, () => {
      const c = fitConstrained(X, labels, { norm: which, radius: 1, loss: 'logistic', tol: 1e-14 });
      expect(c.converged).toBe(true);
      expect(c.active).toBe(true);
      const { g, gb } = negativeGradient(c.coef, c.intercept);
      expect(Math.abs(gb)).toBeLessThan(1e-8);
      const lam = c.lambda;
      for (let j = 0; j < problem.p; j++) {
        const wj = c.coef[j]!;
        if (which === 'l1') {
          if (wj !== 0) expect(Math.abs(g[j]! - lam * Math.sign(wj))).toBeLessThan(1e-6 * lam);
          else expect(Math.abs(g[j]!)).toBeLessThanOrEqual(lam * (1 + 1e-6));
        } else {
          expect(Math.abs(g[j]! - lam * wj)).toBeLessThan(1e-6 * lam);
        }
      }
      const penalized = fitProximal(X, labels, { loss: 'logistic', lambda: lam, l1Ratio: which === 'l1' ? 1 : 0, tol: 1e-12, maxIter: 100000 });
      expect(penalized.converged).toBe(true);
      expect(maxAbsDiff(penalized.coef, c.coef)).toBeLessThan(1e-6);
    });
  }
});

describe('the diamond and the ball (p = 2)', () => {
  // Two correlated features; the least-squares solution has both coefficients non-zero.
  const n = 50;
  const rng = new SeededRandom(7);
  const rows: number[][] = [];
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    const b = 0.5 * a + rng.normal();
    rows.push([a, b]);
    y[i] = 2 * a + 0.7 * b + 0.3 * rng.normal();
  }

  test('a small L1 radius gives an exact zero coordinate; the same L2 radius does not', () => {
    const l1 = fitConstrained(rows, y, { norm: 'l1', radius: 0.5 });
    const l2 = fitConstrained(rows, y, { norm: 'l2', radius: 0.5 });
    expect(l1.converged && l2.converged).toBe(true);
    expect(l1.coef.filter((v) => v === 0).length).toBe(1);
    expect(Math.abs(l1.coef[0]!)).toBeCloseTo(0.5, 10);
    expect(l2.coef.every((v) => v !== 0)).toBe(true);
    expect(norm(l2.coef, 'l2')).toBeCloseTo(0.5, 10);
    expect(l1.nIter).toBeLessThan(200);
  });
});

describe('engines and inputs', () => {
  const problem = denseProblem(31, 90, 15);
  const X = asDense(problem);
  test('WASM = TS (same iterations, coefficients to 1e-12)', () => {
    for (const which of ['l1', 'l2'] as const) {
      const a = fitConstrained(X, problem.y, { norm: which, radius: 1.5, engine: 'wasm' });
      const b = fitConstrained(X, problem.y, { norm: which, radius: 1.5, engine: 'js' });
      expect(a.fit.engineUsed).toBe('wasm');
      expect(b.fit.engineUsed).toBe('js');
      expect(a.nIter).toBe(b.nIter);
      expect(maxAbsDiff(a.coef, b.coef)).toBeLessThan(1e-12);
      expect(Math.abs(a.lambda - b.lambda)).toBeLessThan(1e-10 * a.lambda);
    }
  });

  test('bad input: typed errors naming the argument, before any work', () => {
    const bad = (o: object, argument: string) => {
      try {
        fitConstrained(X, problem.y, o as never);
        throw new Error('no error');
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidParameterError);
        expect((e as InvalidParameterError).argument).toBe(argument);
      }
    };
    bad({ norm: 'l1', radius: 0 }, 'radius');
    bad({ norm: 'l1', radius: -1 }, 'radius');
    bad({ norm: 'l1', radius: NaN }, 'radius');
    bad({ norm: 'l3', radius: 1 }, 'norm');
    bad({ norm: 'l1', radius: 1, loss: 'hinge' }, 'loss');
    bad({ norm: 'l1', radius: 1, loss: 'logistic' }, 'y'); // y is not 0/1
  });

  test('no convergence warnings were emitted by the fits above', () => {
    expect(warnings.map((w) => w.message)).toEqual([]);
  });
});
