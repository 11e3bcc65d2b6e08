// Correlations of one or two row vectors with every column of X: the full gradient sweep of a
// proximal Newton step's certificate (src/logistic/binomialNewtonSolver.ts), which needs no
// column statistics. Mirrored by ElasticNetSession.correlate in src/engine/jsSession.ts.
import { LAYOUT_DENSE, storedEnd, storedStart } from './designColumn';
import { cscDot } from './cscColumn';
import { denseDot } from './denseColumn';
import * as D from './designDescriptor';

/**
 * corr_j = Σ_i v_i·x_ij over the raw columns, for every column j with invScale_j ≠ 0 (0 for
 * the excluded ones) — or only for the `count` columns listed at `columns` (i32; 0 = every
 * column; the others' entries are left as they are) — in one sweep. With `two`, the vectors are
 * read as interleaved pairs (v_i, v'_i) at `vectors` (2n doubles) and corr2_j = Σ_i v'_i·x_ij is
 * written too: a CSC entry then costs one 16-byte gather, the two sums running as the lanes of an
 * f64x2. Without `two`, `vectors` holds v alone (n doubles) and corr2 is not written.
 */
export function columnCorrelations(desc: usize, vectors: usize, two: bool, corr: usize, corr2: usize, columns: usize, count: i32): void {
  const layout = D.dLayout(desc), n = D.dRows(desc), p = D.dCols(desc);
  const values = D.dValues(desc), indptr = D.dIndptr(desc), rows = D.dRowIdx(desc);
  const invScale = D.dInvScale(desc);
  const dense = layout == LAYOUT_DENSE;
  const listed: i32 = columns == 0 ? p : count;
  for (let k0: i32 = 0; k0 < listed; k0++) {
    const j: i32 = columns == 0 ? k0 : load<i32>(columns + (<usize>k0 << 2));
    const o = <usize>j << 3;
    if (load<f64>(invScale + o) == 0) {
      store<f64>(corr + o, 0);
      if (two) store<f64>(corr2 + o, 0);
      continue;
    }
    const start = storedStart(dense, indptr, j), end = storedEnd(dense, indptr, j, n);
    const col = values + ((<usize>j * <usize>n) << 3);
    if (!two) {
      store<f64>(corr + o, dense ? denseDot(col, vectors, n) : cscDot(values, rows, start, end, vectors));
      continue;
    }
    let dot: f64 = 0, dot2: f64 = 0;
    if (ASC_FEATURE_SIMD) {
      let acc0 = f64x2.splat(0), acc1 = f64x2.splat(0);
      let k = start;
      const end2 = start + ((end - start) & ~1);
      if (dense) {
        for (; k < end2; k += 2) {
          acc0 = f64x2.add(acc0, f64x2.mul(v128.load(vectors + (<usize>k << 4)), f64x2.splat(load<f64>(col + (<usize>k << 3)))));
          acc1 = f64x2.add(acc1, f64x2.mul(v128.load(vectors + (<usize>k << 4), 16), f64x2.splat(load<f64>(col + (<usize>k << 3), 8))));
        }
        if (k < end) acc0 = f64x2.add(acc0, f64x2.mul(v128.load(vectors + (<usize>k << 4)), f64x2.splat(load<f64>(col + (<usize>k << 3)))));
      } else {
        for (; k < end2; k += 2) {
          const pr = rows + (<usize>k << 2);
          acc0 = f64x2.add(acc0, f64x2.mul(v128.load(vectors + (<usize>load<i32>(pr) << 4)), f64x2.splat(load<f64>(values + (<usize>k << 3)))));
          acc1 = f64x2.add(acc1, f64x2.mul(v128.load(vectors + (<usize>load<i32>(pr, 4) << 4)), f64x2.splat(load<f64>(values + (<usize>k << 3), 8))));
        }
        if (k < end) {
          const i0 = <usize>load<i32>(rows + (<usize>k << 2));
          acc0 = f64x2.add(acc0, f64x2.mul(v128.load(vectors + (i0 << 4)), f64x2.splat(load<f64>(values + (<usize>k << 3)))));
        }
      }
      const acc = f64x2.add(acc0, acc1);
      dot = f64x2.extract_lane(acc, 0);
      dot2 = f64x2.extract_lane(acc, 1);
    } else {
      for (let q = start; q < end; q++) {
        const i = dense ? q : load<i32>(rows + (<usize>q << 2));
        const x = dense ? load<f64>(col + (<usize>q << 3)) : load<f64>(values + (<usize>q << 3));
        dot += load<f64>(vectors + (<usize>i << 4)) * x;
        dot2 += load<f64>(vectors + (<usize>i << 4), 8) * x;
      }
    }
    store<f64>(corr + o, dot);
    store<f64>(corr2 + o, dot2);
  }
}
