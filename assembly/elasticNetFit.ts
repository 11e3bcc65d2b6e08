import { elasticNetResidual } from './elasticNetResidual';
import { elasticNetEpoch } from './elasticNetEpoch';
import { elasticNetDualGap } from './elasticNetDualGap';
import * as D from './designDescriptor';

/** A full duality-gap check every this many epochs at the latest. */
const GAP_CHECK_INTERVAL: i32 = 10;

/**
 * Cyclic coordinate descent to a duality-gap certificate, entirely inside WASM.
 * Starts from w (warm start; zeros for a cold start), computes r = ỹ − X̃w, then
 * runs epochs. The gap (one extra pass over X) is evaluated after an epoch in
 * which no coordinate decreased the objective by more than gapTol, every
 * GAP_CHECK_INTERVAL epochs, and after the last allowed epoch. Stops as soon as
 * gap ≤ gapTol (absolute; the façade passes tol · F(0)).
 *
 * Writes out[0] = primal, out[1] = dual, out[2] = gap (out holds 9 doubles); returns the number of epochs.
 */
export function elasticNetFit(
  desc: usize, yc: usize, r: usize, w: usize,
  l1: f64, l2: f64, gapTol: f64, maxEpochs: i32, out: usize,
): i32 {
  elasticNetResidual(desc, yc, w, r);
  const p = D.dCols(desc);
  let warm = false;
  for (let j: i32 = 0; j < p; j++) {
    if (load<f64>(w + (<usize>j << 3)) != 0) { warm = true; break; }
  }
  if (warm || maxEpochs == 0) {
    if (elasticNetDualGap(desc, r, w, l1, l2, out) <= gapTol || maxEpochs == 0) return 0;
  }
  let epoch: i32 = 0;
  while (epoch < maxEpochs) {
    const maxChange = elasticNetEpoch(desc, r, w, l1, l2);
    epoch++;
    if (maxChange <= gapTol || epoch % GAP_CHECK_INTERVAL == 0 || epoch == maxEpochs) {
      if (elasticNetDualGap(desc, r, w, l1, l2, out) <= gapTol) break;
    }
  }
  return epoch;
}
