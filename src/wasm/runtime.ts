import { instantiate, instantiateSync } from '@assemblyscript/loader';
import simdBinary from '../../build/l1l2.simd.wasm';
import scalarBinary from '../../build/l1l2.scalar.wasm';
import { WasmHeap } from './WasmHeap.js';
import type { KernelExports } from './KernelExports.js';
import { EngineFallbackWarning, emitWarning } from '../warnings.js';

/** Which compiled kernel module to run. */
export type WasmBuild = 'simd' | 'scalar';

/** Options of {@link init}. */
export interface InitOptions {
  /**
   * `'auto'` (default) picks the SIMD build when `WebAssembly.validate` accepts it
   * and the scalar build otherwise; `'simd'` / `'scalar'` force one.
   */
  build?: 'auto' | WasmBuild;
}

/** What {@link init} set up. */
export interface InitResult {
  /** `'wasm'` when the kernels are running, `'js'` when WebAssembly is unavailable and fits fall back to pure TypeScript. */
  engine: 'wasm' | 'js';
  /** The kernel build in use, when engine is `'wasm'`. */
  build?: WasmBuild;
  /** Why WebAssembly could not be used, when engine is `'js'`. */
  reason?: string;
}

/** @internal One instantiated kernel module with its heap. */
export interface WasmRuntime {
  readonly build: WasmBuild;
  readonly kernels: KernelExports;
  readonly heap: WasmHeap;
}

let current: WasmRuntime | undefined;
let unavailableReason: string | undefined;

function chooseBuild(build: InitOptions['build']): WasmBuild {
  if (build === 'simd' || build === 'scalar') return build;
  return WebAssembly.validate(simdBinary) ? 'simd' : 'scalar';
}

function makeRuntime(build: WasmBuild, exports: unknown): WasmRuntime {
  const kernels = exports as KernelExports;
  return { build, kernels, heap: new WasmHeap(kernels.memory, kernels.heapBase()) };
}

function fallBack(error: unknown): InitResult {
  unavailableReason = error instanceof Error ? error.message : String(error);
  current = undefined;
  emitWarning(new EngineFallbackWarning(`WebAssembly is unavailable (${unavailableReason}); using the pure-TypeScript engine`));
  return { engine: 'js', reason: unavailableReason };
}

/**
 * Instantiates the WebAssembly kernels (embedded in the bundle; nothing is fetched).
 * Call once before fitting with the default `engine: 'wasm'`; calling again with a
 * different `build` switches kernels (matrices are re-copied on their next fit).
 * Where WebAssembly cannot run (no `WebAssembly` global, or a content-security
 * policy that forbids compiling it), resolves with `engine: 'js'` and emits an
 * {@link EngineFallbackWarning}; fits then use the pure-TypeScript engine.
 *
 * @example
 * ```ts
 * import { init } from 'l1l2';
 * const { engine, build } = await init(); // { engine: 'wasm', build: 'simd' }
 * ```
 */
export async function init(options: InitOptions = {}): Promise<InitResult> {
  if (typeof WebAssembly !== 'object' || WebAssembly === null) return fallBack('no WebAssembly global');
  try {
    const build = chooseBuild(options.build);
    if (current?.build === build) return { engine: 'wasm', build };
    const { exports } = await instantiate(build === 'simd' ? simdBinary : scalarBinary, {});
    current = makeRuntime(build, exports);
    unavailableReason = undefined;
    return { engine: 'wasm', build };
  } catch (error) {
    return fallBack(error);
  }
}

/**
 * Synchronous {@link init}. Works in Node and in Web Workers; browsers' main
 * threads refuse to compile large modules synchronously, so prefer `await init()` there.
 */
export function initSync(options: InitOptions = {}): InitResult {
  if (typeof WebAssembly !== 'object' || WebAssembly === null) return fallBack('no WebAssembly global');
  try {
    const build = chooseBuild(options.build);
    if (current?.build === build) return { engine: 'wasm', build };
    const { exports } = instantiateSync(build === 'simd' ? simdBinary : scalarBinary, {});
    current = makeRuntime(build, exports);
    unavailableReason = undefined;
    return { engine: 'wasm', build };
  } catch (error) {
    return fallBack(error);
  }
}

/**
 * @internal The runtime for a WASM fit: initializes synchronously on first use if
 * `init()` was not awaited (the module is a few KiB, well under browsers' limit for
 * synchronous compilation). Returns undefined when WebAssembly is unavailable; the
 * caller then runs the TypeScript engine (the fallback warning was already emitted).
 */
export function wasmRuntime(): WasmRuntime | undefined {
  if (current) return current;
  if (unavailableReason !== undefined) return undefined;
  initSync();
  return current;
}
