import { CscMatrix } from '../matrix/CscMatrix.js';
import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { RidgeForm, RidgeSolverName } from './RidgeSolution.js';

/** The `solver` option: a solver, `'svd'` (the same as `'eigen'`), or `'auto'`. */
export type RidgeSolverOption = 'auto' | RidgeSolverName | 'svd';

/**
 * @internal `'auto'`: Cholesky for dense X (primal when p ≤ n, dual when p > n), CG for CSC X;
 * a grid of λ (`grid`: ridgePath, RidgeCV) takes the eigendecomposition instead of Cholesky.
 * Direct solvers factor the p×p matrix when p ≤ n, the n×n one otherwise.
 */
export function chooseRidgeSolver(option: RidgeSolverOption, X: DesignMatrix, grid: boolean): { solver: RidgeSolverName; form: RidgeForm | undefined } {
  let solver: RidgeSolverName;
  if (option === 'auto') solver = X instanceof CscMatrix ? 'cg' : grid ? 'eigen' : 'cholesky';
  else if (option === 'svd') solver = 'eigen';
  else solver = option;
  const form: RidgeForm | undefined = solver === 'cholesky' || solver === 'eigen' ? (X.nCols <= X.nRows ? 'primal' : 'dual') : undefined;
  return { solver, form };
}
