// End-to-end in headless Chromium (Debian's package, driven by playwright-core): the worker
// API from a plain <script type="module"> gives the same numbers as Node; the demo page's
// three panels work. Screenshots of the panels go to artifacts/ (git-ignored).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { CscMatrix, DenseMatrix, ElasticNet, Lasso, cvPath, init, lassoPath, loadDiabetes } from '../src/index.js';
import { DEFAULT_OPTIMUM, FEATURE_CORRELATION, twoFeatureProblem } from '../demo/constrainedOptimum.js';
import { startDemoServer } from '../scripts/demoServer.mjs';
import { generateSparseProblem } from '../demo/sparseProblem.js';
import { launchChromium, skipBrowserTests } from './helpers/chromium.js';

const ARTIFACTS = 'artifacts';

/** |a − b| ≤ 1e-10·max(1, |b|) entry by entry. */
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  let worst = 0;
  for (let j = 0; j < expected.length; j++) worst = Math.max(worst, Math.abs(actual[j]! - expected[j]!) / Math.max(1, Math.abs(expected[j]!)));
  expect(worst, `${what}: largest relative difference`).toBeLessThanOrEqual(1e-10);
}

describe.skipIf(skipBrowserTests())('in headless Chromium', () => {
  let server: { url: string; close: () => Promise<void> };
  let browser: { context: BrowserContext; close: () => Promise<void> };
  const pageErrors: string[] = [];

  let setupError: unknown;

  async function open(path: string): Promise<Page> {
    // In CI a missing Chromium fails every browser test (each one, so the count shows it).
    if (setupError) throw setupError;
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(server.url + path);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    return page;
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await init();
    try {
      server = await startDemoServer();
      browser = await launchChromium();
    } catch (error) {
      setupError = error;
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('l1l2/worker from a plain module script: fit, CSC path and CV equal the Node results to 1e-10', async () => {
    const page = await open('tests/browser/plain-module.html');
    const sparse = generateSparseProblem({ nRows: 300, nCols: 2000, perColumn: 12, nSignal: 15, noise: 0.5, seed: 11 });
    const { X: diabetesX, y: diabetesY } = loadDiabetes();
    const diabetesRows = Array.from({ length: diabetesX.nRows }, (_, i) => Array.from(diabetesX.row(i)));
    const inBrowser = await page.evaluate(async ({ sparse, rows, y }) => {
      const w = window as unknown as { L1L2Worker: new () => any; l1l2: Record<string, any> };
      const worker = new w.L1L2Worker();
      const X = { nRows: sparse.nRows, nCols: sparse.nCols, indptr: Int32Array.from(sparse.indptr), indices: Int32Array.from(sparse.indices), data: Float64Array.from(sparse.data) };
      const ySparse = Float64Array.from(sparse.y);
      const progress: number[] = [];
      const path = await worker.lassoPath(X, ySparse, { nLambda: 40, tol: 1e-10, onProgress: (p: { lambdaIndex: number }) => progress.push(p.lambdaIndex) });
      const detachedAfterTransfer = [X.data.length, X.indices.length, X.indptr.length, ySparse.length];
      const fit = await worker.fit(rows, y, { lambda: 0.7, l1Ratio: 0.6, standardize: true, tol: 1e-12 });
      const yKept = Float64Array.from(y);
      const cv = await worker.cvPath(rows, yKept, { l1Ratio: 1, nFolds: 5, seed: 3, standardize: true, transfer: false });
      let error: unknown[] = [];
      try {
        await worker.fit(rows, y, { lambda: 1, l1Ratio: 2 });
      } catch (e) {
        const err = e as { name: string; argument: string; message: string };
        error = [err.name, e instanceof w.l1l2['InvalidParameterError'], err.argument, err.message];
      }
      // Cancellation: abort a running path after its first λ; the next call runs on a fresh worker.
      const controller = new AbortController();
      const bigX = { nRows: 400, nCols: 30000, indptr: new Int32Array(30001), indices: new Int32Array(30000 * 20), data: new Float64Array(30000 * 20) };
      for (let j = 0; j < 30000; j++) {
        bigX.indptr[j + 1] = (j + 1) * 20;
        for (let k = 0; k < 20; k++) { bigX.indices[j * 20 + k] = (j * 7 + k * 20) % 400; bigX.data[j * 20 + k] = Math.sin(j * 31 + k * 17); }
        bigX.indices.subarray(j * 20, j * 20 + 20).sort();
      }
      const bigY = Float64Array.from({ length: 400 }, (_, i) => Math.cos(i));
      let abortedAfter = -1;
      let abortError = '';
      try {
        await worker.lassoPath(bigX, bigY, { nLambda: 100, tol: 1e-12, earlyStop: false, signal: controller.signal, onProgress: (p: { lambdaIndex: number }) => { if (abortedAfter < 0) { abortedAfter = p.lambdaIndex; controller.abort(); } } });
      } catch (e) {
        abortError = (e as Error).name;
      }
      const after = await worker.fit(rows, yKept, { lambda: 0.7, l1Ratio: 0.6, standardize: true, tol: 1e-12, transfer: false });
      const memory = await worker.memoryUsage();
      worker.terminate();
      return {
        path: { lambdas: Array.from(path.lambdas as Float64Array), coefs: Array.from({ length: path.length }, (_, k) => Array.from(path.coefAt(k) as Float64Array)), intercepts: Array.from(path.intercepts as Float64Array), isPath: path instanceof w.l1l2['RegularizationPath'] },
        progress, detachedAfterTransfer, yKeptLength: yKept.length,
        fit: { coef: Array.from(fit.coef as Float64Array), intercept: fit.intercept, dualGap: fit.dualGap, converged: fit.converged },
        cv: { lambdas: Array.from(cv.lambdas as Float64Array), cvMean: Array.from(cv.cvMean as Float64Array), lambdaMin: cv.lambdaMin, lambda1se: cv.lambda1se, indexMin: cv.indexMin, index1se: cv.index1se, coefMin: Array.from(cv.path.coefAt(cv.indexMin) as Float64Array) },
        error, abortedAfter, abortError, afterAbort: Array.from(after.coef as Float64Array), memory,
      };
    }, { sparse: { ...sparse, indptr: Array.from(sparse.indptr), indices: Array.from(sparse.indices), data: Array.from(sparse.data), y: Array.from(sparse.y) }, rows: diabetesRows, y: Array.from(diabetesY) });

    // Node: the same calls on the same data.
    const csc = CscMatrix.fromCsc(sparse);
    const nodePath = lassoPath(csc, sparse.y, { nLambda: 40, tol: 1e-10 });
    expect(inBrowser.path.isPath).toBe(true);
    expectClose(inBrowser.path.lambdas, nodePath.lambdas, 'path λ');
    expect(nodePath.length).toBeGreaterThan(10);
    for (let k = 0; k < nodePath.length; k++) expectClose(inBrowser.path.coefs[k]!, nodePath.coefAt(k), `path coefficients at λ #${k}`);
    expectClose(inBrowser.path.intercepts, nodePath.intercepts, 'path intercepts');
    expect(inBrowser.progress).toEqual(Array.from({ length: nodePath.length }, (_, k) => k));
    expect(inBrowser.detachedAfterTransfer).toEqual([0, 0, 0, 0]); // moved, not copied
    expect(inBrowser.yKeptLength).toBe(diabetesY.length); // transfer: false keeps the caller's array

    const dense = DenseMatrix.fromRows(diabetesRows);
    const nodeFit = new ElasticNet({ lambda: 0.7, l1Ratio: 0.6, standardize: true, tol: 1e-12 }).fit(dense, diabetesY);
    expect(inBrowser.fit.converged).toBe(true);
    expectClose(inBrowser.fit.coef, nodeFit.coef, 'ElasticNet coefficients');
    expectClose([inBrowser.fit.intercept], [nodeFit.intercept], 'ElasticNet intercept');
    expectClose(inBrowser.afterAbort, nodeFit.coef, 'fit on the fresh worker after a cancellation');

    const nodeCv = cvPath(dense, diabetesY, { l1Ratio: 1, nFolds: 5, seed: 3, standardize: true });
    expectClose(inBrowser.cv.lambdas, nodeCv.lambdas, 'CV λ grid');
    expectClose(inBrowser.cv.cvMean, nodeCv.cvMean, 'CV mean errors');
    // The grid's λ come from Math.exp/log, which may differ by an ulp between V8 versions.
    expectClose([inBrowser.cv.lambdaMin, inBrowser.cv.lambda1se], [nodeCv.lambdaMin, nodeCv.lambda1se], 'λ_min and λ_1se');
    expect([inBrowser.cv.indexMin, inBrowser.cv.index1se]).toEqual([nodeCv.indexMin, nodeCv.index1se]);
    expectClose(inBrowser.cv.coefMin, nodeCv.path.coefAt(nodeCv.indexMin), 'CV coefficients at λ_min');

    expect(inBrowser.error).toEqual(['InvalidParameterError', true, 'l1Ratio', expect.stringContaining('l1Ratio')]);
    expect(inBrowser.abortedAfter).toBe(0);
    expect(inBrowser.abortError).toBe('AbortError');
    expect(inBrowser.memory.build).toBe('simd');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test('demo, panel 1: moving the t slider puts the L1 optimum on a corner (an exact zero); L2 has none', async () => {
    const page = await open('');
    const panel = page.locator('#geometry');
    const read = async () => ({
      w1: Number(await panel.getAttribute('data-w1')), w2: Number(await panel.getAttribute('data-w2')), lambda: Number(await panel.getAttribute('data-lambda')),
    });
    await page.locator('#geometry-t').focus();
    await page.keyboard.press('End');
    const large = await read();
    expect(large.w1).not.toBe(0);
    expect(large.w2).not.toBe(0); // t = 3 ≥ ‖ŵ‖₁: the unconstrained optimum, inside the diamond
    for (let k = 0; k < 20; k++) await page.keyboard.press('PageDown'); // keyboard only, down to t = 0.02
    await page.keyboard.press('Home');
    for (let k = 0; k < 48; k++) await page.keyboard.press('ArrowRight'); // t = 0.5
    expect(await panel.getAttribute('data-t')).toBe('0.5');
    const small = await read();
    expect(small.w2).toBe(0); // exactly 0: the corner of the diamond
    expect(small.w1).toBeCloseTo(0.5, 10); // on the boundary ‖w‖₁ = t
    expect(small.lambda).toBeGreaterThan(0);
    expect(await page.locator('#geometry-wstar').textContent()).toContain('exactly');
    // The Lagrangian correspondence, checked in Node: the lasso at the reported λ*(t), on the same
    // 2-feature problem, has the same solution as the constrained fit the page shows.
    const problem = twoFeatureProblem(DEFAULT_OPTIMUM, FEATURE_CORRELATION);
    const lasso = new Lasso({ lambda: small.lambda, fitIntercept: false, tol: 1e-14 }).fit(problem.X, problem.y);
    expect(lasso.coef[1]).toBe(0);
    expect(Math.abs(lasso.coef[0]! - small.w1)).toBeLessThan(1e-6);
    await panel.screenshot({ path: `${ARTIFACTS}/panel1-geometry-l1.png` });

    await page.locator('input[name="geometry-kind"][value="l2"]').check();
    const l2 = await read();
    expect(l2.w1).not.toBe(0);
    expect(l2.w2).not.toBe(0);
    expect(Math.hypot(l2.w1, l2.w2)).toBeCloseTo(0.5, 8);
    await panel.screenshot({ path: `${ARTIFACTS}/panel1-geometry-l2.png` });
    await page.locator('input[name="geometry-kind"][value="enet"]').check();
    await panel.screenshot({ path: `${ARTIFACTS}/panel1-geometry-enet.png` });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test('demo, panel 2: paths and CV on diabetes in the worker agree with Node (λ_min, λ_1se)', async () => {
    const page = await open('');
    const panel = page.locator('#paths');
    await page.waitForSelector('#paths[data-fitted="true"]', { timeout: 60_000 });
    const { X, y } = loadDiabetes();
    const node = cvPath(X, y, { l1Ratio: 1, nFolds: 10, seed: 1, standardize: true });
    const shown = [Number(await panel.getAttribute('data-lambda-min')), Number(await panel.getAttribute('data-lambda1se'))];
    expectClose(shown, [node.lambdaMin, node.lambda1se], 'λ_min and λ_1se on the page');
    expect(await page.locator('#paths-coef-table tbody tr').count()).toBe(11);
    expect(await page.locator('#paths-chart svg path').count()).toBeGreaterThanOrEqual(10);
    await panel.screenshot({ path: `${ARTIFACTS}/panel2-paths.png` });

    // A CSV upload with the target in the first column: the page's λ_min equals Node's on the same table.
    const header = ['progression', 'age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'];
    const rows = Array.from({ length: 200 }, (_, i) => [y[i]!, ...X.row(i)]);
    const csv = `${header.join(',')}\n${rows.map((r) => r.join(',')).join('\n')}\n`;
    await page.setInputFiles('#paths-file', { name: 'first200.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.locator('#paths-dataset').inputValue()).toBe('file:first200.csv');
    await page.selectOption('#paths-target', '0');
    await page.evaluate(() => document.querySelector('#paths')!.removeAttribute('data-fitted'));
    await page.locator('#paths-run').click();
    await page.waitForSelector('#paths[data-fitted="true"]', { timeout: 60_000 });
    const fromCsv = cvPath(rows.map((r) => r.slice(1)), rows.map((r) => r[0]!), { l1Ratio: 1, nFolds: 10, seed: 1, standardize: true });
    expectClose([Number(await panel.getAttribute('data-lambda-min'))], [fromCsv.lambdaMin], 'λ_min after the CSV upload');
    expect(await page.locator('#paths-coef-table tbody th').first().textContent()).toBe('age');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test('demo, panel 3: the big sparse demo at reduced size completes, with a moving progress bar', async () => {
    const page = await open('');
    const panel = page.locator('#sparse');
    await page.fill('#sparse-rows', '2000');
    await page.fill('#sparse-cols', '20000');
    await page.fill('#sparse-per-column', '10');
    // Record every value the progress bar shows (its value attribute reflects the property).
    await page.evaluate(() => {
      const bar = document.querySelector('#sparse-progress') as HTMLProgressElement;
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => seen.push(bar.value)).observe(bar, { attributes: true, attributeFilter: ['value'] });
    });
    await page.locator('#sparse-run').click();
    await page.waitForSelector('#sparse[data-state="done"], #sparse[data-state="error"]', { timeout: 120_000 });
    expect(await panel.getAttribute('data-state')).toBe('done');
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    const intermediate = new Set(seen.filter((v) => v > 0 && v < 1));
    expect(intermediate.size).toBeGreaterThanOrEqual(20);
    expect(seen[seen.length - 1]).toBe(1);
    const stats = await page.locator('#sparse-stats').innerText();
    expect(stats).toContain('2,000 × 20,000');
    expect(stats).toMatch(/λ solved\s+100/);
    expect(stats).toMatch(/Converged\s+100 of 100/);
    expect(stats).toMatch(/Worker WebAssembly memory\s+[\d.]+ MiB/);
    await panel.screenshot({ path: `${ARTIFACTS}/panel3-sparse.png` });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
