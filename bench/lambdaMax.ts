import type { DesignMatrix } from '../src/matrix/DesignMatrix.js';
import { columnDot } from '../src/reference/columnOps.js';

/** y − ȳ (the target the intercept-fitting lasso works with). */
export function centered(y: Float64Array): Float64Array {
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i]!;
  mean /= y.length;
  return y.map((v) => v - mean);
}

/**
 * λ_max = max_j |x_jᵀ(y − ȳ)| / n: the smallest lasso penalty whose solution is all zeros
 * (intercept fitted, no standardization; centring x_j changes nothing because Σ(y − ȳ) = 0).
 */
export function lambdaMax(X: DesignMatrix, y: Float64Array): number {
  const yc = centered(y);
  let max = 0;
  for (let j = 0; j < X.nCols; j++) max = Math.max(max, Math.abs(columnDot(X, j, yc)));
  return max / X.nRows;
}
