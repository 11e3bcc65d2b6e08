import type { DesignMatrix } from '../../matrix/DesignMatrix.js';
import type { ColumnStats } from '../../reference/columnStats.js';
import { addScalar, columnGradient, cscColumnUpdate, denseCenteredAxpy, weightedSum } from '../../reference/columnOps.js';

/**
 * Pure-TS reference of `designMatvec` (assembly/proximal/designProducts.ts):
 *
 *   out = b·1 + X̃v,   X̃v = Σ_j v_j·invScale_j·(x_j − mean_j·1),
 *
 * one column axpy per non-zero v_j (dense columns centred element by element, CSC columns
 * update their stored rows and collect the mean part in one scalar shift).
 */
export function designMatvec(X: DesignMatrix, stats: ColumnStats, v: Float64Array, b: number, out: Float64Array): void {
  out.fill(b);
  const dense = X.storage instanceof Float64Array;
  let shift = 0;
  for (let j = 0; j < X.nCols; j++) {
    const a = v[j]! * stats.invScale[j]!;
    if (a === 0) continue;
    const mu = stats.mean[j]!;
    if (dense) denseCenteredAxpy(X, j, a, out, mu);
    else shift += cscColumnUpdate(X, j, a, out, mu);
  }
  if (shift !== 0) addScalar(shift, out);
}

/**
 * Pure-TS reference of `designGradient`: g = X̃ᵀ(ω∘u), g_j = invScale_j·Σ_i ω_i·(x_ij − mean_j)·u_i
 * (ω_i = weights[i], or 1/n), 0 for excluded columns. Returns Σ_i ω_i·u_i (the intercept's part).
 */
export function designGradient(X: DesignMatrix, stats: ColumnStats, u: Float64Array, weights: Float64Array | undefined, g: Float64Array): number {
  const sumWU = weightedSum(u, weights);
  for (let j = 0; j < X.nCols; j++) {
    const inv = stats.invScale[j]!;
    g[j] = inv === 0 ? 0 : inv * columnGradient(X, j, u, weights, stats.mean[j]!, sumWU);
  }
  return weights === undefined ? sumWU / X.nRows : sumWU;
}
