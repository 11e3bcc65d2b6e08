import type { Engine } from './Engine.js';
import { jsEngine } from './jsEngine.js';
import { createWasmEngine } from './wasmEngine.js';
import { wasmRuntime, type WasmRuntime } from '../wasm/runtime.js';

/** Which implementation runs a fit: the WebAssembly kernels (default) or the pure-TypeScript reference. */
export type EngineName = 'wasm' | 'js';

const wasmEngines = new WeakMap<WasmRuntime, Engine>();

/**
 * @internal The engine for a fit. `'wasm'` falls back to the TypeScript engine when
 * WebAssembly is unavailable (an EngineFallbackWarning was emitted by init).
 */
export function selectEngine(name: EngineName): Engine {
  if (name === 'js') return jsEngine;
  const runtime = wasmRuntime();
  if (!runtime) return jsEngine;
  let engine = wasmEngines.get(runtime);
  if (!engine) {
    engine = createWasmEngine(runtime);
    wasmEngines.set(runtime, engine);
  }
  return engine;
}
