import type { SessionPenalty } from '../engine/Engine.js';

/**
 * @internal Coefficients of the centred, scaled problem back on X's original scale:
 * w_j = w̃_j·invScale_j and b = ȳ − Σ_j mean_j·w_j (0 without an intercept).
 * With bounds (original scale), a coefficient at its scaled bound w̃_j = lower_j/invScale_j
 * returns as exactly lower_j (the product would be within one rounding of it, on either side),
 * and every w_j is clipped into [lower_j, upper_j]: a returned coefficient never violates its
 * bound, and one at its bound is exactly there.
 */
export function toOriginalScale(
  coefScaled: Float64Array, mean: Float64Array, invScale: Float64Array, yMean: number, fitIntercept: boolean,
  penalty?: SessionPenalty,
): { coef: Float64Array; intercept: number } {
  const coef = new Float64Array(coefScaled.length);
  let intercept = yMean;
  for (let j = 0; j < coef.length; j++) {
    const inv = invScale[j]!;
    let wj = coefScaled[j]! * inv;
    if (penalty !== undefined && inv !== 0) {
      const lo = penalty.lower[j]!, hi = penalty.upper[j]!;
      // At a bound in the scaled space (the same quotient the session used): exactly that bound.
      if (coefScaled[j] === lo / inv) wj = lo;
      else if (coefScaled[j] === hi / inv) wj = hi;
      else wj = Math.min(Math.max(wj, lo), hi);
    }
    coef[j] = wj;
    intercept -= mean[j]! * wj;
  }
  return { coef, intercept: fitIntercept ? intercept : 0 };
}
