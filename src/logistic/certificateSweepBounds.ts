import type { DesignMatrix } from '../matrix/DesignMatrix.js';

/** Columns whose bound stays below this fraction of l1 are not swept. */
const SKIP_BELOW = 0.9;
/** A restricted sweep is planned only while it reads at most this share of X's stored entries. */
const MAX_SHARE = 0.7;
/** Columns per block: a block whose largest |x̃_jᵀθ_a| and ‖x̃_j‖_ν keep it below the cutoff is skipped whole. */
const BLOCK = 64;

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
 * Planning costs O(p/64) plus 64 per block it cannot skip whole (a block bound from the largest
 * |x̃_jᵀθ_a| and ‖x̃_j‖_ν of its 64 columns): on text data the rare columns cluster in blocks.
 */
export class CertificateSweepBounds {
  readonly #norms: Float64Array;
  /** Stored entries of each column (n for dense X) and their total. */
  readonly #stored: Float64Array;
  readonly #total: number;
  /** 1/ν_i, and 0 where ν_i = 0 (such rows carry θ_i = 0). */
  readonly #inverseNu: Float64Array;
  readonly #anchorTheta: Float64Array;
  readonly #anchorG: Float64Array;
  #anchored = false;
  readonly #columns: Int32Array;
  /** Per block of BLOCK columns: the largest ‖x̃_j‖_ν and the largest |x̃_jᵀθ_a|. */
  readonly #blockNorm: Float64Array;
  readonly #blockAnchorG: Float64Array;
  /** The distance of the last plan (skippedBound's). */
  #distance = 0;

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
    this.#inverseNu = Float64Array.from(nu, (v) => (v > 0 ? 1 / v : 0));
    this.#anchorTheta = new Float64Array(X.nRows);
    this.#anchorG = new Float64Array(p);
    this.#columns = new Int32Array(p);
    const blocks = Math.ceil(p / BLOCK);
    this.#blockNorm = new Float64Array(blocks);
    this.#blockAnchorG = new Float64Array(blocks);
    for (let j = 0; j < p; j++) {
      const b = Math.floor(j / BLOCK);
      this.#blockNorm[b] = Math.max(this.#blockNorm[b]!, this.#norms[j]!);
    }
  }

  /**
   * ‖θ − θ_a‖_{1/ν} for θ = scale·v, or with `other` the larger of that and ‖other − θ_a‖_{1/ν}
   * (one pass over the rows for both dual points of a certificate).
   */
  distance(v: Float64Array, scale = 1, other?: Float64Array): number {
    const inverseNu = this.#inverseNu;
    const anchor = this.#anchorTheta;
    let sum = 0;
    let otherSum = 0;
    if (other) {
      for (let i = 0; i < inverseNu.length; i++) {
        const a = anchor[i]!;
        const d = scale * v[i]! - a;
        const e = other[i]! - a;
        sum += d * d * inverseNu[i]!;
        otherSum += e * e * inverseNu[i]!;
      }
    } else {
      for (let i = 0; i < inverseNu.length; i++) {
        const d = scale * v[i]! - anchor[i]!;
        sum += d * d * inverseNu[i]!;
      }
    }
    return Math.sqrt(Math.max(sum, otherSum));
  }

  /**
   * The columns to sweep for dual points at distances ≤ d from the anchor: the support of w and
   * every non-excluded column whose bound |x̃_jᵀθ_a| + ‖x̃_j‖_ν·d reaches 0.9·l1 (increasing), with
   * the share of X's stored entries they hold, and skippedMax: a bound on |x̃_jᵀθ| of both dual
   * points at every other column, below 0.9·l1 (a column's own bound is {@link skippedBound}).
   * Columns undefined for a full sweep (no anchor, l1 = 0, or a restricted sweep would read more
   * than 70 % of X).
   */
  plan(d: number, w: Float64Array, invScale: Float64Array, l1: number): { columns: Int32Array | undefined; share: number; skippedMax: number } {
    const full = { columns: undefined, share: 1, skippedMax: 0 };
    if (!this.#anchored || !(l1 > 0)) return full;
    this.#distance = d;
    const cutoff = SKIP_BELOW * l1;
    const anchorG = this.#anchorG;
    const norms = this.#norms;
    const stored = this.#stored;
    const columns = this.#columns;
    const blockNorm = this.#blockNorm;
    const blockAnchorG = this.#blockAnchorG;
    const p = w.length;
    let count = 0;
    let entries = 0;
    let skippedMax = 0;
    for (let b = 0; b < blockNorm.length; b++) {
      const start = b * BLOCK;
      const end = Math.min(start + BLOCK, p);
      const blockBound = blockAnchorG[b]! + blockNorm[b]! * d;
      if (blockBound < cutoff) {
        // Skipped whole unless it holds some of the support.
        let supported = false;
        for (let j = start; j < end; j++) {
          if (w[j] !== 0) {
            supported = true;
            break;
          }
        }
        if (!supported) {
          if (blockBound > skippedMax) skippedMax = blockBound;
          continue;
        }
      }
      for (let j = start; j < end; j++) {
        const bound = Math.abs(anchorG[j]!) + norms[j]! * d;
        if (w[j] !== 0 || (invScale[j] !== 0 && bound >= cutoff)) {
          columns[count++] = j;
          entries += stored[j]!;
        } else if (invScale[j] !== 0 && bound > skippedMax) skippedMax = bound;
      }
    }
    const share = entries / Math.max(this.#total, 1);
    return share > MAX_SHARE ? full : { columns: columns.subarray(0, count), share, skippedMax };
  }

  /** Column j's bound |x̃_jᵀθ_a| + ‖x̃_j‖_ν·d at the last plan's distance (for a column it skipped). */
  skippedBound(j: number): number {
    return Math.abs(this.#anchorG[j]!) + this.#norms[j]! * this.#distance;
  }

  /** A full sweep's dual point θ = scale·v and its exact correlations g become the anchor. */
  anchorAt(v: Float64Array, g: Float64Array, scale = 1): void {
    const anchorTheta = this.#anchorTheta;
    for (let i = 0; i < anchorTheta.length; i++) anchorTheta[i] = scale * v[i]!;
    this.#anchorG.set(g);
    this.#anchored = true;
    const blockAnchorG = this.#blockAnchorG;
    for (let b = 0; b < blockAnchorG.length; b++) {
      let largest = 0;
      const end = Math.min((b + 1) * BLOCK, g.length);
      for (let j = b * BLOCK; j < end; j++) largest = Math.max(largest, Math.abs(g[j]!));
      blockAnchorG[b] = largest;
    }
  }
}
