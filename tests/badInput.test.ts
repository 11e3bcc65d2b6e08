/**
 * Bad input gets a typed error that names the argument, thrown before any WebAssembly
 * work, and the caller's arrays are never modified (DESIGN.md §5).
 *
 * Every case checks the error class (with `toThrow(Class)`), `instanceof L1L2Error`,
 * the `argument` it names, and for non-finite values the `index` of the first bad entry.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  init, DenseMatrix, CscMatrix, Lasso, ElasticNet,
  L1L2Error, ShapeMismatchError, EmptyDataError, NonFiniteValueError, InvalidParameterError, MalformedCscError, NotFittedError,
  type CscArrays, type CooArrays, type MatrixInput, type EngineName,
} from '../src/index.js';
import { wasmRuntime } from '../src/wasm/runtime.js';
import { denseResidentBytes } from './helpers/residentBytes.js';
import { deepCopy, snapshot } from './helpers/byteSnapshot.js';
import { regressionProblem } from './helpers/seededProblem.js';

type AnyErrorClass = new (...args: never[]) => L1L2Error;
const ENGINES: EngineName[] = ['js', 'wasm'];

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Asserts `fn` throws `errorClass` naming `argument`; returns the error for further checks. */
function expectTypedError<E extends L1L2Error>(fn: () => unknown, errorClass: new (...args: never[]) => E, argument: string): E {
  expect(fn).toThrow(errorClass);
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(L1L2Error);
  expect(error).toBeInstanceOf(errorClass);
  const typed = error as E;
  expect(typed.name).toBe(errorClass.name);
  expect(typed.argument).toBe(argument);
  expect(typed.message).toContain(argument);
  return typed;
}

beforeAll(async () => {
  expect(await init()).toMatchObject({ engine: 'wasm' });
});

// A small, well-posed problem: 6 samples, 3 features.
const ROWS: number[][] = [
  [1, 2, 0.5],
  [0, 1, -1],
  [2, -1, 3],
  [1.5, 0.5, 0],
  [-1, 2, 1],
  [0.5, -0.5, 2],
];
const Y = [1, 0.5, 3, 1.2, -0.4, 2.1];
const rows = () => ROWS.map((r) => r.slice());
const withEntry = (i: number, j: number, v: number, base = rows()) => {
  base[i]![j] = v;
  return base;
};

interface FitCase {
  name: string;
  X: () => MatrixInput;
  y: () => ArrayLike<number>;
  initialCoef?: () => ArrayLike<number>;
  error: AnyErrorClass;
  argument: string;
  index?: number[];
}

const FIT_CASES: FitCase[] = [
  // Shape mismatches.
  { name: 'y shorter than X has rows', X: rows, y: () => Y.slice(0, 5), error: ShapeMismatchError, argument: 'y' },
  { name: 'y longer than X has rows', X: rows, y: () => [...Y, 1], error: ShapeMismatchError, argument: 'y' },
  { name: 'y (Float64Array) of the wrong length for a DenseMatrix', X: () => DenseMatrix.fromRows(ROWS), y: () => new Float64Array(7), error: ShapeMismatchError, argument: 'y' },
  { name: 'y of the wrong length for a CscMatrix', X: () => CscMatrix.fromDense(DenseMatrix.fromRows(ROWS)), y: () => Y.slice(1), error: ShapeMismatchError, argument: 'y' },
  { name: 'ragged rows (a short row)', X: () => { const r = rows(); r[3] = [1, 2]; return r; }, y: () => Y, error: ShapeMismatchError, argument: 'X' },
  { name: 'ragged rows (a long row)', X: () => { const r = rows(); r[5] = [1, 2, 3, 4]; return r; }, y: () => Y, error: ShapeMismatchError, argument: 'X' },
  { name: 'initialCoef too short', X: rows, y: () => Y, initialCoef: () => [0, 0], error: ShapeMismatchError, argument: 'initialCoef' },
  { name: 'initialCoef too long', X: rows, y: () => Y, initialCoef: () => new Float64Array(4), error: ShapeMismatchError, argument: 'initialCoef' },
  // Empty data.
  { name: 'X with no rows', X: () => [], y: () => [], error: EmptyDataError, argument: 'X' },
  { name: 'X whose rows have no columns', X: () => ROWS.map(() => []), y: () => Y, error: EmptyDataError, argument: 'X' },
  { name: 'y empty', X: rows, y: () => [], error: EmptyDataError, argument: 'y' },
  { name: 'y empty (Float64Array)', X: rows, y: () => new Float64Array(0), error: EmptyDataError, argument: 'y' },
  // Non-finite values: index is the first bad entry.
  { name: 'NaN in X', X: () => withEntry(4, 0, NaN, withEntry(2, 1, NaN)), y: () => Y, error: NonFiniteValueError, argument: 'X', index: [2, 1] },
  { name: 'Infinity in X', X: () => withEntry(0, 2, Infinity), y: () => Y, error: NonFiniteValueError, argument: 'X', index: [0, 2] },
  { name: '-Infinity in X (last entry)', X: () => withEntry(5, 2, -Infinity), y: () => Y, error: NonFiniteValueError, argument: 'X', index: [5, 2] },
  { name: 'NaN in y', X: rows, y: () => [1, 2, 3, NaN, 5, NaN], error: NonFiniteValueError, argument: 'y', index: [3] },
  { name: 'Infinity in y (first entry)', X: rows, y: () => [Infinity, 2, 3, 4, 5, 6], error: NonFiniteValueError, argument: 'y', index: [0] },
  { name: '-Infinity in y (Float64Array, last entry)', X: rows, y: () => Float64Array.of(1, 2, 3, 4, 5, -Infinity), error: NonFiniteValueError, argument: 'y', index: [5] },
  { name: 'NaN in initialCoef', X: rows, y: () => Y, initialCoef: () => [0, NaN, NaN], error: NonFiniteValueError, argument: 'initialCoef', index: [1] },
  { name: 'Infinity in initialCoef', X: rows, y: () => Y, initialCoef: () => [Infinity, 0, 0], error: NonFiniteValueError, argument: 'initialCoef', index: [0] },
  { name: '-Infinity in initialCoef (Float64Array)', X: rows, y: () => Y, initialCoef: () => Float64Array.of(0, 0, -Infinity), error: NonFiniteValueError, argument: 'initialCoef', index: [2] },
];

function runFitCase(c: FitCase, engine: EngineName) {
  const X = c.X();
  const y = c.y();
  const options = c.initialCoef ? { initialCoef: c.initialCoef() } : {};
  return () => new Lasso({ lambda: 0.05, engine }).fit(X, y, options);
}

describe('fit rejects bad X, y and initialCoef with a typed error naming the argument', () => {
  for (const engine of ENGINES) {
    describe(`engine '${engine}'`, () => {
      it.each(FIT_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        const error = expectTypedError(runFitCase(c, engine), c.error, c.argument);
        if (c.index) expect((error as NonFiniteValueError).index).toEqual(c.index);
      });
    });
  }

  it('ElasticNet raises the same errors as Lasso', () => {
    for (const c of FIT_CASES) {
      const X = c.X();
      const options = c.initialCoef ? { initialCoef: c.initialCoef() } : {};
      expectTypedError(() => new ElasticNet({ lambda: 0.1, l1Ratio: 0.3 }).fit(X, c.y(), options), c.error, c.argument);
    }
  });

  it('a value that is not a number counts as non-finite', () => {
    const e = expectTypedError(() => new Lasso({ lambda: 0.1 }).fit(ROWS, [1, 2, '3' as unknown as number, 4, 5, 6]), NonFiniteValueError, 'y');
    expect(e.index).toEqual([2]);
  });

  it('X or y that is not an array at all is an InvalidParameterError', () => {
    expectTypedError(() => new Lasso({ lambda: 0.1 }).fit(42 as unknown as MatrixInput, Y), InvalidParameterError, 'X');
    expectTypedError(() => new Lasso({ lambda: 0.1 }).fit(ROWS, null as unknown as number[]), InvalidParameterError, 'y');
    expectTypedError(() => new Lasso({ lambda: 0.1 }).fit(ROWS, Y, { initialCoef: 3 as unknown as number[] }), InvalidParameterError, 'initialCoef');
  });
});

describe('failing fits do no WebAssembly work', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(FIT_CASES.map((c) => [c.name, c] as const))('%s: heap untouched', (_name, c) => {
    const runtime = wasmRuntime()!;
    const { heap } = runtime;
    const inUse = heap.bytesInUse;
    const reserved = heap.bytesReserved;
    const allocate = vi.spyOn(heap, 'allocate');
    const f64 = vi.spyOn(heap, 'f64');
    const i32 = vi.spyOn(heap, 'i32');
    expect(runFitCase(c, 'wasm')).toThrow(c.error);
    expect(allocate).not.toHaveBeenCalled();
    expect(f64).not.toHaveBeenCalled();
    expect(i32).not.toHaveBeenCalled();
    expect(heap.bytesInUse).toBe(inUse);
    expect(heap.bytesReserved).toBe(reserved);
  });

  it('(control) a valid WASM fit does allocate, so the spies above are live', () => {
    const { heap } = wasmRuntime()!;
    const inUse = heap.bytesInUse;
    const allocate = vi.spyOn(heap, 'allocate');
    const model = new Lasso({ lambda: 0.05, engine: 'wasm' }).fit(ROWS, Y);
    expect(model.engineUsed).toBe('wasm');
    expect(allocate).toHaveBeenCalled();
    expect(heap.bytesInUse).toBe(inUse); // the temporary matrix built from rows was freed
  });

  it('a failing fit on a DenseMatrix leaves it without a resident copy', () => {
    const { heap } = wasmRuntime()!;
    const inUse = heap.bytesInUse;
    const X = DenseMatrix.fromRows(ROWS);
    expect(() => new Lasso({ lambda: 0.05 }).fit(X, Y.slice(1))).toThrow(ShapeMismatchError);
    expect(() => new Lasso({ lambda: 0.05 }).fit(X, Y, { initialCoef: [0, NaN, 0] })).toThrow(NonFiniteValueError);
    expect(heap.bytesInUse).toBe(inUse);
    new Lasso({ lambda: 0.05 }).fit(X, Y);
    expect(heap.bytesInUse).toBe(inUse + denseResidentBytes(ROWS.length, 3)); // control: a valid fit makes the copy
    X.dispose();
    expect(heap.bytesInUse).toBe(inUse);
  });

  it('a failing fit before init() does not even instantiate the WebAssembly module', async () => {
    vi.resetModules();
    const fresh = await import('../src/index.js');
    const calls: string[] = [];
    for (const name of ['validate', 'compile', 'instantiate'] as const) {
      const original = WebAssembly[name] as (...args: unknown[]) => unknown;
      vi.spyOn(WebAssembly, name).mockImplementation(((...args: unknown[]) => {
        calls.push(name);
        return original.apply(WebAssembly, args);
      }) as never);
    }
    const OriginalModule = WebAssembly.Module;
    vi.spyOn(WebAssembly, 'Module').mockImplementation(function (this: unknown, bytes: BufferSource) {
      calls.push('Module');
      return new OriginalModule(bytes);
    } as never);

    for (const c of FIT_CASES) {
      const X = c.X();
      const options = c.initialCoef ? { initialCoef: c.initialCoef() } : {};
      expect(() => new fresh.Lasso({ lambda: 0.05 }).fit(X as never, c.y(), options)).toThrow(fresh.L1L2Error);
    }
    expect(calls).toEqual([]);
    // Control: the first valid fit with the default engine does instantiate the module.
    const model = new fresh.Lasso({ lambda: 0.05 }).fit(ROWS, Y);
    expect(model.engineUsed).toBe('wasm');
    expect(calls).toContain('Module');
  });
});

describe('estimator options are checked at construction', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['lambda negative', { lambda: -0.1 }, 'lambda'],
    ['lambda NaN', { lambda: NaN }, 'lambda'],
    ['lambda Infinity', { lambda: Infinity }, 'lambda'],
    ['lambda -Infinity', { lambda: -Infinity }, 'lambda'],
    ['lambda missing', {}, 'lambda'],
    ['lambda a string', { lambda: '0.1' }, 'lambda'],
    ['lambda null', { lambda: null }, 'lambda'],
    ['tol 0', { lambda: 0.1, tol: 0 }, 'tol'],
    ['tol negative', { lambda: 0.1, tol: -1e-7 }, 'tol'],
    ['tol NaN', { lambda: 0.1, tol: NaN }, 'tol'],
    ['tol Infinity', { lambda: 0.1, tol: Infinity }, 'tol'],
    ['maxIter negative', { lambda: 0.1, maxIter: -1 }, 'maxIter'],
    ['maxIter non-integer', { lambda: 0.1, maxIter: 2.5 }, 'maxIter'],
    ['maxIter NaN', { lambda: 0.1, maxIter: NaN }, 'maxIter'],
    ['maxIter Infinity', { lambda: 0.1, maxIter: Infinity }, 'maxIter'],
    ['maxIter a string', { lambda: 0.1, maxIter: '100' }, 'maxIter'],
    ['fitIntercept a string', { lambda: 0.1, fitIntercept: 'true' }, 'fitIntercept'],
    ['fitIntercept a number', { lambda: 0.1, fitIntercept: 1 }, 'fitIntercept'],
    ['standardize a string', { lambda: 0.1, standardize: 'yes' }, 'standardize'],
    ['warmStart a number', { lambda: 0.1, warmStart: 0 }, 'warmStart'],
    ["engine 'gpu'", { lambda: 0.1, engine: 'gpu' }, 'engine'],
    ["engine 'WASM' (case matters)", { lambda: 0.1, engine: 'WASM' }, 'engine'],
    ['engine empty string', { lambda: 0.1, engine: '' }, 'engine'],
  ];
  const l1RatioCases: [string, Record<string, unknown>, string][] = [
    ['l1Ratio negative', { lambda: 0.1, l1Ratio: -0.01 }, 'l1Ratio'],
    ['l1Ratio above 1', { lambda: 0.1, l1Ratio: 1.0001 }, 'l1Ratio'],
    ['l1Ratio NaN', { lambda: 0.1, l1Ratio: NaN }, 'l1Ratio'],
    ['l1Ratio Infinity', { lambda: 0.1, l1Ratio: Infinity }, 'l1Ratio'],
    ['l1Ratio a string', { lambda: 0.1, l1Ratio: '0.5' }, 'l1Ratio'],
  ];

  it.each([...cases, ...l1RatioCases])('ElasticNet: %s', (_name, options, argument) => {
    expectTypedError(() => new ElasticNet(options as never), InvalidParameterError, argument);
  });

  it.each(cases)('Lasso: %s', (_name, options, argument) => {
    expectTypedError(() => new Lasso(options as never), InvalidParameterError, argument);
  });

  it('no options object at all names lambda', () => {
    expectTypedError(() => new Lasso(undefined as never), InvalidParameterError, 'lambda');
    expectTypedError(() => new ElasticNet(undefined as never), InvalidParameterError, 'lambda');
  });

  it('boundary values are accepted', () => {
    expect(new ElasticNet({ lambda: 0, l1Ratio: 0 }).l1Ratio).toBe(0);
    expect(new ElasticNet({ lambda: 0.1, l1Ratio: 1 }).l1Ratio).toBe(1);
    expect(new Lasso({ lambda: 0, maxIter: 0 }).maxIter).toBe(0);
    expect(new Lasso({ lambda: 1e300, tol: Number.MIN_VALUE }).tol).toBe(Number.MIN_VALUE);
    const model = new Lasso({ lambda: 0.1, fitIntercept: false, standardize: true, warmStart: true, engine: 'js' });
    expect([model.fitIntercept, model.standardize, model.warmStart, model.engine]).toEqual([false, true, true, 'js']);
  });
});

describe('DenseMatrix constructors', () => {
  const n = 3;
  const p = 4;
  // Two bad entries: (0, 2) comes first in row order, (1, 0) first in column order.
  const rowMajorWith = (v: number) => {
    const data = Array.from({ length: n * p }, (_, k) => k + 1);
    data[0 * p + 2] = v;
    data[1 * p + 0] = v;
    return data;
  };
  const columnMajorWith = (v: number) => {
    const data = Array.from({ length: n * p }, (_, k) => k + 1);
    data[2 * n + 0] = v;
    data[0 * n + 1] = v;
    return data;
  };
  const rowsWith = (v: number) => {
    const data = rowMajorWith(v);
    return Array.from({ length: n }, (_, i) => data.slice(i * p, (i + 1) * p));
  };

  it.each([NaN, Infinity, -Infinity])('%s: index is the first bad entry in the caller’s order', (v) => {
    expect(expectTypedError(() => DenseMatrix.fromRows(rowsWith(v)), NonFiniteValueError, 'X').index).toEqual([0, 2]);
    expect(expectTypedError(() => DenseMatrix.fromRowMajor(rowMajorWith(v), n, p), NonFiniteValueError, 'X').index).toEqual([0, 2]);
    expect(expectTypedError(() => DenseMatrix.fromRowMajor(Float64Array.from(rowMajorWith(v)), n, p), NonFiniteValueError, 'X').index).toEqual([0, 2]);
    expect(expectTypedError(() => DenseMatrix.fromColumnMajor(columnMajorWith(v), n, p), NonFiniteValueError, 'X').index).toEqual([1, 0]);
    expect(expectTypedError(() => DenseMatrix.fromColumnMajor(Float64Array.from(columnMajorWith(v)), n, p), NonFiniteValueError, 'X').index).toEqual([1, 0]);
  });

  it('a custom argument name is used in the error', () => {
    expectTypedError(() => DenseMatrix.fromRows(rowsWith(NaN), 'Xtest'), NonFiniteValueError, 'Xtest');
    expectTypedError(() => DenseMatrix.fromRowMajor([1, 2, 3], 2, 2, 'Xtest'), ShapeMismatchError, 'Xtest');
  });

  it('wrong data length is a ShapeMismatchError', () => {
    expectTypedError(() => DenseMatrix.fromRowMajor(new Float64Array(11), n, p), ShapeMismatchError, 'X');
    expectTypedError(() => DenseMatrix.fromRowMajor(new Float64Array(13), n, p), ShapeMismatchError, 'X');
    expectTypedError(() => DenseMatrix.fromColumnMajor([1, 2, 3, 4, 5], 2, 3), ShapeMismatchError, 'X');
    expectTypedError(() => DenseMatrix.fromColumnMajor(new Float64Array(7), 2, 3), ShapeMismatchError, 'X');
  });

  it('empty shapes are EmptyDataError, invalid dimensions InvalidParameterError', () => {
    expectTypedError(() => DenseMatrix.fromRows([]), EmptyDataError, 'X');
    expectTypedError(() => DenseMatrix.fromRows([[], []]), EmptyDataError, 'X');
    expectTypedError(() => DenseMatrix.fromRowMajor([], 0, 3), EmptyDataError, 'X');
    expectTypedError(() => DenseMatrix.fromColumnMajor([], 3, 0), EmptyDataError, 'X');
    expectTypedError(() => DenseMatrix.fromRowMajor([1, 2], -1, -2), InvalidParameterError, 'nRows');
    expectTypedError(() => DenseMatrix.fromColumnMajor([1, 2], 2, 1.5), InvalidParameterError, 'nCols');
    expectTypedError(() => DenseMatrix.fromColumnMajor([1, 2], NaN, 1), InvalidParameterError, 'nRows');
  });

  it('a row that is not an array (null, a number, a hole) is an InvalidParameterError naming X', () => {
    expectTypedError(() => DenseMatrix.fromRows([[1, 2], null as unknown as number[]]), InvalidParameterError, 'X');
    expectTypedError(() => DenseMatrix.fromRows([3 as unknown as number[], [1, 2]]), InvalidParameterError, 'X');
    // eslint-disable-next-line no-sparse-arrays
    expectTypedError(() => DenseMatrix.fromRows([[1, 2], , [3, 4]] as unknown as number[][]), InvalidParameterError, 'X');
    for (const engine of ENGINES) {
      expectTypedError(() => new Lasso({ lambda: 0.1, engine }).fit([[1, 2], null as unknown as number[]], [1, 2]), InvalidParameterError, 'X');
    }
  });

  it('ragged rows are a ShapeMismatchError wherever the odd row is', () => {
    expectTypedError(() => DenseMatrix.fromRows([[1, 2], [3]]), ShapeMismatchError, 'X');
    expectTypedError(() => DenseMatrix.fromRows([[1], [3, 4]]), ShapeMismatchError, 'X');
    expectTypedError(() => DenseMatrix.fromRows([[1, 2], [3, 4], [5, 6, 7]]), ShapeMismatchError, 'X');
  });

  it('all three constructors build the same matrix', () => {
    const a = DenseMatrix.fromRows(rowsWith(0));
    const b = DenseMatrix.fromRowMajor(rowMajorWith(0), n, p);
    const c = DenseMatrix.fromColumnMajor(a.toColumnMajor(), n, p);
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) {
      expect(b.get(i, j)).toBe(a.get(i, j));
      expect(c.get(i, j)).toBe(a.get(i, j));
    }
    expect(a.get(2, 3)).toBe(12);
    expect(Array.from(a.row(1))).toEqual([0, 6, 7, 8]);
  });
});

describe('CscMatrix.fromCsc rejects malformed arrays', () => {
  // 4×3: column 0 = rows {0, 2}, column 1 = row {1}, column 2 = rows {0, 3}.
  const base = (): CscArrays & { indptr: number[]; indices: number[]; data: number[] } => ({
    nRows: 4, nCols: 3, indptr: [0, 2, 3, 5], indices: [0, 2, 1, 0, 3], data: [1, 3, 2, 4, 5],
  });
  const edit = (change: Partial<ReturnType<typeof base>>) => ({ ...base(), ...change });

  it('the base arrays are valid (control)', () => {
    const X = CscMatrix.fromCsc(base());
    expect(X.nnz).toBe(5);
    expect([X.get(0, 0), X.get(2, 0), X.get(1, 1), X.get(0, 2), X.get(3, 2), X.get(1, 0)]).toEqual([1, 3, 2, 4, 5, 0]);
  });

  const malformed: [string, ReturnType<typeof edit>, string][] = [
    ['indptr too short', edit({ indptr: [0, 2, 5] }), 'indptr'],
    ['indptr too long', edit({ indptr: [0, 2, 3, 5, 5] }), 'indptr'],
    ['indptr[0] = 1', edit({ indptr: [1, 2, 3, 5] }), 'indptr'],
    ['indptr[0] = -1', edit({ indptr: [-1, 2, 3, 5] }), 'indptr'],
    ['decreasing indptr', edit({ indptr: [0, 3, 2, 5] }), 'indptr'],
    ['negative inner indptr', edit({ indptr: [0, -1, 3, 5] }), 'indptr'],
    ['last indptr < nnz', edit({ indptr: [0, 2, 3, 4] }), 'indptr'],
    ['last indptr > nnz', edit({ indptr: [0, 2, 3, 6] }), 'indptr'],
    ['non-integer indptr', edit({ indptr: [0, 1.5, 3, 5] }), 'indptr'],
    ['NaN in indptr', edit({ indptr: [0, NaN, 3, 5] }), 'indptr'],
    // An inner entry beyond nnz: 2^32 + 2 wraps to 2 when stored in an Int32Array.
    ['inner indptr far beyond nnz (2^32 + 2)', edit({ indptr: [0, 2 ** 32 + 2, 3, 5] }), 'indptr'],
    ['inner indptr beyond int32 (2^31)', edit({ indptr: [0, 2 ** 31, 3, 5] }), 'indptr'],
    ['indices shorter than data', edit({ indices: [0, 2, 1, 0] }), 'indices'],
    ['indices longer than data', edit({ indices: [0, 2, 1, 0, 3, 1] }), 'indices'],
    // indptr and indices agree on 5 entries; data is the odd one out.
    ['data shorter than indices and indptr[nCols]', edit({ data: [1, 3, 2, 4] }), 'data'],
    ['row index = nRows', edit({ indices: [0, 4, 1, 0, 3] }), 'indices'],
    ['row index far out of range', edit({ indices: [0, 2, 1, 0, 1e9] }), 'indices'],
    ['negative row index', edit({ indices: [0, 2, -1, 0, 3] }), 'indices'],
    ['non-integer row index', edit({ indices: [0, 2, 1, 0, 2.5] }), 'indices'],
    ['NaN row index', edit({ indices: [NaN, 2, 1, 0, 3] }), 'indices'],
    ['duplicate row index within a column', edit({ indices: [2, 2, 1, 0, 3] }), 'indices'],
    ['unsorted row indices within a column', edit({ indices: [0, 2, 1, 3, 0] }), 'indices'],
  ];

  it.each(malformed)('%s → MalformedCscError', (_name, arrays, argument) => {
    expectTypedError(() => CscMatrix.fromCsc(arrays), MalformedCscError, argument);
  });

  it('a missing array (e.g. COO-style `values` passed to fromCsc) is an L1L2Error naming it, not a TypeError', () => {
    // Which subclass is a judgment call (MalformedCscError / InvalidParameterError); the name is not.
    const expectNamed = (fn: () => unknown, argument: string) => {
      expect(fn).toThrow(L1L2Error);
      expect((thrownBy(fn) as L1L2Error).argument).toBe(argument);
    };
    const { data: _data, ...withoutData } = base();
    expectNamed(() => CscMatrix.fromCsc({ ...withoutData, values: [1, 3, 2, 4, 5] } as unknown as CscArrays), 'data');
    const { indices: _indices, ...withoutIndices } = base();
    expectNamed(() => CscMatrix.fromCsc(withoutIndices as unknown as CscArrays), 'indices');
    expectNamed(() => CscMatrix.fromCoo({ nRows: 3, nCols: 2, rows: [0, 2, 1], cols: [0, 0, 1], data: [1, 3, 2] } as unknown as CooArrays), 'values');
  });

  it('typed-array inputs are checked the same way', () => {
    const b = base();
    expectTypedError(() => CscMatrix.fromCsc({ ...b, indptr: Int32Array.of(0, 3, 2, 5) }), MalformedCscError, 'indptr');
    expectTypedError(() => CscMatrix.fromCsc({ ...b, indices: Int32Array.of(0, 2, 1, 3, 0) }), MalformedCscError, 'indices');
    expectTypedError(() => CscMatrix.fromCsc({ ...b, indices: Uint32Array.of(0, 2, 1, 0, 4) }), MalformedCscError, 'indices');
  });

  it('invalid dimensions and empty matrices', () => {
    expectTypedError(() => CscMatrix.fromCsc(edit({ nRows: -4 })), InvalidParameterError, 'nRows');
    expectTypedError(() => CscMatrix.fromCsc(edit({ nRows: 4.5 })), InvalidParameterError, 'nRows');
    expectTypedError(() => CscMatrix.fromCsc(edit({ nCols: NaN })), InvalidParameterError, 'nCols');
    expectTypedError(() => CscMatrix.fromCsc(edit({ nRows: 0, indices: [], data: [], indptr: [0, 0, 0, 0] })), EmptyDataError, 'X');
    expectTypedError(() => CscMatrix.fromCsc({ nRows: 4, nCols: 0, indptr: [0], indices: [], data: [] }), EmptyDataError, 'X');
  });

  it.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
  ])('%s in data → NonFiniteValueError with [row, column] of the first one', (_name, v) => {
    const data = [1, 3, 2, v, v]; // entries 3 (row 0, column 2) and 4 (row 3, column 2)
    expect(expectTypedError(() => CscMatrix.fromCsc(edit({ data })), NonFiniteValueError, 'X').index).toEqual([0, 2]);
    const data2 = [1, v, 2, 4, v]; // entry 1 is row 2, column 0
    expect(expectTypedError(() => CscMatrix.fromCsc({ ...base(), data: Float64Array.from(data2) }), NonFiniteValueError, 'X').index).toEqual([2, 0]);
  });

  it('empty columns and row indices restarting per column are valid', () => {
    const X = CscMatrix.fromCsc({ nRows: 3, nCols: 4, indptr: [0, 0, 2, 2, 3], indices: [0, 2, 0], data: [5, 6, 7] });
    expect([X.get(0, 1), X.get(2, 1), X.get(0, 3), X.get(1, 3), X.get(0, 0)]).toEqual([5, 6, 7, 0, 0]);
  });
});

describe('CscMatrix.fromCoo', () => {
  const base = (): CooArrays & { rows: number[]; cols: number[]; values: number[] } => ({
    nRows: 3, nCols: 2, rows: [0, 2, 1], cols: [0, 0, 1], values: [1, 3, 2],
  });
  const edit = (change: Partial<ReturnType<typeof base>>) => ({ ...base(), ...change });

  it.each([
    ['row index = nRows', edit({ rows: [0, 3, 1] }), 'rows'],
    ['negative row index', edit({ rows: [0, -1, 1] }), 'rows'],
    ['non-integer row index', edit({ rows: [0.5, 2, 1] }), 'rows'],
    ['column index = nCols', edit({ cols: [0, 2, 1] }), 'cols'],
    ['negative column index', edit({ cols: [0, 0, -1] }), 'cols'],
    ['NaN column index', edit({ cols: [NaN, 0, 1] }), 'cols'],
  ] as const)('%s → InvalidParameterError', (_name, arrays, argument) => {
    expectTypedError(() => CscMatrix.fromCoo(arrays), InvalidParameterError, argument);
  });

  it.each([
    ['rows shorter than cols and values', edit({ rows: [0, 2] }), 'rows'],
    ['cols shorter than rows and values', edit({ cols: [0, 0] }), 'cols'],
    ['values shorter than rows and cols', edit({ values: [1, 3] }), 'values'],
  ] as const)('length mismatch, %s → ShapeMismatchError naming the odd one out', (_name, arrays, argument) => {
    expectTypedError(() => CscMatrix.fromCoo(arrays), ShapeMismatchError, argument);
  });

  it.each([NaN, Infinity, -Infinity])('%s in values → NonFiniteValueError at [row, column] of the first one', (v) => {
    expect(expectTypedError(() => CscMatrix.fromCoo(edit({ values: [1, v, v] })), NonFiniteValueError, 'X').index).toEqual([2, 0]);
  });

  it('empty shapes are EmptyDataError', () => {
    expectTypedError(() => CscMatrix.fromCoo(edit({ nRows: 0, rows: [], cols: [], values: [] })), EmptyDataError, 'X');
  });

  it('duplicates are summed, in any order (scipy semantics)', () => {
    const X = CscMatrix.fromCoo({
      nRows: 3, nCols: 2,
      rows: [2, 0, 2, 1, 0, 2],
      cols: [1, 0, 1, 0, 0, 1],
      values: [1, 2, 3, 4, 5, -6],
    });
    const csc = X.toCsc();
    expect(Array.from(csc.indptr)).toEqual([0, 2, 3]);
    expect(Array.from(csc.indices)).toEqual([0, 1, 2]);
    expect(Array.from(csc.data)).toEqual([7, 4, -2]);
    expect([X.get(0, 0), X.get(1, 0), X.get(2, 0), X.get(2, 1), X.get(0, 1)]).toEqual([7, 4, 0, -2, 0]);
    // The same matrix given densely fits to the same model (on both engines).
    const dense = DenseMatrix.fromRows([[7, 0], [4, 0], [0, -2]]);
    const y = [1, 2, 3];
    for (const engine of ENGINES) {
      const a = new Lasso({ lambda: 0.01, tol: 1e-12, engine }).fit(X, y);
      const b = new Lasso({ lambda: 0.01, tol: 1e-12, engine }).fit(dense, y);
      expect(Math.abs(a.intercept - b.intercept)).toBeLessThan(1e-10);
      a.coef.forEach((c, j) => expect(Math.abs(c - b.coef[j]!)).toBeLessThan(1e-10));
    }
  });
});

describe('CscMatrix.fromDense round trip', () => {
  it('keeps exactly the non-zero entries, in CSC order, and fits like the dense matrix', () => {
    const problem = regressionProblem(40, 7, 11, { density: 0.4 });
    const dense = DenseMatrix.fromRows(problem.rows);
    const sparse = CscMatrix.fromDense(dense);
    let nnz = 0;
    for (const row of problem.rows) for (const v of row) if (v !== 0) nnz++;
    expect(sparse.nnz).toBe(nnz);
    expect(nnz).toBeLessThan(40 * 7);
    for (let i = 0; i < 40; i++) for (let j = 0; j < 7; j++) expect(sparse.get(i, j)).toBe(problem.rows[i]![j]);
    const csc = sparse.toCsc();
    for (let j = 0; j < 7; j++) {
      for (let k = csc.indptr[j]!; k < csc.indptr[j + 1]!; k++) {
        if (k > csc.indptr[j]!) expect(csc.indices[k]!).toBeGreaterThan(csc.indices[k - 1]!);
        expect(csc.data[k]).not.toBe(0);
      }
    }
    // fromCsc accepts what toCsc gives, and the result is the same matrix.
    const again = CscMatrix.fromCsc(csc);
    expect(again.toCsc()).toEqual(csc);
    for (const engine of ENGINES) {
      const a = new Lasso({ lambda: 0.05, tol: 1e-12, engine }).fit(dense, problem.y);
      const b = new Lasso({ lambda: 0.05, tol: 1e-12, engine }).fit(sparse, problem.y);
      expect(Math.abs(a.intercept - b.intercept)).toBeLessThan(1e-9);
      a.coef.forEach((c, j) => expect(Math.abs(c - b.coef[j]!)).toBeLessThan(1e-9));
    }
    dense.dispose();
    sparse.dispose();
  });
});

describe('predict, score and fitted attributes before fit', () => {
  const members = ['coef', 'intercept', 'nIter', 'dualGap', 'gapTolerance', 'objective', 'converged', 'engineUsed'] as const;

  it.each([
    ['Lasso', () => new Lasso({ lambda: 0.1 })],
    ['ElasticNet', () => new ElasticNet({ lambda: 0.1, l1Ratio: 0.5 })],
  ] as const)('%s throws NotFittedError naming the member', (_name, make) => {
    const model = make();
    expectTypedError(() => model.predict(ROWS), NotFittedError, 'predict');
    expectTypedError(() => model.score(ROWS, Y), NotFittedError, 'score');
    for (const member of members) expectTypedError(() => model[member], NotFittedError, member);
  });

  it('NotFittedError comes before any check of predict’s argument', () => {
    expectTypedError(() => new Lasso({ lambda: 0.1 }).predict([[NaN]]), NotFittedError, 'predict');
  });

  it('a failed fit leaves a new model unfitted, and a fitted model unchanged', () => {
    const model = new Lasso({ lambda: 0.05 });
    expect(() => model.fit(ROWS, Y.slice(1))).toThrow(ShapeMismatchError);
    expectTypedError(() => model.coef, NotFittedError, 'coef');
    model.fit(ROWS, Y);
    const coef = model.coef;
    const intercept = model.intercept;
    const nIter = model.nIter;
    expect(() => model.fit([[1, 2], [3, 4]], [1, 2])).not.toThrow(); // a valid refit on other data ...
    model.fit(ROWS, Y); // ... and back
    expect(() => model.fit(ROWS, [1, 2, 3, 4, 5, NaN])).toThrow(NonFiniteValueError);
    expect(() => model.fit(ROWS, Y, { initialCoef: [1, 2] })).toThrow(ShapeMismatchError);
    expect(model.coef).toEqual(coef);
    expect(model.intercept).toBe(intercept);
    expect(model.nIter).toBe(nIter);
  });
});

describe('predict and score check their inputs', () => {
  const model = () => new Lasso({ lambda: 0.01 }).fit(ROWS, Y);

  it('wrong number of columns → ShapeMismatchError naming X', () => {
    const m = model();
    expectTypedError(() => m.predict([[1, 2]]), ShapeMismatchError, 'X');
    expectTypedError(() => m.predict([[1, 2, 3, 4]]), ShapeMismatchError, 'X');
    expectTypedError(() => m.predict(DenseMatrix.fromRows([[1, 2], [3, 4]])), ShapeMismatchError, 'X');
    expectTypedError(() => m.predict(CscMatrix.fromCoo({ nRows: 2, nCols: 4, rows: [0], cols: [3], values: [1] })), ShapeMismatchError, 'X');
    expectTypedError(() => m.score([[1, 2]], [1]), ShapeMismatchError, 'X');
  });

  it('bad X or y in predict/score', () => {
    const m = model();
    expect(expectTypedError(() => m.predict([[1, 2, 3], [1, NaN, 3]]), NonFiniteValueError, 'X').index).toEqual([1, 1]);
    expectTypedError(() => m.predict([]), EmptyDataError, 'X');
    expectTypedError(() => m.predict([[1, 2, 3], [1, 2]]), ShapeMismatchError, 'X');
    expectTypedError(() => m.score(ROWS, Y.slice(2)), ShapeMismatchError, 'y');
    expectTypedError(() => m.score(ROWS, []), EmptyDataError, 'y');
    expect(expectTypedError(() => m.score(ROWS, [1, 2, 3, 4, Infinity, 6]), NonFiniteValueError, 'y').index).toEqual([4]);
  });

  it('(control) valid inputs predict b + Xw', () => {
    const m = model();
    const prediction = m.predict(ROWS);
    const coef = m.coef;
    ROWS.forEach((row, i) => {
      const expected = m.intercept + row.reduce((s, x, j) => s + x * coef[j]!, 0);
      expect(prediction[i]).toBeCloseTo(expected, 12);
    });
  });
});

describe("the caller's arrays are never modified", () => {
  // Inputs with -0, a subnormal and large values: any normalization would show in the bytes.
  const problem = regressionProblem(25, 4, 3);
  const trickyRows = () => {
    const r = deepCopy(problem.rows);
    r[0]![0] = -0;
    r[1]![1] = 5e-324;
    r[2]![2] = 1e200 / 1e190;
    return r;
  };

  type Call = (engine: EngineName) => unknown;
  const scenarios: { name: string; inputs: () => Record<string, unknown>; call: (inputs: Record<string, unknown>) => Call; fails?: AnyErrorClass }[] = [
    {
      name: 'fit(number[][], number[], { initialCoef: number[] }) with standardize and intercept',
      inputs: () => ({ X: trickyRows(), y: Array.from(problem.y), initialCoef: [0.5, -0, 0, 1] }),
      call: (i) => (engine) => new Lasso({ lambda: 0.02, standardize: true, engine }).fit(i.X as number[][], i.y as number[], { initialCoef: i.initialCoef as number[] }),
    },
    {
      name: 'fit(Float64Array rows, Float64Array y that is a view into a larger buffer)',
      inputs: () => {
        const big = new Float64Array(problem.n + 10).fill(-7);
        big.set(problem.y, 5);
        return { X: trickyRows().map((r) => Float64Array.from(r)), yBuffer: big, initialCoef: new Float64Array(4).fill(0.1) };
      },
      call: (i) => (engine) => {
        const yBuffer = i.yBuffer as Float64Array;
        return new ElasticNet({ lambda: 0.02, l1Ratio: 0.4, engine }).fit(i.X as Float64Array[], yBuffer.subarray(5, 5 + problem.n), { initialCoef: i.initialCoef as Float64Array });
      },
    },
    {
      name: 'DenseMatrix.fromRowMajor + fit + predict + score, then warm-started refit',
      inputs: () => ({ data: Float64Array.from(problem.rowMajor), y: Float64Array.from(problem.y), newRows: trickyRows().slice(0, 3) }),
      call: (i) => (engine) => {
        const X = DenseMatrix.fromRowMajor(i.data as Float64Array, problem.n, problem.p);
        const model = new Lasso({ lambda: 0.02, warmStart: true, engine }).fit(X, i.y as Float64Array);
        model.fit(X, i.y as Float64Array);
        model.predict(i.newRows as number[][]);
        model.score(X, i.y as Float64Array);
        X.dispose();
      },
    },
    {
      name: 'CscMatrix.fromCsc / fromCoo + fit',
      inputs: () => {
        const csc = CscMatrix.fromDense(DenseMatrix.fromRows(problem.rows)).toCsc();
        return {
          csc: { nRows: csc.nRows, nCols: csc.nCols, indptr: Array.from(csc.indptr), indices: Int32Array.from(csc.indices), data: Float64Array.from(csc.data) },
          coo: { rows: [3, 0, 3, 1], cols: [2, 0, 2, 1], values: [1, -0, 2, 5e-324] },
          y: Array.from(problem.y),
        };
      },
      call: (i) => (engine) => {
        const csc = i.csc as CscArrays;
        const coo = i.coo as { rows: number[]; cols: number[]; values: number[] };
        new Lasso({ lambda: 0.02, engine }).fit(CscMatrix.fromCsc(csc), i.y as number[]);
        new Lasso({ lambda: 0.02, engine }).fit(CscMatrix.fromCoo({ nRows: problem.n, nCols: problem.p, ...coo }), i.y as number[]);
      },
    },
    {
      name: 'failing fit: NaN at the end of y',
      inputs: () => ({ X: trickyRows(), y: [...Array.from(problem.y).slice(0, -1), NaN], initialCoef: [1, 2, 3, 4] }),
      call: (i) => (engine) => new Lasso({ lambda: 0.02, engine }).fit(i.X as number[][], i.y as number[], { initialCoef: i.initialCoef as number[] }),
      fails: NonFiniteValueError,
    },
    {
      name: 'failing fit: initialCoef with NaN',
      inputs: () => ({ X: trickyRows(), y: Float64Array.from(problem.y), initialCoef: [1, 2, NaN, 4] }),
      call: (i) => (engine) => new Lasso({ lambda: 0.02, engine }).fit(i.X as number[][], i.y as Float64Array, { initialCoef: i.initialCoef as number[] }),
      fails: NonFiniteValueError,
    },
    {
      name: 'failing fit: initialCoef of the wrong length',
      inputs: () => ({ X: trickyRows(), y: Array.from(problem.y), initialCoef: new Float64Array(5) }),
      call: (i) => (engine) => new Lasso({ lambda: 0.02, engine }).fit(i.X as number[][], i.y as number[], { initialCoef: i.initialCoef as Float64Array }),
      fails: ShapeMismatchError,
    },
    {
      name: 'failing fit: ragged X (last row short)',
      inputs: () => ({ X: [...trickyRows().slice(0, -1), [1, 2, 3]], y: Array.from(problem.y) }),
      call: (i) => (engine) => new Lasso({ lambda: 0.02, engine }).fit(i.X as number[][], i.y as number[]),
      fails: ShapeMismatchError,
    },
    {
      name: 'failing fromCsc: unsorted rows in the last column',
      inputs: () => ({ csc: { nRows: 4, nCols: 2, indptr: [0, 2, 4], indices: [0, 3, 2, 1], data: [1, -0, 3, 4] } }),
      call: (i) => () => CscMatrix.fromCsc(i.csc as CscArrays),
      fails: MalformedCscError,
    },
  ];

  for (const engine of ENGINES) {
    it.each(scenarios.map((s) => [s.name, s] as const))(`engine '${engine}': %s`, (_name, scenario) => {
      const inputs = scenario.inputs();
      const before = snapshot(inputs);
      const copy = deepCopy(inputs);
      const call = scenario.call(inputs);
      if (scenario.fails) expect(() => call(engine)).toThrow(scenario.fails);
      else call(engine);
      expect(snapshot(inputs)).toEqual(before);
      expect(inputs).toEqual(copy);
    });
  }

  it('mutating the source arrays after construction does not change a DenseMatrix', () => {
    const src = deepCopy(problem.rows);
    const rowMajor = Float64Array.from(problem.rowMajor);
    const columnMajor = Array.from(problem.columnMajor);
    const a = DenseMatrix.fromRows(src);
    const b = DenseMatrix.fromRowMajor(rowMajor, problem.n, problem.p);
    const c = DenseMatrix.fromColumnMajor(columnMajor, problem.n, problem.p);
    const reference = new Lasso({ lambda: 0.02, tol: 1e-12 }).fit(problem.rows, problem.y);
    src[0]![0] = 1e6;
    src[3] = [0, 0, 0, 0];
    rowMajor.fill(42);
    columnMajor.fill(-1);
    for (const X of [a, b, c]) {
      for (let i = 0; i < problem.n; i++) for (let j = 0; j < problem.p; j++) expect(X.get(i, j)).toBe(problem.rows[i]![j]);
      const model = new Lasso({ lambda: 0.02, tol: 1e-12 }).fit(X, problem.y);
      expect(model.coef).toEqual(reference.coef);
      X.dispose();
    }
  });

  it('mutating the source arrays after construction does not change a CscMatrix', () => {
    const arrays = { nRows: 3, nCols: 2, indptr: [0, 2, 3], indices: Int32Array.of(0, 2, 1), data: Float64Array.of(1, 3, 2) };
    const coo = { nRows: 3, nCols: 2, rows: [0, 2, 1], cols: [0, 0, 1], values: [1, 3, 2] };
    const a = CscMatrix.fromCsc(arrays);
    const b = CscMatrix.fromCoo(coo);
    arrays.indptr[1] = 1;
    arrays.indices[1] = 1;
    arrays.data.fill(9);
    coo.rows[0] = 1;
    coo.values.fill(0);
    for (const X of [a, b]) {
      expect([X.get(0, 0), X.get(2, 0), X.get(1, 1), X.get(1, 0)]).toEqual([1, 3, 2, 0]);
      expect(X.toCsc()).toEqual({ nRows: 3, nCols: 2, indptr: Int32Array.of(0, 2, 3), indices: Int32Array.of(0, 2, 1), data: Float64Array.of(1, 3, 2) });
    }
  });

  it('arrays handed out (toColumnMajor, row, toCsc, coef) are copies', () => {
    const X = DenseMatrix.fromRows([[1, 2], [3, 4]]);
    X.toColumnMajor().fill(0);
    X.row(0).fill(0);
    expect([X.get(0, 0), X.get(1, 0), X.get(0, 1), X.get(1, 1)]).toEqual([1, 3, 2, 4]);
    const S = CscMatrix.fromDense(X);
    const csc = S.toCsc();
    csc.data.fill(0);
    csc.indices.fill(1);
    expect(S.get(0, 0)).toBe(1);
    const model = new Lasso({ lambda: 0.01 }).fit(ROWS, Y);
    const coef = model.coef;
    model.coef.fill(123);
    expect(model.coef).toEqual(coef);
    expect(Array.from(model.predict(ROWS))).toEqual(Array.from(new Lasso({ lambda: 0.01 }).fit(ROWS, Y).predict(ROWS)));
  });
});
