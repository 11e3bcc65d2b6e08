/**
 * A path's solution at λ_k is the solution at λ_k: it must agree with a cold, independent
 * single-λ fit `new ElasticNet({ lambda: path.lambdas[k], l1Ratio, tol })` within what the two
 * certificates allow. With G₁, G₂ upper bounds on the suboptimality of the two points (duality
 * gaps computed here from the raw arrays, plus 1e-13·F(0) for rounding):
 *
 *   F(w̃) − F* ≥ (1/(2n))‖X̃(w̃ − w̃*)‖² + ((μ + l2)/2)‖w̃ − w̃*‖²,   μ = λ_min(X̃ᵀX̃/n),
 *
 * so ‖w̃₁ − w̃₂‖₂ ≤ √(2G₁/(μ+l2)) + √(2G₂/(μ+l2)) when μ + l2 > 0 (n ≫ p, or α < 1), and always
 * (1/√n)‖X̃(w̃₁ − w̃₂)‖ ≤ √(2G₁) + √(2G₂) (fitted values; the only bound for the lasso with p ≫ n),
 * and |F(w₁) − F(w₂)| ≤ max(G₁, G₂). μ is computed here (Jacobi eigenvalues of the Gram matrix).
 * On the well-conditioned n ≫ p problem at tol 1e-12 the coefficients also agree to 1e-6 relative.
 */
import { describe, expect, it } from 'vitest';
import { ElasticNet, enetPath, type EngineName } from '../src/index.js';
import { asCsc, asDense, denseProblem, sparseProblem, type SyntheticProblem } from './helpers/syntheticRegression.js';
import { analyzeFit, columnScaling } from './helpers/kktOracle.js';
import { fittedDistance, gramMinEigenvalue, relativeInfDistance } from './helpers/pathOracle.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

const warnings = simdSuiteRecordingWarnings();

interface Case {
  name: string;
  problem: SyntheticProblem;
  l1Ratio: number;
  standardize: boolean;
  tol: number;
  engine: EngineName;
  /** Also require 1e-6 relative agreement of the coefficients. */
  relative: boolean;
}

const nBig = denseProblem(401, 3000, 30);
const wide = denseProblem(402, 60, 2000);
const wideSparse = sparseProblem(403, 100, 1500, 0.05);
const cases: Case[] = [
  { name: 'n≫p 3000×30, lasso, standardized', problem: nBig, l1Ratio: 1, standardize: true, tol: 1e-12, engine: 'wasm', relative: true },
  { name: 'n≫p 3000×30, lasso, raw', problem: nBig, l1Ratio: 1, standardize: false, tol: 1e-12, engine: 'wasm', relative: true },
  { name: 'n≫p 3000×30, α = 0.5, raw, js engine', problem: nBig, l1Ratio: 0.5, standardize: false, tol: 1e-12, engine: 'js', relative: true },
  { name: 'p≫n 60×2000, lasso, standardized', problem: wide, l1Ratio: 1, standardize: true, tol: 1e-9, engine: 'wasm', relative: false },
  { name: 'p≫n 60×2000, α = 0.5, raw', problem: wide, l1Ratio: 0.5, standardize: false, tol: 1e-9, engine: 'wasm', relative: false },
  { name: 'p≫n sparse 100×1500, lasso, standardized, js engine', problem: wideSparse, l1Ratio: 1, standardize: true, tol: 1e-9, engine: 'js', relative: false },
  { name: 'p≫n sparse 100×1500, α = 0.5, standardized', problem: wideSparse, l1Ratio: 0.5, standardize: true, tol: 1e-9, engine: 'wasm', relative: false },
];
const picks = [0, 3, 15, 40, 70, 99];

describe.each(cases.map((c) => [c.name, c] as const))('%s: path.coefAt(k) = a cold ElasticNet fit at λ_k', (_name, c) => {
  const { problem, l1Ratio, standardize, tol, engine } = c;
  const { n, p, columns, y } = problem;
  const X = problem.sparse ? asCsc(problem) : asDense(problem);
  const path = enetPath(X, y, { l1Ratio, standardize, lambdaMinRatio: 1e-3, earlyStop: false, tol, maxIter: 1_000_000, engine });
  // λ_min(X̃ᵀX̃/n) is 0 when p > n; Jacobi is only run on the small n ≫ p Gram matrix.
  const mu = n > p ? gramMinEigenvalue(columns, n, p, true, standardize) : 0;
  const { scale } = columnScaling(columns, n, p, true, standardize);

  if (c.name === 'n≫p 3000×30, lasso, standardized') {
    it('μ is what random-matrix theory predicts for 3000×30 iid columns: ≈ (1 − √(30/3000))² = 0.81', () => {
      expect(mu).toBeGreaterThan(0.7);
      expect(mu).toBeLessThan(0.9);
    });
  }

  it.each(picks)('k = %i', (k) => {
    expect(path.length).toBe(100);
    const lambda = path.lambdas[k]!;
    const before = warnings.length;
    const single = new ElasticNet({ lambda, l1Ratio, standardize, tol, maxIter: 1_000_000, engine }).fit(X, y);
    expect(warnings.length).toBe(before);
    expect(single.converged).toBe(true);
    expect(path.converged[k]).toBe(true);
    const w1 = path.coefAt(k);
    const w2 = single.coef;
    const a1 = analyzeFit(columns, n, p, y, w1, path.intercepts[k]!, lambda, l1Ratio, true, standardize);
    const a2 = analyzeFit(columns, n, p, y, w2, single.intercept, lambda, l1Ratio, true, standardize);
    const floor = 1e-13 * a1.nullObjective;
    const G1 = Math.max(a1.dualityGap, path.dualGaps[k]!, 0) + floor;
    const G2 = Math.max(a2.dualityGap, single.dualGap, 0) + floor;
    // Both points are certified to their tolerance by the independent gap as well.
    expect(G1).toBeLessThanOrEqual(2 * path.gapTolerance + 2 * floor);
    expect(G2).toBeLessThanOrEqual(2 * single.gapTolerance + 2 * floor);

    expect(Math.abs(a1.objective - a2.objective)).toBeLessThanOrEqual(Math.max(G1, G2));
    expect(fittedDistance(columns, n, p, w1, w2, true)).toBeLessThanOrEqual(Math.sqrt(2 * G1) + Math.sqrt(2 * G2));
    const l2 = lambda * (1 - l1Ratio);
    const curvature = mu + l2;
    if (curvature > 0) {
      let d2 = 0;
      for (let j = 0; j < p; j++) d2 += ((w1[j]! - w2[j]!) * scale[j]!) ** 2;
      expect(Math.sqrt(d2)).toBeLessThanOrEqual(Math.sqrt((2 * G1) / curvature) + Math.sqrt((2 * G2) / curvature));
    }
    if (k === 0) {
      // λ_max: every coefficient is 0 and the intercept is ȳ, for both.
      expect(Array.from(w1).every((v) => v === 0)).toBe(true);
      for (const v of w2) expect(Math.abs(v)).toBeLessThanOrEqual(1e-12);
    } else if (c.relative) {
      expect(relativeInfDistance(w1, w2)).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(path.intercepts[k]! - single.intercept)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(single.intercept)));
    }
  });
});
