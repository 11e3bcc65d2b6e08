import type { EngineName } from '../engine/selectEngine.js';
import { wasmRuntime } from '../wasm/runtime.js';
import type { RidgeBackend } from './RidgeBackend.js';
import { createJsRidgeBackend } from './jsRidgeBackend.js';
import { createWasmRidgeBackend } from './wasmRidgeBackend.js';

/**
 * @internal A fresh backend for one fit: the WebAssembly kernels for `'wasm'` (the pure-TS reference
 * when WebAssembly is unavailable; init() has then warned), the reference for `'js'`. Dispose it after the fit.
 */
export function ridgeBackendFor(engine: EngineName): RidgeBackend {
  if (engine === 'js') return createJsRidgeBackend();
  const runtime = wasmRuntime();
  return runtime ? createWasmRidgeBackend(runtime) : createJsRidgeBackend();
}
