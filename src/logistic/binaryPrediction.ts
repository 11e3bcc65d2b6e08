import type { MatrixInput } from '../matrix/DesignMatrix.js';
import { predictLinear } from '../model/linearModelMethods.js';
import type { ClassLabel } from './binaryLabels.js';
import { sigmoid } from './binomialLoss.js';

/** @internal P(y = positive | x) = σ(b + xᵀw) for each row of X. */
export function predictProbability(coef: Float64Array, intercept: number, X: MatrixInput): Float64Array {
  return predictLinear(coef, intercept, X).map(sigmoid);
}

/** @internal The class of each row: classes[1] where η = b + xᵀw ≥ 0 (P ≥ ½), else classes[0]. */
export function predictClasses(coef: Float64Array, intercept: number, classes: [ClassLabel, ClassLabel], X: MatrixInput): ClassLabel[] {
  const [negative, positive] = classes;
  return Array.from(predictLinear(coef, intercept, X), (eta) => (eta >= 0 ? positive : negative));
}
