/**
 * WebAssembly memory ownership (DESIGN.md §2): memory stays bounded over thousands of
 * fit/dispose cycles, X is copied into WASM memory once per dataset, views are re-taken
 * after `memory.grow`, and a problem beyond wasm32's 4 GiB gets WasmMemoryLimitError.
 *
 * Tests in this file run in order and share one runtime; each measures the heap
 * relative to its own starting point.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { init, DenseMatrix, CscMatrix, Lasso, ElasticNet, WasmMemoryLimitError, L1L2Error } from '../src/index.js';
import { wasmRuntime, type WasmRuntime } from '../src/wasm/runtime.js';
import { regressionProblem, lassoLambdaMax, seededNormal } from './helpers/seededProblem.js';
import { denseResidentBytes } from './helpers/residentBytes.js';

let runtime: WasmRuntime;

beforeAll(async () => {
  expect(await init()).toMatchObject({ engine: 'wasm' });
  runtime = wasmRuntime()!;
  expect(runtime).toBeDefined();
});

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
};

describe('bounded memory over many fit/dispose cycles', () => {
  it('10,000 dense fit + dispose cycles return bytesInUse exactly and never grow the memory', () => {
    const { heap } = runtime;
    // Several shapes, so blocks of different sizes are carved and coalesced.
    const problems = [regressionProblem(30, 8, 1), regressionProblem(25, 6, 2), regressionProblem(40, 10, 3), regressionProblem(30, 8, 4)];
    const lambdas = [0.01, 0.03, 0.05, 0.08, 0.12];
    const firstCoef = new Map<number, Float64Array>();
    const cycle = (k: number) => {
      const problem = problems[k % problems.length]!;
      const X = DenseMatrix.fromRowMajor(problem.rowMajor, problem.n, problem.p);
      const model = new Lasso({ lambda: lambdas[k % lambdas.length]!, engine: 'wasm' }).fit(X, problem.y);
      const held = heap.bytesInUse;
      X.dispose();
      return { model, held };
    };

    for (let k = 0; k < 100; k++) {
      const { model } = cycle(k);
      const combo = k % 20;
      if (!firstCoef.has(combo)) firstCoef.set(combo, model.coef);
    }
    const inUse = heap.bytesInUse;
    const reserved = heap.bytesReserved;

    for (let k = 0; k < 10_000; k++) {
      const { model, held } = cycle(k);
      if (k % 500 === 0) {
        const problem = problems[k % problems.length]!;
        expect(model.engineUsed).toBe('wasm');
        expect(model.converged).toBe(true);
        // While the matrix was alive its resident copy was held (the cycle really used WASM memory) ...
        expect(held).toBe(inUse + denseResidentBytes(problem.n, problem.p));
        // ... and dispose() gave it back.
        expect(heap.bytesInUse).toBe(inUse);
      }
      // Same data, same λ: exactly the same answer on every cycle (no stale or corrupted memory).
      expect(model.coef).toEqual(firstCoef.get(k % 20));
    }
    expect(heap.bytesInUse).toBe(inUse);
    expect(heap.bytesReserved).toBe(reserved);
  });

  it('2,000 CSC fit + dispose cycles, several matrices alive at once, disposed out of order', () => {
    const { heap } = runtime;
    const sparse = [regressionProblem(60, 12, 21, { density: 0.2 }), regressionProblem(35, 9, 22, { density: 0.3 }), regressionProblem(80, 5, 23, { density: 0.1 })];
    const matrices = (k: number) => [
      CscMatrix.fromDense(DenseMatrix.fromRows(sparse[k % 3]!.rows)),
      CscMatrix.fromCoo(cooOf(sparse[(k + 1) % 3]!.rows)),
      DenseMatrix.fromRows(sparse[(k + 2) % 3]!.rows),
    ];
    const fitAll = (k: number) => {
      const Xs = matrices(k);
      const coefs = Xs.map((X, i) => new ElasticNet({ lambda: 0.02, l1Ratio: 0.7, engine: 'wasm' }).fit(X, sparse[(k + i) % 3]!.y).coef);
      // Dispose in a rotating order so freed blocks are not always adjacent to the free tail.
      const order = [[2, 0, 1], [1, 2, 0], [0, 1, 2]][k % 3]!;
      for (const i of order) Xs[i]!.dispose();
      return coefs;
    };
    for (let k = 0; k < 30; k++) fitAll(k);
    const inUse = heap.bytesInUse;
    const reserved = heap.bytesReserved;
    const reference = [0, 1, 2].map((k) => fitAll(k));
    for (let k = 0; k < 2_000; k++) {
      const coefs = fitAll(k);
      coefs.forEach((c, i) => expect(c).toEqual(reference[k % 3]![i]));
      if (k % 250 === 0) expect(heap.bytesInUse).toBe(inUse);
    }
    expect(heap.bytesInUse).toBe(inUse);
    expect(heap.bytesReserved).toBe(reserved);
  });

  it('fits on number[][] free their temporary matrix automatically (1,000 fits, no dispose call)', () => {
    const { heap } = runtime;
    const problem = regressionProblem(30, 8, 5);
    new Lasso({ lambda: 0.05 }).fit(problem.rows, problem.y);
    const inUse = heap.bytesInUse;
    const reserved = heap.bytesReserved;
    let first: Float64Array | undefined;
    for (let k = 0; k < 1_000; k++) {
      const model = new Lasso({ lambda: 0.05, engine: 'wasm' }).fit(problem.rows, problem.y);
      expect(model.engineUsed).toBe('wasm');
      first ??= model.coef;
      expect(model.coef).toEqual(first);
      expect(heap.bytesInUse).toBe(inUse);
    }
    expect(heap.bytesReserved).toBe(reserved);
  });

  it('[Symbol.dispose]() frees the resident copy like dispose()', () => {
    const { heap } = runtime;
    const problem = regressionProblem(30, 8, 6);
    const inUse = heap.bytesInUse;
    for (let k = 0; k < 500; k++) {
      const X = k % 2 === 0 ? DenseMatrix.fromRows(problem.rows) : CscMatrix.fromDense(DenseMatrix.fromRows(problem.rows));
      new Lasso({ lambda: 0.05, engine: 'wasm' }).fit(X, problem.y);
      expect(heap.bytesInUse).toBeGreaterThan(inUse);
      X[Symbol.dispose]();
      expect(heap.bytesInUse).toBe(inUse);
    }
  });

  it('a `using` declaration disposes the matrix at the end of its block', () => {
    const { heap } = runtime;
    const problem = regressionProblem(30, 8, 7);
    const inUse = heap.bytesInUse;
    for (let k = 0; k < 200; k++) {
      {
        using X = DenseMatrix.fromRows(problem.rows);
        new Lasso({ lambda: 0.05, engine: 'wasm' }).fit(X, problem.y);
        expect(heap.bytesInUse).toBe(inUse + denseResidentBytes(problem.n, problem.p));
      }
      expect(heap.bytesInUse).toBe(inUse);
    }
    // Also when the block is left by an exception.
    expect(() => {
      using X = DenseMatrix.fromRows(problem.rows);
      new Lasso({ lambda: 0.05, engine: 'wasm' }).fit(X, problem.y);
      throw new Error('leaving the block early');
    }).toThrow('leaving the block early');
    expect(heap.bytesInUse).toBe(inUse);
  });
});

describe('resident copies: X is copied into WASM memory once per dataset', () => {
  it('a dense matrix: second fit reuses the copy; dispose frees it; dispose twice is harmless; refit after dispose works', () => {
    const { heap } = runtime;
    const problem = regressionProblem(50, 10, 8);
    const X = DenseMatrix.fromRows(problem.rows);
    const inUse = heap.bytesInUse;
    const first = new Lasso({ lambda: 0.03, engine: 'wasm' }).fit(X, problem.y);
    const copyBytes = denseResidentBytes(50, 10);
    expect(heap.bytesInUse).toBe(inUse + copyBytes);
    const second = new Lasso({ lambda: 0.03, engine: 'wasm' }).fit(X, problem.y);
    expect(heap.bytesInUse).toBe(inUse + copyBytes);
    // A second (fitIntercept, standardize) setting adds one block of column statistics, once.
    new ElasticNet({ lambda: 0.1, l1Ratio: 0.2, standardize: true, engine: 'wasm' }).fit(X, problem.y);
    new ElasticNet({ lambda: 0.2, l1Ratio: 0.2, standardize: true, engine: 'wasm' }).fit(X, problem.y);
    new Lasso({ lambda: 0.5, engine: 'wasm' }).fit(X, problem.y, { initialCoef: first.coef });
    expect(heap.bytesInUse).toBe(inUse + denseResidentBytes(50, 10, 2));
    expect(second.coef).toEqual(first.coef);

    X.dispose();
    expect(heap.bytesInUse).toBe(inUse);
    expect(() => X.dispose()).not.toThrow();
    expect(() => X[Symbol.dispose]()).not.toThrow();
    expect(heap.bytesInUse).toBe(inUse);

    // The matrix stays usable: the next fit copies it again.
    const third = new Lasso({ lambda: 0.03, engine: 'wasm' }).fit(X, problem.y);
    expect(third.coef).toEqual(first.coef);
    expect(heap.bytesInUse).toBe(inUse + copyBytes);
    X.dispose();
    expect(heap.bytesInUse).toBe(inUse);
  });

  it('a CSC matrix: the same', () => {
    const { heap } = runtime;
    const problem = regressionProblem(70, 15, 9, { density: 0.25 });
    const X = CscMatrix.fromDense(DenseMatrix.fromRows(problem.rows));
    const inUse = heap.bytesInUse;
    const first = new Lasso({ lambda: 0.02, engine: 'wasm' }).fit(X, problem.y);
    const held = heap.bytesInUse - inUse;
    expect(held).toBeGreaterThanOrEqual(X.nnz * 12 + 16 * 4);
    new Lasso({ lambda: 0.02, engine: 'wasm' }).fit(X, problem.y);
    // No intercept is a second setting: one more block of column statistics (4 doubles per column).
    new ElasticNet({ lambda: 0.02, l1Ratio: 0.5, fitIntercept: false, engine: 'wasm' }).fit(X, problem.y);
    new ElasticNet({ lambda: 0.03, l1Ratio: 0.5, fitIntercept: false, engine: 'wasm' }).fit(X, problem.y);
    expect(heap.bytesInUse).toBe(inUse + held + 15 * 32);
    X.dispose();
    X.dispose();
    expect(heap.bytesInUse).toBe(inUse);
    expect(new Lasso({ lambda: 0.02, engine: 'wasm' }).fit(X, problem.y).coef).toEqual(first.coef);
    X.dispose();
    expect(heap.bytesInUse).toBe(inUse);
  });

  it('a js-engine fit makes no WASM copy', () => {
    const { heap } = runtime;
    const problem = regressionProblem(40, 6, 10);
    const X = DenseMatrix.fromRows(problem.rows);
    const inUse = heap.bytesInUse;
    new Lasso({ lambda: 0.05, engine: 'js' }).fit(X, problem.y);
    expect(heap.bytesInUse).toBe(inUse);
    X.dispose();
  });
});

describe('views are re-taken after memory.grow', () => {
  it('a matrix copied before a ~50 MB grow still fits to exactly the same answer afterwards', () => {
    const { heap } = runtime;
    const small = regressionProblem(100, 20, 12);
    const X1 = DenseMatrix.fromRows(small.rows);
    const before = new Lasso({ lambda: 0.02, tol: 1e-10, engine: 'wasm' }).fit(X1, small.y);
    const inUseWithX1 = heap.bytesInUse;
    const reservedBefore = heap.bytesReserved;

    // 6250 × 1000 doubles = 50 MB: more than the free space, so the memory must grow.
    const n = 6250;
    const p = 1000;
    const normal = seededNormal(99);
    const columnMajor = new Float64Array(n * p);
    for (let k = 0; k < columnMajor.length; k++) columnMajor[k] = normal();
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = 3 * columnMajor[i]! - 2 * columnMajor[n + i]! + columnMajor[2 * n + i]! + 0.5 * normal();
    expect(reservedBefore - heap.bytesInUse).toBeLessThan(n * p * 8); // precondition: a grow is needed
    const X2 = DenseMatrix.fromColumnMajor(columnMajor, n, p);
    const big = new Lasso({ lambda: 0.2, tol: 1e-8, engine: 'wasm' }).fit(X2, y);
    expect(heap.bytesReserved).toBeGreaterThanOrEqual(reservedBefore + n * p * 8 - (reservedBefore - inUseWithX1));
    expect(heap.bytesReserved).toBeGreaterThan(reservedBefore);
    expect(big.converged).toBe(true);
    // The big fit itself read X2 and wrote its results through views taken after the grow.
    const bigJs = new Lasso({ lambda: 0.2, tol: 1e-8, engine: 'js' }).fit(X2, y);
    expect(maxAbsDiff(big.coef, bigJs.coef)).toBeLessThan(1e-6);
    expect(big.coef[0]).toBeGreaterThan(2);
    expect(big.coef[1]).toBeLessThan(-1);

    // X1's copy (made before the grow) is reused through fresh views: same bytes in use, same answer.
    const inUseWithBoth = heap.bytesInUse;
    const after = new Lasso({ lambda: 0.02, tol: 1e-10, engine: 'wasm' }).fit(X1, small.y);
    expect(heap.bytesInUse).toBe(inUseWithBoth);
    expect(after.coef).toEqual(before.coef);
    expect(after.intercept).toBe(before.intercept);
    expect(after.dualGap).toBe(before.dualGap);

    X2.dispose();
    expect(heap.bytesInUse).toBe(inUseWithX1);
    // Once grown, the freed space is reused: fitting X2 again does not grow the memory further.
    const reservedAfterGrow = heap.bytesReserved;
    const again = new Lasso({ lambda: 0.2, tol: 1e-8, engine: 'wasm' }).fit(X2, y);
    expect(again.coef).toEqual(big.coef);
    expect(heap.bytesReserved).toBe(reservedAfterGrow);
    X2.dispose();
    X1.dispose();
  });

  it('a grow during the workspace allocation of a fit (X already resident) gives correct results', () => {
    const { heap } = runtime;
    // Fill the free space so the workspace of the next fit must grow the memory.
    const problem = regressionProblem(200, 30, 13);
    const X = DenseMatrix.fromRows(problem.rows);
    const expected = new Lasso({ lambda: 0.02, tol: 1e-10, engine: 'js' }).fit(X, problem.y);
    new Lasso({ lambda: 0.02, engine: 'wasm' }).fit(X, problem.y); // X resident
    // Take every free block (largest first, so first-fit lands exactly on it): nothing is free afterwards.
    const freeBlocks = (heap as unknown as { freeBlocks: { start: number; size: number }[] }).freeBlocks;
    const sizes = freeBlocks.map((b) => b.size).sort((a, b) => b - a);
    const reservedBeforeFill = heap.bytesReserved;
    const fillers = sizes.map((size) => heap.allocate(size, 'filler'));
    expect(freeBlocks).toEqual([]);
    expect(heap.bytesReserved).toBe(reservedBeforeFill);
    const reservedFull = heap.bytesReserved;
    const model = new Lasso({ lambda: 0.02, tol: 1e-10, engine: 'wasm' }).fit(X, problem.y);
    expect(heap.bytesReserved).toBeGreaterThan(reservedFull); // the workspace forced a grow
    expect(maxAbsDiff(model.coef, expected.coef)).toBeLessThan(1e-8);
    expect(Math.abs(model.intercept - expected.intercept)).toBeLessThan(1e-8);
    for (const ptr of fillers) heap.free(ptr);
    X.dispose();
  });
});

describe('the 4 GiB limit of wasm32', () => {
  it('heap.allocate beyond 4 GiB throws WasmMemoryLimitError and changes nothing', () => {
    const { heap } = runtime;
    const inUse = heap.bytesInUse;
    const reserved = heap.bytesReserved;
    const request = 5 * 2 ** 30;
    expect(() => heap.allocate(request, 'X')).toThrow(WasmMemoryLimitError);
    try {
      heap.allocate(request, 'X');
    } catch (error) {
      expect(error).toBeInstanceOf(L1L2Error);
      const e = error as WasmMemoryLimitError;
      expect(e.requestedBytes).toBe(request);
      expect(e.argument).toBe('X');
      expect(e.message).toMatch(/4 GiB/);
    }
    expect(heap.bytesInUse).toBe(inUse);
    expect(heap.bytesReserved).toBe(reserved);
  });

  it('a request that passes the in-use check but cannot grow past 4 GiB also throws WasmMemoryLimitError', () => {
    const { heap } = runtime;
    const inUse = heap.bytesInUse;
    const reserved = heap.bytesReserved;
    // Exactly what is left of 4 GiB after the bytes in use — but static data below the heap base
    // (and any free fragments) make it impossible.
    expect(() => heap.allocate(2 ** 32 - inUse, 'X')).toThrow(WasmMemoryLimitError);
    expect(heap.bytesInUse).toBe(inUse);
    expect(heap.bytesReserved).toBe(reserved);
  });

  it('a real fit whose workspace exceeds 4 GiB: WasmMemoryLimitError, no crash, no leak, heap still usable', () => {
    const { heap } = runtime;
    const inUse = heap.bytesInUse;
    const started = performance.now();
    // 1 × 100,000,000 with no stored entries: 400 MB of indptr on the JS side, but the
    // per-fit workspace needs 5 vectors of p doubles = 4 GB (+ the 400 MB resident indptr).
    const nCols = 100_000_000;
    const X = CscMatrix.fromCsc({ nRows: 1, nCols, indptr: new Int32Array(nCols + 1), indices: new Int32Array(0), data: new Float64Array(0) });
    let error: unknown;
    try {
      new Lasso({ lambda: 0.1, engine: 'wasm' }).fit(X, [1]);
    } catch (e) {
      error = e;
    }
    const seconds = (performance.now() - started) / 1000;
    expect(error).toBeInstanceOf(WasmMemoryLimitError);
    const e = error as WasmMemoryLimitError;
    expect(e.requestedBytes).toBeGreaterThan(2 ** 32 - heap.bytesInUse);
    expect(e.message).toMatch(/4 GiB/);
    expect(seconds).toBeLessThan(15);

    // The failed fit's workspace was not leaked: only the matrix's own resident copy
    // (indptr, 400 MB) may remain, and dispose() frees it.
    expect(heap.bytesInUse - inUse).toBeLessThanOrEqual((nCols + 1) * 4 + 64);
    X.dispose();
    expect(heap.bytesInUse).toBe(inUse);

    // The heap still works.
    const problem = regressionProblem(30, 8, 14);
    const wasm = new Lasso({ lambda: 0.05, tol: 1e-12, engine: 'wasm' }).fit(problem.rows, problem.y);
    const js = new Lasso({ lambda: 0.05, tol: 1e-12, engine: 'js' }).fit(problem.rows, problem.y);
    expect(wasm.engineUsed).toBe('wasm');
    expect(maxAbsDiff(wasm.coef, js.coef)).toBeLessThan(1e-10);
    expect(heap.bytesInUse).toBe(inUse);
  });
});

describe('switching kernel builds', () => {
  it('a matrix resident in the old runtime is released there and re-copied into the new one', async () => {
    const problem = regressionProblem(40, 8, 15);
    const X = DenseMatrix.fromRows(problem.rows);
    const oldRuntime = wasmRuntime()!;
    const oldInUse = oldRuntime.heap.bytesInUse;
    const a = new Lasso({ lambda: 0.05, tol: 1e-12 }).fit(X, problem.y);
    expect(oldRuntime.heap.bytesInUse).toBe(oldInUse + denseResidentBytes(40, 8));
    const other = oldRuntime.build === 'simd' ? 'scalar' : 'simd';
    expect(await init({ build: other })).toEqual({ engine: 'wasm', build: other });
    const newRuntime = wasmRuntime()!;
    expect(newRuntime).not.toBe(oldRuntime);
    const newInUse = newRuntime.heap.bytesInUse;
    const b = new Lasso({ lambda: 0.05, tol: 1e-12 }).fit(X, problem.y);
    expect(oldRuntime.heap.bytesInUse).toBe(oldInUse);
    expect(newRuntime.heap.bytesInUse).toBe(newInUse + denseResidentBytes(40, 8));
    expect(maxAbsDiff(a.coef, b.coef)).toBeLessThan(1e-10);
    X.dispose();
    expect(newRuntime.heap.bytesInUse).toBe(newInUse);
  });
});

function cooOf(rows: number[][]) {
  const r: number[] = [];
  const c: number[] = [];
  const v: number[] = [];
  // Column-reversed, row-reversed order, so fromCoo has to sort.
  for (let j = rows[0]!.length - 1; j >= 0; j--) {
    for (let i = rows.length - 1; i >= 0; i--) {
      if (rows[i]![j] !== 0) {
        r.push(i);
        c.push(j);
        v.push(rows[i]![j]!);
      }
    }
  }
  return { nRows: rows.length, nCols: rows[0]!.length, rows: r, cols: c, values: v };
}

// λ_max is imported for readers who want to scale λ; keep the helper exercised.
it('helper sanity: λ ≥ λ_max gives all-zero coefficients', () => {
  const problem = regressionProblem(30, 8, 16);
  const lambdaMax = lassoLambdaMax(problem.rows, problem.y);
  const model = new Lasso({ lambda: lambdaMax * 1.0001, engine: 'wasm' }).fit(problem.rows, problem.y);
  expect(Array.from(model.coef).every((c) => c === 0)).toBe(true);
  const below = new Lasso({ lambda: lambdaMax * 0.9, engine: 'wasm' }).fit(problem.rows, problem.y);
  expect(Array.from(below.coef).some((c) => c !== 0)).toBe(true);
});
