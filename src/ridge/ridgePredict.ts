import { toDesignMatrix, type MatrixInput } from '../matrix/DesignMatrix.js';
import { linearPredict } from '../model/linearPredict.js';
import { r2Score } from '../model/r2Score.js';
import { ShapeMismatchError } from '../errors.js';
import { toCoefVector } from '../validation.js';
import { toRidgeTargets, type RidgeTargetInput } from './ridgeInputs.js';

/** @internal ŷ = b_t + Xw_t for each target t: n numbers, or n×k column-major. */
export function ridgePredict(X: MatrixInput, coef: Float64Array, intercepts: Float64Array): Float64Array {
  const k = intercepts.length;
  const p = coef.length / k;
  const { matrix, owned } = toDesignMatrix(X);
  try {
    toCoefVector(coef.subarray(0, p), matrix.nCols, 'X');
    const n = matrix.nRows;
    const out = new Float64Array(n * k);
    for (let t = 0; t < k; t++) out.set(linearPredict(matrix, coef.subarray(t * p, (t + 1) * p), intercepts[t]!), t * n);
    return out;
  } finally {
    if (owned) matrix.dispose();
  }
}

/** @internal Mean over targets of R² (scikit-learn's `score` with uniform averaging). */
export function ridgeScore(X: MatrixInput, y: RidgeTargetInput, coef: Float64Array, intercepts: Float64Array): number {
  const { matrix, owned } = toDesignMatrix(X);
  try {
    const n = matrix.nRows;
    const targets = toRidgeTargets(y, n);
    const k = intercepts.length;
    if (targets.k !== k) throw new ShapeMismatchError('y', `y has ${targets.k} targets but the model was fitted with ${k}`);
    const predicted = ridgePredict(matrix, coef, intercepts);
    let sum = 0;
    for (let t = 0; t < k; t++) sum += r2Score(targets.Y.subarray(t * n, (t + 1) * n), predicted.subarray(t * n, (t + 1) * n));
    return sum / k;
  } finally {
    if (owned) matrix.dispose();
  }
}
