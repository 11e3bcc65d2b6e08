import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { ColumnStats } from './columnStats.js';
import { addScalar, cscColumnUpdate, denseCenteredAxpy } from './columnOps.js';
import { weightedRss } from './elasticNetDualGap.js';
import type { PenaltyBlock } from './penalty.js';

/** Iterates combined per extrapolation (as the kernel). */
export const ANDERSON_DEPTH = 5;

/** Relative improvement an extrapolation must bring to be kept (as the kernel). */
const ACCEPT_MARGIN = 1e-12;
/** Below this relative movement of the iterates Anderson is not attempted (as the kernel). */
const MIN_RELATIVE_MOVE = 1e-10;

/**
 * Pure-TS reference of assembly/andersonAcceleration.ts: keeps the last ANDERSON_DEPTH + 1
 * iterates of the active features and extrapolates them (Bertrand & Massias 2021):
 * c = z/Σz with (UᵀU + 1e-10·tr(UᵀU)·I)z = 1, U_t = w^{t+1} − w^t, new w = Σ_t c_t·w^{t+1},
 * kept only if it lowers ½Σωr² + l1‖w‖₁ + (l2/2)‖w‖² by more than 1e-12 of its value.
 */
export class AndersonAcceleration {
  readonly #history: Float64Array[] = [];

  /** Records w on idx[0..count) as iterate t. */
  record(w: Float64Array, idx: Int32Array, count: number, t: number): void {
    const row = new Float64Array(count);
    for (let k = 0; k < count; k++) row[k] = w[idx[k]!]!;
    this.#history[t] = row;
  }

  /**
   * Extrapolates from the K + 1 recorded iterates; r must be the true residual at w = w^K.
   * Returns whether the extrapolation was kept (else w and r are unchanged).
   */
  step(
    X: DesignMatrix, stats: ColumnStats, r: Float64Array, w: Float64Array, l1: number, l2: number,
    idx: Int32Array, count: number, weights: Float64Array | undefined, pen?: PenaltyBlock,
  ): boolean {
    const K = ANDERSON_DEPTH;
    if (count === 0) return false;
    const h = this.#history;
    const gram: number[][] = Array.from({ length: K }, () => new Array<number>(K).fill(0));
    for (let a = 0; a < K; a++) {
      for (let b = a; b < K; b++) {
        let s = 0;
        for (let k = 0; k < count; k++) s += (h[a + 1]![k]! - h[a]![k]!) * (h[b + 1]![k]! - h[b]![k]!);
        gram[a]![b] = s;
        gram[b]![a] = s;
      }
    }
    let trace = 0;
    for (let a = 0; a < K; a++) trace += gram[a]![a]!;
    // Iterates that move by less than 1e-10 of ‖w‖ differ only by rounding: nothing to extrapolate.
    let wNormSq = 0;
    for (let k = 0; k < count; k++) wNormSq += h[K]![k]! * h[K]![k]!;
    if (trace <= MIN_RELATIVE_MOVE * MIN_RELATIVE_MOVE * wNormSq) return false;
    for (let a = 0; a < K; a++) gram[a]![a]! += 1e-10 * trace;
    // Cholesky, in place (lower triangle), then two triangular solves for z.
    for (let a = 0; a < K; a++) {
      for (let b = 0; b <= a; b++) {
        let s = gram[a]![b]!;
        for (let c = 0; c < b; c++) s -= gram[a]![c]! * gram[b]![c]!;
        if (a === b) {
          if (s <= 0) return false;
          gram[a]![a] = Math.sqrt(s);
        } else gram[a]![b] = s / gram[b]![b]!;
      }
    }
    const z = new Array<number>(K).fill(0);
    for (let a = 0; a < K; a++) {
      let s = 1;
      for (let c = 0; c < a; c++) s -= gram[a]![c]! * z[c]!;
      z[a] = s / gram[a]![a]!;
    }
    let zSum = 0;
    for (let a = K - 1; a >= 0; a--) {
      let s = z[a]!;
      for (let c = a + 1; c < K; c++) s -= gram[c]![a]! * z[c]!;
      z[a] = s / gram[a]![a]!;
      zSum += z[a]!;
    }
    if (zSum === 0 || !Number.isFinite(zSum)) return false;
    const before = 0.5 * weightedRss(r, weights) + penaltyOver(w, idx, count, l1, l2, pen);
    const rSaved = r.slice();
    const dense = X.storage instanceof Float64Array;
    let shift = 0;
    for (let k = 0; k < count; k++) {
      let extrapolated = 0;
      for (let t = 0; t < K; t++) extrapolated += (z[t]! / zSum) * h[t + 1]![k]!;
      const j = idx[k]!;
      // With bounds, the extrapolated point is clipped into them (as the kernel).
      if (pen !== undefined) {
        if (extrapolated > pen.upper[j]!) extrapolated = pen.upper[j]!;
        if (extrapolated < pen.lower[j]!) extrapolated = pen.lower[j]!;
      }
      const delta = extrapolated - w[j]!;
      if (delta === 0) continue;
      w[j] = extrapolated;
      const a = delta * stats.invScale[j]!;
      const mu = stats.mean[j]!;
      if (dense) denseCenteredAxpy(X, j, -a, r, mu);
      else shift += cscColumnUpdate(X, j, -a, r, mu);
    }
    if (shift !== 0) addScalar(shift, r);
    const after = 0.5 * weightedRss(r, weights) + penaltyOver(w, idx, count, l1, l2, pen);
    if (after < before - ACCEPT_MARGIN * Math.abs(before)) return true;
    for (let k = 0; k < count; k++) w[idx[k]!] = h[K]![k]!;
    r.set(rSaved);
    return false;
  }
}

function penaltyOver(w: Float64Array, idx: Int32Array, count: number, l1: number, l2: number, pen: PenaltyBlock | undefined): number {
  let a = 0;
  let b = 0;
  for (let k = 0; k < count; k++) {
    const v = w[idx[k]!]!;
    const f = pen === undefined ? 1 : pen.factor[idx[k]!]!;
    a += f * Math.abs(v);
    b += f * v * v;
  }
  return l1 * a + 0.5 * l2 * b;
}
