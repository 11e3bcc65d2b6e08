import type { RidgeDesign } from './RidgeDesign.js';

/**
 * @internal The vectors that turn uncentred sparse Gram matrices into those of Z = S(X − 1μᵀ)D,
 * for {@link symmetricCorrection}-style kernels (G_ac ← α_a α_c (G_ac − β_a γ_c − γ_a β_c + δ)):
 *
 * - primal, G0 = XᵀS²X:  ZᵀZ = D(G0 − μμᵀ)D (Σv = 1 and μ = Xᵀv when centring): α = d, β = μ, γ = μ/2, δ = 0;
 * - dual, K0 = XD²Xᵀ:    ZZᵀ = S(K0 − u1ᵀ − 1uᵀ + c11ᵀ)S with u = XD²μ, c = μᵀD²μ: α = s, β = u, γ = 1, δ = c.
 */
export function primalCorrection(design: RidgeDesign): { alpha: Float64Array; beta: Float64Array; gamma: Float64Array; delta: number } {
  const gamma = design.mean.map((m) => m / 2);
  return { alpha: design.invScale, beta: design.mean, gamma, delta: 0 };
}

/** @internal See {@link primalCorrection}; `u` = X·D²·μ must be supplied (one pass over X). */
export function dualCorrection(design: RidgeDesign, u: Float64Array): { alpha: Float64Array; beta: Float64Array; gamma: Float64Array; delta: number } {
  let c = 0;
  for (let j = 0; j < design.mean.length; j++) c += (design.invScale[j]! * design.mean[j]!) ** 2;
  return { alpha: design.rowScale, beta: u, gamma: new Float64Array(u.length).fill(1), delta: c };
}

/** @internal u = X·D²·μ (n) on the raw X (dense or CSC). */
export function scaledMeanProduct(design: RidgeDesign): Float64Array {
  const { X, mean, invScale } = design;
  const n = X.nRows;
  const u = new Float64Array(n);
  const s = X.storage;
  for (let j = 0; j < X.nCols; j++) {
    const a = invScale[j]! * invScale[j]! * mean[j]!;
    if (a === 0) continue;
    if (s instanceof Float64Array) for (let i = 0; i < n; i++) u[i]! += a * s[j * n + i]!;
    else for (let k = s.indptr[j]!; k < s.indptr[j + 1]!; k++) u[s.indices[k]!]! += a * s.data[k]!;
  }
  return u;
}

/** @internal rowScale² (= v) and invScale² (= d²): the row weights of the two sparse Gram products. */
export function squares(values: Float64Array): Float64Array {
  return values.map((x) => x * x);
}
