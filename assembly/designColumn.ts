// Column access for a design matrix resident in linear memory, dense or CSC, in
// terms of the centred column x_j − mu·1 and optional observation weights. The
// layout is tested once per column, never per element, so a single solver serves
// both storage forms at full speed.
import { denseCenteredDot, denseCenteredAxpy, denseWeightedCenteredDot } from './denseColumn';
import { cscCenteredDot, cscAxpy, cscCenteredAxpy, cscWeightedCenteredDot, cscGatherSum } from './cscColumn';

/** Column-major dense storage: column j starts at values + 8·j·nRows. */
export const LAYOUT_DENSE: i32 = 0;
/** Compressed sparse column storage (values, row indices, column pointers). */
export const LAYOUT_CSC: i32 = 1;

/**
 * The n contiguous doubles of column j when there are some: the dense layout's column, or a CSC
 * column's dense copy (`copies`: the descriptor's table of them, or 0; see designDescriptor.ts);
 * 0 when a CSC column must be gathered from its stored entries.
 */
// @ts-ignore: decorator
@inline
export function contiguousColumn(layout: i32, values: usize, nRows: i32, copies: usize, j: i32): usize {
  if (layout == LAYOUT_DENSE) return values + ((<usize>j * <usize>nRows) << 3);
  return copies == 0 ? 0 : <usize>load<u32>(copies + (<usize>j << 2));
}

/** The first stored position of column j: 0 for a dense column (positions are rows), indptr[j] for CSC. */
// @ts-ignore: decorator
@inline
export function storedStart(dense: bool, indptr: usize, j: i32): i32 {
  return dense ? 0 : load<i32>(indptr + (<usize>j << 2));
}

/** One past the last stored position of column j: n for a dense column, indptr[j + 1] for CSC. */
// @ts-ignore: decorator
@inline
export function storedEnd(dense: bool, indptr: usize, j: i32, n: i32): i32 {
  return dense ? n : load<i32>(indptr + (<usize>j << 2), 4);
}

/**
 * The weighted gradient sum Σ_i ω_i·(x_ij − mu)·r_i of column j, where ω_i = weights[i]
 * (weights ≠ 0) or 1/n (weights = 0), given sumWR = Σ_i ω'_i·r_i with ω' = weights or 1.
 * Contiguous (`column` ≠ 0, from contiguousColumn: a dense column or a CSC column's dense copy):
 * computed element by element. CSC: the stored entries give Σ_k ω(x_k − mu)·r[i_k]; the
 * implicit zeros add −mu·(sumWR − Σ_k ω'·r[i_k]), a term that is exactly absent when the column
 * stores every row. (A run of CSC passes keeps r less a constant shift; the contiguous sum then
 * misses shift·Σ_i ω_i·(x_ij − mu), which is 0: mu is the ω-mean with an intercept, and without
 * one mu = 0 and no shift arises.)
 */
// @ts-ignore: decorator
@inline
export function columnGradient(
  column: usize, nRows: i32, values: usize, indptr: usize, rows: usize, j: i32,
  r: usize, weights: usize, mu: f64, sumWR: f64,
): f64 {
  if (weights == 0) return columnCenteredDot(column, nRows, values, indptr, rows, j, r, mu, sumWR) / <f64>nRows;
  if (column != 0) return denseWeightedCenteredDot(column, weights, r, nRows, mu);
  const start = load<i32>(indptr + (<usize>j << 2));
  const end = load<i32>(indptr + (<usize>j << 2), 4);
  let stored = cscWeightedCenteredDot(values, rows, start, end, weights, r, mu);
  if (mu != 0 && end - start != nRows) stored -= mu * (sumWR - cscGatherSum);
  return stored;
}

/**
 * Σ_i (x_ij − mu)·v_i over every row (a CSC column's implicit zeros included), given
 * sumV = Σ_i v_i: the unweighted centred dot product (`column` as in columnGradient). With observation weights ω and
 * v = ω∘r it is the weighted gradient sum with one gather per stored entry instead of two
 * (the full gradient passes precompute ω∘r once; see elasticNetDualGap.ts).
 */
// @ts-ignore: decorator
@inline
export function columnCenteredDot(
  column: usize, nRows: i32, values: usize, indptr: usize, rows: usize, j: i32, v: usize, mu: f64, sumV: f64,
): f64 {
  if (column != 0) return denseCenteredDot(column, v, nRows, mu);
  const start = load<i32>(indptr + (<usize>j << 2));
  const end = load<i32>(indptr + (<usize>j << 2), 4);
  let stored = cscCenteredDot(values, rows, start, end, v, mu);
  if (mu != 0 && end - start != nRows) stored -= mu * (sumV - cscGatherSum);
  return stored;
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
