import { toDesignMatrix, type MatrixInput } from '../matrix/DesignMatrix.js';
import { toNormalizedWeights, toRidgeTargets, type RidgeTargetInput } from './ridgeInputs.js';
import type { RidgeProblemData } from './fitRidgeProblem.js';
import type { RidgeFitOptions } from './Ridge.js';

/**
 * @internal Validates the inputs of a ridge `fit` (X, the targets, then the observation weights) and runs
 * `body` on the problem data; `uniform` tells whether the weights are all equal. A matrix converted
 * from rows is disposed afterwards.
 */
export function withRidgeFitData<T>(
  X: MatrixInput, y: RidgeTargetInput, options: RidgeFitOptions,
  fitIntercept: boolean, standardize: boolean, body: (data: RidgeProblemData, uniform: boolean) => T,
): T {
  const { matrix, owned } = toDesignMatrix(X);
  try {
    const n = matrix.nRows;
    const targets = toRidgeTargets(y, n);
    const { v, uniform } = toNormalizedWeights(options.sampleWeight, n);
    return body({ X: matrix, Y: targets.Y, k: targets.k, v, fitIntercept, standardize }, uniform);
  } finally {
    if (owned) matrix.dispose();
  }
}
