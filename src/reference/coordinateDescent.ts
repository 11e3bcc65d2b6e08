import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { ColumnStats } from './columnStats.js';
import { centeredColumnDot, cscColumnUpdate, denseCenteredAxpy } from './columnOps.js';
import { softThreshold } from './softThreshold.js';
import { elasticNetDualGap, type GapCertificate } from './elasticNetDualGap.js';

/** A full duality-gap check every this many epochs at the latest (as in the WASM kernel). */
export const GAP_CHECK_INTERVAL = 10;

/** r = ỹ − X̃w (pure-TS reference of the `elasticNetResidual` kernel). */
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
  if (shift !== 0) for (let i = 0; i < r.length; i++) r[i]! += shift;
  return r;
}

/**
 * One cyclic coordinate-descent epoch (pure-TS reference of `elasticNetEpoch`):
 * w_j ← S(x̃_jᵀr/n + a_j·w_j, l1) / (a_j + l2), residual updated only when w_j moves.
 * Dense columns are centred element by element; CSC columns update their stored rows
 * and keep the mean part in a scalar shift, with Σr tracked for the gradient.
 * Returns max_j a_j·δ_j².
 */
export function elasticNetEpoch(X: DesignMatrix, stats: ColumnStats, r: Float64Array, w: Float64Array, l1: number, l2: number): number {
  const n = X.nRows;
  const dense = X.storage instanceof Float64Array;
  let shift = 0;
  let sumR = 0;
  if (!dense) for (let i = 0; i < n; i++) sumR += r[i]!;
  let maxChange = 0;
  for (let j = 0; j < X.nCols; j++) {
    const inv = stats.invScale[j]!;
    if (inv === 0) continue;
    const mu = stats.mean[j]!;
    const aj = stats.normSqOverN[j]!;
    const wj = w[j]!;
    const z = (inv * centeredColumnDot(X, j, r, mu, sumR)) / n + aj * wj;
    const wNew = softThreshold(z, l1) / (aj + l2);
    if (wNew !== wj) {
      const delta = wNew - wj;
      w[j] = wNew;
      const a = delta * inv;
      if (dense) denseCenteredAxpy(X, j, -a, r, mu);
      else {
        const s = cscColumnUpdate(X, j, -a, r, mu);
        shift += s;
        // Σr moves by −a·Σ_k x_k on the stored rows, plus a·mu·n for a full (centred) column.
        sumR -= a * stats.colSum[j]! + (s === 0 ? -a * mu * n : 0);
      }
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
