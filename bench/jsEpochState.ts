import type { DesignMatrix } from '../src/matrix/DesignMatrix.js';
import { columnStats, type ColumnStats } from '../src/reference/columnStats.js';
import { elasticNetEpoch, elasticNetResidual } from '../src/reference/coordinateDescent.js';
import type { EpochState } from './epochState.js';

/** Pure-TS epoch state: the reference engine's `elasticNetEpoch` on plain typed arrays. */
export class JsEpochState implements EpochState {
  readonly #X: DesignMatrix;
  readonly #stats: ColumnStats;
  readonly #yc: Float64Array;
  readonly #l1: number;
  readonly #l2: number;
  #w: Float64Array;
  #r: Float64Array;
  #savedW: Float64Array | undefined;
  #savedR: Float64Array | undefined;

  constructor(X: DesignMatrix, yCentered: Float64Array, l1: number, l2: number) {
    this.#X = X;
    this.#stats = columnStats(X, true, false);
    this.#yc = yCentered;
    this.#l1 = l1;
    this.#l2 = l2;
    this.#w = new Float64Array(X.nCols);
    this.#r = Float64Array.from(yCentered);
  }

  setCoef(w: Float64Array): void {
    this.#w = Float64Array.from(w);
    this.#r = elasticNetResidual(this.#X, this.#stats, this.#yc, this.#w);
  }

  snapshot(): void {
    this.#savedW = this.#w.slice();
    this.#savedR = this.#r.slice();
  }

  restore(): void {
    if (!this.#savedW || !this.#savedR) throw new Error('restore() before snapshot()');
    this.#w.set(this.#savedW);
    this.#r.set(this.#savedR);
  }

  epoch(): number {
    return elasticNetEpoch(this.#X, this.#stats, this.#r, this.#w, this.#l1, this.#l2);
  }

  coef(): Float64Array {
    return this.#w.slice();
  }

  dispose(): void {}
}
