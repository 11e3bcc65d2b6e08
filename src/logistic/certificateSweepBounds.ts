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
 *
 * A second, recent point θ_r (the last sweep's gradient point, {@link remember}) is one λ step
 * away where the anchor may be several. What is known there of each column (|x̃_jᵀθ_r| where that
 * sweep computed it, else the bound the plan used, which covered θ_r) plus ‖x̃_j‖_ν·‖θ − θ_r‖_{1/ν}
 * bounds it again, and the smaller of the two bounds counts. On the text path restricted sweeps
 * then read a third fewer entries (passes over X 53 → 35 on the equal-objective path).
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
  /** The recent point θ_r, once there is one. */
  readonly #recentTheta: Float64Array;
  #hasRecent = false;
  /**
   * What is known at θ_r: per block, a bound on |x̃_jᵀθ_r| over its columns, and whether its
   * columns have their own (then in #recentBound). The next plan writes the same for the point it
   * plans for into the pending copies, which {@link remember} commits.
   */
  #recentBound: Float64Array;
  #recentBlockBound: Float64Array;
  #recentPerColumn: Uint8Array;
  #pendingBound: Float64Array;
  #pendingBlockBound: Float64Array;
  #pendingPerColumn: Uint8Array;

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
    this.#recentTheta = new Float64Array(X.nRows);
    this.#anchorG = new Float64Array(p);
    this.#columns = new Int32Array(p);
    const blocks = Math.ceil(p / BLOCK);
    this.#blockNorm = new Float64Array(blocks);
    this.#blockAnchorG = new Float64Array(blocks);
    largestPerBlock(this.#norms, this.#blockNorm);
    this.#recentBound = new Float64Array(p);
    this.#pendingBound = new Float64Array(p);
    this.#recentBlockBound = new Float64Array(blocks);
    this.#pendingBlockBound = new Float64Array(blocks);
    this.#recentPerColumn = new Uint8Array(blocks);
    this.#pendingPerColumn = new Uint8Array(blocks);
  }

  /**
   * ‖θ − θ_a‖_{1/ν} for θ = scale·v, or with `other` the larger of that and ‖other − θ_a‖_{1/ν};
   * and the same from the recent point θ_r (+∞ without one): one pass over the rows for both dual
   * points of a certificate and both reference points.
   */
  distance(v: Float64Array, scale = 1, other?: Float64Array): { anchor: number; recent: number } {
    const inverseNu = this.#inverseNu;
    const anchor = this.#anchorTheta;
    const recent = this.#recentTheta;
    let fromAnchor = 0;
    let fromRecent = 0;
    let otherFromAnchor = 0;
    let otherFromRecent = 0;
    for (let i = 0; i < inverseNu.length; i++) {
      const weight = inverseNu[i]!;
      const x = scale * v[i]!;
      const a = anchor[i]!;
      const r = recent[i]!;
      fromAnchor += (x - a) * (x - a) * weight;
      fromRecent += (x - r) * (x - r) * weight;
      if (other) {
        const y = other[i]!;
        otherFromAnchor += (y - a) * (y - a) * weight;
        otherFromRecent += (y - r) * (y - r) * weight;
      }
    }
    return {
      anchor: Math.sqrt(Math.max(fromAnchor, otherFromAnchor)),
      recent: this.#hasRecent ? Math.sqrt(Math.max(fromRecent, otherFromRecent)) : Infinity,
    };
  }

  /**
   * The columns to sweep for dual points at distances ≤ d.anchor from the anchor and ≤ d.recent
   * from the recent point: the support of w and every non-excluded column whose bound reaches
   * 0.9·l1, increasing, with the share of X's stored entries they hold, and skippedMax: a bound on
   * |x̃_jᵀθ| of both dual points at every other column, below 0.9·l1 (a column's own bound is
   * {@link skippedBound}, once {@link remember} has committed the plan). A column's bound is the
   * smaller of |x̃_jᵀθ_a| + ‖x̃_j‖_ν·d.anchor and what is known at θ_r + ‖x̃_j‖_ν·d.recent.
   * Columns undefined for a full sweep (no anchor, l1 = 0, or a restricted sweep would read more
   * than 70 % of X).
   */
  plan(
    d: { anchor: number; recent: number }, w: Float64Array, invScale: Float64Array, l1: number,
  ): { columns: Int32Array | undefined; share: number; skippedMax: number } {
    const full = { columns: undefined, share: 1, skippedMax: 0 };
    if (!this.#anchored || !(l1 > 0)) return full;
    // (Without a recent point, or at an infinite distance from it, only the anchor bounds.)
    const useRecent = this.#hasRecent && Number.isFinite(d.recent);
    const cutoff = SKIP_BELOW * l1;
    const anchorG = this.#anchorG;
    const norms = this.#norms;
    const stored = this.#stored;
    const columns = this.#columns;
    const blockNorm = this.#blockNorm;
    const blockAnchorG = this.#blockAnchorG;
    const known = this.#recentBound;
    const knownBlock = this.#recentBlockBound;
    const knownPerColumn = this.#recentPerColumn;
    const next = this.#pendingBound;
    const nextBlock = this.#pendingBlockBound;
    const nextPerColumn = this.#pendingPerColumn;
    const p = w.length;
    let count = 0;
    let entries = 0;
    let skippedMax = 0;
    for (let b = 0; b < blockNorm.length; b++) {
      const start = b * BLOCK;
      const end = Math.min(start + BLOCK, p);
      const fromAnchorBlock = blockAnchorG[b]! + blockNorm[b]! * d.anchor;
      const blockBound = useRecent ? Math.min(fromAnchorBlock, knownBlock[b]! + blockNorm[b]! * d.recent) : fromAnchorBlock;
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
          nextBlock[b] = blockBound;
          nextPerColumn[b] = 0;
          continue;
        }
      }
      // (The block's largest bound among its skipped columns; remember adds the swept ones.)
      let blockLargest = 0;
      for (let j = start; j < end; j++) {
        const fromAnchor = Math.abs(anchorG[j]!) + norms[j]! * d.anchor;
        const bound = useRecent ? Math.min(fromAnchor, (knownPerColumn[b] ? known[j]! : knownBlock[b]!) + norms[j]! * d.recent) : fromAnchor;
        if (w[j] !== 0 || (invScale[j] !== 0 && bound >= cutoff)) {
          columns[count++] = j;
          entries += stored[j]!;
          continue;
        }
        const value = invScale[j] === 0 ? 0 : bound;
        next[j] = value;
        if (value > blockLargest) blockLargest = value;
      }
      if (blockLargest > skippedMax) skippedMax = blockLargest;
      nextBlock[b] = blockLargest;
      nextPerColumn[b] = 1;
    }
    const share = entries / Math.max(this.#total, 1);
    return share > MAX_SHARE ? full : { columns: columns.subarray(0, count), share, skippedMax };
  }

  /**
   * Column j's bound on |x̃_jᵀθ| at the last remembered sweep's dual points, for a column that
   * sweep skipped (the plan's).
   */
  skippedBound(j: number): number {
    const b = Math.floor(j / BLOCK);
    return this.#recentPerColumn[b] ? this.#recentBound[j]! : this.#recentBlockBound[b]!;
  }

  /**
   * The sweep just made, of the columns the last plan listed (undefined: all), whose exact
   * gradients g (x̃_jᵀθ for θ = scale·v) the caller computed: θ becomes the recent point, and what
   * is known there is |g_j| on those columns and the plan's bounds elsewhere.
   */
  remember(v: Float64Array, scale: number, g: Float64Array, columns: Int32Array | undefined): void {
    const recent = this.#recentTheta;
    for (let i = 0; i < recent.length; i++) recent[i] = scale * v[i]!;
    this.#hasRecent = true;
    if (columns === undefined) {
      // Every column computed.
      const known = this.#pendingBound;
      for (let j = 0; j < known.length; j++) known[j] = Math.abs(g[j]!);
      largestPerBlock(known, this.#pendingBlockBound);
      this.#pendingPerColumn.fill(1);
    } else {
      for (const j of columns) {
        const a = Math.abs(g[j]!);
        this.#pendingBound[j] = a;
        const b = Math.floor(j / BLOCK);
        if (a > this.#pendingBlockBound[b]!) this.#pendingBlockBound[b] = a;
      }
    }
    [this.#recentBound, this.#pendingBound] = [this.#pendingBound, this.#recentBound];
    [this.#recentBlockBound, this.#pendingBlockBound] = [this.#pendingBlockBound, this.#recentBlockBound];
    [this.#recentPerColumn, this.#pendingPerColumn] = [this.#pendingPerColumn, this.#recentPerColumn];
  }

  /** A full sweep's dual point θ = scale·v and its exact correlations g become the anchor. */
  anchorAt(v: Float64Array, g: Float64Array, scale = 1): void {
    const anchorTheta = this.#anchorTheta;
    for (let i = 0; i < anchorTheta.length; i++) anchorTheta[i] = scale * v[i]!;
    this.#anchorG.set(g);
    this.#anchored = true;
    largestPerBlock(g, this.#blockAnchorG);
  }
}

/** into[b] = max |values_j| over block b's columns (BLOCK of them; the last block may be shorter). */
function largestPerBlock(values: Float64Array, into: Float64Array): void {
  for (let b = 0; b < into.length; b++) {
    let largest = 0;
    const end = Math.min((b + 1) * BLOCK, values.length);
    for (let j = b * BLOCK; j < end; j++) largest = Math.max(largest, Math.abs(values[j]!));
    into[b] = largest;
  }
}
