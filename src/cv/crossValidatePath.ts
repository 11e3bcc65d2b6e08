import { toDesignMatrix, type MatrixInput } from '../matrix/DesignMatrix.js';
import { toTargetVector, toSampleWeights, checkInteger, checkOneOf } from '../validation.js';
import { InvalidParameterError, ShapeMismatchError } from '../errors.js';
import { computePath, resolvePathOptions, type PathOptions } from '../path/elasticNetPath.js';
import { assignFolds } from './foldAssignment.js';
import type { CrossValidation, CvProgress } from './CrossValidation.js';
import { crossValidateFolds } from './crossValidateFolds.js';

/** Options of {@link cvPath}: those of the path plus the folds. */
export interface CvOptions extends PathOptions {
  /** Number of folds K. Default 10. Ignored when `foldId` is given. */
  nFolds?: number;
  /** Fold of each sample, integers 0 … K−1 (each fold non-empty); overrides nFolds and seed. */
  foldId?: ArrayLike<number>;
  /** Seed of the random fold assignment (see assignFolds). Default 0. */
  seed?: number;
  /** Held-out error: `'mse'` (default) or `'mae'`. */
  measure?: 'mse' | 'mae';
  /** Called after each λ of each path, for progress bars on long runs. */
  onProgress?: (progress: CvProgress) => void;
}

/**
 * K-fold cross-validation of the elastic-net path, as glmnet's `cv.glmnet` does it: the path
 * on all the data fixes the λ grid; then each fold's path is fitted on the other folds over
 * that grid and scored on its own samples. Folds are not copies: X stays where it is (in
 * WebAssembly memory, copied there once) and a fold is a weight vector, 0 on its held-out
 * rows and 1/n_train elsewhere; the held-out errors are read off the residual the kernels
 * keep for every row. Standardization, when asked for, is computed on each fold's training
 * rows. Deterministic given `seed` or `foldId`.
 *
 * @throws {InvalidParameterError} nFolds < 2 or > n, a malformed foldId (not integers 0…K−1, an empty fold), bad path options.
 * @throws {ShapeMismatchError} foldId's length differs from X's rows.
 * @example
 * ```ts
 * const cv = cvPath(X, y, { l1Ratio: 1, nFolds: 5, seed: 42 });
 * console.log(cv.lambdaMin, cv.lambda1se, cv.path.coefAt(cv.index1se));
 * ```
 */
export function cvPath(X: MatrixInput, y: ArrayLike<number>, options: CvOptions = {}): CrossValidation {
  const resolved = resolvePathOptions(options, 0.5);
  const measure = checkOneOf('measure', options.measure ?? 'mse', ['mse', 'mae'] as const);
  const { matrix, owned } = toDesignMatrix(X);
  try {
    const n = matrix.nRows;
    const target = toTargetVector(y, n);
    const foldId = resolveFolds(options, n);
    // Sample weights (normalized) or equal weights; a fold's training weights are these on
    // its training rows, renormalized, and its error is the weighted mean over its held-out rows.
    const sampleWeights = options.sampleWeight === undefined ? new Float64Array(n).fill(1 / n) : toSampleWeights(options.sampleWeight, n);
    const nFolds = Math.max(...foldId) + 1;
    const onProgress = options.onProgress;

    const path = computePath(matrix, target, resolved, {
      ...(options.sampleWeight === undefined ? {} : { weights: sampleWeights }),
      onSolved: (k) => onProgress?.({ stage: 'path', fold: -1, nFolds, lambdaIndex: k, nLambda: resolved.lambdas?.length ?? resolved.nLambda }),
    });
    const foldOptions = { ...resolved, lambdas: path.lambdas, earlyStop: false };
    return crossValidateFolds(path, foldId, sampleWeights, measure, ({ fold, weights, held, heldTotal }, lambdas, record) => {
      computePath(matrix, target, { ...foldOptions, lambdas }, {
        weights,
        onSolved: (k, session) => {
          // Held-out rows: r_i = y_i − (b + x_iᵀw) of this fold's model.
          const r = session.residual();
          let sum = 0;
          for (const i of held) sum += sampleWeights[i]! * (measure === 'mse' ? r[i]! * r[i]! : Math.abs(r[i]!));
          record(k, heldTotal > 0 ? sum / heldTotal : 0);
          onProgress?.({ stage: 'fold', fold, nFolds, lambdaIndex: k, nLambda: lambdas.length });
        },
      });
    });
  } finally {
    if (owned) matrix.dispose();
  }
}

/** @internal The fold of each sample from `foldId` (validated) or a seeded assignment into nFolds. */
export function resolveFolds(options: { nFolds?: number; foldId?: ArrayLike<number>; seed?: number }, n: number): Int32Array {
  if (options.foldId === undefined) {
    const nFolds = checkInteger('nFolds', options.nFolds ?? 10, 2);
    if (nFolds > n) throw new InvalidParameterError('nFolds', `nFolds must be at most the number of samples ${n}, got ${nFolds}`);
    return assignFolds(n, nFolds, options.seed ?? 0);
  }
  const given = options.foldId;
  if (typeof given !== 'object' || given === null || typeof given.length !== 'number') {
    throw new InvalidParameterError('foldId', 'foldId must be an array of fold numbers 0 … K−1');
  }
  if (given.length !== n) throw new ShapeMismatchError('foldId', `foldId has ${given.length} entries but X has ${n} rows`);
  const foldId = new Int32Array(n);
  let nFolds = 0;
  for (let i = 0; i < n; i++) {
    const f = given[i]!;
    if (!Number.isInteger(f) || f < 0 || f >= n) throw new InvalidParameterError('foldId', `foldId[${i}] = ${String(f)} is not a fold number 0 … K−1`);
    foldId[i] = f;
    nFolds = Math.max(nFolds, f + 1);
  }
  if (nFolds < 2) throw new InvalidParameterError('foldId', 'foldId must name at least 2 folds');
  const sizes = new Int32Array(nFolds);
  for (const f of foldId) sizes[f]!++;
  const empty = sizes.findIndex((s) => s === 0);
  if (empty >= 0) throw new InvalidParameterError('foldId', `fold ${empty} has no samples (folds must be numbered 0 … K−1 without gaps)`);
  return foldId;
}
