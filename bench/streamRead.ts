import type { WasmRuntime } from '../src/wasm/runtime.js';
import { residentCopyOf } from '../src/wasm/residentDesign.js';
import type { Problem } from './problems.js';

/**
 * A plain streaming read of X's resident bytes with the WASM `denseSum` kernel (f64x2
 * adds, four accumulators): the memory-bandwidth baseline for an epoch.
 * Dense: the values array. CSC: the values array and then the row-index array, the
 * latter read as f64 words (nnz·4 bytes = nnz/2 doubles; the sum is meaningless, the
 * bytes read are exactly those an epoch reads). Returns the bytes read per call.
 */
export function streamReadOf(problem: Problem, runtime: WasmRuntime): { bytes: number; run: () => void } {
  const copy = residentCopyOf(problem.X, runtime);
  const { kernels } = runtime;
  const nValues = problem.valueBytes / 8;
  const nIndexWords = Math.floor(problem.indexBytes / 8);
  // A WASM call is never elided by the JIT, so the sums need not be kept.
  const run = () => {
    kernels.denseSum(copy.values, nValues);
    if (nIndexWords > 0) kernels.denseSum(copy.rows, nIndexWords);
  };
  return { bytes: problem.valueBytes + nIndexWords * 8, run };
}
