// The models the command line knows, as one table: each entry says how to fit one λ, a path,
// cross-validation and predictions with the library's API. A new model (logistic) is one entry.
import {
  ElasticNet, Lasso, Ridge, RidgeCV, cvPath, enetPath, lambdaMax, lambdaGrid, ridgePath,
  type CscMatrix, type CvProgress, type DenseMatrix,
} from '../index.js';

/** The model names accepted by `--model`. */
export const MODEL_NAMES = ['lasso', 'elasticnet', 'ridge'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export type Matrix = DenseMatrix | CscMatrix;

/** Options shared by every command (validated by the command line). */
export interface ModelSettings {
  /** α, used by models whose `usesL1Ratio` is true. */
  l1Ratio: number;
  fitIntercept: boolean;
  standardize: boolean;
  /** Undefined: the library's default for the model. */
  tol: number | undefined;
  maxIter: number | undefined;
}

/** A fit's proof of (near) optimality, as the library reports it. */
export interface Certificate {
  /** `'dualityGap'`: F(w) − min F ≤ value; `'relativeGradient'`: ‖∇F(w)‖/‖∇F(0)‖. */
  kind: 'dualityGap' | 'relativeGradient';
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
  usesL1Ratio: boolean;
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
  const alpha = (settings: ModelSettings): number => (name === 'lasso' ? 1 : settings.l1Ratio);
  return {
    name,
    objective: name === 'lasso' ? '(1/(2n))‖y − b − Xw‖² + λ‖w‖₁' : '(1/(2n))‖y − b − Xw‖² + λ(α‖w‖₁ + (1−α)/2‖w‖²)',
    usesL1Ratio: name === 'elasticnet',
    fit(X, y, lambda, settings) {
      const model = name === 'lasso'
        ? new Lasso({ lambda, ...enetOptions(settings) }).fit(X, y)
        : new ElasticNet({ lambda, l1Ratio: settings.l1Ratio, ...enetOptions(settings) }).fit(X, y);
      return {
        coef: model.coef,
        intercept: model.intercept,
        certificate: { kind: 'dualityGap', value: model.dualGap, tolerance: model.gapTolerance, converged: model.converged, iterations: model.nIter },
      };
    },
    path(X, y, settings, request) {
      const path = enetPath(X, y, {
        l1Ratio: alpha(settings), ...enetOptions(settings), ...gridOptions(request),
        ...(request.onProgress ? { onLambdaSolved: (k: number, total: number) => request.onProgress!(k + 1, total) } : {}),
      });
      return {
        lambdas: path.lambdas, coefs: Array.from({ length: path.length }, (_, k) => path.coefAt(k)), intercepts: path.intercepts,
        df: path.df, devRatio: path.devRatio, certificates: path.dualGaps, certificateKind: 'dualityGap',
        converged: path.converged.every(Boolean),
      };
    },
    cv(X, y, settings, request) {
      const cv = cvPath(X, y, {
        l1Ratio: alpha(settings), ...enetOptions(settings), ...gridOptions(request), nFolds: request.folds, seed: request.seed,
        ...(request.onProgress ? { onProgress: cvProgressAdapter(request.folds, request.onProgress) } : {}),
      });
      return {
        lambdas: cv.lambdas, cvMean: cv.cvMean, cvStandardError: cv.cvStandardError, indexMin: cv.indexMin, index1se: cv.index1se,
        measureName: 'mean squared error', df: cv.path.df,
        fitAt: (k) => ({
          coef: cv.path.coefAt(k),
          intercept: cv.path.intercepts[k]!,
          certificate: {
            kind: 'dualityGap', value: cv.path.dualGaps[k]!, tolerance: cv.path.gapTolerance, converged: cv.path.converged[k]!,
            iterations: cv.path.nIters[k]!,
          },
        }),
      };
    },
    predict: predictLinear,
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
      lambdas, cvMean, cvStandardError, indexMin, index1se, measureName: 'mean squared error',
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

/** The model table. */
export const MODEL_KINDS: Record<ModelName, ModelKind> = {
  lasso: elasticNetKind('lasso'),
  elasticnet: elasticNetKind('elasticnet'),
  ridge: ridgeKind,
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
