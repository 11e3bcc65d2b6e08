import type { DesignMatrix } from '../src/matrix/DesignMatrix.js';
import type { WasmRuntime } from '../src/wasm/runtime.js';
import { residentCopyOf } from '../src/wasm/residentDesign.js';
import type { EpochState } from './epochState.js';

/** Workspace parts, laid out as src/engine/wasmEngine.ts does (16-byte aligned). */
function layout(n: number, p: number) {
  const align = (b: number) => Math.ceil(b / 16) * 16;
  const parts = { desc: 40, out: 24, mean: p * 8, invScale: p * 8, colSum: p * 8, normSqOverN: p * 8, w: p * 8, yc: n * 8, r: n * 8 };
  const offsets = {} as Record<keyof typeof parts, number>;
  let total = 0;
  for (const key of Object.keys(parts) as (keyof typeof parts)[]) {
    offsets[key] = total;
    total += align(parts[key]);
  }
  return { offsets, total };
}

/**
 * WASM epoch state: X resident in the runtime's memory (the same copy later fits reuse),
 * a workspace with the column statistics (intercept fitted, no standardization, as the
 * Lasso default), the 40-byte design descriptor, ỹ, r and w. `epoch()` is one call of
 * the `elasticNetEpoch` kernel.
 */
export class WasmEpochState implements EpochState {
  readonly n: number;
  readonly p: number;
  readonly #runtime: WasmRuntime;
  readonly #base: number;
  readonly #at: (key: keyof ReturnType<typeof layout>['offsets']) => number;
  readonly #l1: number;
  readonly #l2: number;
  #savedW: Float64Array | undefined;
  #savedR: Float64Array | undefined;

  constructor(runtime: WasmRuntime, X: DesignMatrix, yCentered: Float64Array, l1: number, l2: number) {
    const { kernels, heap } = runtime;
    this.#runtime = runtime;
    this.n = X.nRows;
    this.p = X.nCols;
    this.#l1 = l1;
    this.#l2 = l2;
    const copy = residentCopyOf(X, runtime);
    const { offsets, total } = layout(this.n, this.p);
    this.#base = heap.allocate(total, 'bench workspace');
    this.#at = (key) => this.#base + offsets[key];
    const at = this.#at;
    kernels.columnStats(
      copy.layout, this.n, this.p, copy.values, copy.indptr, copy.rows, 1, 0,
      at('mean'), at('invScale'), at('colSum'), at('normSqOverN'),
    );
    heap.i32(at('desc'), 10).set([
      copy.layout, this.n, this.p, copy.values, copy.indptr, copy.rows,
      at('mean'), at('invScale'), at('colSum'), at('normSqOverN'),
    ]);
    heap.f64(at('yc'), this.n).set(yCentered);
    this.setCoef(new Float64Array(this.p));
  }

  setCoef(w: Float64Array): void {
    const { kernels, heap } = this.#runtime;
    heap.f64(this.#at('w'), this.p).set(w);
    kernels.elasticNetResidual(this.#at('desc'), this.#at('yc'), this.#at('w'), this.#at('r'));
  }

  snapshot(): void {
    const { heap } = this.#runtime;
    this.#savedW = heap.f64(this.#at('w'), this.p).slice();
    this.#savedR = heap.f64(this.#at('r'), this.n).slice();
  }

  restore(): void {
    if (!this.#savedW || !this.#savedR) throw new Error('restore() before snapshot()');
    const { heap } = this.#runtime;
    heap.f64(this.#at('w'), this.p).set(this.#savedW);
    heap.f64(this.#at('r'), this.n).set(this.#savedR);
  }

  epoch(): number {
    return this.#runtime.kernels.elasticNetEpoch(this.#at('desc'), this.#at('r'), this.#at('w'), this.#l1, this.#l2);
  }

  /** Runs the `elasticNetFit` kernel from the current w to an absolute gap tolerance; w holds the solution after. */
  fit(gapTolerance: number, maxEpochs: number): { epochs: number; gap: number } {
    const { kernels, heap } = this.#runtime;
    const epochs = kernels.elasticNetFit(
      this.#at('desc'), this.#at('yc'), this.#at('r'), this.#at('w'), this.#l1, this.#l2, gapTolerance, maxEpochs, this.#at('out'),
    );
    return { epochs, gap: heap.f64(this.#at('out'), 3)[2]! };
  }

  coef(): Float64Array {
    return this.#runtime.heap.f64(this.#at('w'), this.p).slice();
  }

  dispose(): void {
    this.#runtime.heap.free(this.#base);
  }
}
