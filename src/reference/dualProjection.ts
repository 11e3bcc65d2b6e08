import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import { addScalar, columnGradient, cscColumnUpdate, denseCenteredAxpy, weightedSum } from './columnOps.js';
import { choleskyFactor, isFreeUnpenalized, type DualProjection, type PenaltyBlock } from './penalty.js';

/**
 * What projects the dual point onto {θ : x̃_uᵀΩθ = 0 for every free unpenalized u} (see
 * assembly/penalty.ts, mode 2): the free unpenalized features U (v_u = 0, no bound, column not
 * constant), their columns of G̃ = X̃ᵀΩX̃ (G̃_ju = invScale_j·invScale_u·Σ_i ω_i(x_ij − mean_j)(x_iu − mean_u),
 * one pass over X each), and the Cholesky factor of G̃_UU. Undefined when some unpenalized feature
 * has exactly one infinite side (no projection makes that dual point feasible) or G̃_UU is
 * numerically singular: the KKT residual certifies then.
 */
export function dualProjection(
  X: DesignMatrix, mean: Float64Array, invScale: Float64Array, weights: Float64Array | undefined, pen: PenaltyBlock,
): DualProjection | undefined {
  const p = X.nCols;
  const U: number[] = [];
  for (let j = 0; j < p; j++) {
    if (invScale[j] === 0 || pen.factor[j] !== 0) continue;
    const lo = pen.lower[j]!, hi = pen.upper[j]!;
    if (isFreeUnpenalized(pen, j)) U.push(j);
    else if (lo === -Infinity || hi === Infinity) return undefined;
  }
  const m = U.length;
  if (m === 0) return undefined;
  const G = new Float64Array(m * p);
  const dense = X.storage instanceof Float64Array;
  for (let k = 0; k < m; k++) {
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
  const chol = choleskyFactor(m, (a, b) => G[b * p + U[a]!]!);
  return chol ? { U: Int32Array.from(U), G, chol } : undefined;
}
