import type { EngineName } from '../engine/selectEngine.js';
import { wasmRuntime, type WasmRuntime } from '../wasm/runtime.js';
import { WASM32_MAX_BYTES } from '../wasm/WasmHeap.js';
import { WasmMemoryLimitError } from '../errors.js';
import { SGD_OUT, SGD_OUT_LENGTH, SGD_PARAM, SGD_PARAM_LENGTH, type RowMatrix, type SgdReport } from './SgdProblem.js';
import { sgdFit } from './reference/sgdFit.js';

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/** @internal Runs the SGD epochs in WASM (when requested and available) or with the TS reference; w is updated in place. */
export function solveSgd(X: RowMatrix, y: Float64Array, w: Float64Array, params: Float64Array, engine: EngineName): { report: SgdReport; engine: EngineName } {
  const runtime = engine === 'wasm' ? wasmRuntime() : undefined;
  if (!runtime) return { report: sgdFit(X, y, w, params), engine: 'js' };
  return { report: solveWasm(runtime, X, y, w, params), engine: 'wasm' };
}

function solveWasm(runtime: WasmRuntime, X: RowMatrix, y: Float64Array, w: Float64Array, params: Float64Array): SgdReport {
  const { heap, kernels } = runtime;
  const { n, p } = X;
  const batch = params[SGD_PARAM.batchSize]!;
  const sizes = [
    X.values.length * 8, X.rowptr.length * 4, X.cols.length * 4, n * 8, p * 8, SGD_PARAM_LENGTH * 8, SGD_OUT_LENGTH * 8,
    align(n * 4) + batch * 8 + 2 * p * 8,
  ];
  const total = sizes.reduce((s, b) => s + align(Math.max(b, 16)), 0);
  if (total > WASM32_MAX_BYTES - heap.bytesInUse) throw new WasmMemoryLimitError('X', total, heap.bytesInUse);
  const base = heap.allocate(total, 'X');
  try {
    const at: number[] = [];
    let offset = base;
    for (const bytes of sizes) {
      at.push(offset);
      offset += align(Math.max(bytes, 16));
    }
    const [values, rowptr, cols, yPtr, wPtr, paramsPtr, outPtr, scratch] = at as [number, number, number, number, number, number, number, number];
    heap.f64(values, X.values.length).set(X.values);
    heap.i32(rowptr, X.rowptr.length).set(X.rowptr);
    heap.i32(cols, X.cols.length).set(X.cols);
    heap.f64(yPtr, n).set(y);
    heap.f64(wPtr, p).set(w);
    heap.f64(paramsPtr, SGD_PARAM_LENGTH).set(params);
    kernels.sgdFit(X.layout, n, p, values, rowptr, cols, yPtr, wPtr, paramsPtr, scratch, outPtr);
    w.set(heap.f64(wPtr, p));
    const out = heap.f64(outPtr, SGD_OUT_LENGTH);
    return {
      epochs: out[SGD_OUT.epochs]!, objective: out[SGD_OUT.objective]!, bestObjective: out[SGD_OUT.bestObjective]!, updates: out[SGD_OUT.updates]!,
      converged: out[SGD_OUT.converged] === 1, intercept: out[SGD_OUT.intercept]!, kktResidual: out[SGD_OUT.kktResidual]!,
      interceptGradient: out[SGD_OUT.interceptGradient]!,
    };
  } finally {
    heap.free(base);
  }
}
