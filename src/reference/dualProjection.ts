import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import { addScalar, columnGradient, cscColumnUpdate, denseCenteredAxpy, weightedSum } from './columnOps.js';
import { isFreeUnpenalized, type PenaltyBlock } from './penalty.js';

/**
 * The free unpenalized features U (v_j = 0, no bound, column not constant) that the projected
 * dual point of assembly/penalty.ts (mode 2) makes feasible; undefined when some unpenalized
 * feature has exactly one infinite side (no projection helps: the KKT residual certifies).
 */
export function freeUnpenalizedFeatures(pen: PenaltyBlock, invScale: Float64Array): Int32Array | undefined {
  const U: number[] = [];
  for (let j = 0; j < invScale.length; j++) {
    if (invScale[j] === 0 || pen.factor[j] !== 0) continue;
    if (isFreeUnpenalized(pen, j)) U.push(j);
    else if (pen.lower[j] === -Infinity || pen.upper[j] === Infinity) return undefined;
  }
  return Int32Array.from(U);
}

/**
 * Columns u ∈ U of G̃ = X̃ᵀΩX̃ (column k, p entries, at k·p): G̃_ju = invScale_j·invScale_u·
 * Σ_i ω_i(x_ij − mean_j)(x_iu − mean_u), one pass over X each (pure-TS reference of the
 * `gramColumnInto` kernel).
 */
export function gramColumns(
  X: DesignMatrix, mean: Float64Array, invScale: Float64Array, weights: Float64Array | undefined, U: Int32Array,
): Float64Array {
  const p = X.nCols;
  const G = new Float64Array(U.length * p);
  const dense = X.storage instanceof Float64Array;
  for (let k = 0; k < U.length; k++) {
    const u = U[k]!;
    // scratch = x_u − mean_u (every row), then the weighted products with every centred column.
    const scratch = new Float64Array(X.nRows);
    if (dense) denseCenteredAxpy(X, u, 1, scratch, mean[u]!);
    else {
      const shift = cscColumnUpdate(X, u, 1, scratch, mean[u]!);
      if (shift !== 0) addScalar(shift, scratch);
    }
    const sumWT = weightedSum(scratch, weights);
    for (let j = 0; j < p; j++) {
      const inv = invScale[j]!;
      G[k * p + j] = inv === 0 ? 0 : inv * invScale[u]! * columnGradient(X, j, scratch, weights, mean[j]!, sumWT);
    }
  }
  return G;
}
