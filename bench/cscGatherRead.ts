import type { WasmRuntime } from '../src/wasm/runtime.js';
import { residentCopyOf } from '../src/wasm/residentDesign.js';
import type { Problem } from './problems.js';

/**
 * A diagnostic for CSC problems: the WASM `cscDot` kernel over all nnz stored entries in
 * one call, against a dense vector of nRows doubles (as an epoch's x_jᵀr, but without the
 * per-column work). It reads the same values and row indices an epoch reads, plus the
 * gathered v[rows[k]]. Comparing it with the epoch separates the cost of the gathers from
 * the per-column overhead (100 000 short columns). Undefined for dense problems.
 */
export function cscGatherReadOf(problem: Problem, runtime: WasmRuntime): { run: () => void; dispose: () => void } | undefined {
  if (problem.spec.storage !== 'csc') return undefined;
  const copy = residentCopyOf(problem.X, runtime);
  const { kernels, heap } = runtime;
  const n = problem.X.nRows;
  const v = heap.allocate(n * 8, 'bench vector');
  heap.f64(v, n).fill(1);
  return {
    run: () => void kernels.cscDot(copy.values, copy.rows, 0, problem.nnz, v),
    dispose: () => heap.free(v),
  };
}
