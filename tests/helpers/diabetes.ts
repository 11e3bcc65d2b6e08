import { readFileSync } from 'node:fs';
import { parseNumericCsv, DenseMatrix, CscMatrix } from '../../src/index.js';

/** The diabetes data (442×10, raw features) shipped in data/diabetes.csv, as rows and target. */
export function loadDiabetes(): { rows: number[][]; y: Float64Array; featureNames: string[] } {
  const { header, rows } = parseNumericCsv(readFileSync(new URL('../../data/diabetes.csv', import.meta.url), 'utf8'), 'diabetes.csv');
  return {
    rows: rows.map((row) => row.slice(0, -1)),
    y: Float64Array.from(rows, (row) => row[row.length - 1]!),
    featureNames: header.slice(0, -1),
  };
}

/** The diabetes data in every form the fixture tests use: rows, column-major values, dense and CSC. */
export function diabetesDesign() {
  const { rows, y } = loadDiabetes();
  const n = rows.length;
  const p = rows[0]!.length;
  const columns = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) columns[j * n + i] = rows[i]![j]!;
  const dense = DenseMatrix.fromRows(rows);
  return { rows, y, n, p, columns, dense, sparse: CscMatrix.fromDense(dense) };
}

/** One fit of tests/fixtures/diabetes_gaussian.json (scikit-learn, raw features, tol 1e-14). */
export interface ScikitLearnFit {
  alpha: number;
  lambda: number;
  coef: number[];
  intercept: number;
  objective: number;
}

/** tests/fixtures/diabetes_gaussian.json: single fits at several (α, λ) and a 100-λ lasso path. */
export interface ScikitLearnFixture {
  n: number;
  p: number;
  lambda_max_lasso: number;
  fits: ScikitLearnFit[];
  lasso_path: { lambda: number; coef: number[]; intercept: number; objective: number }[];
}

/** Reads the scikit-learn fixture. */
export function loadScikitLearnFixture(): ScikitLearnFixture {
  return JSON.parse(readFileSync(new URL('../fixtures/diabetes_gaussian.json', import.meta.url), 'utf8')) as ScikitLearnFixture;
}
