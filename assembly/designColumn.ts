// Column access for a design matrix resident in linear memory, dense or CSC, in
// terms of the centred column x_j − mu·1. The layout is tested once per column,
// never per element, so a single solver serves both storage forms at full speed.
import { denseCenteredDot, denseCenteredAxpy } from './denseColumn';
import { cscCenteredDot, cscAxpy, cscCenteredAxpy, cscGatherSum } from './cscColumn';

/** Column-major dense storage: column j starts at values + 8·j·nRows. */
export const LAYOUT_DENSE: i32 = 0;
/** Compressed sparse column storage (values, row indices, column pointers). */
export const LAYOUT_CSC: i32 = 1;

/**
 * (x_j − mu·1)ᵀv for column j, given sumV = Σ_i v_i.
 * Dense: computed element by element. CSC: the stored entries give
 * Σ_k (x_k − mu)·v[i_k]; the implicit zeros add −mu·(sumV − Σ_k v[i_k]), a term
 * that is exactly absent when the column stores every row.
 */
// @ts-ignore: decorator
@inline
export function centeredColumnDot(
  layout: i32, nRows: i32, values: usize, indptr: usize, rows: usize, j: i32, v: usize, mu: f64, sumV: f64,
): f64 {
  if (layout == LAYOUT_DENSE) {
    return denseCenteredDot(values + ((<usize>j * <usize>nRows) << 3), v, nRows, mu);
  }
  const start = load<i32>(indptr + (<usize>j << 2));
  const end = load<i32>(indptr + (<usize>j << 2), 4);
  const stored = cscCenteredDot(values, rows, start, end, v, mu);
  if (mu == 0 || end - start == nRows) return stored;
  return stored - mu * (sumV - cscGatherSum);
}

/**
 * CSC update v += a·(x_j − mu·1), never densified. A column that stores every row is
 * centred element by element and returns 0; otherwise only the stored rows get a·x_k
 * and the caller must add the returned −a·mu to every entry (its scalar shift).
 */
// @ts-ignore: decorator
@inline
export function cscColumnUpdate(nRows: i32, indptr: usize, values: usize, rows: usize, j: i32, a: f64, v: usize, mu: f64): f64 {
  const start = load<i32>(indptr + (<usize>j << 2));
  const end = load<i32>(indptr + (<usize>j << 2), 4);
  if (end - start == nRows) {
    cscCenteredAxpy(a, values, rows, start, end, v, mu);
    return 0;
  }
  cscAxpy(a, values, rows, start, end, v);
  return -a * mu;
}

/** v += a·(x_j − mu) for dense column j. */
// @ts-ignore: decorator
@inline
export function denseColumnCenteredAxpy(nRows: i32, values: usize, j: i32, a: f64, v: usize, mu: f64): void {
  denseCenteredAxpy(a, values + ((<usize>j * <usize>nRows) << 3), v, nRows, mu);
}
