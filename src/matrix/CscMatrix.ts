/// <reference lib="esnext.disposable" preserve="true" />
import { EmptyDataError, InvalidParameterError, MalformedCscError, NonFiniteValueError, ShapeMismatchError } from '../errors.js';
import { releaseResidentCopy } from '../wasm/residentDesign.js';
import type { DenseMatrix } from './DenseMatrix.js';

/** The arrays of a compressed-sparse-column matrix, as scipy.sparse.csc_matrix holds them. */
export interface CscArrays {
  nRows: number;
  nCols: number;
  /** Column pointers, length nCols + 1: column j's entries are at positions indptr[j] … indptr[j+1] − 1. */
  indptr: ArrayLike<number>;
  /** Row index of each stored entry; strictly increasing within a column. */
  indices: ArrayLike<number>;
  /** Value of each stored entry. */
  data: ArrayLike<number>;
}

/** A matrix given as (row, column, value) triplets. */
export interface CooArrays {
  nRows: number;
  nCols: number;
  rows: ArrayLike<number>;
  cols: ArrayLike<number>;
  values: ArrayLike<number>;
}

/**
 * A sparse matrix in compressed sparse column (CSC) form, the native layout of
 * coordinate descent. It is never densified: centring and scaling for the intercept
 * and `standardize` are applied implicitly inside the kernels.
 *
 * Arrays are copied and validated at construction; the caller's arrays are untouched.
 * Like {@link DenseMatrix}, the first WASM fit copies it into WebAssembly memory once;
 * `dispose()` frees that copy.
 *
 * @example
 * ```ts
 * // [[1, 0], [0, 2], [3, 0]]
 * const X = CscMatrix.fromCsc({ nRows: 3, nCols: 2, indptr: [0, 2, 3], indices: [0, 2, 1], data: [1, 3, 2] });
 * X.nnz; // 3
 * ```
 */
export class CscMatrix {
  readonly nRows: number;
  readonly nCols: number;
  readonly #indptr: Int32Array;
  readonly #indices: Int32Array;
  readonly #data: Float64Array;

  private constructor(nRows: number, nCols: number, indptr: Int32Array, indices: Int32Array, data: Float64Array) {
    this.nRows = nRows;
    this.nCols = nCols;
    this.#indptr = indptr;
    this.#indices = indices;
    this.#data = data;
  }

  /** Number of stored entries. */
  get nnz(): number {
    return this.#data.length;
  }

  /**
   * From CSC arrays (copied).
   * @throws {MalformedCscError} a missing array; indptr of the wrong length, not starting at 0, decreasing, or
   *   beyond 2^31 − 1; indices or data whose length differs from indptr[nCols]; a row index that is not an integer in [0, nRows), or not strictly
   *   increasing within its column.
   * @throws {NonFiniteValueError} a NaN or ±Infinity value.
   */
  static fromCsc(arrays: CscArrays, argument = 'X'): CscMatrix {
    const { nRows, nCols } = arrays;
    checkDims(nRows, nCols, argument);
    for (const name of ['indptr', 'indices', 'data'] as const) requireArrayLike(arrays[name], name, MalformedCscError);
    if (arrays.indptr.length !== nCols + 1) {
      throw new MalformedCscError('indptr', `indptr must have nCols + 1 = ${nCols + 1} entries, got ${arrays.indptr.length}`);
    }
    // indptr is checked on the raw values, before they are narrowed to 32 bits.
    const indptr = new Int32Array(nCols + 1);
    if (arrays.indptr[0] !== 0) throw new MalformedCscError('indptr', `indptr[0] must be 0, got ${arrays.indptr[0]}`);
    for (let j = 1; j <= nCols; j++) {
      const v = arrays.indptr[j]!;
      if (!Number.isInteger(v)) throw new MalformedCscError('indptr', `indptr[${j}] = ${v} is not an integer`);
      if (v < indptr[j - 1]!) {
        throw new MalformedCscError('indptr', `indptr must be non-decreasing, but indptr[${j}] = ${v} < indptr[${j - 1}] = ${indptr[j - 1]}`);
      }
      if (v > 2 ** 31 - 1) throw new MalformedCscError('indptr', `indptr[${j}] = ${v}: at most 2^31 − 1 stored entries are supported`);
      indptr[j] = v;
    }
    const nnz = indptr[nCols]!;
    // Of indptr[nCols], indices.length and data.length, name the one that disagrees.
    if (arrays.indices.length === arrays.data.length && arrays.data.length !== nnz) {
      throw new MalformedCscError('indptr', `indptr[nCols] = ${nnz} must equal the number of stored entries ${arrays.data.length}`);
    }
    if (arrays.indices.length !== nnz) {
      throw new MalformedCscError('indices', `indices has ${arrays.indices.length} entries but indptr[nCols] = ${nnz}`);
    }
    if (arrays.data.length !== nnz) {
      throw new MalformedCscError('data', `data has ${arrays.data.length} entries but indptr[nCols] = ${nnz}`);
    }
    const indices = new Int32Array(nnz);
    const data = new Float64Array(nnz);
    for (let j = 0; j < nCols; j++) {
      let previous = -1;
      for (let k = indptr[j]!; k < indptr[j + 1]!; k++) {
        const i = arrays.indices[k]!;
        if (!Number.isInteger(i) || i < 0 || i >= nRows) {
          throw new MalformedCscError('indices', `indices[${k}] = ${i} (column ${j}) is not a row index in [0, ${nRows})`);
        }
        if (i <= previous) {
          throw new MalformedCscError('indices', `row indices of column ${j} must be strictly increasing, but indices[${k}] = ${i} follows ${previous}`);
        }
        previous = i;
        const v = arrays.data[k]!;
        if (!Number.isFinite(v)) throw new NonFiniteValueError(argument, [i, j], v);
        indices[k] = i;
        data[k] = v;
      }
    }
    return new CscMatrix(nRows, nCols, indptr, indices, data);
  }

  /**
   * @internal Adopts CSC arrays without copying or checking them: only for readers that build them
   * valid by construction (finite values, rows strictly increasing within each column).
   */
  static adoptValidCsc(nRows: number, nCols: number, indptr: Int32Array, indices: Int32Array, data: Float64Array): CscMatrix {
    return new CscMatrix(nRows, nCols, indptr, indices, data);
  }

  /**
   * From (row, column, value) triplets in any order; duplicate positions are summed
   * (as scipy's coo → csc conversion does).
   * @throws {ShapeMismatchError} rows, cols and values of different lengths (names the odd one out).
   * @throws {InvalidParameterError} a missing array; a row or column index out of range or not an integer.
   * @throws {NonFiniteValueError} a NaN or ±Infinity value.
   */
  static fromCoo(arrays: CooArrays, argument = 'X'): CscMatrix {
    const { nRows, nCols, rows, cols, values } = arrays;
    checkDims(nRows, nCols, argument);
    for (const name of ['rows', 'cols', 'values'] as const) requireArrayLike(arrays[name], name, InvalidParameterError);
    const m = values.length;
    if (rows.length !== m || cols.length !== m) {
      // Name the array whose length disagrees with the other two.
      const odd = rows.length === m ? 'cols' : cols.length === m ? 'rows' : rows.length === cols.length ? 'values' : 'cols';
      throw new ShapeMismatchError(odd, `rows (${rows.length}), cols (${cols.length}) and values (${m}) must have the same length`);
    }
    const counts = new Int32Array(nCols + 1);
    for (let k = 0; k < m; k++) {
      const i = rows[k]!;
      const j = cols[k]!;
      if (!Number.isInteger(i) || i < 0 || i >= nRows) throw new InvalidParameterError('rows', `rows[${k}] = ${i} is not a row index in [0, ${nRows})`);
      if (!Number.isInteger(j) || j < 0 || j >= nCols) throw new InvalidParameterError('cols', `cols[${k}] = ${j} is not a column index in [0, ${nCols})`);
      if (!Number.isFinite(values[k]!)) throw new NonFiniteValueError(argument, [i, j], values[k]!);
      counts[j + 1]!++;
    }
    for (let j = 0; j < nCols; j++) counts[j + 1]! += counts[j]!;
    // Bucket by column, then sort each column by row and sum duplicates.
    const order = new Int32Array(m);
    const next = counts.slice(0, nCols);
    for (let k = 0; k < m; k++) order[next[cols[k]!]!++] = k;
    const indptr = new Int32Array(nCols + 1);
    const outRows: number[] = [];
    const outVals: number[] = [];
    for (let j = 0; j < nCols; j++) {
      const slice = Array.from(order.subarray(counts[j]!, counts[j + 1]!)).sort((a, b) => rows[a]! - rows[b]!);
      let lastRow = -1;
      for (const k of slice) {
        const i = rows[k]!;
        if (i === lastRow) outVals[outVals.length - 1]! += values[k]!;
        else {
          outRows.push(i);
          outVals.push(values[k]!);
          lastRow = i;
        }
      }
      indptr[j + 1] = outRows.length;
    }
    return new CscMatrix(nRows, nCols, indptr, Int32Array.from(outRows), Float64Array.from(outVals));
  }

  /** The non-zero entries of a dense matrix. */
  static fromDense(dense: DenseMatrix): CscMatrix {
    const { nRows, nCols } = dense;
    const values = dense.storage;
    let nnz = 0;
    for (let k = 0; k < values.length; k++) if (values[k] !== 0) nnz++;
    const indptr = new Int32Array(nCols + 1);
    const indices = new Int32Array(nnz);
    const data = new Float64Array(nnz);
    let k = 0;
    for (let j = 0; j < nCols; j++) {
      for (let i = 0; i < nRows; i++) {
        const v = values[j * nRows + i]!;
        if (v !== 0) {
          indices[k] = i;
          data[k++] = v;
        }
      }
      indptr[j + 1] = k;
    }
    return new CscMatrix(nRows, nCols, indptr, indices, data);
  }

  /** Entry (i, j) (binary search within column j). */
  get(i: number, j: number): number {
    let lo = this.#indptr[j]!;
    let hi = this.#indptr[j + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.#indices[mid]!;
      if (r === i) return this.#data[mid]!;
      if (r < i) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Copies of the CSC arrays. */
  toCsc(): { nRows: number; nCols: number; indptr: Int32Array; indices: Int32Array; data: Float64Array } {
    return { nRows: this.nRows, nCols: this.nCols, indptr: this.#indptr.slice(), indices: this.#indices.slice(), data: this.#data.slice() };
  }

  /** @internal The storage itself (never handed to users). */
  get storage(): { indptr: Int32Array; indices: Int32Array; data: Float64Array } {
    return { indptr: this.#indptr, indices: this.#indices, data: this.#data };
  }

  /** Frees the matrix's copy in WebAssembly memory, if any. The matrix stays usable. */
  dispose(): void {
    releaseResidentCopy(this);
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}

function requireArrayLike(value: unknown, name: string, ErrorClass: typeof MalformedCscError | typeof InvalidParameterError): void {
  if (value === null || typeof value !== 'object' || typeof (value as ArrayLike<number>).length !== 'number') {
    throw new ErrorClass(name, `${name} must be an array of numbers, got ${value === null ? 'null' : typeof value}`);
  }
}

function checkDims(nRows: number, nCols: number, argument: string): void {
  for (const [name, v] of [['nRows', nRows], ['nCols', nCols]] as const) {
    if (!Number.isInteger(v) || v < 0 || v > 2 ** 31 - 1) {
      throw new InvalidParameterError(name, `${name} must be an integer in [0, 2^31), got ${v}`);
    }
  }
  if (nRows === 0 || nCols === 0) throw new EmptyDataError(argument, `${argument} is empty (${nRows}×${nCols})`);
}
