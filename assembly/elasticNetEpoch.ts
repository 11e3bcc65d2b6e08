import { beginPasses, coordinatePass, endPasses } from './coordinatePass';
import * as D from './designDescriptor';

/**
 * One cyclic coordinate-descent epoch over all features (see coordinatePass.ts for
 * the update and the implicit centring); r is the true residual before and after.
 * Returns max_j a_j·δ_j², the largest per-coordinate decrease scale of the pass.
 */
export function elasticNetEpoch(desc: usize, r: usize, w: usize, l1: f64, l2: f64): f64 {
  beginPasses(desc, r);
  const change = coordinatePass(desc, r, w, l1, l2, 0, D.dCols(desc), 0);
  endPasses(desc, r);
  return change;
}
