/**
 * @internal Coefficients of the centred, scaled problem back on X's original scale:
 * w_j = w̃_j·invScale_j and b = ȳ − Σ_j mean_j·w_j (0 without an intercept).
 */
export function toOriginalScale(
  coefScaled: Float64Array, mean: Float64Array, invScale: Float64Array, yMean: number, fitIntercept: boolean,
): { coef: Float64Array; intercept: number } {
  const coef = new Float64Array(coefScaled.length);
  let intercept = yMean;
  for (let j = 0; j < coef.length; j++) {
    coef[j] = coefScaled[j]! * invScale[j]!;
    intercept -= mean[j]! * coef[j]!;
  }
  return { coef, intercept: fitIntercept ? intercept : 0 };
}
