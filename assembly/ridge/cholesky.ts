// Cholesky factorization A + shift·I = RᵀR (R upper triangular, column-major m×m) and
// triangular solves: every inner loop is a SIMD dot product or axpy over a contiguous
// column segment.
import { denseCenteredAxpy, denseDot } from '../denseColumn';

/**
 * Factors A + shift·I = RᵀR column by column: R_ij = (A_ij − R[0:i, i]·R[0:i, j]) / R_ii (i < j),
 * R_jj = sqrt(A_jj + shift − ‖R[0:j, j]‖²). R's strictly lower part is set to 0; A is not modified.
 * Returns −1 on success, else the column whose pivot was not positive.
 */
export function ridgeCholeskyFactor(A: usize, m: i32, shift: f64, R: usize): i32 {
  for (let j: i32 = 0; j < m; j++) {
    const colJ = R + ((<usize>j * <usize>m) << 3);
    const aJ = A + ((<usize>j * <usize>m) << 3);
    for (let i: i32 = 0; i < j; i++) {
      const colI = R + ((<usize>i * <usize>m) << 3);
      const sum = load<f64>(aJ + (<usize>i << 3)) - denseDot(colI, colJ, i);
      store<f64>(colJ + (<usize>i << 3), sum / load<f64>(colI + (<usize>i << 3)));
    }
    const pivot = load<f64>(aJ + (<usize>j << 3)) + shift - denseDot(colJ, colJ, j);
    if (!(pivot > 0)) return j;
    store<f64>(colJ + (<usize>j << 3), Math.sqrt(pivot));
    if (j + 1 < m) memory.fill(colJ + (<usize>(j + 1) << 3), 0, <usize>(m - j - 1) << 3);
  }
  return -1;
}

/** B (m×k) ← (RᵀR)⁻¹B: forward Rᵀz = b by dot products, back substitution Rx = z by column axpys. */
export function ridgeCholeskySolve(R: usize, m: i32, B: usize, k: i32): void {
  for (let t: i32 = 0; t < k; t++) {
    const b = B + ((<usize>t * <usize>m) << 3);
    for (let i: i32 = 0; i < m; i++) {
      const colI = R + ((<usize>i * <usize>m) << 3);
      const o = <usize>i << 3;
      store<f64>(b + o, (load<f64>(b + o) - denseDot(colI, b, i)) / load<f64>(colI + o));
    }
    for (let j: i32 = m - 1; j >= 0; j--) {
      const colJ = R + ((<usize>j * <usize>m) << 3);
      const o = <usize>j << 3;
      const xj = load<f64>(b + o) / load<f64>(colJ + o);
      store<f64>(b + o, xj);
      if (j > 0) denseCenteredAxpy(-xj, colJ, b, j, 0);
    }
  }
}
