/**
 * Coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², as scikit-learn's
 * `r2_score`: 1 for a perfect fit; for a constant y, 1 if the predictions are exact, else 0.
 *
 * @example
 * ```ts
 * r2Score(Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3)); // 1
 * ```
 */
export function r2Score(y: Float64Array, predicted: Float64Array): number {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i]!;
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    ssRes += (y[i]! - predicted[i]!) ** 2;
    ssTot += (y[i]! - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
