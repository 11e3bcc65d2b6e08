import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { EngineName } from '../engine/selectEngine.js';
import { WasmMemoryLimitError } from '../errors.js';
import { WASM32_MAX_BYTES } from '../wasm/WasmHeap.js';
import { wasmRuntime } from '../wasm/runtime.js';
import { prepareRidge, type PreparedRidge } from './PreparedRidge.js';
import { ridgeBackendFor } from './ridgeBackendFor.js';
import type { RidgeForm } from './RidgeSolution.js';

/** @internal The problem data a ridge fit needs (validated). */
export interface RidgeProblemData {
  X: DesignMatrix;
  /** Targets n×k, column-major. */
  Y: Float64Array;
  k: number;
  /** Normalized weights (Σv = 1). */
  v: Float64Array;
  fitIntercept: boolean;
  standardize: boolean;
}

/**
 * @internal Runs `body` on the prepared problem with a fresh backend, disposing it afterwards.
 * Checks first that the direct solver's m×m matrices fit in 32-bit WebAssembly memory.
 * @throws {WasmMemoryLimitError} the m×m matrices of a direct solver would exceed 4 GiB.
 */
export function withPreparedRidge<T>(
  engine: EngineName, data: RidgeProblemData, directForm: RidgeForm | undefined, body: (prep: PreparedRidge) => T,
): { result: T; engineUsed: EngineName } {
  if (directForm && engine === 'wasm') {
    const m = directForm === 'primal' ? data.X.nCols : data.X.nRows;
    // The m×m matrix, its factor or eigenvectors, and (dense dual) a transposed copy of X.
    const bytes = 2 * m * m * 8 + data.X.nRows * data.X.nCols * 8;
    const runtime = wasmRuntime();
    if (runtime && bytes > WASM32_MAX_BYTES - runtime.heap.bytesInUse) {
      throw new WasmMemoryLimitError('X', bytes, runtime.heap.bytesInUse, `A direct ridge solver needs two ${m}×${m} matrices; use solver: 'cg' for large sparse problems.`);
    }
  }
  const backend = ridgeBackendFor(engine);
  try {
    const prep = prepareRidge(backend, data.X, data.Y, data.k, data.v, data.fitIntercept, data.standardize);
    return { result: body(prep), engineUsed: backend.name };
  } finally {
    backend.dispose();
  }
}

/** @internal Original-scale coefficients (p×k) and intercepts from scaled W̃: w_j = d_j·w̃_j, b = ȳ − μᵀw. */
export function toOriginalScale(prep: PreparedRidge, W: Float64Array, fitIntercept: boolean): { coef: Float64Array; intercepts: Float64Array } {
  const { p, k, design } = prep;
  const coef = new Float64Array(p * k);
  const intercepts = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    let b = prep.yMean[t]!;
    for (let j = 0; j < p; j++) {
      const d = design.invScale[j]!;
      const w = d === 0 ? 0 : W[t * p + j]! * d;
      coef[t * p + j] = w;
      b -= design.mean[j]! * w;
    }
    intercepts[t] = fitIntercept ? b : 0;
  }
  return { coef, intercepts };
}
