/**
 * The state one engine's coordinate-descent epochs run on (w and the residual r for a
 * fixed X, y, l1, l2), so the benchmark can put both engines at the same point and time
 * single epochs from it.
 */
export interface EpochState {
  /** Sets w (centred/scaled space) and recomputes r = ỹ − X̃w. */
  setCoef(w: Float64Array): void;
  /** Saves the current w and r. */
  snapshot(): void;
  /** Restores w and r saved by {@link snapshot}. */
  restore(): void;
  /** One cyclic CD pass over all features; returns max_j a_j·δ_j². */
  epoch(): number;
  /** A copy of w. */
  coef(): Float64Array;
  /** Frees what the state holds. */
  dispose(): void;
}
