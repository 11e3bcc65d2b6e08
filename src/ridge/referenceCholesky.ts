/**
 * Pure-TS Cholesky factorization A + shift·I = RᵀR with R upper triangular, column-major m×m
 * (reference of `ridgeCholeskyFactor`). Column j of R: R_ij = (A_ij − Σ_{k<i} R_ki·R_kj)/R_ii for i < j,
 * R_jj = sqrt(A_jj + shift − Σ_{k<j} R_kj²): dot products of contiguous column segments.
 * Returns −1 on success, or the index of the first non-positive pivot (A + shift·I not positive definite).
 */
export function choleskyFactor(A: Float64Array, m: number, shift: number, R: Float64Array): number {
  for (let j = 0; j < m; j++) {
    const jOff = j * m;
    for (let i = 0; i <= j; i++) {
      const iOff = i * m;
      let sum = A[jOff + i]! + (i === j ? shift : 0);
      for (let k = 0; k < i; k++) sum -= R[iOff + k]! * R[jOff + k]!;
      if (i < j) R[jOff + i] = sum / R[iOff + i]!;
      else {
        if (!(sum > 0)) return j;
        R[jOff + j] = Math.sqrt(sum);
      }
    }
    for (let i = j + 1; i < m; i++) R[jOff + i] = 0;
  }
  return -1;
}

/** Solves RᵀR·x = b in place for each of the k columns of B (m×k): forward Rᵀz = b by dots, back Rx = z by column axpys. */
export function choleskySolve(R: Float64Array, m: number, B: Float64Array, k: number): void {
  for (let t = 0; t < k; t++) {
    const off = t * m;
    for (let i = 0; i < m; i++) {
      const iOff = i * m;
      let sum = B[off + i]!;
      for (let q = 0; q < i; q++) sum -= R[iOff + q]! * B[off + q]!;
      B[off + i] = sum / R[iOff + i]!;
    }
    for (let j = m - 1; j >= 0; j--) {
      const jOff = j * m;
      const xj = B[off + j]! / R[jOff + j]!;
      B[off + j] = xj;
      for (let i = 0; i < j; i++) B[off + i]! -= xj * R[jOff + i]!;
    }
  }
}
