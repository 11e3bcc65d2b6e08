/**
 * Engines and warnings: `engine: 'js'` never touches WebAssembly; where WebAssembly is
 * unavailable, init() resolves `{ engine: 'js' }` with an EngineFallbackWarning and fits run
 * the pure-TypeScript engine with the same results; a fit that stops at maxIter says so with
 * a ConvergenceWarning carrying its certificate.
 *
 * Tests that need a module instance that has never seen WebAssembly import a fresh copy
 * of the library after `vi.resetModules()`; the statically imported instance below is the
 * "normal" one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as l1l2 from '../src/index.js';
import { init, Lasso, ElasticNet, DenseMatrix, CscMatrix, ConvergenceWarning, EngineFallbackWarning, L1L2Warning, setWarningHandler } from '../src/index.js';
import { regressionProblem } from './helpers/seededProblem.js';
import { withRecordedWarnings } from './helpers/warningRecorder.js';

type Library = typeof l1l2;

async function freshLibrary(): Promise<Library> {
  vi.resetModules();
  return (await import('../src/index.js')) as Library;
}

/** Runs `body` with `globalThis.WebAssembly` replaced by `value`; always restores it. */
async function withWebAssembly<T>(value: unknown, body: () => Promise<T>): Promise<T> {
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'WebAssembly')!;
  expect(saved).toBeDefined();
  try {
    Object.defineProperty(globalThis, 'WebAssembly', { ...saved, value });
    return await body();
  } finally {
    Object.defineProperty(globalThis, 'WebAssembly', saved);
  }
}

/** Records whether anything compiles or instantiates WebAssembly while spied. */
function spyOnWebAssembly(): string[] {
  const calls: string[] = [];
  for (const name of ['validate', 'compile', 'instantiate', 'compileStreaming', 'instantiateStreaming'] as const) {
    const original = WebAssembly[name] as ((...args: unknown[]) => unknown) | undefined;
    if (typeof original !== 'function') continue;
    vi.spyOn(WebAssembly, name).mockImplementation(((...args: unknown[]) => {
      calls.push(name);
      return original.apply(WebAssembly, args);
    }) as never);
  }
  for (const name of ['Module', 'Instance', 'Memory'] as const) {
    const Original = WebAssembly[name] as unknown as new (...args: unknown[]) => object;
    vi.spyOn(WebAssembly, name).mockImplementation(function (...args: unknown[]) {
      calls.push(name);
      return new Original(...args);
    } as never);
  }
  return calls;
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
};

afterEach(() => {
  vi.restoreAllMocks();
});

const problem = regressionProblem(60, 12, 31);

describe("engine: 'js'", () => {
  it('fits before init() without compiling or instantiating any WebAssembly', async () => {
    const fresh = await freshLibrary();
    const calls = spyOnWebAssembly();
    const dense = new fresh.Lasso({ lambda: 0.05, tol: 1e-12, engine: 'js' }).fit(problem.rows, problem.y);
    const X = fresh.CscMatrix.fromDense(fresh.DenseMatrix.fromRows(problem.rows));
    const sparse = new fresh.ElasticNet({ lambda: 0.05, l1Ratio: 0.5, engine: 'js' }).fit(X, problem.y);
    dense.predict(problem.rows);
    dense.score(problem.rows, problem.y);
    X.dispose();
    expect(dense.engineUsed).toBe('js');
    expect(sparse.engineUsed).toBe('js');
    expect(dense.converged).toBe(true);
    expect(calls).toEqual([]);
    // Control: the spies do see WebAssembly work when the default engine runs.
    const viaWasm = new fresh.Lasso({ lambda: 0.05, tol: 1e-12 }).fit(problem.rows, problem.y);
    expect(viaWasm.engineUsed).toBe('wasm');
    expect(calls.length).toBeGreaterThan(0);
    expect(maxAbsDiff(viaWasm.coef, dense.coef)).toBeLessThan(1e-10);
  });

  it('fits with no WebAssembly global at all, and emits no fallback warning (none was requested)', async () => {
    const fresh = await freshLibrary();
    await withWebAssembly(undefined, () =>
      withRecordedWarnings(fresh.setWarningHandler, (seen) => {
        const model = new fresh.Lasso({ lambda: 0.05, engine: 'js' }).fit(problem.rows, problem.y);
        expect(model.engineUsed).toBe('js');
        expect(model.converged).toBe(true);
        expect(seen).toEqual([]);
      }),
    );
  });
});

describe('fallback when WebAssembly is unavailable', () => {
  it("init() resolves { engine: 'js' } with an EngineFallbackWarning, and fits match the WASM engine to 1e-10", async () => {
    // The normal instance, with WebAssembly.
    expect(await init()).toMatchObject({ engine: 'wasm' });
    const options = { lambda: 0.03, tol: 1e-12 };
    const viaWasm = new Lasso(options).fit(problem.rows, problem.y);
    const enetWasm = new ElasticNet({ ...options, l1Ratio: 0.4, standardize: true }).fit(problem.rows, problem.y);
    expect(viaWasm.engineUsed).toBe('wasm');

    await withWebAssembly(undefined, async () => {
      expect(typeof WebAssembly).toBe('undefined');
      const fresh = await freshLibrary(); // loaded in an environment without WebAssembly
      await withRecordedWarnings(fresh.setWarningHandler, async (seen) => {
        const result = await fresh.init();
        expect(result.engine).toBe('js');
        expect(result.build).toBeUndefined();
        expect(typeof result.reason).toBe('string');
        expect(seen).toHaveLength(1);
        expect(seen[0]).toBeInstanceOf(fresh.EngineFallbackWarning);
        expect(seen[0]).toBeInstanceOf(fresh.L1L2Warning);
        expect(seen[0]!.message).toMatch(/WebAssembly/);

        const model = new fresh.Lasso(options).fit(problem.rows, problem.y);
        expect(model.engine).toBe('wasm'); // what was asked for ...
        expect(model.engineUsed).toBe('js'); // ... and what ran
        expect(model.converged).toBe(true);
        expect(maxAbsDiff(model.coef, viaWasm.coef)).toBeLessThan(1e-10);
        expect(Math.abs(model.intercept - viaWasm.intercept)).toBeLessThan(1e-10);
        expect(maxAbsDiff(model.predict(problem.rows), viaWasm.predict(problem.rows))).toBeLessThan(1e-9);

        const enet = new fresh.ElasticNet({ ...options, l1Ratio: 0.4, standardize: true }).fit(
          fresh.CscMatrix.fromDense(fresh.DenseMatrix.fromRows(problem.rows)), problem.y,
        );
        expect(enet.engineUsed).toBe('js');
        expect(maxAbsDiff(enet.coef, enetWasm.coef)).toBeLessThan(1e-10);

        // The warning was emitted once, by init(), not again on every fit.
        new fresh.Lasso(options).fit(problem.rows, problem.y);
        expect(seen).toHaveLength(1);
      });
    });
    expect(typeof WebAssembly).toBe('object'); // restored
  });

  it('initSync() falls back the same way', async () => {
    await withWebAssembly(undefined, async () => {
      const fresh = await freshLibrary();
      await withRecordedWarnings(fresh.setWarningHandler, (seen) => {
        expect(fresh.initSync()).toMatchObject({ engine: 'js' });
        expect(seen).toHaveLength(1);
        expect(seen[0]).toBeInstanceOf(fresh.EngineFallbackWarning);
      });
    });
  });

  it('without init(), the first default-engine fit falls back, warning exactly once', async () => {
    await withWebAssembly(undefined, async () => {
      const fresh = await freshLibrary();
      await withRecordedWarnings(fresh.setWarningHandler, (seen) => {
        const a = new fresh.Lasso({ lambda: 0.03 }).fit(problem.rows, problem.y);
        const b = new fresh.Lasso({ lambda: 0.03 }).fit(problem.rows, problem.y);
        expect([a.engineUsed, b.engineUsed]).toEqual(['js', 'js']);
        expect(seen).toHaveLength(1);
        expect(seen[0]).toBeInstanceOf(fresh.EngineFallbackWarning);
        expect(b.coef).toEqual(a.coef);
      });
    });
  });

  it('a WebAssembly that refuses to compile (as under a strict CSP) also falls back, with the reason', async () => {
    const fresh = await freshLibrary();
    const refusal = "WebAssembly.compile(): Refused to compile or instantiate WebAssembly module because 'wasm-eval' is not allowed";
    vi.spyOn(WebAssembly, 'compile').mockRejectedValue(new Error(refusal) as never);
    vi.spyOn(WebAssembly, 'instantiate').mockRejectedValue(new Error(refusal) as never);
    vi.spyOn(WebAssembly, 'Module').mockImplementation(function () {
      throw new Error(refusal);
    } as never);
    await withRecordedWarnings(fresh.setWarningHandler, async (seen) => {
      const result = await fresh.init();
      expect(result).toEqual({ engine: 'js', reason: refusal });
      expect(seen).toHaveLength(1);
      expect(seen[0]).toBeInstanceOf(fresh.EngineFallbackWarning);
      expect(seen[0]!.message).toContain(refusal);
      const model = new fresh.Lasso({ lambda: 0.03 }).fit(problem.rows, problem.y);
      expect(model.engineUsed).toBe('js');
    });
  });

  it('after WebAssembly becomes available again, a new init() switches the instance back to WASM', async () => {
    const fresh = await freshLibrary();
    await withWebAssembly(undefined, () => withRecordedWarnings(fresh.setWarningHandler, () => fresh.init()));
    await withRecordedWarnings(fresh.setWarningHandler, async (seen) => {
      expect(new fresh.Lasso({ lambda: 0.03 }).fit(problem.rows, problem.y).engineUsed).toBe('js');
      expect(await fresh.init()).toMatchObject({ engine: 'wasm' });
      expect(new fresh.Lasso({ lambda: 0.03 }).fit(problem.rows, problem.y).engineUsed).toBe('wasm');
      expect(seen).toEqual([]);
    });
  });

  it('the restore in withWebAssembly happens even when the body throws', async () => {
    const before = globalThis.WebAssembly;
    await expect(withWebAssembly(undefined, async () => {
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(globalThis.WebAssembly).toBe(before);
  });
});

describe('non-convergence is never silent', () => {
  // Strongly correlated columns and a small λ: coordinate descent needs many epochs.
  const correlated = (() => {
    const base = regressionProblem(80, 10, 41);
    const rows = base.rows.map((row) => row.map((x, j) => (j === 0 ? x : row[0]! + 0.5 * x)));
    return { rows, y: base.y };
  })();

  for (const engine of ['wasm', 'js'] as const) {
    it(`engine '${engine}': maxIter 1 → converged false and one ConvergenceWarning carrying the model's certificate`, async () => {
      await withRecordedWarnings(setWarningHandler, (seen) => {
        const model = new Lasso({ lambda: 0.01, maxIter: 1, tol: 1e-10, engine }).fit(correlated.rows, correlated.y);
        expect(model.converged).toBe(false);
        expect(model.nIter).toBe(1);
        expect(model.dualGap).toBeGreaterThan(model.gapTolerance);
        expect(seen).toHaveLength(1);
        const warning = seen[0] as ConvergenceWarning;
        expect(warning).toBeInstanceOf(ConvergenceWarning);
        expect(warning).toBeInstanceOf(L1L2Warning);
        expect(warning.dualGap).toBe(model.dualGap);
        expect(warning.gapTolerance).toBe(model.gapTolerance);
        expect(warning.nIter).toBe(model.nIter);
        expect(warning.message).toMatch(/did not converge/);
        expect(Number.isFinite(warning.dualGap)).toBe(true);
      });
    });

    it(`engine '${engine}': enough iterations → converged, no warning`, async () => {
      await withRecordedWarnings(setWarningHandler, (seen) => {
        const model = new Lasso({ lambda: 0.01, tol: 1e-10, engine }).fit(correlated.rows, correlated.y);
        expect(model.converged).toBe(true);
        expect(model.nIter).toBeGreaterThan(1); // the problem really needs more than maxIter: 1
        expect(model.dualGap).toBeLessThanOrEqual(model.gapTolerance);
        expect(seen).toEqual([]);
      });
    });

    it(`engine '${engine}': maxIter 0 → the starting point's certificate, not converged, warned`, async () => {
      await withRecordedWarnings(setWarningHandler, (seen) => {
        const model = new Lasso({ lambda: 0.01, maxIter: 0, engine }).fit(correlated.rows, correlated.y);
        expect(model.nIter).toBe(0);
        expect(Array.from(model.coef).every((c) => c === 0)).toBe(true);
        expect(model.converged).toBe(false);
        expect(seen).toHaveLength(1);
        expect((seen[0] as ConvergenceWarning).nIter).toBe(0);
        expect((seen[0] as ConvergenceWarning).dualGap).toBe(model.dualGap);
      });
    });
  }

  it('both engines report the same certificate after the same number of epochs', async () => {
    await withRecordedWarnings(setWarningHandler, () => {
      for (const maxIter of [1, 3, 7]) {
        const a = new ElasticNet({ lambda: 0.01, l1Ratio: 0.9, maxIter, tol: 1e-12, engine: 'wasm' }).fit(correlated.rows, correlated.y);
        const b = new ElasticNet({ lambda: 0.01, l1Ratio: 0.9, maxIter, tol: 1e-12, engine: 'js' }).fit(correlated.rows, correlated.y);
        expect(a.nIter).toBe(b.nIter);
        expect(Math.abs(a.dualGap - b.dualGap)).toBeLessThan(1e-9 * Math.max(1, b.dualGap));
        expect(a.gapTolerance).toBe(b.gapTolerance);
      }
    });
  });

  it('a warm-started fit that is already optimal converges in 0 epochs without a warning', async () => {
    await withRecordedWarnings(setWarningHandler, (seen) => {
      const first = new Lasso({ lambda: 0.01, tol: 1e-10 }).fit(correlated.rows, correlated.y);
      const again = new Lasso({ lambda: 0.01, tol: 1e-10, maxIter: 1 }).fit(correlated.rows, correlated.y, { initialCoef: first.coef });
      expect(again.converged).toBe(true);
      expect(again.nIter).toBe(0);
      expect(seen).toEqual([]);
    });
  });

  it('without a handler, warnings go to process.emitWarning', () => {
    const previous = setWarningHandler(undefined);
    const emitted = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      new Lasso({ lambda: 0.01, maxIter: 1 }).fit(correlated.rows, correlated.y);
      expect(emitted).toHaveBeenCalledTimes(1);
      expect(emitted.mock.calls[0]![0]).toBeInstanceOf(ConvergenceWarning);
    } finally {
      setWarningHandler(previous);
    }
  });

  it('setWarningHandler returns the previous handler', () => {
    const mine = () => {};
    const previous = setWarningHandler(mine);
    try {
      expect(setWarningHandler(previous)).toBe(mine);
    } finally {
      setWarningHandler(previous);
    }
  });
});

// Why the tests above use the fresh instance's classes for instanceof checks.
it('a fresh module instance has its own classes (instanceof does not cross instances)', async () => {
  const fresh = await freshLibrary();
  expect(fresh.EngineFallbackWarning).not.toBe(EngineFallbackWarning);
  expect(fresh.DenseMatrix).not.toBe(DenseMatrix);
  expect(fresh.CscMatrix).not.toBe(CscMatrix);
});
