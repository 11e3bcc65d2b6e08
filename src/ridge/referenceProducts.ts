/**
 * Pure-TS dense products on column-major matrices (references of the kernels in
 * assembly/ridge/products.ts). A is m×q: entry (i, j) at j·m + i.
 */

/** C = AᵀB (qa×qb) for A m×qa and B m×qb; with `symmetric` (A = B) only the upper triangle is computed and mirrored. */
export function crossProduct(A: Float64Array, B: Float64Array, m: number, qa: number, qb: number, symmetric: boolean): Float64Array {
  const C = new Float64Array(qa * qb);
  for (let c = 0; c < qb; c++) {
    const bOff = c * m;
    for (let a = 0; a < (symmetric ? c + 1 : qa); a++) {
      const aOff = a * m;
      let sum = 0;
      for (let i = 0; i < m; i++) sum += A[aOff + i]! * B[bOff + i]!;
      C[c * qa + a] = sum;
      if (symmetric) C[a * qa + c] = sum;
    }
  }
  return C;
}

/** Aᵀ (q×m) of A (m×q). */
export function transpose(A: Float64Array, m: number, q: number): Float64Array {
  const T = new Float64Array(m * q);
  for (let j = 0; j < q; j++) for (let i = 0; i < m; i++) T[i * q + j] = A[j * m + i]!;
  return T;
}

/** y = A·x for A m×q. */
export function matVec(A: Float64Array, m: number, q: number, x: Float64Array, y: Float64Array): void {
  y.fill(0, 0, m);
  for (let j = 0; j < q; j++) {
    const xj = x[j]!;
    if (xj === 0) continue;
    const off = j * m;
    for (let i = 0; i < m; i++) y[i]! += xj * A[off + i]!;
  }
}

/** y = Aᵀ·x for A m×q. */
export function matTVec(A: Float64Array, m: number, q: number, x: Float64Array, y: Float64Array): void {
  for (let j = 0; j < q; j++) {
    const off = j * m;
    let sum = 0;
    for (let i = 0; i < m; i++) sum += A[off + i]! * x[i]!;
    y[j] = sum;
  }
}

/** h_i = Σ_k f_k·M_ik² for M m×r: the diagonal of M·diag(f)·Mᵀ (the ridge smoother's diagonal). */
export function weightedRowSquares(M: Float64Array, m: number, r: number, f: Float64Array): Float64Array {
  const h = new Float64Array(m);
  for (let k = 0; k < r; k++) {
    const fk = f[k]!;
    if (fk === 0) continue;
    const off = k * m;
    for (let i = 0; i < m; i++) h[i]! += fk * M[off + i]! * M[off + i]!;
  }
  return h;
}

/**
 * G = Aᵀ·diag(ρ)·A (q×q, symmetric) for a CSC matrix A (m×q): for each column a, ρ∘x_a is scattered
 * into a dense work vector and gathered against every column c ≥ a. O(q·nnz), no densification of A.
 */
export function cscWeightedGram(
  data: Float64Array, indices: Int32Array, indptr: Int32Array, m: number, q: number, rho: Float64Array,
): Float64Array {
  const G = new Float64Array(q * q);
  const work = new Float64Array(m);
  for (let a = 0; a < q; a++) {
    const aStart = indptr[a]!;
    const aEnd = indptr[a + 1]!;
    if (aStart === aEnd) continue;
    for (let k = aStart; k < aEnd; k++) work[indices[k]!] = rho[indices[k]!]! * data[k]!;
    for (let c = a; c < q; c++) {
      let sum = 0;
      for (let k = indptr[c]!; k < indptr[c + 1]!; k++) sum += data[k]! * work[indices[k]!]!;
      G[c * q + a] = sum;
      G[a * q + c] = sum;
    }
    for (let k = aStart; k < aEnd; k++) work[indices[k]!] = 0;
  }
  return G;
}

/** In place G_ac ← α_a·α_c·(G_ac − β_a·γ_c − γ_a·β_c + δ) for a q×q matrix (centring and scaling a Gram matrix). */
export function symmetricCorrection(G: Float64Array, q: number, alpha: Float64Array, beta: Float64Array, gamma: Float64Array, delta: number): void {
  for (let c = 0; c < q; c++) {
    for (let a = 0; a < q; a++) {
      const k = c * q + a;
      G[k] = alpha[a]! * alpha[c]! * (G[k]! - beta[a]! * gamma[c]! - gamma[a]! * beta[c]! + delta);
    }
  }
}
