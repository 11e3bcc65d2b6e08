// The published artifact: dist/index.js (one ESM file, wasm embedded) and the type
// declarations, exercised the way a user gets them — not through the TS sources.
import { describe, test, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { init, Lasso, loadDiabetes } from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

describe('published package', () => {
  test('package.json: ESM, exports map with types, side-effect free', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.exports['.'].import).toBe('./dist/index.js');
    expect(pkg.exports['.'].types).toBe('./dist/types/index.d.ts');
    expect(pkg.exports['./worker']).toEqual({ types: './dist/types/worker/index.d.ts', import: './dist/worker.js' });
    expect(existsSync(`${root}/dist/worker.js`)).toBe(true);
    expect(existsSync(`${root}/dist/worker-script.js`)).toBe(true);
    expect(existsSync(`${root}/dist/types/worker/index.d.ts`)).toBe(true);
    expect(existsSync(`${root}/dist/index.js`)).toBe(true);
    expect(existsSync(`${root}/dist/types/index.d.ts`)).toBe(true);
  });

  test('dist/index.js runs in plain Node (no TS, no bundler) and gives the same lasso as the sources', async () => {
    const script = `
      import { init, Lasso, loadDiabetes } from 'l1l2';
      const status = await init();
      const { X, y } = loadDiabetes();
      const m = new Lasso({ lambda: 1, standardize: true, tol: 1e-10 }).fit(X, y);
      console.log(JSON.stringify({ status, coef: Array.from(m.coef), intercept: m.intercept, converged: m.converged }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    const fromDist = JSON.parse(out.trim().split('\n').pop()!);
    expect(fromDist.status).toEqual({ engine: 'wasm', build: 'simd' });
    expect(fromDist.converged).toBe(true);

    await init();
    const { X, y } = loadDiabetes();
    const m = new Lasso({ lambda: 1, standardize: true, tol: 1e-10 }).fit(X, y);
    m.coef.forEach((c, j) => expect(Math.abs(c - fromDist.coef[j])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(c))));
    expect(fromDist.intercept).toBeCloseTo(m.intercept, 9);
  });

  test('the bundle embeds the kernels: no file fetching, no Node built-ins', () => {
    const bundle = readFileSync(`${root}/dist/index.js`, 'utf8');
    expect(bundle).not.toMatch(/new URL\([^)]*\.wasm/);
    expect(bundle).not.toMatch(/from ["']node:/);
    expect(bundle).not.toMatch(/\brequire\(/);
  });

  test('the worker files need no Node built-ins and fetch nothing', () => {
    for (const file of ['worker.js', 'worker-script.js']) {
      const text = readFileSync(`${root}/dist/${file}`, 'utf8');
      expect(text, file).not.toMatch(/from ["']node:/);
      expect(text, file).not.toMatch(/\brequire\(/);
      expect(text, file).not.toMatch(/new URL\([^)]*\.(wasm|js)/);
    }
  });

  // Two consumers: one with ESNext.Disposable in its lib, one with plain ES2022 (the
  // declarations must bring the Symbol.dispose typing they use).
  // And a browser project using l1l2/worker (DOM in its lib).
  for (const config of ['tsconfig.json', 'tsconfig.es2022.json', 'tsconfig.worker.json']) {
    test(`the type declarations compile in a strict consumer project (${config})`, () => {
      const tsc = `${root}/node_modules/typescript/bin/tsc`;
      let output = '';
      try {
        execFileSync(process.execPath, [tsc, '-p', `tests/consumer/${config}`], { cwd: root, encoding: 'utf8' });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      expect(output).toBe('');
    });
  }
});
