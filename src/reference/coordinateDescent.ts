import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { ColumnStats } from './columnStats.js';
import { addScalar, cscColumnUpdate, denseCenteredAxpy } from './columnOps.js';
import { CoordinatePasses } from './coordinatePass.js';
import { elasticNetDualGap, type GapCertificate } from './elasticNetDualGap.js';

/** A full duality-gap check every this many epochs at the latest (as in the WASM kernel). */
export const GAP_CHECK_INTERVAL = 10;

/**
 * r = ỹ − X̃w = ỹ − Σ_j w_j·invScale_j·(x_j − mean_j) (pure-TS reference of the
 * `elasticNetResidual` kernel); CSC columns collect their mean part in one scalar shift.
 */
export function elasticNetResidual(X: DesignMatrix, stats: ColumnStats, yc: Float64Array, w: Float64Array): Float64Array {
  const r = Float64Array.from(yc);
  const dense = X.storage instanceof Float64Array;
  let shift = 0;
  for (let j = 0; j < X.nCols; j++) {
    const inv = stats.invScale[j]!;
    if (inv === 0 || w[j] === 0) continue;
    const a = w[j]! * inv;
    const mu = stats.mean[j]!;
    if (dense) denseCenteredAxpy(X, j, -a, r, mu);
    else shift += cscColumnUpdate(X, j, -a, r, mu);
  }
  if (shift !== 0) addScalar(shift, r);
  return r;
}

/**
 * One cyclic coordinate-descent epoch over all features (pure-TS reference of `elasticNetEpoch`):
 * w_j ← S(g_j + a_j·w_j, l1) / (a_j + l2) with g_j = Σ_i ω_i·x̃_ij·r_i (ω_i = weights[i], or 1/n),
 * the residual updated only when w_j moves; see {@link CoordinatePasses}. r is the true residual
 * before and after. Returns max_j a_j·δ_j².
 */
export function elasticNetEpoch(
  X: DesignMatrix, stats: ColumnStats, r: Float64Array, w: Float64Array, l1: number, l2: number, weights?: Float64Array,
): number {
  const passes = new CoordinatePasses(X, stats, weights);
  passes.begin(r);
  const change = passes.pass(w, l1, l2);
  passes.end();
  return change;
}

/**
 * Coordinate descent to a duality-gap certificate (pure-TS reference of `elasticNetFit`) on
 * F(w) = ½Σ_i ω_i·r_i² + l1‖w‖₁ + (l2/2)‖w‖², with the same gap-check schedule: the gap is
 * evaluated after an epoch whose largest a_j·δ_j² is ≤ gapTolerance, every
 * {@link GAP_CHECK_INTERVAL} epochs and after the last one; a warm start is checked first.
 * Updates w in place; returns epochs and the last certificate.
 */
export function elasticNetFit(
  X: DesignMatrix, stats: ColumnStats, yc: Float64Array, w: Float64Array,
  l1: number, l2: number, gapTolerance: number, maxEpochs: number, weights?: Float64Array,
): { epochs: number; certificate: GapCertificate } {
  const r = elasticNetResidual(X, stats, yc, w);
  let certificate: GapCertificate = { primal: NaN, dual: NaN, gap: Infinity };
  const warm = w.some((v) => v !== 0);
  if (warm || maxEpochs === 0) {
    certificate = elasticNetDualGap(X, stats, r, w, l1, l2, weights);
    if (certificate.gap <= gapTolerance || maxEpochs === 0) return { epochs: 0, certificate };
  }
  let epoch = 0;
  while (epoch < maxEpochs) {
    const maxChange = elasticNetEpoch(X, stats, r, w, l1, l2, weights);
    epoch++;
    if (maxChange <= gapTolerance || epoch % GAP_CHECK_INTERVAL === 0 || epoch === maxEpochs) {
      certificate = elasticNetDualGap(X, stats, r, w, l1, l2, weights);
      if (certificate.gap <= gapTolerance) break;
    }
  }
  return { epochs: epoch, certificate };
}
