/**
 * `standardize: true` must equal standardizing by hand: x̃_j = (x_j − x̄_j)/sd_j with the centred
 * 1/n standard deviation sd_j = sqrt(mean((x_j − x̄_j)²)), a fit with `standardize: false`, and the
 * map back w_j = w̃_j/sd_j, b = b̃ − Σ_j x̄_j·w_j. Without an intercept the columns are divided by the
 * same centred sd but not centred (glmnet's `standardize = TRUE, intercept = FALSE`, as the README
 * documents), and the intercept is exactly 0. Constant columns get coefficient exactly 0.
 *
 * The hand-standardized matrix is built here with explicit two-pass means, so it is accurate even
 * for a column with mean 1e6 and a small spread; the library centres implicitly (CSC is never densified).
 */
import { describe, expect, it } from 'vitest';
import { CscMatrix, DenseMatrix, ElasticNet } from '../src/index.js';
import { asCsc, asDense, correlatedProblem, denseProblem, sparseProblem, type SyntheticProblem } from './helpers/syntheticRegression.js';
import { analyzeFit, lambdaMaxOf, maxAbs, maxAbsDiff } from './helpers/kktOracle.js';
import { SeededRandom } from '../src/random/SeededRandom.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

const TOL = 1e-12;
const AGREE = 1e-8;

const warnings = simdSuiteRecordingWarnings();

/** Column means and centred 1/n standard deviations, two-pass. */
function moments(pr: SyntheticProblem): { mean: Float64Array; sd: Float64Array } {
  const { n, p, columns } = pr;
  const mean = new Float64Array(p);
  const sd = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += columns[j * n + i]!;
    const m = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (columns[j * n + i]! - m) ** 2;
    mean[j] = m;
    sd[j] = Math.sqrt(ss / n);
  }
  return { mean, sd };
}

/**
 * Fits on the hand-standardized matrix (constant columns dropped) and maps back to the original
 * scale. Returns coefficients (0 for dropped columns), intercept and the standardized-scale fit.
 */
function manualFit(pr: SyntheticProblem, lambda: number, alpha: number, fitIntercept: boolean) {
  const { n, p, columns, y } = pr;
  const { mean, sd } = moments(pr);
  const kept: number[] = [];
  for (let j = 0; j < p; j++) if (sd[j]! > 0 && !isConstant(columns, n, j)) kept.push(j);
  const Z = new Float64Array(n * kept.length);
  kept.forEach((j, k) => {
    const c = fitIntercept ? mean[j]! : 0;
    for (let i = 0; i < n; i++) Z[k * n + i] = (columns[j * n + i]! - c) / sd[j]!;
  });
  const model = new ElasticNet({ lambda, l1Ratio: alpha, fitIntercept, standardize: false, tol: TOL, maxIter: 200_000 })
    .fit(DenseMatrix.fromColumnMajor(Z, n, kept.length), y);
  const wt = model.coef;
  const coef = new Float64Array(p);
  const coefScaled = new Float64Array(p);
  let intercept = model.intercept;
  kept.forEach((j, k) => {
    coefScaled[j] = wt[k]!;
    coef[j] = wt[k]! / sd[j]!;
    if (fitIntercept) intercept -= mean[j]! * coef[j]!;
  });
  return { coef, coefScaled, intercept, model, sd };
}

function isConstant(columns: Float64Array, n: number, j: number): boolean {
  for (let i = 1; i < n; i++) if (columns[j * n + i] !== columns[j * n]) return false;
  return true;
}

/** Compares a `standardize: true` fit with the manual route, on both scales. */
function expectMatchesManual(
  pr: SyntheticProblem, X: DenseMatrix | CscMatrix, alpha: number, fitIntercept: boolean, lambdaFactor: number,
  engine: 'wasm' | 'js' = 'wasm', agree = AGREE,
) {
  const lambda = lambdaFactor * lambdaMaxOf(pr.columns, pr.n, pr.p, pr.y, alpha, fitIntercept, true);
  const auto = new ElasticNet({ lambda, l1Ratio: alpha, fitIntercept, standardize: true, tol: TOL, maxIter: 200_000, engine }).fit(X, pr.y);
  const manual = manualFit(pr, lambda, alpha, fitIntercept);
  expect(auto.converged, `standardize: true did not converge: gap ${auto.dualGap} > ${auto.gapTolerance} after ${auto.nIter} epochs`).toBe(true);
  expect(manual.model.converged, `manual fit did not converge: gap ${manual.model.dualGap}`).toBe(true);
  const coef = auto.coef;
  // Standardized scale: w̃_j = w_j·sd_j.
  const scaledAuto = coef.map((w, j) => w * manual.sd[j]!);
  expect(maxAbsDiff(scaledAuto, manual.coefScaled)).toBeLessThanOrEqual(agree * Math.max(1, maxAbs(manual.coefScaled)));
  // Original scale.
  expect(maxAbsDiff(coef, manual.coef)).toBeLessThanOrEqual(agree * maxAbs(manual.coef));
  expect(Math.abs(auto.intercept - manual.intercept)).toBeLessThanOrEqual(agree * Math.max(1, Math.abs(manual.intercept), maxAbs(pr.y)));
  if (!fitIntercept) expect(auto.intercept).toBe(0);
  for (let j = 0; j < pr.p; j++) expect(coef[j] === 0, `zero pattern at ${j}`).toBe(manual.coef[j] === 0);
  // The reported objective is the standardized-space objective of the manual fit.
  expect(Math.abs(auto.objective - manual.model.objective)).toBeLessThanOrEqual(1e-10 * manual.model.objective);
  // And it is what the test computes from (coef, intercept) and the raw data on the penalized scale.
  const a = analyzeFit(pr.columns, pr.n, pr.p, pr.y, coef, auto.intercept, lambda, alpha, fitIntercept, true);
  // Recomputing r = y − b − Xw on the raw scale cancels terms as large as
  // max_i(|b| + Σ_j|x_ij·w_j|) (≈ 4e8 for a column with mean 1e6), so each r_i carries
  // about ε times that; the objective's rounding is then at most ~rms(r)·that.
  let magnitude = 0;
  for (let i = 0; i < pr.n; i++) {
    let rowSum = Math.abs(auto.intercept);
    for (let j = 0; j < pr.p; j++) rowSum += Math.abs(pr.columns[j * pr.n + i]! * coef[j]!);
    magnitude = Math.max(magnitude, rowSum);
  }
  const recomputeRounding = 4 * Number.EPSILON * magnitude * Math.sqrt(2 * a.objective);
  expect(Math.abs(a.objective - auto.objective)).toBeLessThanOrEqual(1e-10 * a.objective + recomputeRounding);
  expect(coef.some((w) => w !== 0)).toBe(true);
  return { auto, manual, lambda };
}

const denseData = denseProblem(201, 180, 25);
const sparseData = sparseProblem(202, 250, 40, 0.1);
const correlatedData = correlatedProblem(203, 140, 20, 4, 0.1);

describe('standardize: true equals standardizing by hand (with intercept)', () => {
  const cases = [
    ['dense heterogeneous columns', denseData, asDense],
    ['CSC (implicit centring)', sparseData, asCsc],
    ['dense copy of the sparse data', sparseData, asDense],
    ['correlated columns', correlatedData, asDense],
  ] as const;
  for (const [name, pr, toMatrix] of cases) {
    for (const alpha of [1, 0.5, 0.1]) {
      it(`${name}, l1Ratio ${alpha}`, () => {
        expectMatchesManual(pr, toMatrix(pr), alpha, true, 0.05);
      });
    }
  }
  it('the pure-TypeScript engine too (dense and CSC)', () => {
    expectMatchesManual(denseData, asDense(denseData), 0.5, true, 0.05, 'js');
    expectMatchesManual(sparseData, asCsc(sparseData), 1, true, 0.05, 'js');
  });
});

describe('standardize without an intercept', () => {
  for (const [name, pr, toMatrix] of [['dense', denseData, asDense], ['CSC', sparseData, asCsc]] as const) {
    for (const alpha of [1, 0.5]) {
      it(`${name}, l1Ratio ${alpha}: columns divided by the centred sd, not centred; intercept exactly 0`, () => {
        const { auto, lambda } = expectMatchesManual(pr, toMatrix(pr), alpha, false, 0.05);
        expect(auto.intercept).toBe(0);
        expect(Object.is(auto.intercept, -0)).toBe(false);
        // The convention matters: dividing by the uncentred root mean square instead gives another answer.
        const { n, p, columns, y } = pr;
        const Z = new Float64Array(n * p);
        const rms = new Float64Array(p);
        for (let j = 0; j < p; j++) {
          let s = 0;
          for (let i = 0; i < n; i++) s += columns[j * n + i]! ** 2;
          rms[j] = Math.sqrt(s / n);
          for (let i = 0; i < n; i++) Z[j * n + i] = columns[j * n + i]! / rms[j]!;
        }
        const other = new ElasticNet({ lambda, l1Ratio: alpha, fitIntercept: false, tol: TOL }).fit(DenseMatrix.fromColumnMajor(Z, n, p), y);
        const otherCoef = other.coef.map((w, j) => w / rms[j]!);
        expect(maxAbsDiff(auto.coef, otherCoef)).toBeGreaterThan(1e-4 * maxAbs(auto.coef));
      });
    }
  }
});

describe('constant columns', () => {
  /** The dense problem with a constant column (3.7) at 2, an all-zero column at 5 and a constant 1e6 column at 9. */
  function withConstants(base: SyntheticProblem): SyntheticProblem {
    const columns = base.columns.slice();
    const n = base.n;
    for (let i = 0; i < n; i++) {
      columns[2 * n + i] = 3.7;
      columns[5 * n + i] = 0;
      columns[9 * n + i] = 1e6;
    }
    const trueCoef = base.trueCoef.slice();
    trueCoef[2] = trueCoef[5] = trueCoef[9] = 0;
    return { ...base, columns, trueCoef };
  }
  const pr = withConstants(denseData);
  const prSparse = withConstants(sparseData);

  for (const fitIntercept of [true, false]) {
    for (const [name, data, toMatrix] of [['dense', pr, asDense], ['CSC', prSparse, asCsc]] as const) {
      it(`${name}, fitIntercept ${fitIntercept}: coefficient exactly 0, the rest as if the columns were absent`, () => {
        for (const alpha of [1, 0.5]) {
          for (const engine of ['wasm', 'js'] as const) {
            const before = warnings.length;
            const { auto } = expectMatchesManual(data, toMatrix(data), alpha, fitIntercept, 0.05, engine);
            const coef = auto.coef;
            expect(coef[2]).toBe(0);
            expect(coef[5]).toBe(0);
            expect(coef[9]).toBe(0);
            for (const v of coef) expect(Number.isFinite(v)).toBe(true);
            expect(Number.isFinite(auto.intercept)).toBe(true);
            expect(Number.isFinite(auto.dualGap)).toBe(true);
            expect(warnings.length).toBe(before);
          }
        }
      });
    }
  }

  it('a design whose every column is constant gives the mean model (standardize, with intercept)', () => {
    const n = 20;
    const columns = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      columns[i] = 1;
      columns[n + i] = -4;
      columns[2 * n + i] = 0;
    }
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    let mean = 0;
    for (const v of y) mean += v;
    mean /= n;
    for (const engine of ['wasm', 'js'] as const) {
      const m = new ElasticNet({ lambda: 0.1, standardize: true, engine }).fit(DenseMatrix.fromColumnMajor(columns, n, 3), y);
      expect(Array.from(m.coef)).toEqual([0, 0, 0]);
      expect(Math.abs(m.intercept - mean)).toBeLessThanOrEqual(1e-15);
      expect(m.converged).toBe(true);
      expect(m.dualGap).toBe(0);
    }
  });
});

describe('a column with a large mean (1e6) and a small spread', () => {
  /** Column 4 replaced by mean + spread·N(0,1); y depends on its spread, so its coefficient is far from 0. */
  function largeMeanProblem(seed: number, mean: number, spread: number, sparse: boolean): SyntheticProblem {
    const base = sparse ? sparseProblem(seed, 300, 30, 0.1) : denseProblem(seed, 300, 30);
    const n = base.n;
    const columns = base.columns.slice();
    const rng = new SeededRandom(seed + 1);
    for (let i = 0; i < n; i++) columns[4 * n + i] = mean + spread * rng.normal();
    const y = base.y.slice();
    for (let i = 0; i < n; i++) y[i]! += (2 / spread) * (columns[4 * n + i]! - mean);
    return { ...base, columns, y };
  }
  // mean 0 is the control: the same problems without the offset.
  for (const mean of [0, 1e6]) {
    for (const spread of [1, 1e-2]) {
      for (const sparse of [false, true]) {
        const name = sparse ? 'CSC' : 'dense';
        it(`${name}, mean ${mean}, spread ${spread}: matches the hand standardization`, () => {
          const pr = largeMeanProblem(300 + (sparse ? 1 : 0), mean, spread, sparse);
          const X = sparse ? asCsc(pr) : asDense(pr);
          // A centred value of this column is only known to relative ε·mean/spread (2e-8 for
          // 1e6 / 1e-2), however it is computed; agreement cannot be asked beyond a few times that.
          const agree = Math.max(AGREE, 10 * Number.EPSILON * (mean / spread));
          for (const alpha of [1, 0.5]) {
            const { auto } = expectMatchesManual(pr, X, alpha, true, 0.05, 'wasm', agree);
            expect(auto.coef[4]).not.toBe(0);
          }
        });
      }
    }
  }

  it('never returns NaN (mean 1e6, spread 1e-2, standardize, default tol)', () => {
    for (const sparse of [false, true]) {
      const pr = largeMeanProblem(310, 1e6, 1e-2, sparse);
      const X = sparse ? asCsc(pr) : asDense(pr);
      const lambda = 0.05 * lambdaMaxOf(pr.columns, pr.n, pr.p, pr.y, 1, true, true);
      for (const engine of ['wasm', 'js'] as const) {
        const m = new ElasticNet({ lambda, l1Ratio: 1, standardize: true, maxIter: 2000, engine }).fit(X, pr.y);
        const label = `${sparse ? 'CSC' : 'dense'} ${engine}: gap ${m.dualGap}, objective ${m.objective}, coef[4] ${m.coef[4]}, ${m.nIter} epochs`;
        expect(Number.isFinite(m.dualGap), label).toBe(true);
        expect(Number.isFinite(m.objective), label).toBe(true);
        for (const v of m.coef) expect(Number.isFinite(v), label).toBe(true);
        expect(m.converged, label).toBe(true);
      }
    }
  });

  it('without standardization (scikit-learn\'s Lasso), a column with mean 1e5 still converges at the default tol', () => {
    for (const sparse of [false, true]) {
      const pr = largeMeanProblem(320, 1e5, 1, sparse);
      const X = sparse ? asCsc(pr) : asDense(pr);
      const lambda = 0.05 * lambdaMaxOf(pr.columns, pr.n, pr.p, pr.y, 1, true, false);
      const m = new ElasticNet({ lambda, l1Ratio: 1, maxIter: 20_000 }).fit(X, pr.y);
      const a = analyzeFit(pr.columns, pr.n, pr.p, pr.y, m.coef, m.intercept, lambda, 1, true, false);
      const label = `${sparse ? 'CSC' : 'dense'}: gap ${m.dualGap} (tolerance ${m.gapTolerance}) after ${m.nIter} epochs; gap computed here ${a.dualityGap}`;
      expect(m.converged, label).toBe(true);
      expect(a.dualityGap, label).toBeLessThanOrEqual(2 * m.gapTolerance);
    }
  });
});

describe('standardization makes the fit invariant to column scale and shift', () => {
  it('X·diag(c) + shift gives coefficients w_j/c_j, the same predictions and the same objective (dense and CSC)', () => {
    const pr = denseData;
    const { n, p, columns } = pr;
    const rng = new SeededRandom(404);
    const c = Float64Array.from({ length: p }, () => Math.exp(2 * rng.normal()) * (rng.uniform() < 0.5 ? -1 : 1));
    const shift = Float64Array.from({ length: p }, () => 10 * rng.normal());
    const transformed = new Float64Array(n * p);
    for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) transformed[j * n + i] = columns[j * n + i]! * c[j]! + shift[j]!;
    const pr2: SyntheticProblem = { ...pr, columns: transformed };
    const lambda = 0.05 * lambdaMaxOf(columns, n, p, pr.y, 0.5, true, true);
    const lambda2 = lambdaMaxOf(transformed, n, p, pr.y, 0.5, true, true) * 0.05;
    expect(Math.abs(lambda - lambda2)).toBeLessThanOrEqual(1e-12 * lambda);
    const a = new ElasticNet({ lambda, l1Ratio: 0.5, standardize: true, tol: TOL }).fit(asDense(pr), pr.y);
    for (const X2 of [asDense(pr2), CscMatrix.fromDense(asDense(pr2))]) {
      const b = new ElasticNet({ lambda, l1Ratio: 0.5, standardize: true, tol: TOL }).fit(X2, pr.y);
      const mapped = a.coef.map((w, j) => w / c[j]!);
      const scaled = b.coef.map((w, j) => w * c[j]!);
      expect(maxAbsDiff(scaled, a.coef)).toBeLessThanOrEqual(AGREE * maxAbs(a.coef));
      for (let j = 0; j < p; j++) expect(Math.abs(b.coef[j]! - mapped[j]!)).toBeLessThanOrEqual(AGREE * Math.abs(maxAbs(a.coef) / c[j]!));
      expect(maxAbsDiff(b.predict(X2), a.predict(asDense(pr)))).toBeLessThanOrEqual(1e-8 * maxAbs(pr.y));
      expect(Math.abs(a.objective - b.objective)).toBeLessThanOrEqual(1e-10 * a.objective);
    }
    // Without standardization the same transformation changes the solution (the penalty sees the raw scale).
    const raw1 = new ElasticNet({ lambda, l1Ratio: 0.5, tol: TOL }).fit(asDense(pr), pr.y);
    const raw2 = new ElasticNet({ lambda, l1Ratio: 0.5, tol: TOL }).fit(asDense(pr2), pr.y);
    expect(maxAbsDiff(raw2.coef.map((w, j) => w * c[j]!), raw1.coef)).toBeGreaterThan(1e-3 * maxAbs(raw1.coef));
  });
});
