import { toDesignMatrix, type MatrixInput } from '../matrix/DesignMatrix.js';
import { toCoefVector, toTargetVector } from '../validation.js';
import { linearPredict } from './linearPredict.js';
import { r2Score } from './r2Score.js';

/**
 * @internal ŷ = b + Xw for any accepted X.
 * @throws {ShapeMismatchError} X has a different number of columns than w.
 */
export function predictLinear(coef: Float64Array, intercept: number, X: MatrixInput): Float64Array {
  const { matrix, owned } = toDesignMatrix(X);
  try {
    toCoefVector(coef, matrix.nCols, 'X');
    return linearPredict(matrix, coef, intercept);
  } finally {
    if (owned) matrix.dispose();
  }
}

/** @internal R² of b + Xw on (X, y) (scikit-learn's `score`). */
export function scoreLinear(coef: Float64Array, intercept: number, X: MatrixInput, y: ArrayLike<number>): number {
  const { matrix, owned } = toDesignMatrix(X);
  try {
    const target = toTargetVector(y, matrix.nRows);
    toCoefVector(coef, matrix.nCols, 'X');
    return r2Score(target, linearPredict(matrix, coef, intercept));
  } finally {
    if (owned) matrix.dispose();
  }
}
