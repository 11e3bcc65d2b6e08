// bench:browser — the same 100-λ lasso path fitted in headless Chromium (through the
// l1l2/worker Web Worker) and in Node, alternating in one run; prints both times and the ratio.
// Target: Chromium within 1.3× of Node. Usage: npm run bench:browser [-- --quick]
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { CscMatrix, DenseMatrix, init, lassoPath, type PathOptions } from '../../src/index.js';
import { startDemoServer } from '../../scripts/demoServer.mjs';
import { launchChromium, CHROMIUM_PATH } from '../../tests/helpers/chromium.js';
import { machineInfo } from '../machine.js';
import { formatMs, formatRatio, verdict } from '../format.js';
import { median } from '../timing.js';
import { markdownTable } from '../table.js';
import { generateDenseProblem, generateSparseProblem, type SparseProblemSpec } from './problems.js';

const quick = process.argv.includes('--quick');
const TARGET = 1.3;

interface Case {
  name: string;
  kind: 'csc' | 'dense';
  sparse?: SparseProblemSpec;
  dense?: { nRows: number; nCols: number; nSignal: number; seed: number };
  options: Omit<PathOptions, 'onProgress'>;
  repetitions: number;
}

const cases: Case[] = quick
  ? [
    { name: 'CSC 2000×20000, 10 per column', kind: 'csc', sparse: { nRows: 2000, nCols: 20000, perColumn: 10, nSignal: 50, noise: 1, seed: 7 }, options: { nLambda: 100, tol: 1e-4 }, repetitions: 3 },
    { name: 'dense 500×1000', kind: 'dense', dense: { nRows: 500, nCols: 1000, nSignal: 20, seed: 3 }, options: { nLambda: 100, tol: 1e-6 }, repetitions: 3 },
  ]
  : [
    { name: 'CSC 10000×100000, 30 per column (the demo default)', kind: 'csc', sparse: { nRows: 10000, nCols: 100000, perColumn: 30, nSignal: 50, noise: 1, seed: 7 }, options: { nLambda: 100, tol: 1e-4 }, repetitions: 3 },
    { name: 'dense 1000×2000', kind: 'dense', dense: { nRows: 1000, nCols: 2000, nSignal: 20, seed: 3 }, options: { nLambda: 100, tol: 1e-6 }, repetitions: 5 },
  ];

/** The problem generators as a page script (window.benchProblems), so the page builds the same data. */
async function problemsScript(): Promise<string> {
  const out = await build({ entryPoints: ['bench/browser/problems.ts'], bundle: true, format: 'iife', globalName: 'benchProblems', target: 'es2022', write: false, logLevel: 'warning' });
  return out.outputFiles[0]!.text;
}

function nodeRun(c: Case): { ms: number; lastCoef: Float64Array; length: number } {
  if (c.kind === 'csc') {
    const p = generateSparseProblem(c.sparse!);
    const started = performance.now();
    const X = CscMatrix.fromCsc(p);
    const path = lassoPath(X, p.y, c.options);
    X.dispose();
    const ms = performance.now() - started;
    return { ms, lastCoef: path.coefAt(path.length - 1), length: path.length };
  }
  const d = c.dense!;
  const p = generateDenseProblem(d.nRows, d.nCols, d.nSignal, d.seed);
  const started = performance.now();
  const X = DenseMatrix.fromColumnMajor(p.data, p.nRows, p.nCols);
  const path = lassoPath(X, p.y, c.options);
  X.dispose();
  const ms = performance.now() - started;
  return { ms, lastCoef: path.coefAt(path.length - 1), length: path.length };
}

async function browserRun(page: Page, c: Case): Promise<{ wallMs: number; workerMs: number; lastCoef: number[]; length: number }> {
  return page.evaluate(async (c: Case) => {
    const w = window as unknown as { benchWorker: any; benchProblems: any };
    let X: unknown;
    let y: Float64Array;
    if (c.kind === 'csc') {
      const p = w.benchProblems.generateSparseProblem(c.sparse);
      X = { nRows: p.nRows, nCols: p.nCols, indptr: p.indptr, indices: p.indices, data: p.data };
      y = p.y;
    } else {
      const d = c.dense!;
      const p = w.benchProblems.generateDenseProblem(d.nRows, d.nCols, d.nSignal, d.seed);
      X = { nRows: p.nRows, nCols: p.nCols, data: p.data, layout: 'column-major' };
      y = p.y;
    }
    const started = performance.now();
    const path = await w.benchWorker.lassoPath(X, y, c.options); // arrays transferred, not copied
    const wallMs = performance.now() - started;
    return { wallMs, workerMs: w.benchWorker.lastElapsedMs, lastCoef: Array.from(path.coefAt(path.length - 1) as Float64Array), length: path.length };
  }, c);
}

async function main(): Promise<void> {
  await init();
  const machine = machineInfo();
  const server = await startDemoServer();
  const browser = await launchChromium();
  const started = performance.now();
  try {
    const page = await browser.context.newPage();
    await page.goto(server.url + 'tests/browser/plain-module.html');
    await page.waitForSelector('body[data-ready="true"]');
    await page.addScriptTag({ content: await problemsScript() });
    const chromiumVersion = browser.context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
    await page.evaluate(() => {
      const w = window as unknown as { benchWorker: unknown; L1L2Worker: new () => unknown };
      w.benchWorker = new w.L1L2Worker();
    });
    const rows: string[][] = [];
    for (const c of cases) {
      // One untimed run each (JIT warm-up, WebAssembly memory growth), then alternate.
      nodeRun(c);
      await browserRun(page, c);
      const node: number[] = [];
      const wall: number[] = [];
      const inWorker: number[] = [];
      let maxDiff = 0;
      let length = 0;
      for (let r = 0; r < c.repetitions; r++) {
        const a = nodeRun(c);
        const b = await browserRun(page, c);
        node.push(a.ms);
        wall.push(b.wallMs);
        inWorker.push(b.workerMs);
        length = a.length;
        if (b.length !== a.length) throw new Error(`${c.name}: the browser path has ${b.length} λ, Node's ${a.length}`);
        for (let j = 0; j < a.lastCoef.length; j++) maxDiff = Math.max(maxDiff, Math.abs(a.lastCoef[j]! - b.lastCoef[j]!) / Math.max(1, Math.abs(a.lastCoef[j]!)));
        console.error(`${c.name}: node ${formatMs(a.ms)}, chromium ${formatMs(b.wallMs)} (worker ${formatMs(b.workerMs)})`);
      }
      const ratio = median(wall) / median(node);
      rows.push([
        c.name, `${length} λ, tol ${c.options.tol}`, `${formatMs(median(node))} (n=${c.repetitions})`, `${formatMs(median(inWorker))}`,
        `${formatMs(median(wall))}`, `**${formatRatio(ratio)}**`, formatRatio(median(inWorker) / median(node)), maxDiff.toExponential(1), `≤ ${TARGET}×`, verdict(ratio <= TARGET),
      ]);
    }
    console.log(`# bench:browser — lasso path in Chromium (l1l2/worker) vs Node${quick ? ' (quick)' : ''}\n`);
    console.log(`- Machine: ${machine.cpu}, ${machine.cores} logical cores, ${machine.memoryGB} GiB RAM, ${machine.platform}`);
    console.log(`- Node ${machine.node} (V8 ${machine.v8}); Chromium ${chromiumVersion} (${CHROMIUM_PATH}, headless); run ${machine.date}; total ${formatMs(performance.now() - started)}`);
    console.log(`- Load average at start ${machine.loadAverage.map((l) => l.toFixed(2)).join(' / ')} (other processes share the cores)`);
    console.log('- Node: CscMatrix.fromCsc / DenseMatrix.fromColumnMajor + lassoPath. Chromium: `await worker.lassoPath(X, y)` from the page, arrays transferred;');
    console.log('  "in worker" is the same work inside the worker, "page" adds messaging and rebuilding the path. Medians; runs alternate.\n');
    console.log(markdownTable(
      ['Problem', 'Path', 'Node', 'Chromium, in worker', 'Chromium, page (incl. transfer)', 'Page ÷ Node', 'Worker ÷ Node', 'Max rel. diff (last λ)', 'Target', 'Result'],
      rows, ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ));
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
