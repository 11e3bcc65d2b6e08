// Column access for a design matrix resident in linear memory, dense or CSC.
// The layout is tested once per column, never per element, so a single solver
// serves both storage forms at full speed.
import { denseDot, denseAxpy } from './denseColumn';
import { cscDot, cscAxpy } from './cscColumn';

/** Column-major dense storage: column j starts at values + 8·j·nRows. */
export const LAYOUT_DENSE: i32 = 0;
/** Compressed sparse column storage (values, row indices, column pointers). */
export const LAYOUT_CSC: i32 = 1;

/** x_jᵀ v for column j of the design matrix. */
// @ts-ignore: decorator
@inline
export function columnDot(layout: i32, nRows: i32, values: usize, indptr: usize, rows: usize, j: i32, v: usize): f64 {
  if (layout == LAYOUT_DENSE) {
    return denseDot(values + ((<usize>j * <usize>nRows) << 3), v, nRows);
  }
  const start = load<i32>(indptr + (<usize>j << 2));
  const end = load<i32>(indptr + (<usize>j << 2), 4);
  return cscDot(values, rows, start, end, v);
}

/** v += a·x_j for column j of the design matrix. */
// @ts-ignore: decorator
@inline
export function columnAxpy(layout: i32, nRows: i32, values: usize, indptr: usize, rows: usize, j: i32, a: f64, v: usize): void {
  if (layout == LAYOUT_DENSE) {
    denseAxpy(a, values + ((<usize>j * <usize>nRows) << 3), v, nRows);
    return;
  }
  const start = load<i32>(indptr + (<usize>j << 2));
  const end = load<i32>(indptr + (<usize>j << 2), 4);
  cscAxpy(a, values, rows, start, end, v);
}
