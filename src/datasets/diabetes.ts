import diabetesCsv from '../../data/diabetes.csv';
import { parseNumericCsv } from '../io/parseNumericCsv.js';
import { DenseMatrix } from '../matrix/DenseMatrix.js';

/** A regression dataset: features X, target y, and the names of X's columns. */
export interface Dataset {
  X: DenseMatrix;
  y: Float64Array;
  featureNames: string[];
  targetName: string;
}

/**
 * The diabetes data of Efron, Hastie, Johnstone & Tibshirani (2004), "Least Angle
 * Regression": 442 patients, 10 raw (unscaled) baseline features (age, sex, bmi, bp,
 * s1–s6), target `progression`, a measure of disease progression one year later.
 * Embedded in the bundle (about 20 KB); nothing is fetched.
 *
 * @example
 * ```ts
 * const { X, y, featureNames } = loadDiabetes();
 * new Lasso({ lambda: 1, standardize: true }).fit(X, y);
 * ```
 */
export function loadDiabetes(): Dataset {
  const { header, rows } = parseNumericCsv(diabetesCsv, 'diabetes.csv');
  const y = Float64Array.from(rows, (row) => row[row.length - 1]!);
  const X = DenseMatrix.fromRows(rows.map((row) => row.slice(0, -1)));
  return { X, y, featureNames: header.slice(0, -1), targetName: header[header.length - 1]! };
}
