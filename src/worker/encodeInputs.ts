import { CscMatrix, DenseMatrix, InvalidParameterError, type CscArrays, type MatrixInput } from '../index.js';
import type { EncodedMatrix } from './protocol.js';

/**
 * A dense matrix as one flat array: `layout: 'row-major'` (default) holds entry (i, j) at
 * `data[i·nCols + j]`, `'column-major'` at `data[j·nRows + i]`.
 */
export interface DenseArrays {
  nRows: number;
  nCols: number;
  data: ArrayLike<number>;
  layout?: 'row-major' | 'column-major';
}

/**
 * What the worker API accepts as X: everything the main API accepts (a DenseMatrix, a
 * CscMatrix, an array of rows) plus the raw arrays of a CSC matrix or a flat dense matrix.
 * Typed arrays given as raw arrays are transferred to the worker without a copy.
 */
export type WorkerMatrixInput = MatrixInput | CscArrays | DenseArrays;

/**
 * @internal Collects the buffers to transfer. A typed array of the expected type that spans
 * its whole (non-shared) buffer is moved when `move` is true; anything else is copied once
 * into a fresh typed array (so a view into a larger buffer never detaches the rest of it).
 */
export class TransferList {
  readonly buffers: ArrayBuffer[] = [];
  constructor(readonly move: boolean) {}

  float64(value: ArrayLike<number>, name: string): Float64Array {
    return this.#take(value, name, Float64Array) as Float64Array;
  }

  /** Row indices and column pointers: Int32Array moves as is; other arrays go as Float64Array so the worker's integer checks still see fractional values. */
  integers(value: ArrayLike<number>, name: string): Int32Array | Float64Array {
    if (value instanceof Int32Array) return this.#take(value, name, Int32Array) as Int32Array;
    return this.#take(value, name, Float64Array) as Float64Array;
  }

  #take(value: ArrayLike<number>, name: string, Type: Float64ArrayConstructor | Int32ArrayConstructor): Float64Array | Int32Array {
    if (value === null || typeof value !== 'object' || typeof (value as ArrayLike<number>).length !== 'number') {
      throw new InvalidParameterError(name, `${name} must be an array of numbers, got ${value === null ? 'null' : typeof value}`);
    }
    if (ArrayBuffer.isView(value) && isDetached(value.buffer)) {
      throw new InvalidParameterError(name, `${name} is detached: its buffer was transferred to a worker by an earlier call (pass transfer: false to keep arrays usable on the page)`);
    }
    let array: Float64Array | Int32Array;
    if (this.move && value instanceof Type && value.byteOffset === 0 && value.buffer instanceof ArrayBuffer && value.byteLength === value.buffer.byteLength) {
      array = value;
    } else {
      array = Type.from(value);
    }
    if (!this.buffers.includes(array.buffer as ArrayBuffer)) this.buffers.push(array.buffer as ArrayBuffer);
    return array;
  }
}

/** @internal X in the form the worker rebuilds it from. */
export function encodeMatrix(X: WorkerMatrixInput, transfer: TransferList): EncodedMatrix {
  if (X instanceof DenseMatrix) {
    return { kind: 'dense', nRows: X.nRows, nCols: X.nCols, layout: 'column-major', data: transfer.float64(X.toColumnMajor(), 'X') };
  }
  if (X instanceof CscMatrix) {
    const { nRows, nCols, indptr, indices, data } = X.toCsc();
    return { kind: 'csc', nRows, nCols, indptr: transfer.integers(indptr, 'indptr') as Int32Array, indices: transfer.integers(indices, 'indices') as Int32Array, data: transfer.float64(data, 'data') };
  }
  if (X === null || typeof X !== 'object') throw new InvalidParameterError('X', 'X must be a DenseMatrix, a CscMatrix, an array of rows, CSC arrays or dense arrays');
  if ('indptr' in X) {
    const { nRows, nCols } = X;
    return {
      kind: 'csc', nRows, nCols,
      indptr: transfer.integers(X.indptr, 'indptr') as Int32Array, indices: transfer.integers(X.indices, 'indices') as Int32Array, data: transfer.float64(X.data, 'data'),
    };
  }
  if ('data' in X && 'nRows' in X) {
    const dense = X as DenseArrays;
    const layout = dense.layout ?? 'row-major';
    if (layout !== 'row-major' && layout !== 'column-major') throw new InvalidParameterError('layout', `layout must be 'row-major' or 'column-major', got ${String(layout)}`);
    return { kind: 'dense', nRows: dense.nRows, nCols: dense.nCols, layout, data: transfer.float64(dense.data, 'X') };
  }
  // An array of rows: validated (and packed column-major) here, with the main API's errors.
  const matrix = DenseMatrix.fromRows(X as ArrayLike<ArrayLike<number>>);
  return { kind: 'dense', nRows: matrix.nRows, nCols: matrix.nCols, layout: 'column-major', data: transfer.float64(matrix.toColumnMajor(), 'X') };
}

/** @internal Options for the worker: arrays become transferred typed arrays; functions and signals stay behind. */
export function encodeOptions(options: object, transfer: TransferList): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'function' || key === 'signal' || key === 'transfer' || value === undefined) continue;
    if (['sampleWeight', 'initialCoef', 'lambdas', 'foldId'].includes(key) && value !== null && typeof value === 'object' && typeof (value as ArrayLike<number>).length === 'number') {
      out[key] = transfer.float64(value as ArrayLike<number>, key);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function isDetached(buffer: ArrayBufferLike): boolean {
  const detached = (buffer as { detached?: boolean }).detached;
  return detached ?? buffer.byteLength === 0;
}
