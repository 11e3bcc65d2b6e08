import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { ColumnStats } from './columnStats.js';
import { addScalar, columnGradient, cscColumnUpdate, denseCenteredAxpy, weightedSum } from './columnOps.js';
import { softThreshold } from './softThreshold.js';
import { boundedUpdate, type PenaltyBlock } from './penalty.js';

/**
 * A run of cyclic coordinate-descent passes (pure-TS reference of `beginPasses`,
 * `coordinatePass` and `endPasses` in assembly/coordinatePass.ts) for
 *
 *   F(w) = ½Σ_i ω_i·r_i² + l1‖w‖₁ + (l2/2)‖w‖²,   r = ỹ − X̃w,   x̃_j = (x_j − mean_j)·invScale_j,
 *
 * with ω_i = weights[i] (Σ = 1) or 1/n. On CSC data the run keeps two numbers across passes, so
 * a pass over a few columns costs only their non-zeros: the stored residual is r_true − shift·1,
 * and sumWR = Σ_i ω'_i·r_i of the stored r (ω' = weights, or 1). Dense data needs neither.
 *
 * @example
 * ```ts
 * const passes = new CoordinatePasses(X, stats);
 * passes.begin(r);
 * while (passes.pass(w, l1, l2) > tol);
 * passes.end(); // r is the true residual again
 * ```
 */
export class CoordinatePasses {
  readonly #X: DesignMatrix;
  readonly #stats: ColumnStats;
  readonly #weights: Float64Array | undefined;
  readonly #dense: boolean;
  /** Σ of ω' over all rows: 1 with weights, n without (the Σω'r change of a centred full-column update). */
  readonly #weightTotal: number;
  #r: Float64Array | undefined;
  #shift = 0;
  #sumWR = 0;

  constructor(X: DesignMatrix, stats: ColumnStats, weights?: Float64Array) {
    this.#X = X;
    this.#stats = stats;
    this.#weights = weights;
    this.#dense = X.storage instanceof Float64Array;
    this.#weightTotal = weights === undefined ? X.nRows : 1;
  }

  /** Starts a run of passes on the true residual r (updated in place until {@link end}); CSC: exact Σω'r. */
  begin(r: Float64Array): void {
    this.#r = r;
    this.#shift = 0;
    if (!this.#dense) this.#sumWR = weightedSum(r, this.#weights);
  }

  /**
   * One pass over the columns idx[0..count) (all columns in order when idx is undefined). For each
   * non-excluded j, with a_j = Σ_i ω_i·x̃_ij² (stats.normSqOverN):
   *
   *   g_j = invScale_j·Σ_i ω_i·(x_ij − mean_j)·r_i,   w_j ← S(g_j + a_j·w_j, l1) / (a_j + l2),
   *
   * and r −= δ_j·x̃_j only when w_j moved. Returns max_j a_j·δ_j² over the pass. With penalty
   * options the update is w_j ← clip(S(g_j + a_j·w_j, v_j·l1)/(a_j + v_j·l2), L_j, U_j).
   */
  pass(w: Float64Array, l1: number, l2: number, idx?: Int32Array, count: number = idx?.length ?? this.#X.nCols, pen?: PenaltyBlock): number {
    const r = this.#r;
    if (r === undefined) throw new Error('CoordinatePasses.pass() outside begin() … end()');
    const X = this.#X;
    const { mean, invScale, colSum, normSqOverN } = this.#stats;
    let maxChange = 0;
    for (let k = 0; k < count; k++) {
      const j = idx === undefined ? k : idx[k]!;
      const inv = invScale[j]!;
      if (inv === 0) continue;
      const mu = mean[j]!;
      const aj = normSqOverN[j]!;
      const wj = w[j]!;
      const gj = inv * columnGradient(X, j, r, this.#weights, mu, this.#sumWR);
      let wNew: number;
      if (pen === undefined) wNew = softThreshold(gj + aj * wj, l1) / (aj + l2);
      else {
        const v = pen.factor[j]!;
        wNew = boundedUpdate(gj + aj * wj, aj, v * l1, v * l2, pen.lower[j]!, pen.upper[j]!);
      }
      if (wNew !== wj) {
        const delta = wNew - wj;
        w[j] = wNew;
        const a = delta * inv;
        if (this.#dense) {
          denseCenteredAxpy(X, j, -a, r, mu);
        } else {
          const s = cscColumnUpdate(X, j, -a, r, mu);
          this.#shift += s;
          // Σω'r moves by −a·Σ_k ω'x_k on the stored rows, plus a·mu·Σω' for a full (centred) column.
          this.#sumWR -= a * colSum[j]! + (s === 0 ? -a * mu * this.#weightTotal : 0);
        }
        const change = aj * delta * delta;
        if (change > maxChange) maxChange = change;
      }
    }
    return maxChange;
  }

  /** Ends the run: folds the CSC shift back, so r is the true residual again. */
  end(): void {
    if (this.#r !== undefined && this.#shift !== 0) addScalar(this.#shift, this.#r);
    this.#shift = 0;
    this.#r = undefined;
  }
}
