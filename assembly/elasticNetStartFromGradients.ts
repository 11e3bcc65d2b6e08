import { elasticNetResidual } from './elasticNetResidual';
import { gapFromGradients, weightedRss } from './elasticNetDualGap';
import * as D from './designDescriptor';

/**
 * Starts a session's solve at w when the gradients g_j = Σ_i ω_i·x̃_ij·r_i at w are already
 * known (the logistic solver gets them with the column statistics of a Newton step, in the same
 * sweep over X): r = ỹ − X̃w over the non-zero columns of w only (skipped with residualHolds,
 * when r already is that residual: the caller re-certifies the same point for a new penalty),
 * then the duality gap from the given g (no pass over X), over every column or only the `count`
 * listed at `columns` (i32; 0 = every column: a problem restricted to those). Writes the out block
 * like elasticNetGradientAndGap; returns the gap.
 */
export function elasticNetStartFromGradients(
  desc: usize, yc: usize, w: usize, r: usize, l1: f64, l2: f64, g: usize, out: usize, pen: usize, residualHolds: bool,
  columns: usize, count: i32,
): f64 {
  if (!residualHolds) elasticNetResidual(desc, yc, w, r);
  const rrW = weightedRss(r, D.dWeights(desc), D.dRows(desc));
  return gapFromGradients(desc, w, l1, l2, g, columns, columns == 0 ? D.dCols(desc) : count, rrW, out, pen);
}
