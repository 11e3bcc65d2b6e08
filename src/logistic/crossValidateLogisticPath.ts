import { toDesignMatrix, type MatrixInput } from '../matrix/DesignMatrix.js';
import { checkOneOf, toSampleWeights } from '../validation.js';
import { InvalidParameterError } from '../errors.js';
import { resolveFolds } from '../cv/crossValidatePath.js';
import { crossValidateFolds } from '../cv/crossValidateFolds.js';
import type { CrossValidation, CvProgress } from '../cv/CrossValidation.js';
import { toBinaryLabels } from './binaryLabels.js';
import { sigmoid } from './binomialLoss.js';
import { computeLogisticPath, resolveLogisticPathOptions, type LogisticPathOptions } from './logisticPath.js';
import { rocAuc } from './rocAuc.js';

/** The held-out measures of {@link cvLogisticPath}. */
export type LogisticCvMeasure = 'deviance' | 'misclassification' | 'auc';

/** Options of {@link cvLogisticPath}: the path's plus the folds and the measure. */
export interface LogisticCvOptions extends LogisticPathOptions {
  /** Number of folds K. Default 10. Ignored when `foldId` is given. */
  nFolds?: number;
  /** Fold of each sample, integers 0 … K−1; overrides nFolds and seed. */
  foldId?: ArrayLike<number>;
  /** Seed of the random fold assignment. Default 0. */
  seed?: number;
  /**
   * Held-out measure (glmnet's `type.measure`): `'deviance'` (default) −2·mean log-likelihood with
   * probabilities clipped to [1e-5, 1 − 1e-5] as glmnet does; `'misclassification'` the error rate
   * at threshold ½; `'auc'` the area under the ROC curve (higher is better; each fold needs both classes).
   */
  measure?: LogisticCvMeasure;
  /** Called after each λ of each path. */
  onProgress?: (progress: CvProgress) => void;
}

/** Probabilities are clipped here for the deviance, as glmnet's cv does (prob_min = 1e-5). */
const PROBABILITY_CLIP = 1e-5;

/**
 * K-fold cross-validation of the logistic path, as `cv.glmnet(family = "binomial")`: the path on
 * all data fixes the λ grid; each fold's path is fitted over that grid on the other folds (a
 * weight vector over the one resident X, never a copy) and scored on its own rows from the linear
 * predictor the solver keeps for every row. λ_min and λ_1se as glmnet defines them. Deterministic
 * given `seed` or `foldId`.
 *
 * @throws {InvalidParameterError} bad options, labels, or a fold without both classes for `'auc'`.
 * @example
 * ```ts
 * const cv = cvLogisticPath(X, labels, { nFolds: 10, measure: 'auc', seed: 1 });
 * cv.lambdaMin; cv.lambda1se; cv.path.coefAt(cv.index1se);
 * ```
 */
export function cvLogisticPath(X: MatrixInput, y: ArrayLike<unknown>, options: LogisticCvOptions = {}): CrossValidation {
  const { resolved, maxPasses } = resolveLogisticPathOptions(options);
  const measure = checkOneOf('measure', options.measure ?? 'deviance', ['deviance', 'misclassification', 'auc'] as const);
  const { matrix, owned } = toDesignMatrix(X);
  try {
    const n = matrix.nRows;
    const { y01 } = toBinaryLabels(y, n);
    const foldId = resolveFolds(options, n);
    const sampleWeights = options.sampleWeight === undefined ? new Float64Array(n).fill(1 / n) : toSampleWeights(options.sampleWeight, n);
    const nFolds = Math.max(...foldId) + 1;
    if (measure === 'auc') {
      for (let fold = 0; fold < nFolds; fold++) {
        let positives = 0;
        let count = 0;
        for (let i = 0; i < n; i++) if (foldId[i] === fold) { count++; positives += y01[i]!; }
        if (positives === 0 || positives === count) {
          throw new InvalidParameterError('measure', `measure 'auc' needs both classes in every fold; fold ${fold} has only ${positives === 0 ? 'negatives' : 'positives'}`);
        }
      }
    }
    const onProgress = options.onProgress;
    const path = computeLogisticPath(matrix, y01, resolved, maxPasses, {
      ...(options.sampleWeight === undefined ? {} : { weights: sampleWeights }),
      onSolved: (k) => onProgress?.({ stage: 'path', fold: -1, nFolds, lambdaIndex: k, nLambda: resolved.lambdas?.length ?? resolved.nLambda }),
    });
    const foldOptions = { ...resolved, lambdas: path.lambdas, earlyStop: false };
    return crossValidateFolds(path, foldId, sampleWeights, measure, ({ fold, weights, held, heldTotal }, lambdas, record) => {
      computeLogisticPath(matrix, y01, { ...foldOptions, lambdas }, maxPasses, {
        weights,
        onSolved: (k, solver) => {
          record(k, heldOutError(measure, held, y01, solver.linearPredictor(), sampleWeights, heldTotal));
          onProgress?.({ stage: 'fold', fold, nFolds, lambdaIndex: k, nLambda: lambdas.length });
        },
      });
    });
  } finally {
    if (owned) matrix.dispose();
  }
}

function heldOutError(
  measure: LogisticCvMeasure, held: number[], y01: Float64Array, eta: Float64Array, sampleWeights: Float64Array, heldTotal: number,
): number {
  if (measure === 'auc') {
    return rocAuc(held.map((i) => y01[i]!), held.map((i) => eta[i]!), held.map((i) => sampleWeights[i]!));
  }
  let sum = 0;
  for (const i of held) {
    const y = y01[i]!;
    let error: number;
    if (measure === 'deviance') {
      const q = Math.min(Math.max(sigmoid(eta[i]!), PROBABILITY_CLIP), 1 - PROBABILITY_CLIP);
      error = -2 * (y * Math.log(q) + (1 - y) * Math.log(1 - q));
    } else {
      error = (eta[i]! >= 0 ? 1 : 0) === y ? 0 : 1;
    }
    sum += sampleWeights[i]! * error;
  }
  return heldTotal > 0 ? sum / heldTotal : 0;
}
