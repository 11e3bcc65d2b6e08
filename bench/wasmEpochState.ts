import type { DesignMatrix } from '../src/matrix/DesignMatrix.js';
import type { WasmRuntime } from '../src/wasm/runtime.js';
import { FitWorkspace } from '../src/wasm/FitWorkspace.js';
import type { EpochState } from './epochState.js';

/**
 * WASM epoch state: X and its column statistics resident in the runtime's memory (the
 * same copy later fits reuse; intercept fitted, no standardization, as the Lasso default)
 * and the fit's own workspace (src/wasm/FitWorkspace.ts): descriptor, ỹ, r and w. `epoch()` is one call of
 * the `elasticNetEpoch` kernel.
 */
export class WasmEpochState implements EpochState {
  readonly n: number;
  readonly p: number;
  readonly #runtime: WasmRuntime;
  readonly #ws: FitWorkspace;
  readonly #l1: number;
  readonly #l2: number;
  #savedW: Float64Array | undefined;
  #savedR: Float64Array | undefined;

  constructor(runtime: WasmRuntime, X: DesignMatrix, yCentered: Float64Array, l1: number, l2: number) {
    const { heap } = runtime;
    this.#runtime = runtime;
    this.n = X.nRows;
    this.p = X.nCols;
    this.#l1 = l1;
    this.#l2 = l2;
    this.#ws = FitWorkspace.open(runtime, X, true, false);
    heap.f64(this.#ws.yc, this.n).set(yCentered);
    this.setCoef(new Float64Array(this.p));
  }

  setCoef(w: Float64Array): void {
    const { kernels, heap } = this.#runtime;
    heap.f64(this.#ws.w, this.p).set(w);
    kernels.elasticNetResidual(this.#ws.desc, this.#ws.yc, this.#ws.w, this.#ws.r);
  }

  snapshot(): void {
    const { heap } = this.#runtime;
    this.#savedW = heap.f64(this.#ws.w, this.p).slice();
    this.#savedR = heap.f64(this.#ws.r, this.n).slice();
  }

  restore(): void {
    if (!this.#savedW || !this.#savedR) throw new Error('restore() before snapshot()');
    const { heap } = this.#runtime;
    heap.f64(this.#ws.w, this.p).set(this.#savedW);
    heap.f64(this.#ws.r, this.n).set(this.#savedR);
  }

  epoch(): number {
    return this.#runtime.kernels.elasticNetEpoch(this.#ws.desc, this.#ws.r, this.#ws.w, this.#l1, this.#l2);
  }

  /** Runs the `elasticNetFit` kernel from the current w to an absolute gap tolerance; w holds the solution after. */
  fit(gapTolerance: number, maxEpochs: number): { epochs: number; gap: number } {
    const { kernels, heap } = this.#runtime;
    const epochs = kernels.elasticNetFit(
      this.#ws.desc, this.#ws.yc, this.#ws.r, this.#ws.w, this.#l1, this.#l2, gapTolerance, maxEpochs, this.#ws.out,
    );
    return { epochs, gap: heap.f64(this.#ws.out, 3)[2]! };
  }

  coef(): Float64Array {
    return this.#runtime.heap.f64(this.#ws.w, this.p).slice();
  }

  dispose(): void {
    this.#ws.free();
  }
}
