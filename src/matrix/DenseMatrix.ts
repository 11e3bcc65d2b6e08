/// <reference lib="esnext.disposable" preserve="true" />
import { EmptyDataError, InvalidParameterError, NonFiniteValueError, ShapeMismatchError } from '../errors.js';
import { releaseResidentCopy } from '../wasm/residentDesign.js';

/**
 * A dense matrix stored column-major (column j occupies `j·nRows … (j+1)·nRows − 1`),
 * the layout coordinate descent reads fastest. Values are copied in at construction
 * and checked to be finite, so the caller's arrays are never aliased or modified.
 *
 * The first fit with the WASM engine copies the matrix into WebAssembly memory once;
 * later fits on the same matrix reuse that copy. `dispose()` (or `using`) frees it.
 *
 * @example
 * ```ts
 * const X = DenseMatrix.fromRows([[1, 2], [3, 4], [5, 7]]);
 * X.get(2, 1); // 7
 * X.dispose();
 * ```
 */
export class DenseMatrix {
  /** Number of rows (samples, n). */
  readonly nRows: number;
  /** Number of columns (features, p). */
  readonly nCols: number;
  readonly #data: Float64Array;

  private constructor(data: Float64Array, nRows: number, nCols: number) {
    this.#data = data;
    this.nRows = nRows;
    this.nCols = nCols;
  }

  /**
   * From an array of rows (`rows[i][j]` is sample i, feature j).
   * @throws {EmptyDataError} `rows` is empty or its rows have no entries.
   * @throws {InvalidParameterError} an element of `rows` is not an array.
   * @throws {ShapeMismatchError} rows of different lengths.
   * @throws {NonFiniteValueError} a NaN or ±Infinity entry.
   */
  static fromRows(rows: ArrayLike<ArrayLike<number>>, argument = 'X'): DenseMatrix {
    if (rows.length === 0) throw new EmptyDataError(argument, `${argument} has no rows`);
    const nRows = rows.length;
    for (let i = 0; i < nRows; i++) {
      const row = rows[i] as unknown;
      if (row === null || typeof row !== 'object' || typeof (row as ArrayLike<number>).length !== 'number') {
        throw new InvalidParameterError(argument, `${argument}[${i}] is not an array of numbers (X must be an array of rows)`);
      }
    }
    const nCols = rows[0]!.length;
    if (nCols === 0) throw new EmptyDataError(argument, `${argument} has no columns`);
    const data = new Float64Array(nRows * nCols);
    for (let i = 0; i < nRows; i++) {
      const row = rows[i]!;
      if (row.length !== nCols) {
        throw new ShapeMismatchError(argument, `${argument}[${i}] has ${row.length} entries but ${argument}[0] has ${nCols}`);
      }
      for (let j = 0; j < nCols; j++) {
        const v = row[j]!;
        if (!Number.isFinite(v)) throw new NonFiniteValueError(argument, [i, j], v);
        data[j * nRows + i] = v;
      }
    }
    return new DenseMatrix(data, nRows, nCols);
  }

  /** From row-major values (`data[i·nCols + j]`). Same checks as {@link DenseMatrix.fromRows}. */
  static fromRowMajor(data: ArrayLike<number>, nRows: number, nCols: number, argument = 'X'): DenseMatrix {
    checkShape(data, nRows, nCols, argument);
    const out = new Float64Array(nRows * nCols);
    for (let i = 0; i < nRows; i++) {
      for (let j = 0; j < nCols; j++) {
        const v = data[i * nCols + j]!;
        if (!Number.isFinite(v)) throw new NonFiniteValueError(argument, [i, j], v);
        out[j * nRows + i] = v;
      }
    }
    return new DenseMatrix(out, nRows, nCols);
  }

  /** From column-major values (`data[j·nRows + i]`), copied. Same checks as {@link DenseMatrix.fromRows}. */
  static fromColumnMajor(data: ArrayLike<number>, nRows: number, nCols: number, argument = 'X'): DenseMatrix {
    checkShape(data, nRows, nCols, argument);
    const out = Float64Array.from(data);
    for (let k = 0; k < out.length; k++) {
      if (!Number.isFinite(out[k]!)) throw new NonFiniteValueError(argument, [k % nRows, Math.floor(k / nRows)], out[k]!);
    }
    return new DenseMatrix(out, nRows, nCols);
  }

  /** Entry (i, j). */
  get(i: number, j: number): number {
    return this.#data[j * this.nRows + i]!;
  }

  /** A copy of the values in column-major order. */
  toColumnMajor(): Float64Array {
    return this.#data.slice();
  }

  /** A copy of row i. */
  row(i: number): Float64Array {
    const out = new Float64Array(this.nCols);
    for (let j = 0; j < this.nCols; j++) out[j] = this.#data[j * this.nRows + i]!;
    return out;
  }

  /** @internal The column-major storage itself (never handed to users). */
  get storage(): Float64Array {
    return this.#data;
  }

  /** Frees the matrix's copy in WebAssembly memory, if any. The matrix stays usable (a later fit copies it again). */
  dispose(): void {
    releaseResidentCopy(this);
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}

function checkShape(data: ArrayLike<number>, nRows: number, nCols: number, argument: string): void {
  for (const [name, v] of [['nRows', nRows], ['nCols', nCols]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new InvalidParameterError(name, `${name} must be a non-negative integer, got ${v}`);
  }
  if (nRows === 0 || nCols === 0) throw new EmptyDataError(argument, `${argument} is empty (${nRows}×${nCols})`);
  if (data.length !== nRows * nCols) {
    throw new ShapeMismatchError(argument, `${argument} has ${data.length} values but ${nRows}×${nCols} needs ${nRows * nCols}`);
  }
}
