// The page side of l1l2/worker, in Node: which arrays are moved (transferred) and which are
// copied, and that a detached array is refused with a typed error before anything is sent.
import { describe, expect, test } from 'vitest';
import { CscMatrix, DenseMatrix, InvalidParameterError, ShapeMismatchError } from '../src/index.js';
import { encodeMatrix, encodeOptions, TransferList } from '../src/worker/encodeInputs.js';

describe('worker input encoding', () => {
  test('whole-buffer typed arrays of the right type are moved, not copied', () => {
    const transfer = new TransferList(true);
    const indptr = Int32Array.of(0, 1, 2);
    const indices = Int32Array.of(0, 1);
    const data = Float64Array.of(1.5, -2);
    const encoded = encodeMatrix({ nRows: 2, nCols: 2, indptr, indices, data }, transfer);
    expect(encoded.kind).toBe('csc');
    if (encoded.kind !== 'csc') return;
    expect(encoded.indptr).toBe(indptr);
    expect(encoded.indices).toBe(indices);
    expect(encoded.data).toBe(data);
    expect(transfer.buffers).toEqual([indptr.buffer, indices.buffer, data.buffer]);
  });

  test('with transfer: false, or for a view into a larger buffer, a fresh copy is transferred instead', () => {
    const big = new Float64Array(10).map((_, i) => i);
    const view = big.subarray(2, 6);
    const moving = new TransferList(true);
    const moved = moving.float64(view, 'y');
    expect(moved).not.toBe(view);
    expect(moved.buffer).not.toBe(big.buffer);
    expect(Array.from(moved)).toEqual([2, 3, 4, 5]);
    expect(moving.buffers).toEqual([moved.buffer]);

    const keeping = new TransferList(false);
    const whole = Float64Array.of(1, 2, 3);
    const copy = keeping.float64(whole, 'y');
    expect(copy).not.toBe(whole);
    expect(Array.from(copy)).toEqual([1, 2, 3]);
  });

  test('integer arrays that are not Int32Array go as Float64Array, so the worker still sees fractional values', () => {
    const transfer = new TransferList(true);
    const encoded = encodeMatrix({ nRows: 2, nCols: 1, indptr: [0, 2], indices: [0, 0.5], data: [1, 2] }, transfer);
    if (encoded.kind !== 'csc') throw new Error('expected CSC');
    expect(encoded.indices).toBeInstanceOf(Float64Array);
    expect(Array.from(encoded.indices)).toEqual([0, 0.5]);
    // …which the worker's CscMatrix.fromCsc rejects with the main API's error.
    expect(() => CscMatrix.fromCsc(encoded)).toThrow(/indices\[1\] = 0.5/);
  });

  test('DenseMatrix, CscMatrix and arrays of rows are encoded from copies (the caller keeps them)', () => {
    const transfer = new TransferList(true);
    const dense = DenseMatrix.fromRows([[1, 2], [3, 4], [5, 6]]);
    const fromDense = encodeMatrix(dense, transfer);
    expect(fromDense).toMatchObject({ kind: 'dense', nRows: 3, nCols: 2, layout: 'column-major' });
    expect(Array.from(fromDense.data)).toEqual([1, 3, 5, 2, 4, 6]);
    expect(dense.get(2, 1)).toBe(6);
    const csc = CscMatrix.fromDense(dense);
    const fromCsc = encodeMatrix(csc, transfer);
    expect(fromCsc.kind).toBe('csc');
    expect(csc.nnz).toBe(6);
    expect(encodeMatrix([[1, 2], [3, 4]], transfer)).toMatchObject({ kind: 'dense', nRows: 2, nCols: 2 });
    // Ragged rows: the main API's error, raised on the page before anything is sent.
    expect(() => encodeMatrix([[1, 2], [3]], transfer)).toThrow(ShapeMismatchError);
    expect(() => encodeMatrix({ nRows: 1, nCols: 1, data: [1], layout: 'diagonal' as never }, transfer)).toThrow(InvalidParameterError);
  });

  test('a detached array is refused with an InvalidParameterError naming it', () => {
    const y = Float64Array.of(1, 2, 3);
    structuredClone(y.buffer, { transfer: [y.buffer] }); // what postMessage's transfer does
    expect(y.length).toBe(0);
    const transfer = new TransferList(true);
    let error: unknown;
    try {
      transfer.float64(y, 'y');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect((error as InvalidParameterError).argument).toBe('y');
    expect((error as Error).message).toMatch(/detached.*transfer: false/);
  });

  test('options: arrays become transferred typed arrays; functions, signals and the transfer flag stay on the page', () => {
    const transfer = new TransferList(true);
    const lambdas = [1, 0.5, 0.1];
    const options = encodeOptions({ lambdas, nFolds: 5, onProgress: () => {}, signal: new AbortController().signal, transfer: true, foldId: [0, 1, 0, 1] }, transfer);
    expect(Object.keys(options).sort()).toEqual(['foldId', 'lambdas', 'nFolds']);
    expect(options['lambdas']).toBeInstanceOf(Float64Array);
    expect(Array.from(options['lambdas'] as Float64Array)).toEqual(lambdas);
    expect(transfer.buffers).toHaveLength(2);
  });
});
