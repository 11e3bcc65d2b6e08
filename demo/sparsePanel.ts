// Panel 3: a big sparse problem generated in the tab and a 100-λ lasso path fitted in the
// Web Worker (the CSC arrays are transferred, not copied), with a progress bar, the time,
// the non-zeros per λ and the memory used.
import type { L1L2Worker } from 'l1l2/worker';
import { drawLineChart } from './lineChart.js';
import { describeError, el, formatBytes, formatNumber } from './dom.js';
import { generateSparseProblem } from './sparseProblem.js';

export function mountSparsePanel(section: HTMLElement, worker: L1L2Worker): void {
  section.innerHTML = `
    <h2 id="sparse-title">3. A big sparse problem, in this tab</h2>
    <p class="lead">Generates a random sparse regression problem (CSC, N(0,1) entries at random rows, y from a few true
      features plus noise) and fits a 100-λ lasso path with <code>lassoPath</code> in the Web Worker. The CSC arrays are
      transferred to the worker without a copy. The page stays usable while it runs; Cancel stops the worker at once.</p>
    <div class="controls">
      <label>Samples n <input id="sparse-rows" type="number" min="10" step="1000" value="10000"></label>
      <label>Features p <input id="sparse-cols" type="number" min="10" step="10000" value="100000"></label>
      <label>Non-zeros per column <input id="sparse-per-column" type="number" min="1" step="1" value="30"></label>
      <label>True features <input id="sparse-signal" type="number" min="0" step="1" value="50"></label>
      <label>Number of λ <input id="sparse-nlambda" type="number" min="2" max="200" step="1" value="100"></label>
      <label>tol (gap ≤ tol·F(0)) <input id="sparse-tol" type="number" min="1e-12" step="any" value="1e-4"></label>
      <label>Seed <input id="sparse-seed" type="number" min="0" step="1" value="7"></label>
      <button id="sparse-run" type="button">Generate and fit</button>
      <button id="sparse-cancel" type="button" class="secondary" disabled>Cancel</button>
    </div>
    <div><progress id="sparse-progress" max="1" value="0" aria-label="Lasso path progress"></progress>
      <span id="sparse-status" class="status" role="status" aria-live="polite">Press “Generate and fit”.</span></div>
    <div class="stats" id="sparse-stats" aria-label="Run statistics"></div>
    <div class="figure"><h3>Non-zero coefficients per λ</h3><div id="sparse-chart"></div></div>`;

  const runButton = el<HTMLButtonElement>(section, '#sparse-run');
  const cancelButton = el<HTMLButtonElement>(section, '#sparse-cancel');
  const progress = el<HTMLProgressElement>(section, '#sparse-progress');
  const status = el<HTMLElement>(section, '#sparse-status');
  const stats = el<HTMLElement>(section, '#sparse-stats');
  const value = (id: string) => Number(el<HTMLInputElement>(section, id).value);
  let controller: AbortController | undefined;

  const showStats = (entries: Array<[string, string]>) => {
    stats.innerHTML = entries.map(([k, v]) => `<div><span>${k}</span><span>${v}</span></div>`).join('');
  };

  const run = async () => {
    const spec = {
      nRows: value('#sparse-rows'), nCols: value('#sparse-cols'), perColumn: value('#sparse-per-column'),
      nSignal: value('#sparse-signal'), noise: 1, seed: value('#sparse-seed'),
    };
    const nLambda = value('#sparse-nlambda');
    const tol = value('#sparse-tol');
    runButton.disabled = true;
    cancelButton.disabled = false;
    section.dataset.state = 'running';
    progress.value = 0;
    status.textContent = 'Generating…';
    await new Promise((r) => setTimeout(r, 0));
    const t0 = performance.now();
    const problem = generateSparseProblem(spec);
    const generateMs = performance.now() - t0;
    const nnz = problem.data.length;
    const matrixBytes = problem.data.byteLength + problem.indices.byteLength + problem.indptr.byteLength;
    const base: Array<[string, string]> = [
      ['Problem', `${spec.nRows.toLocaleString('en')} × ${spec.nCols.toLocaleString('en')}`],
      ['Stored non-zeros', nnz.toLocaleString('en')],
      ['CSC arrays', formatBytes(matrixBytes)],
      ['Generated in', `${generateMs.toFixed(0)} ms`],
    ];
    showStats(base);
    const dfs: Array<[number, number]> = [];
    controller = new AbortController();
    const started = performance.now();
    status.textContent = 'Fitting in the worker…';
    try {
      const path = await worker.lassoPath({ nRows: problem.nRows, nCols: problem.nCols, indptr: problem.indptr, indices: problem.indices, data: problem.data }, problem.y, {
        nLambda, tol, signal: controller.signal,
        onProgress: (p) => {
          progress.value = (p.lambdaIndex + 1) / p.nLambda;
          dfs.push([p.lambdaIndex + 1, p.df]);
          status.textContent = `λ ${p.lambdaIndex + 1} of ${p.nLambda}: ${p.df.toLocaleString('en')} non-zeros, λ = ${formatNumber(p.lambda)}`;
          if (dfs.length % 5 === 1) drawDf(section, dfs, p.nLambda);
        },
      });
      const wallMs = performance.now() - started;
      const workerMs = worker.lastElapsedMs;
      const memory = await worker.memoryUsage();
      const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      progress.value = 1;
      drawDf(section, Array.from(path.df, (d, k) => [k + 1, d] as [number, number]), path.length);
      const converged = path.converged.filter(Boolean).length;
      showStats([
        ...base,
        ['Path time (page, incl. transfer)', `${(wallMs / 1000).toFixed(2)} s`],
        ['Path time (inside the worker)', `${(workerMs / 1000).toFixed(2)} s`],
        ['λ solved', `${path.length}${path.length < nLambda ? ' (stopped early: deviance saturated)' : ''}`],
        ['Converged', `${converged} of ${path.length}`],
        ['Non-zeros at the last λ', path.df[path.length - 1]!.toLocaleString('en')],
        ['Max passes over X per λ', Math.max(...path.passesOverX).toFixed(1)],
        ['Worker WebAssembly memory', formatBytes(memory.wasmMemoryBytes)],
        ['Page JS heap', heap ? formatBytes(heap.usedJSHeapSize) : 'n/a (not reported by this browser)'],
        ['Kernels', memory.build ?? '—'],
      ]);
      status.textContent = `Done: ${path.length} λ in ${(wallMs / 1000).toFixed(2)} s.`;
      section.dataset.state = 'done';
    } catch (error) {
      const aborted = error instanceof DOMException && error.name === 'AbortError';
      status.innerHTML = aborted ? 'Cancelled (the worker was stopped).' : `<span class="error">${describeError(error)}</span>`;
      section.dataset.state = aborted ? 'cancelled' : 'error';
    } finally {
      runButton.disabled = false;
      cancelButton.disabled = true;
      controller = undefined;
    }
  };
  runButton.addEventListener('click', () => void run());
  cancelButton.addEventListener('click', () => controller?.abort());
}

function drawDf(section: HTMLElement, points: Array<[number, number]>, nLambda: number): void {
  drawLineChart(el(section, '#sparse-chart'), {
    title: 'Number of non-zero coefficients at each λ of the path', xLabel: 'λ index (λ_max = 1, decreasing)', yLabel: 'non-zero coefficients',
    xDomain: [1, nLambda], height: 280, series: [{ name: 'non-zeros', color: '#1f5fbf', markers: true, points: points.slice() }],
  });
}
