import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { ColumnStats } from './columnStats.js';
import { columnDot, columnAxpy } from './columnOps.js';
import { softThreshold } from './softThreshold.js';
import { elasticNetDualGap, type GapCertificate } from './elasticNetDualGap.js';

/** A full duality-gap check every this many epochs at the latest (as in the WASM kernel). */
export const GAP_CHECK_INTERVAL = 10;

/** r = ỹ − X̃w (pure-TS reference of the `elasticNetResidual` kernel). */
export function elasticNetResidual(X: DesignMatrix, stats: ColumnStats, yc: Float64Array, w: Float64Array): Float64Array {
  const r = Float64Array.from(yc);
  let shift = 0;
  for (let j = 0; j < X.nCols; j++) {
    const inv = stats.invScale[j]!;
    if (inv === 0 || w[j] === 0) continue;
    const a = w[j]! * inv;
    columnAxpy(X, j, -a, r);
    shift += a * stats.mean[j]!;
  }
  if (shift !== 0) for (let i = 0; i < r.length; i++) r[i]! += shift;
  return r;
}

/**
 * One cyclic coordinate-descent epoch (pure-TS reference of `elasticNetEpoch`):
 * w_j ← S(x̃_jᵀr/n + a_j·w_j, l1) / (a_j + l2), residual updated only when w_j moves,
 * centring applied through a scalar shift so sparse columns stay sparse.
 * Returns max_j a_j·δ_j².
 */
export function elasticNetEpoch(X: DesignMatrix, stats: ColumnStats, r: Float64Array, w: Float64Array, l1: number, l2: number): number {
  const n = X.nRows;
  let shift = 0;
  let maxChange = 0;
  for (let j = 0; j < X.nCols; j++) {
    const inv = stats.invScale[j]!;
    if (inv === 0) continue;
    const aj = stats.normSqOverN[j]!;
    const wj = w[j]!;
    const xr = columnDot(X, j, r) + shift * stats.colSum[j]!;
    const z = (inv * xr) / n + aj * wj;
    const wNew = softThreshold(z, l1) / (aj + l2);
    if (wNew !== wj) {
      const delta = wNew - wj;
      w[j] = wNew;
      const a = delta * inv;
      columnAxpy(X, j, -a, r);
      shift += a * stats.mean[j]!;
      maxChange = Math.max(maxChange, aj * delta * delta);
    }
  }
  if (shift !== 0) for (let i = 0; i < n; i++) r[i]! += shift;
  return maxChange;
}

/**
 * Coordinate descent to a duality-gap certificate (pure-TS reference of `elasticNetFit`),
 * with the same gap-check schedule. Updates w in place; returns epochs and the last certificate.
 */
export function elasticNetFit(
  X: DesignMatrix, stats: ColumnStats, yc: Float64Array, w: Float64Array,
  l1: number, l2: number, gapTolerance: number, maxEpochs: number,
): { epochs: number; certificate: GapCertificate } {
  const r = elasticNetResidual(X, stats, yc, w);
  let certificate: GapCertificate = { primal: NaN, dual: NaN, gap: Infinity };
  const warm = w.some((v) => v !== 0);
  if (warm || maxEpochs === 0) {
    certificate = elasticNetDualGap(X, stats, r, w, l1, l2);
    if (certificate.gap <= gapTolerance || maxEpochs === 0) return { epochs: 0, certificate };
  }
  let epoch = 0;
  while (epoch < maxEpochs) {
    const maxChange = elasticNetEpoch(X, stats, r, w, l1, l2);
    epoch++;
    if (maxChange <= gapTolerance || epoch % GAP_CHECK_INTERVAL === 0 || epoch === maxEpochs) {
      certificate = elasticNetDualGap(X, stats, r, w, l1, l2);
      if (certificate.gap <= gapTolerance) break;
    }
  }
  return { epochs: epoch, certificate };
}
