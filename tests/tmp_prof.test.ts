import { test } from 'vitest';
import { init, Lasso, DenseMatrix, lambdaMax } from '../src/index.js';
import { wasmRuntime } from '../src/wasm/runtime.js';
test('profile', async () => {
  await init();
  let s = 1; const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32) - 0.5;
  const n = 1000, p = 5000;
  const data = new Float64Array(n * p).map(rand);
  const X = DenseMatrix.fromColumnMajor(data, n, p);
  const y = new Float64Array(n).map((_, i) => data[i]! * 3 - data[n + i]! * 2 + rand());
  const lambda = 0.1 * lambdaMax(X, y);
  new Lasso({ lambda, tol: 1e-6 }).fit(X, y);
  const rt = wasmRuntime()!;
  const k = rt.kernels as any;
  const counts: Record<string, number> = {}; const times: Record<string, number> = {};
  for (const name of ['columnStats', 'elasticNetFit']) {
    const f = k[name]; k[name] = (...a: number[]) => { const t = performance.now(); const r = f(...a); times[name] = (times[name] ?? 0) + performance.now() - t; counts[name] = (counts[name] ?? 0) + 1; return r; };
  }
  const t0 = performance.now();
  for (let i = 0; i < 10; i++) new Lasso({ lambda, tol: 1e-6 }).fit(X, y);
  console.log('total per fit', ((performance.now() - t0) / 10).toFixed(2), Object.fromEntries(Object.entries(times).map(([a, b]) => [a, (b / 10).toFixed(2)])));
  const m = new Lasso({ lambda, tol: 1e-6 }).fit(X, y); console.log('epochs', m.nIter);
});
