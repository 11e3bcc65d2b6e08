import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { ColumnStats } from './columnStats.js';
import { columnGradient, cscColumnUpdate, denseCenteredAxpy, addScalar, weightedSum } from './columnOps.js';
import { softThreshold } from './softThreshold.js';
import { boundedUpdate, type PenaltyBlock } from './penalty.js';

/**
 * Pure-TS reference of assembly/gramPass.ts: columns of G̃ = X̃ᵀΩX̃ computed on first use
 * (one pass over X each) and coordinate passes that keep the gradients and Σωr² current
 * through them instead of through the residual.
 */
export class GramCache {
  readonly #columns = new Map<number, Float64Array>();
  /** Columns computed so far (each cost one pass over X). */
  computed = 0;
  /** Σωr², tracked through {@link GramCache.pass}. */
  trackedRss = 0;

  constructor(readonly X: DesignMatrix, readonly stats: ColumnStats, readonly weights: Float64Array | undefined) {}

  /** Column j of G̃: G̃_ij = invScale_i·invScale_j·Σ_r ω_r·(x_ri − mean_i)·(x_rj − mean_j). */
  column(j: number): Float64Array {
    let column = this.#columns.get(j);
    if (column) return column;
    const { X, stats, weights } = this;
    const scratch = new Float64Array(X.nRows);
    const muJ = stats.mean[j]!;
    if (X.storage instanceof Float64Array) denseCenteredAxpy(X, j, 1, scratch, muJ);
    else {
      const shift = cscColumnUpdate(X, j, 1, scratch, muJ);
      if (shift !== 0) addScalar(shift, scratch);
    }
    const sumWT = weightedSum(scratch, weights);
    const invJ = stats.invScale[j]!;
    column = new Float64Array(X.nCols);
    for (let i = 0; i < X.nCols; i++) {
      const inv = stats.invScale[i]!;
      column[i] = inv === 0 ? 0 : inv * invJ * columnGradient(X, i, scratch, weights, stats.mean[i]!, sumWT);
    }
    this.#columns.set(j, column);
    this.computed++;
    return column;
  }

  /**
   * One coordinate pass over idx[0..count) keeping g (for the features in track[0..trackCount))
   * and trackedRss current: z = g_j + a_j·w_j, w_j ← S(z, l1)/(a_j + l2); on a move δ,
   * Σωr² += δ·(a_j·δ − 2g_j) and g_i −= δ·G̃_ij. The residual is not touched. Returns max a_j·δ².
   */
  pass(
    w: Float64Array, g: Float64Array, l1: number, l2: number, idx: Int32Array, count: number, track: Int32Array, trackCount: number,
    pen?: PenaltyBlock,
  ): number {
    const { invScale, normSqOverN } = this.stats;
    let maxChange = 0;
    for (let k = 0; k < count; k++) {
      const j = idx[k]!;
      if (invScale[j] === 0) continue;
      const aj = normSqOverN[j]!;
      const wj = w[j]!;
      let wNew: number;
      if (pen === undefined) wNew = softThreshold(g[j]! + aj * wj, l1) / (aj + l2);
      else {
        const v = pen.factor[j]!;
        wNew = boundedUpdate(g[j]! + aj * wj, aj, v * l1, v * l2, pen.lower[j]!, pen.upper[j]!);
      }
      if (wNew === wj) continue;
      const delta = wNew - wj;
      w[j] = wNew;
      this.trackedRss += delta * (aj * delta - 2 * g[j]!);
      const column = this.column(j);
      for (let t = 0; t < trackCount; t++) {
        const i = track[t]!;
        g[i]! -= delta * column[i]!;
      }
      maxChange = Math.max(maxChange, aj * delta * delta);
    }
    return maxChange;
  }
}
