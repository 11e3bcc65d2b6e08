/**
 * Cross-validation folds are observation weights (0 on the held-out rows, 1/n_train on the
 * others), applied to the X that stays resident: no copy of the training rows is ever made.
 * That machinery (weighted means, weighted standardization, weighted gradients and gaps) must
 * give exactly what fitting on the training rows alone gives. So, for a fixed foldId: the
 * training rows of a fold are copied here into a new matrix (dense or CSC, built from the rows
 * directly), `enetPath` is fitted on them with `lambdas = cv.lambdas`, the held-out error on the
 * fold's rows is computed here from its coefficients and intercepts, and it must equal
 * `cv.foldErrors[fold]` to 1e-6 relative at every λ — with and without standardization (which
 * must then use the training rows' means and standard deviations), dense and CSC, both engines,
 * α = 1 and 0.5. tol 1e-11, so that both fits are far more accurate than the 1e-6 asked.
 */
import { describe, expect, it } from 'vitest';
import { CscMatrix, DenseMatrix, cvPath, enetPath, type EngineName } from '../src/index.js';
import { SeededRandom } from '../src/random/SeededRandom.js';
import { cscFromColumns, denseProblem, sparseProblem, type SyntheticProblem } from './helpers/syntheticRegression.js';
import { predictRows, rowSubset } from './helpers/pathOracle.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

const warnings = simdSuiteRecordingWarnings();

/** A fold assignment made here: a seeded shuffle of 0,1,…,K−1 repeated (sizes differ by at most 1). */
function makeFolds(n: number, K: number, seed: number): number[] {
  const rng = new SeededRandom(seed);
  const folds = Array.from({ length: n }, (_, i) => i % K);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [folds[i], folds[j]] = [folds[j]!, folds[i]!];
  }
  return folds;
}

function toMatrix(columns: Float64Array, n: number, p: number, layout: 'dense' | 'csc'): DenseMatrix | CscMatrix {
  return layout === 'dense' ? DenseMatrix.fromColumnMajor(columns, n, p) : cscFromColumns(columns, n, p);
}

const problems: [string, SyntheticProblem][] = [
  ['dense 150×40', denseProblem(601, 150, 40)],
  ['dense p > n 90×250', denseProblem(602, 90, 250)],
  ['sparse 160×120 (density 10 %)', sparseProblem(603, 160, 120, 0.1)],
];
const cases = problems.flatMap(([name], index) =>
  ([true, false] as const).flatMap((standardize) =>
    (['dense', 'csc'] as const).flatMap((layout) => (['wasm', 'js'] as const).map((engine) => [name, standardize, layout, engine, index] as const))));

describe.each([1, 0.5])('α = %s: a fold of cvPath = a path fitted on that fold’s training rows', (l1Ratio) => {
  it.each(cases)('%s, standardize %s, %s X, %s engine', (_name, standardize, layout, engine: EngineName, index) => {
    const problem = problems[index]![1];
    const { n, p, columns, y } = problem;
    const K = 5;
    const foldId = makeFolds(n, K, 17 + index);
    const X = toMatrix(columns, n, p, layout);
    const tol = 1e-11;
    const before = warnings.length;
    const cv = cvPath(X, y, { l1Ratio, foldId, standardize, tol, nLambda: 25, lambdaMinRatio: 1e-2, maxIter: 1_000_000, engine });
    X.dispose();
    expect(cv.lambdas.length).toBe(25);
    expect(cv.foldErrors.length).toBe(K);
    for (const fold of [0, K - 1]) {
      const train: number[] = [];
      const held: number[] = [];
      for (let i = 0; i < n; i++) (foldId[i] === fold ? held : train).push(i);
      const sub = rowSubset(columns, n, p, y, train);
      const Xt = toMatrix(sub.columns, sub.n, p, layout);
      const path = enetPath(Xt, sub.y, { l1Ratio, lambdas: cv.lambdas, standardize, tol, maxIter: 1_000_000, engine });
      Xt.dispose();
      expect(path.length).toBe(cv.lambdas.length);
      const yHeld = held.map((i) => y[i]!);
      for (let k = 0; k < path.length; k++) {
        expect(path.converged[k]).toBe(true);
        const predictions = predictRows(columns, n, p, path.coefAt(k), path.intercepts[k]!, held);
        let sse = 0;
        for (let t = 0; t < held.length; t++) sse += (yHeld[t]! - predictions[t]!) ** 2;
        const mse = sse / held.length;
        const got = cv.foldErrors[fold]![k]!;
        expect(Math.abs(got - mse) / mse, `fold ${fold}, λ[${k}]: foldErrors ${got} vs refit ${mse}`).toBeLessThanOrEqual(1e-6);
      }
    }
    expect(warnings.length).toBe(before);
  });
});

describe("measure: 'mae' is the held-out mean absolute error", () => {
  it('dense 150×40, standardize true, fold 2', () => {
    const problem = problems[0]![1];
    const { n, p, columns, y } = problem;
    const foldId = makeFolds(n, 4, 99);
    const cv = cvPath(toMatrix(columns, n, p, 'dense'), y, { l1Ratio: 1, foldId, standardize: true, measure: 'mae', tol: 1e-11, nLambda: 20 });
    expect(cv.measure).toBe('mae');
    const train: number[] = [];
    const held: number[] = [];
    for (let i = 0; i < n; i++) (foldId[i] === 2 ? held : train).push(i);
    const sub = rowSubset(columns, n, p, y, train);
    const path = enetPath(toMatrix(sub.columns, sub.n, p, 'dense'), sub.y, { l1Ratio: 1, lambdas: cv.lambdas, standardize: true, tol: 1e-11 });
    for (let k = 0; k < path.length; k++) {
      const predictions = predictRows(columns, n, p, path.coefAt(k), path.intercepts[k]!, held);
      let sae = 0;
      for (let t = 0; t < held.length; t++) sae += Math.abs(y[held[t]!]! - predictions[t]!);
      const mae = sae / held.length;
      expect(Math.abs(cv.foldErrors[2]![k]! - mae) / mae).toBeLessThanOrEqual(1e-6);
    }
  });
});
