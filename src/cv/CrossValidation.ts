import type { RegularizationPath } from '../path/RegularizationPath.js';

/**
 * The result of K-fold cross-validation along a regularization path (glmnet's `cv.glmnet`).
 *
 * @example
 * ```ts
 * const cv = cvPath(X, y, { nFolds: 10, seed: 1 });
 * cv.lambdaMin; cv.lambda1se; cv.path.coefAt(cv.indexMin);
 * ```
 */
export interface CrossValidation {
  /** The λ grid (that of the full-data path; every fold used the same one). */
  lambdas: Float64Array;
  /**
   * Mean held-out error per λ: Σ_k n_k·e_k(λ)/n over the folds (e_k the fold's mean error; with
   * sample weights, n_k is the fold's total weight and e_k its weighted mean error, as cv.glmnet).
   */
  cvMean: Float64Array;
  /** Its standard error: sqrt( Σ_k n_k·(e_k(λ) − cvMean(λ))² / n / (K − 1) ), as glmnet computes `cvsd`. */
  cvStandardError: Float64Array;
  /** Held-out mean error of each fold (row k) at each λ (column). */
  foldErrors: Float64Array[];
  /**
   * The measure: `'mse'` (mean squared error) or `'mae'` (mean absolute error) for regression;
   * `'deviance'`, `'misclassification'` or `'auc'` for logistic regression (AUC: higher is better,
   * so `indexMin` is then its maximum).
   */
  measure: CvMeasure;
  /** Index and value of the λ with the smallest cvMean (the largest such λ on ties). */
  indexMin: number;
  lambdaMin: number;
  /** The largest λ whose cvMean is within one standard error of the minimum (glmnet's `lambda.1se`). */
  index1se: number;
  lambda1se: number;
  /** Fold of each sample (0-based). */
  foldId: Int32Array;
  /** The path fitted on all the data: the refit at any λ of the grid. */
  path: RegularizationPath;
}

/** The held-out error measures of cross-validation. */
export type CvMeasure = 'mse' | 'mae' | 'deviance' | 'misclassification' | 'auc';

/** What a progress callback receives: which path is running and how far along it is. */
export interface CvProgress {
  /** `'path'`: the full-data path; `'fold'`: a fold's path. */
  stage: 'path' | 'fold';
  /** The fold (0-based) when stage is `'fold'`, else −1. */
  fold: number;
  nFolds: number;
  /** Index of the λ just solved. */
  lambdaIndex: number;
  /**
   * Length of the λ grid: for the 'path' stage the requested length (a generated grid may stop
   * early, see earlyStop); for the 'fold' stage the final grid every fold runs.
   */
  nLambda: number;
}
