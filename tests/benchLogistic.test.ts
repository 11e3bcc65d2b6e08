import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LogisticRegression } from '../src/index.js';
import { textProblem } from '../bench/logistic/problem.js';
import { certifyLogistic, noInterceptObjective } from '../bench/logistic/certificate.js';
import { detectLiblinear, readLiblinearModel, runLiblinear, writeSvmlight } from '../bench/logistic/liblinear.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

// The logistic benchmark's own machinery: its data, its objective and liblinear's model files must be
// right for the ratios it prints to mean anything.
simdSuiteRecordingWarnings();
const problem = textProblem(40); // 500 × 1250
const dir = mkdtempSync(join(tmpdir(), 'l1l2-bench-logistic-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench/logistic text problem', () => {
  it('holds the same matrix by rows (CSR) and by columns (CSC), ≈100 log(1 + tf) entries per row, labels in {0, 1}', () => {
    const { nRows: n, nCols: p, rowPtr, rowCols, rowVals } = problem;
    expect([n, p]).toEqual([500, 1250]);
    const fromRows = new Map<number, number>();
    const problems: string[] = [];
    for (let i = 0; i < n; i++) {
      const d = rowPtr[i + 1]! - rowPtr[i]!;
      if (d < 50 || d > 150) problems.push(`row ${i} has ${d} entries`);
      for (let t = rowPtr[i]!; t < rowPtr[i + 1]!; t++) {
        if (t > rowPtr[i]! && !(rowCols[t]! > rowCols[t - 1]!)) problems.push(`row ${i}: terms not increasing`);
        const tf = Math.expm1(rowVals[t]!);
        if (!(Math.abs(tf - Math.round(tf)) < 1e-9 && Math.round(tf) >= 1)) problems.push(`row ${i}: value ${rowVals[t]} is not log(1 + tf)`);
        fromRows.set(i * p + rowCols[t]!, rowVals[t]!);
      }
    }
    const { indptr, indices, data } = problem.X.storage;
    expect(data.length).toBe(fromRows.size);
    for (let j = 0; j < p; j++) {
      for (let t = indptr[j]!; t < indptr[j + 1]!; t++) {
        if (fromRows.get(indices[t]! * p + j) !== data[t]) problems.push(`CSC entry (${indices[t]}, ${j}) differs from the rows`);
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(problem.y.every((v) => v === 0 || v === 1)).toBe(true);
    expect(problem.positiveRate).toBeGreaterThan(0.2);
    expect(problem.positiveRate).toBeLessThan(0.8);
    // Zipf: the most frequent term is in far more documents than a mid-vocabulary one.
    expect(indptr[1]! - indptr[0]!).toBeGreaterThan(10 * (indptr[601]! - indptr[600]! + 1));
  });

  it('is reproducible from its seed', () => {
    const again = textProblem(40);
    expect(Array.from(again.X.storage.data)).toEqual(Array.from(problem.X.storage.data));
    expect(Array.from(again.y)).toEqual(Array.from(problem.y));
  });
});

describe('bench/logistic objective and certificate', () => {
  it('F computed from the rows equals the library\'s objective without intercept, and the certificate of a solution is its own gap', () => {
    const lambda = 0.002;
    const model = new LogisticRegression({ lambda, fitIntercept: false, tol: 1e-10 }).fit(problem.X, problem.y);
    const F = noInterceptObjective(problem, lambda, model.coef);
    expect(Math.abs(F - model.objective)).toBeLessThan(1e-12 * F);
    const cert = certifyLogistic(problem, lambda, model.coef, false);
    expect(cert.nullObjective).toBeCloseTo(Math.log(2), 14);
    expect(cert.relGap).toBeLessThanOrEqual(1e-10);
    // A perturbed w is certified as worse: larger objective and a gap of at least the difference.
    const worse = model.coef.map((c) => c * 0.9);
    const certWorse = certifyLogistic(problem, lambda, worse, false);
    expect(certWorse.objective - F).toBeGreaterThan(0);
    expect(certWorse.relGap * cert.nullObjective).toBeGreaterThanOrEqual(certWorse.objective - F - 1e-12);
  });
});

describe('bench/logistic liblinear glue', () => {
  it('reads binary model files with w scoring the class y = 1 whatever liblinear\'s label order', () => {
    const write = (labels: string, bias = -1) => {
      const file = join(dir, `model-${labels.replace(' ', '_')}-${bias}`);
      writeFileSync(file, `solver_type L1R_LR\nnr_class 2\nlabel ${labels}\nnr_feature 3\nbias ${bias}\nw\n0.5 \n0 \n-1.25 \n`);
      return file;
    };
    expect(Array.from(readLiblinearModel(write('1 -1'), 4))).toEqual([0.5, 0, -1.25, 0]);
    expect(Array.from(readLiblinearModel(write('-1 1'), 4))).toEqual([-0.5, -0, 1.25, 0]);
    expect(() => readLiblinearModel(write('1 -1', 1), 4)).toThrow(/bias/);
  });

  const liblinear = detectLiblinear(process.env);
  it.skipIf(!liblinear.available)('train -s 6 with C = 1/(nλ) and a tight -e reaches our optimum of F (same problem, same objective)', async () => {
    if (!liblinear.available) return;
    const lambda = 0.002;
    const file = join(dir, 'train.svm');
    await writeSvmlight(problem, file);
    const run = runLiblinear(liblinear.path, file, 1 / (problem.nRows * lambda), 1e-8, 1, problem.nCols);
    const theirs = noInterceptObjective(problem, lambda, run.coef);
    const ours = new LogisticRegression({ lambda, fitIntercept: false, tol: 1e-10 }).fit(problem.X, problem.y);
    expect(Math.abs(theirs - ours.objective)).toBeLessThan(1e-7 * ours.objective);
    expect(theirs).toBeGreaterThanOrEqual(ours.objective - 1e-10 * ours.objective);
  });
});
