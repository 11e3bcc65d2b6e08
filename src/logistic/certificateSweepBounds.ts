import type { DesignMatrix } from '../matrix/DesignMatrix.js';

/** Columns whose bound stays below this fraction of l1 are not swept. */
const SKIP_BELOW = 0.9;
/** A restricted sweep is planned only while it reads at most this share of X's stored entries. */
const MAX_SHARE = 0.7;

/**
 * @internal Which columns a logistic certificate must correlate. The certificate needs
 * g_j = x̃_jᵀθ for its dual points θ only to the point of knowing that |g_j| < l1 off the working
 * columns (then the gap, the dual scaling and the KKT residual are those of the full sweep). From
 * an anchor θ_a whose correlations g_a are exact (the last full sweep), Cauchy–Schwarz in the
 * ν-weighted inner product bounds every other dual point's:
 *
 *   |x̃_jᵀθ| ≤ |x̃_jᵀθ_a| + ‖x̃_j‖_ν·‖θ − θ_a‖_{1/ν},   ‖x̃_j‖²_ν = Σ_i ν_i·x̃_ij²,   ‖v‖²_{1/ν} = Σ_{ν_i > 0} v_i²/ν_i
 *
 * (rows with ν_i = 0 carry θ_i = 0). Along a path the dual points move little from λ to λ, and the
 * rare columns of text data have small norms: on the 20000×50000 text problem 27–92 % of the
 * stored entries need no sweep between refreshes. A sweep restricted to the columns whose bound
 * reaches 0.9·l1 (and the support) therefore certifies exactly as the full one; when that would
 * read more than 70 % of X's entries, the full sweep runs instead and becomes the new anchor.
 */
export class CertificateSweepBounds {
  readonly #norms: Float64Array;
  /** Stored entries of each column (n for dense X) and their total. */
  readonly #stored: Float64Array;
  readonly #total: number;
  readonly #nu: Float64Array;
  readonly #anchorTheta: Float64Array;
  readonly #anchorG: Float64Array;
  #anchored = false;
  readonly #columns: Int32Array;

  /**
   * @param normSq Σ_i ν_i·x̃_ij² per column (the session's at open), x̃ the ν-centred scaled columns
   *   the certificate's gradients use.
   */
  constructor(X: DesignMatrix, normSq: Float64Array, nu: Float64Array) {
    const p = X.nCols;
    this.#norms = new Float64Array(p);
    for (let j = 0; j < p; j++) this.#norms[j] = Math.sqrt(Math.max(normSq[j]!, 0));
    const storage = X.storage;
    this.#stored = new Float64Array(p);
    if (storage instanceof Float64Array) this.#stored.fill(X.nRows);
    else for (let j = 0; j < p; j++) this.#stored[j] = storage.indptr[j + 1]! - storage.indptr[j]!;
    this.#total = storage instanceof Float64Array ? X.nRows * p : storage.indptr[p]! - storage.indptr[0]!;
    this.#nu = nu;
    this.#anchorTheta = new Float64Array(X.nRows);
    this.#anchorG = new Float64Array(p);
    this.#columns = new Int32Array(p);
  }

  /** ‖θ − θ_a‖_{1/ν}. */
  distance(theta: Float64Array): number {
    const nu = this.#nu;
    const anchor = this.#anchorTheta;
    let sum = 0;
    for (let i = 0; i < nu.length; i++) {
      if (!(nu[i]! > 0)) continue;
      const d = theta[i]! - anchor[i]!;
      sum += (d * d) / nu[i]!;
    }
    return Math.sqrt(sum);
  }

  /**
   * The columns to sweep for dual points at distances ≤ d from the anchor: the support of w and
   * every non-excluded column whose bound |x̃_jᵀθ_a| + ‖x̃_j‖_ν·d reaches 0.9·l1 (increasing), with
   * the share of X's stored entries they hold. Every other column's bound goes into `bounds` (the
   * certificate's gradient arrays: it stands for |x̃_jᵀθ| of both dual points there), and the
   * largest of them is returned. Columns undefined for a full sweep (no anchor, l1 = 0, or a
   * restricted sweep would read more than 70 % of X; `bounds` is then left as it is).
   */
  plan(
    d: number, w: Float64Array, invScale: Float64Array, l1: number, bounds: readonly Float64Array[],
  ): { columns: Int32Array | undefined; share: number; skippedMax: number } {
    const full = { columns: undefined, share: 1, skippedMax: 0 };
    if (!this.#anchored || !(l1 > 0)) return full;
    const cutoff = SKIP_BELOW * l1;
    const anchorG = this.#anchorG;
    const norms = this.#norms;
    const stored = this.#stored;
    const columns = this.#columns;
    const [first, second] = bounds;
    let count = 0;
    let entries = 0;
    let skippedMax = 0;
    for (let j = 0; j < w.length; j++) {
      const bound = Math.abs(anchorG[j]!) + norms[j]! * d;
      if (w[j] !== 0 || (invScale[j] !== 0 && bound >= cutoff)) {
        columns[count++] = j;
        entries += stored[j]!;
        continue;
      }
      const value = invScale[j] === 0 ? 0 : bound;
      first![j] = value;
      if (second) second[j] = value;
      if (value > skippedMax) skippedMax = value;
    }
    const share = entries / Math.max(this.#total, 1);
    return share > MAX_SHARE ? full : { columns: columns.subarray(0, count), share, skippedMax };
  }

  /** A full sweep's dual point and its exact correlations become the anchor. */
  anchorAt(theta: Float64Array, g: Float64Array): void {
    this.#anchorTheta.set(theta);
    this.#anchorG.set(g);
    this.#anchored = true;
  }
}
