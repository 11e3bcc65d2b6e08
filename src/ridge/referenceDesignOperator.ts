import type { RidgeDesign } from './RidgeDesign.js';

/**
 * Pure-TS out = Z·u for Z = S(X − 1μᵀ)D (reference of the `ridgeDesignMatvec` kernel). Dense columns
 * are centred element by element; CSC uses (X − 1μᵀ)t = Xt − (μᵀt)·1 so X is never densified.
 */
export function designMatvec(design: RidgeDesign, u: Float64Array, out: Float64Array): void {
  const { X, mean, invScale, rowScale } = design;
  const n = X.nRows;
  const p = X.nCols;
  const s = X.storage;
  out.fill(0);
  let shift = 0;
  for (let j = 0; j < p; j++) {
    const t = invScale[j]! * u[j]!;
    if (t === 0) continue;
    const mu = mean[j]!;
    if (s instanceof Float64Array) {
      const offset = j * n;
      for (let i = 0; i < n; i++) out[i]! += t * (s[offset + i]! - mu);
    } else {
      for (let k = s.indptr[j]!; k < s.indptr[j + 1]!; k++) out[s.indices[k]!]! += t * s.data[k]!;
      shift += mu * t;
    }
  }
  for (let i = 0; i < n; i++) out[i] = rowScale[i]! * (out[i]! - shift);
}

/**
 * Pure-TS out = Zᵀ·v (reference of `ridgeDesignTMatvec`): out_j = d_j·Σ_i (x_ij − μ_j)·s_i·v_i; for CSC
 * the implicit zeros contribute −μ_j·(Σ_i s_i v_i − Σ_stored s_i v_i).
 */
export function designTMatvec(design: RidgeDesign, v: Float64Array, out: Float64Array): void {
  const { X, mean, invScale, rowScale } = design;
  const n = X.nRows;
  const p = X.nCols;
  const s = X.storage;
  const q = new Float64Array(n);
  let sumQ = 0;
  for (let i = 0; i < n; i++) {
    q[i] = rowScale[i]! * v[i]!;
    sumQ += q[i]!;
  }
  for (let j = 0; j < p; j++) {
    const d = invScale[j]!;
    if (d === 0) {
      out[j] = 0;
      continue;
    }
    const mu = mean[j]!;
    let sum = 0;
    if (s instanceof Float64Array) {
      const offset = j * n;
      for (let i = 0; i < n; i++) sum += (s[offset + i]! - mu) * q[i]!;
    } else {
      let gathered = 0;
      for (let k = s.indptr[j]!; k < s.indptr[j + 1]!; k++) {
        const qi = q[s.indices[k]!]!;
        sum += (s.data[k]! - mu) * qi;
        gathered += qi;
      }
      sum -= mu * (sumQ - gathered);
    }
    out[j] = d * sum;
  }
}

/** Pure-TS Z materialized column-major (n×p), dense X only (reference of `ridgeScaledDesign`). */
export function scaledDesign(design: RidgeDesign): Float64Array {
  const { X, mean, invScale, rowScale } = design;
  const n = X.nRows;
  const p = X.nCols;
  const s = X.storage as Float64Array;
  const Z = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const d = invScale[j]!;
    if (d === 0) continue;
    const mu = mean[j]!;
    const offset = j * n;
    for (let i = 0; i < n; i++) Z[offset + i] = rowScale[i]! * (s[offset + i]! - mu) * d;
  }
  return Z;
}
