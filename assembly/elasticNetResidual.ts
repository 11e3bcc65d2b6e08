import { LAYOUT_DENSE, cscColumnUpdate, denseColumnCenteredAxpy } from './designColumn';
import { denseAddScalar } from './denseColumn';
import * as D from './designDescriptor';

/**
 * r = ỹ − X̃w, with X̃ the implicitly centred and scaled design (ỹ already centred
 * by the caller when an intercept is fitted). Used to start from a warm start w.
 * Dense columns are centred element by element; CSC columns update their stored
 * rows and collect the mean part in one scalar added at the end.
 */
export function elasticNetResidual(desc: usize, yc: usize, w: usize, r: usize): void {
  const layout = D.dLayout(desc), n = D.dRows(desc), p = D.dCols(desc);
  const values = D.dValues(desc), indptr = D.dIndptr(desc), rows = D.dRowIdx(desc);
  const mean = D.dMean(desc), invScale = D.dInvScale(desc);
  memory.copy(r, yc, <usize>n << 3);
  let shift: f64 = 0;
  for (let j: i32 = 0; j < p; j++) {
    const o = <usize>j << 3;
    const inv = load<f64>(invScale + o);
    const wj = load<f64>(w + o);
    if (inv == 0 || wj == 0) continue;
    const a = wj * inv;
    const mu = load<f64>(mean + o);
    if (layout == LAYOUT_DENSE) {
      denseColumnCenteredAxpy(n, values, j, -a, r, mu);
    } else {
      shift += cscColumnUpdate(n, indptr, values, rows, j, -a, r, mu);
    }
  }
  if (shift != 0) denseAddScalar(shift, r, n);
}
