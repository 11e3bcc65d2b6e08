import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { ColumnStats } from './columnStats.js';
import { centeredColumnDot } from './columnOps.js';

/** Primal value, dual value and gap at one point. */
export interface GapCertificate {
  primal: number;
  dual: number;
  gap: number;
}

/**
 * Pure-TS reference of the `elasticNetDualGap` kernel: the duality gap of
 * F(w) = (1/(2n))‖r‖² + l1‖w‖₁ + (l2/2)‖w‖², r = ỹ − X̃w, the smaller of two gaps
 * (scikit-learn's rescaled residual on the augmented lasso, and, for l2 > 0, the
 * unconstrained elastic-net dual at θ = r/n), each written as a sum of terms that
 * vanish at the optimum (see assembly/elasticNetDualGap.ts for the formulas).
 */
export function elasticNetDualGap(
  X: DesignMatrix, stats: ColumnStats, r: Float64Array, w: Float64Array, l1: number, l2: number,
): GapCertificate {
  const n = X.nRows;
  let rr = 0;
  let sumR = 0;
  for (let i = 0; i < n; i++) {
    rr += r[i]! * r[i]!;
    sumR += r[i]!;
  }
  let corrMax = 0;
  let conj = 0;
  let wl1 = 0;
  let wl2 = 0;
  let wg = 0;
  for (let j = 0; j < X.nCols; j++) {
    const inv = stats.invScale[j]!;
    if (inv === 0) continue;
    const wj = w[j]!;
    const g = (inv * centeredColumnDot(X, j, r, stats.mean[j]!, sumR)) / n;
    wl1 += Math.abs(wj);
    wl2 += wj * wj;
    wg += wj * g;
    corrMax = Math.max(corrMax, Math.abs(g - l2 * wj));
    const excess = Math.abs(g) - l1;
    if (excess > 0) conj += excess * excess;
  }
  const primal = rr / (2 * n) + l1 * wl1 + 0.5 * l2 * wl2;
  const s = corrMax > l1 ? l1 / corrMax : 1;
  let gap = ((1 - s) * (1 - s) * rr) / (2 * n) - s * wg + l1 * wl1 + 0.5 * l2 * (1 + s * s) * wl2;
  if (l2 > 0) gap = Math.min(gap, -wg + l1 * wl1 + 0.5 * l2 * wl2 + conj / (2 * l2));
  gap = Math.max(0, gap);
  return { primal, dual: primal - gap, gap };
}
