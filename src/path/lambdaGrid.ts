/**
 * A decreasing, log-spaced grid of λ from λ_max down to λ_max·lambdaMinRatio, as glmnet
 * builds it: λ_k = λ_max·lambdaMinRatio^(k/(nLambda−1)), k = 0 … nLambda−1.
 *
 * @example
 * ```ts
 * lambdaGrid(10, 3, 0.01); // Float64Array [10, 1, 0.1]
 * ```
 */
export function lambdaGrid(lambdaMax: number, nLambda: number, lambdaMinRatio: number): Float64Array {
  const grid = new Float64Array(nLambda);
  for (let k = 0; k < nLambda; k++) grid[k] = nLambda === 1 ? lambdaMax : lambdaMax * lambdaMinRatio ** (k / (nLambda - 1));
  return grid;
}
