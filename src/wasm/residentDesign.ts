import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { WasmRuntime } from './runtime.js';
import { WasmMemoryLimitError } from '../errors.js';

/** Storage codes shared with assembly/designColumn.ts. */
export const LAYOUT_DENSE = 0;
export const LAYOUT_CSC = 1;

const DENSE_HINT = "Use a smaller problem, a sparse CscMatrix if most entries are zero, or engine: 'js'.";

/**
 * @internal A design matrix copied into one runtime's WebAssembly memory. Created on
 * the first WASM fit of a matrix and reused by every later fit, so X is copied once
 * per dataset. Freed by the matrix's `dispose()`, or by a FinalizationRegistry when
 * the matrix is garbage-collected undisposed.
 */
export interface ResidentCopy {
  readonly runtime: WasmRuntime;
  readonly layout: number;
  readonly nRows: number;
  readonly nCols: number;
  /** Dense: column-major values; CSC: stored values. */
  readonly values: number;
  /** CSC column pointers (0 for dense). */
  readonly indptr: number;
  /** CSC row indices (0 for dense). */
  readonly rows: number;
  /** Bytes held by the copy of X. */
  readonly bytes: number;
  /**
   * Column statistics for one (fitIntercept, standardize) setting: the address of 4·p
   * doubles laid out as mean | invScale | colSum | normSqOverN (see assembly/columnStats.ts).
   * Computed on first request and kept with the copy, so repeated fits on one dataset
   * (λ grids, warm starts) do not rescan X for them.
   */
  statistics(fitIntercept: boolean, standardize: boolean): number;
  /** Whether statistics for this setting are already held. */
  hasStatistics(fitIntercept: boolean, standardize: boolean): boolean;
  release(): void;
}

const copies = new WeakMap<object, ResidentCopy>();
const finalizer = new FinalizationRegistry<ResidentCopy>((copy) => copy.release());

/** @internal The matrix's copy in `runtime`'s memory, uploading it on first use. */
export function residentCopyOf(matrix: DesignMatrix, runtime: WasmRuntime): ResidentCopy {
  const existing = copies.get(matrix);
  if (existing?.runtime === runtime) return existing;
  if (existing) releaseResidentCopy(matrix);
  const copy = upload(matrix, runtime);
  copies.set(matrix, copy);
  finalizer.register(matrix, copy, copy);
  return copy;
}

/**
 * @internal Bytes the first upload of the matrix to `runtime`, plus its statistics for
 * this setting, would take (0 for what is already resident there).
 */
export function uploadBytes(matrix: DesignMatrix, runtime: WasmRuntime, fitIntercept: boolean, standardize: boolean): number {
  const existing = copies.get(matrix);
  const statsBytes = matrix.nCols * 32;
  if (existing?.runtime === runtime) return existing.hasStatistics(fitIntercept, standardize) ? 0 : statsBytes;
  const storage = matrix.storage;
  if (storage instanceof Float64Array) return storage.length * 8 + statsBytes;
  return storage.data.length * 12 + (matrix.nCols + 1) * 4 + statsBytes;
}

/** @internal Frees the matrix's resident copy, if it has one. Idempotent. */
export function releaseResidentCopy(matrix: object): void {
  const copy = copies.get(matrix);
  if (!copy) return;
  copies.delete(matrix);
  finalizer.unregister(copy);
  copy.release();
}

function upload(matrix: DesignMatrix, runtime: WasmRuntime): ResidentCopy {
  const { heap } = runtime;
  const { nRows, nCols } = matrix;
  const storage = matrix.storage;
  if (storage instanceof Float64Array) {
    const bytes = storage.length * 8;
    if (bytes >= 2 ** 32) throw new WasmMemoryLimitError('X', bytes, heap.bytesInUse, DENSE_HINT);
    const values = heap.allocate(bytes, 'X');
    heap.f64(values, storage.length).set(storage);
    return makeCopy(runtime, LAYOUT_DENSE, nRows, nCols, values, 0, 0, bytes, [values]);
  }
  const nnz = storage.data.length;
  const bytes = nnz * 12 + (nCols + 1) * 4;
  if (bytes >= 2 ** 32) throw new WasmMemoryLimitError('X', bytes, heap.bytesInUse);
  const held: number[] = [];
  try {
    const values = heap.allocate(Math.max(8, nnz * 8), 'X');
    held.push(values);
    const rows = heap.allocate(Math.max(4, nnz * 4), 'X');
    held.push(rows);
    const indptr = heap.allocate((nCols + 1) * 4, 'X');
    held.push(indptr);
    heap.f64(values, nnz).set(storage.data);
    heap.i32(rows, nnz).set(storage.indices);
    heap.i32(indptr, nCols + 1).set(storage.indptr);
    return makeCopy(runtime, LAYOUT_CSC, nRows, nCols, values, indptr, rows, bytes, held);
  } catch (error) {
    for (const ptr of held) heap.free(ptr);
    throw error;
  }
}

function makeCopy(
  runtime: WasmRuntime, layout: number, nRows: number, nCols: number,
  values: number, indptr: number, rows: number, bytes: number, held: number[],
): ResidentCopy {
  let released = false;
  const statistics = new Map<string, number>();
  const key = (fitIntercept: boolean, standardize: boolean) => `${fitIntercept ? 1 : 0}${standardize ? 1 : 0}`;
  return {
    runtime, layout, nRows, nCols, values, indptr, rows, bytes,
    hasStatistics(fitIntercept, standardize) {
      return statistics.has(key(fitIntercept, standardize));
    },
    statistics(fitIntercept, standardize) {
      const k = key(fitIntercept, standardize);
      let ptr = statistics.get(k);
      if (ptr === undefined) {
        ptr = runtime.heap.allocate(nCols * 32, 'X');
        const p8 = nCols * 8;
        runtime.kernels.columnStats(
          layout, nRows, nCols, values, indptr, rows, fitIntercept ? 1 : 0, standardize ? 1 : 0,
          ptr, ptr + p8, ptr + 2 * p8, ptr + 3 * p8, 0, 0, 0,
        );
        statistics.set(k, ptr);
      }
      return ptr;
    },
    release() {
      if (released) return;
      released = true;
      for (const ptr of held) runtime.heap.free(ptr);
      for (const ptr of statistics.values()) runtime.heap.free(ptr);
      statistics.clear();
    },
  };
}
