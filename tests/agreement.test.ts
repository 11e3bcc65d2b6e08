/**
 * Implementations that must agree: the WASM kernels and the pure-TypeScript engine, dense and
 * CSC storage of the same matrix, the SIMD and scalar kernel builds, warm and cold starts; and
 * predict / score against b + Xw and R² computed here. Agreement is measured as
 * ‖Δw‖∞ ≤ 1e-10·max(1, ‖w‖∞) on well-conditioned random problems fitted at tol 1e-13.
 */
import { describe, expect, it } from 'vitest';
import { CscMatrix, DenseMatrix, ElasticNet, Lasso, init } from '../src/index.js';
import { asCsc, asDense, asRows, denseProblem, sparseProblem, type SyntheticProblem } from './helpers/syntheticRegression.js';
import { analyzeFit, lambdaMaxOf, maxAbs, maxAbsDiff, residual } from './helpers/kktOracle.js';
import { SeededRandom } from '../src/random/SeededRandom.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

const TOL = 1e-13;
const AGREE = 1e-10;

simdSuiteRecordingWarnings();

function expectSameSolution(a: ElasticNet, b: ElasticNet, label: string): void {
  const wa = a.coef;
  const wb = b.coef;
  const scale = Math.max(1, maxAbs(wa));
  expect(maxAbsDiff(wa, wb), `${label}: ‖Δw‖∞`).toBeLessThanOrEqual(AGREE * scale);
  expect(Math.abs(a.intercept - b.intercept), `${label}: Δb`).toBeLessThanOrEqual(AGREE * Math.max(1, Math.abs(a.intercept)));
  // The supports agree exactly (soft-thresholding gives exact zeros in both).
  for (let j = 0; j < wa.length; j++) expect(wa[j] === 0, `${label}: zero pattern at ${j}`).toBe(wb[j] === 0);
  expect(Math.abs(a.objective - b.objective), `${label}: objective`).toBeLessThanOrEqual(1e-12 * Math.abs(a.objective));
}

interface Config {
  alpha: number;
  fitIntercept: boolean;
  standardize: boolean;
}
const configs: Config[] = [
  { alpha: 1, fitIntercept: true, standardize: false },
  { alpha: 1, fitIntercept: true, standardize: true },
  { alpha: 0.5, fitIntercept: true, standardize: false },
  { alpha: 0.5, fitIntercept: false, standardize: true },
  { alpha: 0.1, fitIntercept: true, standardize: true },
  { alpha: 0.1, fitIntercept: false, standardize: false },
];

/** Well-conditioned problems: independent unit-normal (dense) or sparse columns, n > p. */
const denseData = denseProblem(101, 157, 40, { heterogeneous: false, support: 8 });
const sparseData = sparseProblem(102, 203, 60, 0.15, { support: 8 });

function lambdaFor(pr: SyntheticProblem, c: Config, factor = 0.1): number {
  return factor * lambdaMaxOf(pr.columns, pr.n, pr.p, pr.y, c.alpha, c.fitIntercept, c.standardize);
}

function fit(X: DenseMatrix | CscMatrix, y: Float64Array, c: Config, lambda: number, engine: 'wasm' | 'js' = 'wasm', extra: object = {}) {
  const model = new ElasticNet({ lambda, l1Ratio: c.alpha, fitIntercept: c.fitIntercept, standardize: c.standardize, tol: TOL, maxIter: 100_000, engine, ...extra });
  model.fit(X, y);
  return model;
}

describe('(a) WASM and pure-TypeScript engines agree', () => {
  for (const [name, pr, toMatrix] of [['dense', denseData, asDense], ['csc', sparseData, asCsc]] as const) {
    const X = toMatrix(pr);
    for (const c of configs) {
      it(`${name}, l1Ratio ${c.alpha}, fitIntercept ${c.fitIntercept}, standardize ${c.standardize}`, () => {
        const lambda = lambdaFor(pr, c);
        const w = fit(X, pr.y, c, lambda, 'wasm');
        const j = fit(X, pr.y, c, lambda, 'js');
        expect(w.engineUsed).toBe('wasm');
        expect(j.engineUsed).toBe('js');
        expect(w.converged && j.converged).toBe(true);
        expectSameSolution(w, j, 'wasm vs js');
        // Both are the solution: the objective recomputed here matches each.
        const a = analyzeFit(pr.columns, pr.n, pr.p, pr.y, w.coef, w.intercept, lambda, c.alpha, c.fitIntercept, c.standardize);
        expect(Math.abs(a.objective - w.objective)).toBeLessThanOrEqual(1e-12 * a.objective);
        expect(w.coef.some((v) => v !== 0)).toBe(true);
      });
    }
  }
});

describe('(b) dense and CSC storage of the same data give the same solution', () => {
  const Xd = asDense(sparseData);
  const Xs = asCsc(sparseData);
  const Xfd = CscMatrix.fromDense(Xd);
  it('the CSC matrix really is sparse', () => {
    expect(Xs.nnz).toBeLessThan(0.25 * sparseData.n * sparseData.p);
    expect(Xfd.nnz).toBe(Xs.nnz);
  });
  for (const engine of ['wasm', 'js'] as const) {
    for (const c of configs) {
      it(`${engine} engine, l1Ratio ${c.alpha}, fitIntercept ${c.fitIntercept}, standardize ${c.standardize}`, () => {
        const lambda = lambdaFor(sparseData, c);
        const d = fit(Xd, sparseData.y, c, lambda, engine);
        const s = fit(Xs, sparseData.y, c, lambda, engine);
        const f = fit(Xfd, sparseData.y, c, lambda, engine);
        expect(d.converged && s.converged && f.converged).toBe(true);
        expectSameSolution(d, s, `${engine}: dense vs CSC`);
        expectSameSolution(s, f, `${engine}: CSC built two ways`);
      });
    }
  }
  it('an array of rows gives the dense answer', () => {
    const c = configs[2]!;
    const lambda = lambdaFor(sparseData, c);
    expectSameSolution(fit(Xd, sparseData.y, c, lambda), new ElasticNet({ lambda, l1Ratio: c.alpha, tol: TOL }).fit(asRows(sparseData), sparseData.y), 'rows vs dense');
  });
});

describe('(c) SIMD and scalar kernel builds agree', () => {
  it('on dense and CSC data, several configurations (restoring the SIMD build)', async () => {
    const problems = [
      ['dense', denseData, asDense(denseData)],
      ['dense n=203 (not a multiple of 8)', sparseData, asDense(sparseData)],
      ['csc', sparseData, asCsc(sparseData)],
    ] as const;
    const results = new Map<string, ElasticNet>();
    try {
      for (const build of ['scalar', 'simd'] as const) {
        const started = await init({ build });
        expect(started).toEqual({ engine: 'wasm', build });
        for (const [name, pr, X] of problems) {
          for (const [k, c] of configs.entries()) {
            // Matrices were uploaded to the other build's memory: they must be re-uploaded transparently.
            results.set(`${build}/${name}/${k}`, fit(X, pr.y, c, lambdaFor(pr, c)));
          }
        }
      }
    } finally {
      await init({ build: 'simd' });
    }
    for (const [name] of problems) {
      for (const k of configs.keys()) {
        const scalar = results.get(`scalar/${name}/${k}`)!;
        const simd = results.get(`simd/${name}/${k}`)!;
        expect(scalar.converged && simd.converged).toBe(true);
        expectSameSolution(simd, scalar, `simd vs scalar, ${name}, config ${k}`);
      }
    }
  });
});

describe('(d) warm starts', () => {
  const X = asDense(denseData);
  const c = configs[0]!;
  const lambda = lambdaFor(denseData, c);

  it('from the solution at the same λ: ≤ 1 epoch and the same coefficients', () => {
    for (const cc of configs) {
      const lam = lambdaFor(denseData, cc);
      const cold = fit(X, denseData.y, cc, lam);
      expect(cold.nIter).toBeGreaterThan(1);
      const warm = new ElasticNet({ lambda: lam, l1Ratio: cc.alpha, fitIntercept: cc.fitIntercept, standardize: cc.standardize, tol: TOL }).fit(X, denseData.y, { initialCoef: cold.coef });
      expect(warm.nIter).toBeLessThanOrEqual(1);
      expect(warm.converged).toBe(true);
      expect(maxAbsDiff(warm.coef, cold.coef)).toBeLessThanOrEqual(1e-12 * Math.max(1, maxAbs(cold.coef)));
      expect(Math.abs(warm.intercept - cold.intercept)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(cold.intercept)));
    }
  });

  it('from a nearby λ: the cold answer, in fewer epochs (both engines)', () => {
    for (const engine of ['wasm', 'js'] as const) {
      const near = fit(X, denseData.y, c, lambda * 1.05, engine);
      const cold = fit(X, denseData.y, c, lambda, engine);
      const warm = new Lasso({ lambda, tol: TOL, engine }).fit(X, denseData.y, { initialCoef: near.coef });
      expect(warm.converged).toBe(true);
      expect(warm.nIter).toBeLessThan(cold.nIter);
      expect(maxAbsDiff(warm.coef, near.coef)).toBeGreaterThan(1e-6); // the start really was elsewhere
      // Both certified to gap ≤ 1e-13·F(0): same solution to the agreement tolerance on this well-conditioned problem.
      expectSameSolution(warm, cold, `${engine}: warm vs cold`);
    }
  });

  it('warm start on a standardized elastic net: initialCoef is on the original scale', () => {
    const cc = configs[4]!; // l1Ratio 0.1, standardize
    const Xh = asDense(sparseData);
    const lam = lambdaFor(sparseData, cc);
    const near = fit(Xh, sparseData.y, cc, lam * 1.1);
    const cold = fit(Xh, sparseData.y, cc, lam);
    const warmFromNear = new ElasticNet({ lambda: lam, l1Ratio: cc.alpha, standardize: true, tol: TOL }).fit(Xh, sparseData.y, { initialCoef: near.coef });
    expect(warmFromNear.nIter).toBeLessThanOrEqual(cold.nIter);
    // Two different iterate sequences, each certified to gap ≤ 1e-13·F(0): with the l2-strongly convex
    // penalty, ‖w̃ − w̃*‖₂ ≤ √(2G/l2) for each (G from a dual point built here), so they agree to the sum.
    const l2 = lam * (1 - cc.alpha);
    const scaled = (m: ElasticNet) => analyzeFit(sparseData.columns, sparseData.n, sparseData.p, sparseData.y, m.coef, m.intercept, lam, cc.alpha, true, true);
    const aw = scaled(warmFromNear);
    const ac = scaled(cold);
    let dist = 0;
    for (let j = 0; j < sparseData.p; j++) dist += (aw.coefScaled[j]! - ac.coefScaled[j]!) ** 2;
    const floor = 1e-14 * ac.nullObjective;
    expect(Math.sqrt(dist)).toBeLessThanOrEqual(Math.sqrt((2 * (Math.max(aw.dualityGap, 0) + floor)) / l2) + Math.sqrt((2 * (Math.max(ac.dualityGap, 0) + floor)) / l2));
    expect(aw.dualityGap).toBeLessThanOrEqual(10 * warmFromNear.gapTolerance);
    expect(Math.abs(warmFromNear.objective - cold.objective)).toBeLessThanOrEqual(2 * cold.gapTolerance);
    const again = new ElasticNet({ lambda: lam, l1Ratio: cc.alpha, standardize: true, tol: TOL }).fit(Xh, sparseData.y, { initialCoef: cold.coef });
    expect(again.nIter).toBeLessThanOrEqual(1);
  });

  it('warmStart: true reuses the previous coefficients; warmStart: false does not', () => {
    const rng = new SeededRandom(7);
    const y2 = denseData.y.map((v) => v + 0.01 * rng.normal());
    const warmModel = new Lasso({ lambda, tol: TOL, warmStart: true });
    const coldModel = new Lasso({ lambda, tol: TOL, warmStart: false });
    const first = warmModel.fit(X, denseData.y).nIter;
    expect(coldModel.fit(X, denseData.y).nIter).toBe(first);
    // Same data again: the warm model starts at its solution.
    expect(warmModel.fit(X, denseData.y).nIter).toBeLessThanOrEqual(1);
    expect(coldModel.fit(X, denseData.y).nIter).toBe(first);
    // Slightly different y: fewer epochs than cold, same answer as a fresh cold fit.
    warmModel.fit(X, denseData.y);
    const warm2 = warmModel.fit(X, y2);
    const cold2 = new Lasso({ lambda, tol: TOL }).fit(X, y2);
    expect(warm2.nIter).toBeLessThan(cold2.nIter);
    expectSameSolution(warm2, cold2, 'warmStart option');
    // An explicit initialCoef wins over warmStart.
    const explicit = new Lasso({ lambda, tol: TOL, warmStart: true });
    explicit.fit(X, denseData.y);
    const fromZero = explicit.fit(X, denseData.y, { initialCoef: new Float64Array(denseData.p) });
    expect(fromZero.nIter).toBe(first);
  });
});

describe('(e) predict and score', () => {
  for (const [name, pr] of [['dense', denseData], ['csc', sparseData]] as const) {
    it(`${name}: predict = b + Xw and score = R², computed here, on training and new data`, () => {
      const c = configs[2]!;
      const X = name === 'dense' ? asDense(pr) : asCsc(pr);
      const model = fit(X, pr.y, c, lambdaFor(pr, c));
      const coef = model.coef;
      const b = model.intercept;
      // Training data, in all three input forms.
      const r = residual(pr.columns, pr.n, pr.p, pr.y, coef, b);
      const expected = pr.y.map((v, i) => v - r[i]!);
      for (const input of [X, asDense(pr), asCsc(pr), asRows(pr)]) {
        const predicted = model.predict(input);
        expect(predicted.length).toBe(pr.n);
        expect(maxAbsDiff(predicted, expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, maxAbs(expected)));
      }
      let mean = 0;
      for (const v of pr.y) mean += v;
      mean /= pr.n;
      let ssRes = 0;
      let ssTot = 0;
      for (let i = 0; i < pr.n; i++) {
        ssRes += r[i]! ** 2;
        ssTot += (pr.y[i]! - mean) ** 2;
      }
      const r2 = 1 - ssRes / ssTot;
      expect(Math.abs(model.score(X, pr.y) - r2)).toBeLessThanOrEqual(1e-12);
      expect(r2).toBeGreaterThan(0.5);
      expect(r2).toBeLessThan(1);

      // New rows: an explicit loop over rows.
      const rng = new SeededRandom(99);
      const rows = Array.from({ length: 13 }, () => Array.from({ length: pr.p }, () => (rng.uniform() < 0.3 ? 0 : rng.normal())));
      const newPred = model.predict(rows);
      for (let i = 0; i < rows.length; i++) {
        let v = b;
        for (let j = 0; j < pr.p; j++) v += rows[i]![j]! * coef[j]!;
        expect(Math.abs(newPred[i]! - v)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v)));
      }
      const yNew = rows.map((row) => row.reduce((s, x, j) => s + x * pr.trueCoef[j]!, 3));
      let m2 = 0;
      for (const v of yNew) m2 += v;
      m2 /= yNew.length;
      let res2 = 0;
      let tot2 = 0;
      for (let i = 0; i < yNew.length; i++) {
        res2 += (yNew[i]! - newPred[i]!) ** 2;
        tot2 += (yNew[i]! - m2) ** 2;
      }
      expect(Math.abs(model.score(rows, yNew) - (1 - res2 / tot2))).toBeLessThanOrEqual(1e-12);
    });
  }
});

describe('(f) SIMD kernels on lengths that are not a multiple of 8', () => {
  const sizes = Array.from({ length: 17 }, (_, k) => k + 1);
  const p = 3;
  const data = sizes.map((n) => {
    const rng = new SeededRandom(1000 + n);
    const columns = Float64Array.from({ length: n * p }, () => (rng.uniform() < 0.2 ? 0 : 1 + rng.normal()));
    // Make sure no column is all-zero (or constant) by pinning two entries when n ≥ 2.
    for (let j = 0; j < p; j++) {
      columns[j * n] = 1 + j;
      if (n >= 2) columns[j * n + 1] = -2 - j;
    }
    const y = Float64Array.from({ length: n }, (_, i) => 0.5 + columns[i]! - 2 * columns[2 * n + i]! + 0.3 * rng.normal());
    return { n, p, columns, y, trueCoef: new Float64Array(p), sparse: false } satisfies SyntheticProblem;
  });

  it.each(sizes)('n = %i: SIMD, scalar and TypeScript agree and satisfy the objective recomputed here', async (n) => {
    const pr = data[n - 1]!;
    const fitIntercept = n >= 2;
    const c: Config = { alpha: 0.7, fitIntercept, standardize: n >= 2 };
    const lambda = lambdaFor(pr, c, 0.2);
    const Xd = asDense(pr);
    const Xs = asCsc(pr);
    const out: Record<string, ElasticNet> = {};
    try {
      for (const build of ['scalar', 'simd'] as const) {
        await init({ build });
        out[`${build}-dense`] = fit(Xd, pr.y, c, lambda);
        out[`${build}-csc`] = fit(Xs, pr.y, c, lambda);
      }
    } finally {
      await init({ build: 'simd' });
    }
    out['js-dense'] = fit(Xd, pr.y, c, lambda, 'js');
    out['js-csc'] = fit(Xs, pr.y, c, lambda, 'js');
    const ref = out['js-dense']!;
    for (const [name, m] of Object.entries(out)) {
      expect(m.converged, name).toBe(true);
      for (const v of m.coef) expect(Number.isFinite(v), name).toBe(true);
      expectSameSolution(m, ref, `n=${n} ${name} vs js-dense`);
      const a = analyzeFit(pr.columns, n, p, pr.y, m.coef, m.intercept, lambda, c.alpha, c.fitIntercept, c.standardize);
      expect(Math.abs(a.objective - m.objective), name).toBeLessThanOrEqual(1e-12 * Math.max(a.objective, 1e-300));
    }
    if (n >= 2) expect(ref.coef.some((v) => v !== 0)).toBe(true);
  });

  it('n = 1 with an intercept: every column is constant, so the model is the mean', () => {
    const pr = data[0]!;
    for (const engine of ['wasm', 'js'] as const) {
      const m = new ElasticNet({ lambda: 0.01, l1Ratio: 0.5, engine }).fit(asDense(pr), pr.y);
      expect(Array.from(m.coef)).toEqual([0, 0, 0]);
      expect(m.intercept).toBe(pr.y[0]);
    }
  });
});
