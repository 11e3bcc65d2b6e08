import type { RegularizationPath } from '../path/RegularizationPath.js';
import type { CrossValidation, CvMeasure } from './CrossValidation.js';

/** @internal One fold as the fold paths see it: training weights over all rows and the held-out rows. */
export interface FoldData {
  fold: number;
  /** The sample weights of the training rows, renormalized; 0 on the held-out rows. */
  weights: Float64Array;
  held: number[];
  /** Total sample weight of the held-out rows. */
  heldTotal: number;
}

/**
 * @internal cv.glmnet's procedure after the full-data path has fixed the λ grid: each fold's path
 * runs over that grid (`fitFoldPath`, which reports the held-out error of each λ it solves), and the
 * fold errors are summarized (fold-size-weighted mean, standard error, λ_min, λ_1se). A fold path
 * that stops early (logistic separation) scores the remaining λs with its last model. Shared by
 * the Gaussian and the logistic cross-validation.
 */
export function crossValidateFolds(
  path: RegularizationPath, foldId: Int32Array, sampleWeights: Float64Array, measure: CvMeasure,
  fitFoldPath: (fold: FoldData, lambdas: Float64Array, record: (lambdaIndex: number, error: number) => void) => void,
): CrossValidation {
  const n = foldId.length;
  const nFolds = Math.max(...foldId) + 1;
  const lambdas = path.lambdas;
  const K = lambdas.length;
  const foldErrors: Float64Array[] = [];
  const foldSizes: number[] = [];
  for (let fold = 0; fold < nFolds; fold++) {
    const { held, heldTotal, weights } = foldWeights(foldId, fold, sampleWeights);
    const errors = new Float64Array(K).fill(NaN);
    fitFoldPath({ fold, weights, held, heldTotal }, lambdas, (k, error) => {
      errors[k] = error;
    });
    for (let k = 1; k < K; k++) if (Number.isNaN(errors[k]!)) errors[k] = errors[k - 1]!;
    foldErrors.push(errors);
    // A fold counts by its total weight (its number of samples, up to the factor n, without weights).
    foldSizes.push(heldTotal * n);
  }
  const { cvMean, cvStandardError, indexMin, index1se } = summarizeFolds(foldErrors, foldSizes, n, measure === 'auc');
  return {
    lambdas, cvMean, cvStandardError, foldErrors, measure, indexMin, lambdaMin: lambdas[indexMin]!,
    index1se, lambda1se: lambdas[index1se]!, foldId, path,
  };
}

/**
 * @internal One fold as weights over all rows: its held-out rows (weight 0 in training), their
 * total sample weight, and the training weights (the sample weights of the other rows, renormalized).
 */
export function foldWeights(foldId: Int32Array, fold: number, sampleWeights: Float64Array): { held: number[]; heldTotal: number; weights: Float64Array } {
  const n = foldId.length;
  const held: number[] = [];
  let trainTotal = 0;
  let heldTotal = 0;
  for (let i = 0; i < n; i++) {
    if (foldId[i] === fold) {
      held.push(i);
      heldTotal += sampleWeights[i]!;
    } else trainTotal += sampleWeights[i]!;
  }
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = foldId[i] === fold ? 0 : sampleWeights[i]! / trainTotal;
  return { held, heldTotal, weights };
}

/**
 * @internal cv.glmnet's summary of per-fold errors: the size-weighted mean and standard error per
 * λ, the λ with the best mean (the smallest, or the largest when `higherIsBetter`, as for AUC;
 * the largest λ on ties) and the largest λ within one standard error of it (λ_1se).
 */
export function summarizeFolds(
  foldErrors: Float64Array[], foldSizes: number[], n: number, higherIsBetter: boolean,
): { cvMean: Float64Array; cvStandardError: Float64Array; indexMin: number; index1se: number } {
  const nFolds = foldErrors.length;
  const K = foldErrors[0]!.length;
  const cvMean = new Float64Array(K);
  const cvStandardError = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let mean = 0;
    for (let f = 0; f < nFolds; f++) mean += foldSizes[f]! * foldErrors[f]![k]!;
    mean /= n;
    let spread = 0;
    for (let f = 0; f < nFolds; f++) spread += foldSizes[f]! * (foldErrors[f]![k]! - mean) ** 2;
    cvMean[k] = mean;
    cvStandardError[k] = Math.sqrt(spread / n / (nFolds - 1));
  }
  // Compared as losses: an AUC is negated. λ decrease along the grid, so the first index
  // attaining a bound is the largest λ.
  const sign = higherIsBetter ? -1 : 1;
  let indexMin = 0;
  for (let k = 1; k < K; k++) if (sign * cvMean[k]! < sign * cvMean[indexMin]!) indexMin = k;
  const bound = sign * cvMean[indexMin]! + cvStandardError[indexMin]!;
  let index1se = indexMin;
  for (let k = 0; k <= indexMin; k++) {
    if (sign * cvMean[k]! <= bound) {
      index1se = k;
      break;
    }
  }
  return { cvMean, cvStandardError, indexMin, index1se };
}
