import { describe, expect, test } from 'vitest';
import {
  ElasticNet, InvalidParameterError, Lasso, ShapeMismatchError, ConvergenceWarning, fitProximal, setWarningHandler, type L1L2Warning,
} from '../src/index.js';
import { ProximalConvergenceWarning } from '../src/proximal/ProximalConvergenceWarning.js';
import { wasmRuntime } from '../src/wasm/runtime.js';
import { proxElasticNet, projectL1Ball, projectL2Ball } from '../src/proximal/reference/proxOperators.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';
import { asCsc, asDense, denseProblem, sparseProblem, type SyntheticProblem } from './helpers/syntheticRegression.js';
import { SeededRandom } from '../src/random/SeededRandom.js';

const warnings = simdSuiteRecordingWarnings();

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/**
 * −∇ of the datafit at (w, b) on the raw columns, with plain loops (never through the library):
 * squared: g_j = (1/n)Σ x_ij·r_i, r = y − b − Xw; logistic: g_j = (1/n)Σ x_ij·(y_i − σ(η_i)). gb likewise with x = 1.
 */
function negativeGradient(problem: SyntheticProblem, y: Float64Array, loss: 'squared' | 'logistic', w: ArrayLike<number>, b: number) {
  const { n, p, columns } = problem;
  const g = new Float64Array(p);
  let gb = 0;
  for (let i = 0; i < n; i++) {
    let eta = b;
    for (let j = 0; j < p; j++) eta += columns[j * n + i]! * w[j]!;
    const u = loss === 'squared' ? y[i]! - eta : y[i]! - 1 / (1 + Math.exp(-eta));
    gb += u / n;
    for (let j = 0; j < p; j++) g[j]! += (columns[j * n + i]! * u) / n;
  }
  return { g, gb };
}

/** Largest violation of the KKT conditions of Σ f_j(l1|w_j| + l2/2 w_j²) + box, given −∇f = g. */
function kktViolation(w: ArrayLike<number>, g: Float64Array, l1: number, l2: number, factors?: number[], lower?: number[], upper?: number[]): number {
  let worst = 0;
  for (let j = 0; j < w.length; j++) {
    const f = factors ? factors[j]! : 1;
    const x = w[j]!;
    const lo = lower ? lower[j]! : -Infinity;
    const hi = upper ? upper[j]! : Infinity;
    const smooth = -g[j]! + l2 * f * x;
    const a = l1 * f;
    // Optimal iff some s ∈ smooth + a·∂|x| lies in −N(x): s = 0 inside, s ≥ 0 at lo, s ≤ 0 at hi.
    const sLo = x > 0 ? smooth + a : smooth - a;
    const sHi = x < 0 ? smooth - a : smooth + a;
    let d: number;
    if (x <= lo && x >= hi) d = 0;
    else if (x <= lo) d = Math.max(0, -sHi);
    else if (x >= hi) d = Math.max(0, sLo);
    else d = Math.max(0, sLo, -sHi);
    worst = Math.max(worst, d);
  }
  return worst;
}

function logisticLabels(problem: SyntheticProblem, seed: number): Float64Array {
  const rng = new SeededRandom(seed);
  const labels = new Float64Array(problem.n);
  for (let i = 0; i < problem.n; i++) {
    let eta = 0.2;
    for (let j = 0; j < Math.min(4, problem.p); j++) eta += (j % 2 === 0 ? 1 : -1) * problem.columns[j * problem.n + i]!;
    labels[i] = rng.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return labels;
}

describe('FISTA reaches the coordinate-descent solution (squared loss)', () => {
  const dense = denseProblem(41, 150, 30, { heterogeneous: false });
  const sparse = sparseProblem(42, 200, 40, 0.2, { heterogeneous: false });
  const cases = [
    { name: 'lasso, dense', problem: dense, csc: false, lambda: 0.05, l1Ratio: 1 },
    { name: 'elastic net, dense', problem: dense, csc: false, lambda: 0.1, l1Ratio: 0.5 },
    { name: 'lasso, CSC', problem: sparse, csc: true, lambda: 0.02, l1Ratio: 1 },
    { name: 'elastic net, CSC, standardize', problem: sparse, csc: true, lambda: 0.05, l1Ratio: 0.3, standardize: true },
    { name: 'lasso, dense, no intercept', problem: dense, csc: false, lambda: 0.05, l1Ratio: 1, fitIntercept: false },
  ];
  for (const c of cases) {
    test(`${c.name}: same w and b as CD to 1e-7, duality gap certified`, () => {
      const X = c.csc ? asCsc(c.problem) : asDense(c.problem);
      const o = { lambda: c.lambda, l1Ratio: c.l1Ratio, standardize: c.standardize ?? false, fitIntercept: c.fitIntercept ?? true };
      const cd = new ElasticNet({ ...o, tol: 1e-14, maxIter: 100000 }).fit(X, c.problem.y);
      const fista = fitProximal(X, c.problem.y, { ...o, tol: 1e-14, maxIter: 100000 });
      expect(cd.converged && fista.converged).toBe(true);
      expect(fista.certificateKind).toBe('dualityGap');
      expect(fista.certificate).toBeLessThanOrEqual(fista.certificateTolerance);
      expect(maxAbsDiff(fista.coef, cd.coef)).toBeLessThan(1e-7);
      expect(Math.abs(fista.intercept - cd.intercept)).toBeLessThan(1e-7);
      // Same support: soft-thresholding gives exact zeros in both.
      expect(fista.coef.map((v) => (v === 0 ? 0 : 1))).toEqual(cd.coef.map((v) => (v === 0 ? 0 : 1)));
    });
  }

  test('ISTA and every restart scheme reach the same solution; FISTA with restart needs fewer iterations than ISTA on an ill-conditioned problem', () => {
    const hard = denseProblem(43, 150, 30); // columns with varied scales: condition number in the hundreds
    const X = asDense(hard);
    const ref = new Lasso({ lambda: 0.05, tol: 1e-14, maxIter: 100000 }).fit(X, hard.y);
    const ista = fitProximal(X, hard.y, { lambda: 0.05, method: 'ista', tol: 1e-12, maxIter: 200000 });
    expect(ista.converged).toBe(true);
    expect(maxAbsDiff(ista.coef, ref.coef)).toBeLessThan(1e-5);
    const iterations: Record<string, number> = {};
    for (const restart of ['gradient', 'function', 'none'] as const) {
      const f = fitProximal(X, hard.y, { lambda: 0.05, restart, tol: 1e-12, maxIter: 200000 });
      expect(f.converged).toBe(true);
      expect(maxAbsDiff(f.coef, ref.coef)).toBeLessThan(1e-5);
      iterations[restart] = f.nIter;
    }
    expect(iterations.gradient).toBeLessThan(ista.nIter / 3);
    expect(iterations.function).toBeLessThan(ista.nIter / 3);
  });

  test('sampleWeight: FISTA = CD with the same weights', () => {
    const X = asDense(dense);
    const weights = Float64Array.from({ length: dense.n }, (_, i) => 0.5 + (i % 3));
    const cd = new Lasso({ lambda: 0.05, tol: 1e-14 }).fit(X, dense.y, { sampleWeight: weights });
    const fista = fitProximal(X, dense.y, { lambda: 0.05, sampleWeight: weights, tol: 1e-14, maxIter: 100000 });
    expect(maxAbsDiff(fista.coef, cd.coef)).toBeLessThan(1e-7);
    expect(Math.abs(fista.intercept - cd.intercept)).toBeLessThan(1e-7);
  });
});

describe('penalty options through the prox (factors, exclude, bounds)', () => {
  const problem = denseProblem(51, 120, 10, { heterogeneous: false, support: 6 });
  const X = asDense(problem);
  const lambda = 0.08;

  test('penalty factors: KKT of the weighted lasso holds; a factor-0 feature is not zeroed even where the lasso zeroes it', () => {
    const plain = new Lasso({ lambda: 0.6, tol: 1e-14 }).fit(X, problem.y);
    const zeroed = plain.coef.findIndex((v) => v === 0);
    expect(zeroed).toBeGreaterThanOrEqual(0);
    const factors = Array.from({ length: problem.p }, (_, j) => (j === zeroed ? 0 : 0.5 + (j % 3) * 0.5));
    const fit = fitProximal(X, problem.y, { lambda: 0.6, penaltyFactor: factors, tol: 1e-12, maxIter: 100000 });
    // glmnet's convention (shared with coordinate descent): the factors are rescaled to sum to p.
    const sum = factors.reduce((s, v) => s + v, 0);
    const used = factors.map((v) => (v * problem.p) / sum);
    expect(fit.converged).toBe(true);
    expect(fit.certificateKind).toBe('kktResidual');
    expect(fit.coef[zeroed]).not.toBe(0);
    const { g, gb } = negativeGradient(problem, problem.y, 'squared', fit.coef, fit.intercept);
    expect(Math.abs(gb)).toBeLessThan(1e-9);
    expect(kktViolation(fit.coef, g, 0.6, 0, used)).toBeLessThan(1e-8);
  });

  for (const csc of [false, true]) {
    test(`with factors and bounds FISTA = coordinate descent (same options), both certified by the penalized duality gap (${csc ? 'CSC' : 'dense'})`, () => {
      const Xm = csc ? asCsc(problem) : X;
      const o = {
        lambda: 0.1, l1Ratio: 0.8,
        penaltyFactor: Array.from({ length: problem.p }, (_, j) => 0.5 + (j % 3)),
        lowerLimits: Array.from({ length: problem.p }, (_, j) => (j % 2 === 0 ? -0.1 : -Infinity)),
        upperLimits: 0.4,
        exclude: [9],
      };
      const cd = new ElasticNet({ ...o, tol: 1e-14, maxIter: 100000 }).fit(Xm, problem.y);
      const fista = fitProximal(Xm, problem.y, { ...o, tol: 1e-14, maxIter: 100000 });
      expect(cd.converged && fista.converged).toBe(true);
      expect(fista.certificateKind).toBe('dualityGap');
      expect(cd.certificate).toBe('dualityGap');
      expect(maxAbsDiff(fista.coef, cd.coef)).toBeLessThan(1e-7);
      expect(Math.abs(fista.intercept - cd.intercept)).toBeLessThan(1e-7);
      expect(fista.coef[9]).toBe(0);
      expect(fista.coef.some((v) => v === 0.4 || v === -0.1)).toBe(true);
    });
  }

  test('exclude and an infinite factor give exact zeros; the rest satisfy KKT', () => {
    const factors = Array.from({ length: problem.p }, (_, j) => (j === 1 ? Infinity : 1));
    const fit = fitProximal(X, problem.y, { lambda, exclude: [0, 2], penaltyFactor: factors, tol: 1e-12, maxIter: 100000 });
    expect([fit.coef[0], fit.coef[1], fit.coef[2]]).toEqual([0, 0, 0]);
    const { g } = negativeGradient(problem, problem.y, 'squared', fit.coef, fit.intercept);
    const lower = Array.from({ length: problem.p }, (_, j) => (j <= 2 ? 0 : -Infinity));
    const upper = Array.from({ length: problem.p }, (_, j) => (j <= 2 ? 0 : Infinity));
    expect(kktViolation(fit.coef, g, lambda, 0, undefined, lower, upper)).toBeLessThan(1e-8);
  });

  for (const standardize of [false, true]) {
    test(`bounds are never violated and KKT holds at the bounds (standardize ${standardize})`, () => {
      const lower = Array.from({ length: problem.p }, (_, j) => (j % 2 === 0 ? -0.2 : -Infinity));
      const upper = Array.from({ length: problem.p }, (_, j) => (j % 3 === 0 ? 0.3 : Infinity));
      for (const engine of ['wasm', 'js'] as const) {
        const fit = fitProximal(X, problem.y, { lambda, l1Ratio: 0.7, lowerLimits: lower, upperLimits: upper, standardize, tol: 1e-12, maxIter: 100000, engine });
        expect(fit.converged).toBe(true);
        for (let j = 0; j < problem.p; j++) {
          expect(fit.coef[j]).toBeGreaterThanOrEqual(lower[j]!);
          expect(fit.coef[j]).toBeLessThanOrEqual(upper[j]!);
        }
        expect(fit.coef.some((v, j) => v === lower[j] || v === upper[j])).toBe(true);
        if (!standardize) {
          const { g } = negativeGradient(problem, problem.y, 'squared', fit.coef, fit.intercept);
          expect(kktViolation(fit.coef, g, lambda * 0.7, lambda * 0.3, undefined, lower, upper)).toBeLessThan(1e-8);
        }
      }
    });
  }

  test('positive: every coefficient ≥ 0, some held at 0 by the bound, KKT holds', () => {
    const fit = fitProximal(X, problem.y, { lambda: 0.01, positive: true, tol: 1e-12, maxIter: 100000 });
    expect(fit.coef.every((v) => v >= 0)).toBe(true);
    const unconstrained = new Lasso({ lambda: 0.01, tol: 1e-14 }).fit(X, problem.y);
    expect(unconstrained.coef.some((v) => v < 0)).toBe(true); // the bound matters on this problem
    const { g } = negativeGradient(problem, problem.y, 'squared', fit.coef, fit.intercept);
    expect(kktViolation(fit.coef, g, 0.01, 0, undefined, new Array(problem.p).fill(0))).toBeLessThan(1e-8);
  });
});

describe('logistic loss', () => {
  const problem = denseProblem(61, 300, 12, { heterogeneous: false });
  const labels = logisticLabels(problem, 5);
  for (const csc of [false, true]) {
    test(`L1 and elastic-net logistic (${csc ? 'CSC' : 'dense'}): KKT holds at the solution, intercept gradient 0`, () => {
      const X = csc ? asCsc(problem) : asDense(problem);
      for (const l1Ratio of [1, 0.5]) {
        const fit = fitProximal(X, labels, { loss: 'logistic', lambda: 0.02, l1Ratio, tol: 1e-12, maxIter: 100000 });
        expect(fit.converged).toBe(true);
        const { g, gb } = negativeGradient(problem, labels, 'logistic', fit.coef, fit.intercept);
        expect(Math.abs(gb)).toBeLessThan(1e-9);
        expect(kktViolation(fit.coef, g, 0.02 * l1Ratio, 0.02 * (1 - l1Ratio))).toBeLessThan(1e-9);
        expect(fit.coef.some((v) => v === 0)).toBe(true);
      }
    });
  }
});

describe('WASM = TS', () => {
  const problem = sparseProblem(71, 100, 25, 0.3);
  test('full solves agree (dense and CSC, squared and logistic, every penalty kind)', () => {
    const labels = logisticLabels(problem, 3);
    const variants = [
      { y: problem.y, o: { lambda: 0.05, l1Ratio: 0.8 } },
      { y: problem.y, o: { lambda: 0.05, penaltyFactor: Array.from({ length: 25 }, (_, j) => j % 4), positive: true } },
      { y: problem.y, o: { constraint: { norm: 'l1' as const, radius: 2 } } },
      { y: labels, o: { loss: 'logistic' as const, lambda: 0.01, upperLimits: 0.5 } },
      { y: labels, o: { loss: 'logistic' as const, constraint: { norm: 'l2' as const, radius: 1 } } },
    ];
    for (const X of [asDense(problem), asCsc(problem)]) {
      for (const { y, o } of variants) {
        const a = fitProximal(X, y, { ...o, tol: 1e-10, engine: 'wasm' });
        const b = fitProximal(X, y, { ...o, tol: 1e-10, engine: 'js' });
        expect(a.engineUsed).toBe('wasm');
        expect(b.engineUsed).toBe('js');
        expect(Math.abs(a.nIter - b.nIter)).toBeLessThanOrEqual(a.nIter * 0.05 + 10);
        expect(maxAbsDiff(a.coef, b.coef)).toBeLessThan(1e-8);
        expect(a.certificateKind).toBe(b.certificateKind);
      }
    }
  });

  test('prox and projection kernels agree with the TS reference', () => {
    const runtime = wasmRuntime()!;
    const { heap, kernels } = runtime;
    const rng = new SeededRandom(8);
    const p = 37;
    const v = Float64Array.from({ length: p }, () => 3 * rng.normal());
    const invScale = Float64Array.from({ length: p }, (_, j) => (j === 5 ? 0 : 1));
    const factors = Float64Array.from({ length: p }, () => 2 * rng.uniform());
    const lower = Float64Array.from({ length: p }, () => -2 * rng.uniform());
    const upper = Float64Array.from({ length: p }, () => 2 * rng.uniform());
    const base = heap.allocate(8 * p * 7);
    try {
      const [pv, pInv, pF, pLo, pHi, pOut, pSort] = [0, 1, 2, 3, 4, 5, 6].map((k) => base + 8 * p * k) as [number, number, number, number, number, number, number];
      heap.f64(pv, p).set(v);
      heap.f64(pInv, p).set(invScale);
      heap.f64(pF, p).set(factors);
      heap.f64(pLo, p).set(lower);
      heap.f64(pHi, p).set(upper);
      const expected = new Float64Array(p);
      kernels.proxElasticNet(pv, 0.7, 1.1, 0.4, pF, pLo, pHi, pInv, p, pOut);
      proxElasticNet(v, 0.7, 1.1, 0.4, factors, lower, upper, invScale, expected);
      expect(Array.from(heap.f64(pOut, p))).toEqual(Array.from(expected));
      for (const radius of [0.5, 5, 1000]) {
        const theta = kernels.projectL1Ball(pv, radius, pInv, p, pSort, pOut);
        const thetaRef = projectL1Ball(v, radius, invScale, new Float64Array(p), expected);
        expect(theta).toBe(thetaRef);
        expect(Array.from(heap.f64(pOut, p))).toEqual(Array.from(expected));
        const l1 = expected.reduce((s, x) => s + Math.abs(x), 0);
        expect(l1).toBeLessThanOrEqual(radius * (1 + 1e-12));
        kernels.projectL2Ball(pv, radius, pInv, p, pOut);
        projectL2Ball(v, radius, invScale, expected);
        expect(maxAbsDiff(heap.f64(pOut, p), expected)).toBeLessThan(1e-15 * radius);
      }
    } finally {
      heap.free(base);
    }
  });
});

describe('bad input and warnings', () => {
  const problem = denseProblem(81, 40, 5);
  const X = asDense(problem);
  const expectError = (o: object, type: typeof InvalidParameterError | typeof ShapeMismatchError, argument: string, y: ArrayLike<number> = problem.y) => {
    try {
      fitProximal(X, y, o as never);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(type);
      expect((e as InvalidParameterError).argument).toBe(argument);
    }
  };
  test('typed errors naming the argument', () => {
    expectError({}, InvalidParameterError, 'lambda');
    expectError({ lambda: -1 }, InvalidParameterError, 'lambda');
    expectError({ lambda: 1, l1Ratio: 2 }, InvalidParameterError, 'l1Ratio');
    expectError({ lambda: 1, constraint: { norm: 'l1', radius: 1 } }, InvalidParameterError, 'constraint');
    expectError({ constraint: { norm: 'l1', radius: 0 } }, InvalidParameterError, 'constraint.radius');
    expectError({ lambda: 1, penaltyFactor: [1, 1] }, ShapeMismatchError, 'penaltyFactor');
    expectError({ lambda: 1, penaltyFactor: [1, 1, -1, 1, 1] }, InvalidParameterError, 'penaltyFactor');
    expectError({ lambda: 1, lowerLimits: 0.5 }, InvalidParameterError, 'lowerLimits');
    expectError({ lambda: 1, upperLimits: [1, 1, 1, -1, 1] }, InvalidParameterError, 'upperLimits');
    expectError({ lambda: 1, exclude: [7] }, InvalidParameterError, 'exclude');
    expectError({ lambda: 1, method: 'newton' }, InvalidParameterError, 'method');
    expectError({ lambda: 1, restart: 'sometimes' }, InvalidParameterError, 'restart');
    expectError({ lambda: 1, loss: 'logistic' }, InvalidParameterError, 'y');
    expectError({ lambda: 1, loss: 'logistic' }, InvalidParameterError, 'y', new Float64Array(40).fill(1));
    expectError({ constraint: { norm: 'l1', radius: 1 }, positive: true }, InvalidParameterError, 'positive');
  });

  test('caller arrays are left untouched', () => {
    const factors = [1, 2, 0, 1, 1];
    const lower = [-1, -1, -1, -1, -1];
    const y = Float64Array.from(problem.y);
    fitProximal(X, y, { lambda: 0.1, penaltyFactor: factors, lowerLimits: lower });
    expect(factors).toEqual([1, 2, 0, 1, 1]);
    expect(lower).toEqual([-1, -1, -1, -1, -1]);
    expect(Array.from(y)).toEqual(Array.from(problem.y));
  });

  test('maxIter reached: a ConvergenceWarning with the certificate and its kind', () => {
    const seen: L1L2Warning[] = [];
    const previous = setWarningHandler((w) => seen.push(w));
    try {
      const fit = fitProximal(X, problem.y, { lambda: 0.001, maxIter: 3, tol: 1e-14 });
      expect(fit.converged).toBe(false);
      expect(fit.nIter).toBe(3);
    } finally {
      setWarningHandler(previous);
    }
    expect(seen.length).toBe(1);
    expect(seen[0]).toBeInstanceOf(ConvergenceWarning);
    expect(seen[0]).toBeInstanceOf(ProximalConvergenceWarning);
    expect((seen[0] as ProximalConvergenceWarning).certificateKind).toBe('dualityGap');
    expect(seen[0]!.message).toMatch(/^proximal gradient did not converge: duality gap .* after 3 iterations/);
  });

  test('WASM memory returns to the same level after every fit (the resident X aside)', async () => {
    const { SGDRegressor, fitConstrained } = await import('../src/index.js');
    const heap = wasmRuntime()!.heap;
    const csc = asCsc(problem);
    const fits = () => {
      fitProximal(X, problem.y, { lambda: 0.1, sampleWeight: Array.from({ length: problem.n }, (_, i) => 1 + (i % 2)) });
      fitProximal(csc, problem.y, { lambda: 0.1, penaltyFactor: [1, 1, 0, 2, 1], lowerLimits: -1, upperLimits: 1 });
      fitConstrained(X, problem.y, { norm: 'l1', radius: 1 });
      new SGDRegressor({ maxIter: 5, tol: 0.1 }).fit(csc, problem.y);
    };
    const seen: L1L2Warning[] = [];
    const previous = setWarningHandler((w) => seen.push(w));
    try {
      fits(); // makes X and its statistics resident
      const before = heap.bytesInUse;
      for (let k = 0; k < 20; k++) fits();
      expect(heap.bytesInUse).toBe(before);
    } finally {
      setWarningHandler(previous);
    }
  });

  test('no other warnings were emitted', () => {
    expect(warnings.map((w) => w.message)).toEqual([]);
  });
});
