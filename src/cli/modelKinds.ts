// The models the command line knows, as one table: each entry says how to fit one λ, a path,
// cross-validation and predictions with the library's API. A new model (logistic) is one entry.
import {
  ElasticNet, Lasso, LogisticRegression, Ridge, RidgeCV, cvLogisticPath, cvPath, enetPath, lambdaMax, lambdaGrid, logisticPath, ridgePath,
  type CscMatrix, type CvProgress, type DenseMatrix, type RegularizationPath,
} from '../index.js';
import { CliDataError } from './cliErrors.js';

/** The model names accepted by `--model`. */
export const MODEL_NAMES = ['lasso', 'elasticnet', 'ridge', 'logistic'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export type Matrix = DenseMatrix | CscMatrix;

/** Options shared by every command (validated by the command line). */
export interface ModelSettings {
  /** α, used by models whose `usesL1Ratio` is true; undefined: the model's `defaultL1Ratio`. */
  l1Ratio: number | undefined;
  fitIntercept: boolean;
  standardize: boolean;
  /** Undefined: the library's default for the model. */
  tol: number | undefined;
  maxIter: number | undefined;
}

/** A fit's proof of (near) optimality, as the library reports it. */
export interface Certificate {
  /**
   * `'dualityGap'`: F(w) − min F ≤ value; `'relativeGradient'`: ‖∇F(w)‖/‖∇F(0)‖; `'kktResidual'`:
   * the KKT residual (logistic at λ = 0, where there is no dual bound).
   */
  kind: 'dualityGap' | 'relativeGradient' | 'kktResidual';
  value: number;
  /** The value the fit had to reach. */
  tolerance: number;
  converged: boolean;
  /** Solver iterations (coordinate passes, refinement steps or CG iterations). */
  iterations: number;
}

export interface LinearFit {
  coef: Float64Array;
  intercept: number;
  certificate: Certificate;
}

export interface PathResult {
  lambdas: Float64Array;
  coefs: Float64Array[];
  intercepts: Float64Array;
  /** Non-zero coefficients per λ. */
  df: Int32Array;
  /** Fraction of the null deviance explained (1 − RSS/TSS for Gaussian models). */
  devRatio: Float64Array;
  certificates: Float64Array;
  certificateKind: Certificate['kind'];
  converged: boolean;
}

export interface CvResult {
  lambdas: Float64Array;
  cvMean: Float64Array;
  cvStandardError: Float64Array;
  indexMin: number;
  index1se: number;
  /** Human name of the measure, e.g. "mean squared error". */
  measureName: string;
  /** Short column header for it, e.g. "MSE". */
  measureShort: string;
  /** The refit on all data at grid index k. */
  fitAt(k: number): LinearFit;
  /** Non-zeros at each λ (for the table). */
  df: Int32Array;
}

export interface PathRequest {
  nLambda: number;
  lambdaMinRatio: number | undefined;
  onProgress: ((done: number, total: number) => void) | undefined;
}

export interface CvRequest extends PathRequest {
  folds: number;
  seed: number;
}

/** One row of the model table. */
export interface ModelKind {
  name: ModelName;
  /** The objective, for output headers. */
  objective: string;
  /** Whether `--l1-ratio` applies, and α when it is not given. */
  usesL1Ratio: boolean;
  defaultL1Ratio: number;
  /** What predictions are: "value" (regression) or "probability" (of the positive class). */
  predicts: 'value' | 'probability';
  /** The two classes [negative, positive] of a binary target (undefined for regression). */
  classesOf?(y: Float64Array, targetName: string): [number, number];
  fit(X: Matrix, y: Float64Array, lambda: number, settings: ModelSettings): LinearFit;
  path(X: Matrix, y: Float64Array, settings: ModelSettings, request: PathRequest): PathResult;
  cv(X: Matrix, y: Float64Array, settings: ModelSettings, request: CvRequest): CvResult;
  /** Predictions from stored coefficients (the response scale). */
  predict(X: Matrix, coef: Float64Array, intercept: number): Float64Array;
}

function enetOptions(settings: ModelSettings): { fitIntercept: boolean; standardize: boolean; tol?: number; maxIter?: number } {
  return {
    fitIntercept: settings.fitIntercept,
    standardize: settings.standardize,
    ...(settings.tol === undefined ? {} : { tol: settings.tol }),
    ...(settings.maxIter === undefined ? {} : { maxIter: settings.maxIter }),
  };
}

function gridOptions(request: PathRequest): { nLambda: number; lambdaMinRatio?: number } {
  return { nLambda: request.nLambda, ...(request.lambdaMinRatio === undefined ? {} : { lambdaMinRatio: request.lambdaMinRatio }) };
}

/** Lasso and elastic net: the same coordinate-descent path and CV, α fixed at 1 for the lasso. */
function elasticNetKind(name: 'lasso' | 'elasticnet'): ModelKind {
  const alpha = (settings: ModelSettings): number => (name === 'lasso' ? 1 : settings.l1Ratio ?? 0.5);
  return {
    name,
    objective: name === 'lasso' ? '(1/(2n))‖y − b − Xw‖² + λ‖w‖₁' : '(1/(2n))‖y − b − Xw‖² + λ(α‖w‖₁ + (1−α)/2‖w‖²)',
    usesL1Ratio: name === 'elasticnet',
    defaultL1Ratio: name === 'lasso' ? 1 : 0.5,
    predicts: 'value',
    fit(X, y, lambda, settings) {
      const model = name === 'lasso'
        ? new Lasso({ lambda, ...enetOptions(settings) }).fit(X, y)
        : new ElasticNet({ lambda, l1Ratio: alpha(settings), ...enetOptions(settings) }).fit(X, y);
      return {
        coef: model.coef,
        intercept: model.intercept,
        // The gap, or the KKT residual where the library has no dual point (model.certificate says which).
        certificate: { kind: model.certificate, value: model.dualGap, tolerance: model.gapTolerance, converged: model.converged, iterations: model.nIter },
      };
    },
    path(X, y, settings, request) {
      const path = enetPath(X, y, {
        l1Ratio: alpha(settings), ...enetOptions(settings), ...gridOptions(request),
        ...(request.onProgress ? { onLambdaSolved: (k: number, total: number) => request.onProgress!(k + 1, total) } : {}),
      });
      request.onProgress?.(1, 1);
      return fromRegularizationPath(path);
    },
    cv(X, y, settings, request) {
      const cv = cvPath(X, y, {
        l1Ratio: alpha(settings), ...enetOptions(settings), ...gridOptions(request), nFolds: request.folds, seed: request.seed,
        ...(request.onProgress ? { onProgress: cvProgressAdapter(request.folds, request.onProgress) } : {}),
      });
      return fromCrossValidation(cv, 'mean squared error', 'MSE');
    },
    predict: predictLinear,
  };
}

function fromRegularizationPath(path: RegularizationPath): PathResult {
  return {
    lambdas: path.lambdas, coefs: Array.from({ length: path.length }, (_, k) => path.coefAt(k)), intercepts: path.intercepts,
    df: path.df, devRatio: path.devRatio, certificates: path.dualGaps, certificateKind: path.certificate, converged: path.converged.every(Boolean),
  };
}

/** A library CrossValidation as the command's CvResult: the refit at grid index k is the full-data path's k-th solution. */
function fromCrossValidation(cv: ReturnType<typeof cvPath>, measureName: string, measureShort: string): CvResult {
  return {
    lambdas: cv.lambdas, cvMean: cv.cvMean, cvStandardError: cv.cvStandardError, indexMin: cv.indexMin, index1se: cv.index1se,
    measureName, measureShort, df: cv.path.df,
    fitAt: (k) => ({
      coef: cv.path.coefAt(k),
      intercept: cv.path.intercepts[k]!,
      certificate: {
        kind: cv.path.certificate, value: cv.path.dualGaps[k]!, tolerance: cv.path.gapTolerance, converged: cv.path.converged[k]!,
        iterations: cv.path.nIters[k]!,
      },
    }),
  };
}

/** Progress over the whole CV run: the full-data path, then each fold's path over the same grid. */
function cvProgressAdapter(folds: number, report: (done: number, total: number) => void): (p: CvProgress) => void {
  return (p) => {
    const total = p.nLambda * (folds + 1);
    report(p.stage === 'path' ? p.lambdaIndex + 1 : p.nLambda * (p.fold + 1) + p.lambdaIndex + 1, total);
  };
}

/**
 * The ridge λ grid: glmnet's for alpha = 0, which starts at the lasso λ_max computed with α = 0.001
 * (λ_max is infinite for a pure L2 penalty) and goes down to λ_max·lambdaMinRatio on a log scale.
 */
function ridgeGrid(X: Matrix, y: Float64Array, settings: ModelSettings, request: PathRequest): Float64Array {
  const top = lambdaMax(X, y, { l1Ratio: 1e-3, fitIntercept: settings.fitIntercept, standardize: settings.standardize });
  const ratio = request.lambdaMinRatio ?? (X.nRows < X.nCols ? 1e-2 : 1e-4);
  return lambdaGrid(top > 0 ? top : 1, request.nLambda, ratio);
}

const ridgeKind: ModelKind = {
  name: 'ridge',
  objective: '(1/(2n))‖y − b − Xw‖² + (λ/2)‖w‖²',
  usesL1Ratio: false,
  defaultL1Ratio: 0,
  predicts: 'value',
  fit(X, y, lambda, settings) {
    const tol = settings.tol ?? 1e-10;
    const model = new Ridge({
      lambda, fitIntercept: settings.fitIntercept, standardize: settings.standardize, tol,
      ...(settings.maxIter === undefined ? {} : { maxIter: settings.maxIter }),
    }).fit(X, y);
    return {
      coef: model.coef,
      intercept: model.intercept,
      certificate: { kind: 'relativeGradient', value: model.relativeGradient, tolerance: tol, converged: model.converged, iterations: model.nIter },
    };
  },
  path(X, y, settings, request) {
    const lambdas = ridgeGrid(X, y, settings, request);
    const tol = settings.tol ?? 1e-10;
    const path = ridgePath(X, y, { lambdas, fitIntercept: settings.fitIntercept, standardize: settings.standardize, tol });
    request.onProgress?.(lambdas.length, lambdas.length);
    return {
      lambdas: path.lambdas, coefs: path.coefs, intercepts: Float64Array.from(path.intercepts, (b) => b[0]!),
      df: Int32Array.from(path.coefs, (w) => w.reduce((count, v) => count + (v !== 0 ? 1 : 0), 0)),
      devRatio: Float64Array.from(path.coefs, (w, l) => rSquared(X, y, w, path.intercepts[l]![0]!)),
      certificates: path.relativeGradients, certificateKind: 'relativeGradient', converged: path.converged,
    };
  },
  cv(X, y, settings, request) {
    const lambdas = ridgeGrid(X, y, settings, request);
    const tol = settings.tol ?? 1e-10;
    const model = new RidgeCV({ lambdas, cv: request.folds, seed: request.seed, fitIntercept: settings.fitIntercept, standardize: settings.standardize, tol }).fit(X, y);
    const cvMean = model.cvScores;
    const cvStandardError = model.cvStdErrors!;
    const indexMin = lambdas.indexOf(model.lambda);
    const index1se = oneStandardErrorIndex(cvMean, cvStandardError, indexMin);
    request.onProgress?.(1, 1);
    const fits = new Map<number, LinearFit>();
    return {
      lambdas, cvMean, cvStandardError, indexMin, index1se, measureName: 'mean squared error', measureShort: 'MSE',
      df: new Int32Array(lambdas.length).fill(X.nCols),
      fitAt: (k) => {
        if (!fits.has(k)) fits.set(k, ridgeKind.fit(X, y, lambdas[k]!, settings));
        return fits.get(k)!;
      },
    };
  },
  predict: predictLinear,
};

/** glmnet's λ_1se: the largest λ (smallest index on a decreasing grid) with mean ≤ min mean + its SE. */
export function oneStandardErrorIndex(mean: Float64Array, se: Float64Array, indexMin: number): number {
  const bound = mean[indexMin]! + se[indexMin]!;
  for (let k = 0; k <= indexMin; k++) if (mean[k]! <= bound) return k;
  return indexMin;
}

/** The two label values of a binary target, [negative, positive] (the larger is positive: 0/1, −1/+1). */
function binaryClasses(y: Float64Array, targetName: string): [number, number] {
  const distinct = new Set<number>();
  for (const v of y) {
    distinct.add(v);
    if (distinct.size > 2) break;
  }
  if (distinct.size !== 2) {
    const shown = [...distinct].slice(0, 3).join(', ');
    throw new CliDataError(`--model logistic needs a binary target, but "${targetName}" has ${distinct.size > 2 ? `more than two values (${shown}, …)` : `only the value ${shown}`}`);
  }
  const [a, b] = [...distinct] as [number, number];
  return a < b ? [a, b] : [b, a];
}

/** Penalized logistic regression (binomial deviance); CV measure: the deviance, as cv.glmnet's default. */
const logisticKind: ModelKind = {
  name: 'logistic',
  objective: '−(1/n)Σ[yᵢηᵢ − log(1 + e^ηᵢ)] + λ(α‖w‖₁ + (1−α)/2‖w‖²), η = b + Xw',
  usesL1Ratio: true,
  defaultL1Ratio: 1,
  predicts: 'probability',
  classesOf: binaryClasses,
  fit(X, y, lambda, settings) {
    const model = new LogisticRegression({
      lambda, l1Ratio: settings.l1Ratio ?? 1, fitIntercept: settings.fitIntercept, standardize: settings.standardize,
      ...(settings.tol === undefined ? {} : { tol: settings.tol }),
      ...(settings.maxIter === undefined ? {} : { maxIter: settings.maxIter }),
    }).fit(X, y);
    const kkt = model.certificate === 'kkt';
    return {
      coef: model.coef,
      intercept: model.intercept,
      certificate: {
        kind: kkt ? 'kktResidual' : 'dualityGap', value: kkt ? model.kktResidual : model.dualGap, tolerance: model.gapTolerance,
        converged: model.converged, iterations: model.nIter,
      },
    };
  },
  path(X, y, settings, request) {
    const path = logisticPath(X, y, {
      l1Ratio: settings.l1Ratio ?? 1, ...enetOptions(settings), ...gridOptions(request),
      ...(request.onProgress ? { onLambdaSolved: (k: number, total: number) => request.onProgress!(k + 1, total) } : {}),
    });
    request.onProgress?.(1, 1);
    return fromRegularizationPath(path);
  },
  cv(X, y, settings, request) {
    const cv = cvLogisticPath(X, y, {
      l1Ratio: settings.l1Ratio ?? 1, ...enetOptions(settings), ...gridOptions(request), nFolds: request.folds, seed: request.seed,
      measure: 'deviance',
      ...(request.onProgress ? { onProgress: cvProgressAdapter(request.folds, request.onProgress) } : {}),
    });
    return fromCrossValidation(cv, 'binomial deviance', 'deviance');
  },
  predict(X, coef, intercept) {
    const eta = predictLinear(X, coef, intercept);
    // P(y = positive) = 1/(1 + e^−η), written to stay finite for any η.
    return eta.map((v) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v))));
  },
};

/** The model table: adding a model is adding an entry. */
export const MODEL_KINDS: Record<ModelName, ModelKind> = {
  lasso: elasticNetKind('lasso'),
  elasticnet: elasticNetKind('elasticnet'),
  ridge: ridgeKind,
  logistic: logisticKind,
};

/** b + Xw for a dense or CSC X. */
export function predictLinear(X: Matrix, coef: Float64Array, intercept: number): Float64Array {
  const n = X.nRows;
  const out = new Float64Array(n).fill(intercept);
  if ('nnz' in X) {
    const { indptr, indices, data } = X.toCsc();
    for (let j = 0; j < X.nCols; j++) {
      const w = coef[j]!;
      if (w === 0) continue;
      for (let k = indptr[j]!; k < indptr[j + 1]!; k++) out[indices[k]!]! += data[k]! * w;
    }
  } else {
    const values = X.toColumnMajor();
    for (let j = 0; j < X.nCols; j++) {
      const w = coef[j]!;
      if (w === 0) continue;
      for (let i = 0; i < n; i++) out[i]! += values[j * n + i]! * w;
    }
  }
  return out;
}

function rSquared(X: Matrix, y: Float64Array, coef: Float64Array, intercept: number): number {
  const prediction = predictLinear(X, coef, intercept);
  let mean = 0;
  for (const v of y) mean += v;
  mean /= y.length;
  let rss = 0;
  let tss = 0;
  for (let i = 0; i < y.length; i++) {
    rss += (y[i]! - prediction[i]!) ** 2;
    tss += (y[i]! - mean) ** 2;
  }
  return tss > 0 ? Math.min(1, Math.max(0, 1 - rss / tss)) : 0;
}
