import { DenseMatrix } from './DenseMatrix.js';
import { CscMatrix } from './CscMatrix.js';
import { InvalidParameterError } from '../errors.js';

/** What estimators accept as X: a dense or CSC matrix, or an array of rows. */
export type MatrixInput = DenseMatrix | CscMatrix | ArrayLike<ArrayLike<number>>;

/** A design matrix in one of the two storage forms the solvers run on. */
export type DesignMatrix = DenseMatrix | CscMatrix;

/**
 * @internal Normalizes X. `owned` is true when a temporary matrix was built from
 * an array of rows, in which case the caller disposes it after use.
 */
export function toDesignMatrix(X: MatrixInput, argument = 'X'): { matrix: DesignMatrix; owned: boolean } {
  if (X instanceof DenseMatrix || X instanceof CscMatrix) return { matrix: X, owned: false };
  if (X === null || typeof X !== 'object' || typeof (X as ArrayLike<unknown>).length !== 'number') {
    throw new InvalidParameterError(argument, `${argument} must be a DenseMatrix, a CscMatrix or an array of rows`);
  }
  return { matrix: DenseMatrix.fromRows(X, argument), owned: true };
}
