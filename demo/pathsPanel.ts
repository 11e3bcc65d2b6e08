// Panel 2: coefficient paths against log λ, the cross-validation curve with λ_min and λ_1se,
// and the selected coefficients — cvPath run in the Web Worker.
import { loadDiabetes, parseNumericCsv, type CrossValidation } from 'l1l2';
import type { L1L2Worker } from 'l1l2/worker';
import { schemeTableau10 } from 'd3';
import { drawLineChart } from './lineChart.js';
import { describeError, el, formatNumber } from './dom.js';

interface Table {
  name: string;
  rows: number[][];
  header: string[];
}

export function mountPathsPanel(section: HTMLElement, worker: L1L2Worker): void {
  section.innerHTML = `
    <h2 id="paths-title">2. Regularization paths and cross-validation</h2>
    <p class="lead">Each coefficient of the lasso (or elastic net) as λ decreases from λ_max, where all are zero, and the 10-fold
      cross-validated error with λ_min (smallest error) and λ_1se (largest λ within one standard error of it), computed by
      <code>cvPath</code> in the worker. The diabetes data is built in; upload a numeric CSV with a header row to use your own
      (svmlight upload is not available in this version).</p>
    <div class="controls">
      <label>Data set <select id="paths-dataset"><option value="diabetes">diabetes (442 × 10, built in)</option></select></label>
      <label>Upload CSV <input id="paths-file" type="file" accept=".csv,text/csv"></label>
      <label>Target column <select id="paths-target"></select></label>
      <label>l1Ratio α (1 = lasso) <input id="paths-alpha" type="number" min="0.01" max="1" step="0.05" value="1"></label>
      <label>Folds <input id="paths-folds" type="number" min="2" max="50" step="1" value="10"></label>
      <label>Fold seed <input id="paths-seed" type="number" min="0" step="1" value="1"></label>
      <fieldset><legend>Features</legend><label><input id="paths-standardize" type="checkbox" checked> standardize</label></fieldset>
      <button id="paths-run" type="button">Fit path and cross-validate</button>
    </div>
    <div><progress id="paths-progress" max="1" value="0" aria-label="Cross-validation progress"></progress>
      <span id="paths-status" class="status" role="status" aria-live="polite"></span></div>
    <div class="row">
      <div class="figure"><h3>Coefficient paths, on the standardized scale (coefficient × the feature's standard deviation)</h3><div id="paths-chart"></div></div>
      <div class="figure"><h3>Cross-validated mean squared error ± 1 standard error</h3><div id="paths-cv-chart"></div></div>
    </div>
    <h3>Selected coefficients</h3>
    <div id="paths-table"></div>`;

  const datasetSelect = el<HTMLSelectElement>(section, '#paths-dataset');
  const fileInput = el<HTMLInputElement>(section, '#paths-file');
  const targetSelect = el<HTMLSelectElement>(section, '#paths-target');
  const status = el<HTMLElement>(section, '#paths-status');
  const progress = el<HTMLProgressElement>(section, '#paths-progress');
  const runButton = el<HTMLButtonElement>(section, '#paths-run');

  const diabetes = loadDiabetes();
  const diabetesTable: Table = {
    name: 'diabetes',
    header: [...diabetes.featureNames, diabetes.targetName],
    rows: Array.from({ length: diabetes.X.nRows }, (_, i) => [...diabetes.X.row(i), diabetes.y[i]!]),
  };
  const tables = new Map<string, Table>([['diabetes', diabetesTable]]);

  const showTargets = () => {
    const table = tables.get(datasetSelect.value)!;
    targetSelect.innerHTML = table.header.map((h, j) => `<option value="${j}">${escapeHtml(h)}</option>`).join('');
    targetSelect.value = String(table.header.length - 1);
  };
  showTargets();
  datasetSelect.addEventListener('change', showTargets);

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    try {
      const parsed = parseNumericCsv(await file.text(), file.name);
      if (parsed.header.length < 2) throw new Error(`${file.name} needs at least two columns (features and a target)`);
      tables.set(`file:${file.name}`, { name: file.name, header: parsed.header, rows: parsed.rows });
      datasetSelect.insertAdjacentHTML('beforeend', `<option value="file:${escapeHtml(file.name)}">${escapeHtml(file.name)} (${parsed.rows.length} × ${parsed.header.length - 1})</option>`);
      datasetSelect.value = `file:${file.name}`;
      showTargets();
      status.textContent = `Loaded ${file.name}: ${parsed.rows.length} rows, ${parsed.header.length} columns. Choose the target column and fit.`;
    } catch (error) {
      status.innerHTML = `<span class="error">${escapeHtml(describeError(error))}</span>`;
    }
  });

  const run = async () => {
    const table = tables.get(datasetSelect.value)!;
    const target = Number(targetSelect.value);
    const featureNames = table.header.filter((_, j) => j !== target);
    const X = table.rows.map((r) => r.filter((_, j) => j !== target));
    const y = table.rows.map((r) => r[target]!);
    const l1Ratio = Number(el<HTMLInputElement>(section, '#paths-alpha').value);
    const nFolds = Number(el<HTMLInputElement>(section, '#paths-folds').value);
    const seed = Number(el<HTMLInputElement>(section, '#paths-seed').value);
    const standardize = el<HTMLInputElement>(section, '#paths-standardize').checked;
    runButton.disabled = true;
    progress.value = 0;
    status.textContent = 'Fitting in the worker…';
    const started = performance.now();
    try {
      let steps = 0;
      const cv = await worker.cvPath(X, y, {
        l1Ratio, nFolds, seed, standardize,
        onProgress: (p) => {
          steps++;
          progress.value = Math.min(1, steps / ((p.nFolds + 1) * p.nLambda));
        },
      });
      progress.value = 1;
      const ms = performance.now() - started;
      status.textContent = `${cv.lambdas.length} λ × (1 + ${nFolds} folds) fitted in ${ms.toFixed(0)} ms; λ_min = ${formatNumber(cv.lambdaMin)}, λ_1se = ${formatNumber(cv.lambda1se)}.`;
      draw(section, cv, featureNames, columnSds(X));
      section.dataset.lambdaMin = String(cv.lambdaMin);
      section.dataset.lambda1se = String(cv.lambda1se);
      section.dataset.fitted = 'true';
    } catch (error) {
      status.innerHTML = `<span class="error">${escapeHtml(describeError(error))}</span>`;
    } finally {
      runButton.disabled = false;
    }
  };
  runButton.addEventListener('click', () => void run());
  void run();
}

/** 1/n standard deviation of each column (the scale standardize: true uses). */
function columnSds(X: number[][]): number[] {
  const n = X.length;
  return X[0]!.map((_, j) => {
    let mean = 0;
    for (const row of X) mean += row[j]! / n;
    let v = 0;
    for (const row of X) v += (row[j]! - mean) ** 2 / n;
    return Math.sqrt(v);
  });
}

function draw(section: HTMLElement, cv: CrossValidation, names: string[], sds: number[]): void {
  const path = cv.path;
  const logLambda = Array.from(path.lambdas, (l) => Math.log10(l));
  const p = path.nFeatures;
  const coefs = Array.from({ length: path.length }, (_, k) => path.coefAt(k));
  const xDomain: [number, number] = [logLambda[0]!, logLambda[logLambda.length - 1]!];
  const marks = [
    { x: Math.log10(cv.lambdaMin), label: 'λ_min' },
    { x: Math.log10(cv.lambda1se), label: 'λ_1se' },
  ];
  drawLineChart(el(section, '#paths-chart'), {
    title: 'Coefficient paths against log10 λ', xLabel: 'log10 λ (λ decreases to the right)', yLabel: 'coefficient × sd(feature)', endLabels: true, xDomain,
    verticalLines: marks,
    series: Array.from({ length: p }, (_, j) => ({
      name: names[j] ?? `x${j}`, color: schemeTableau10[j % 10]!, points: coefs.map((c, k) => [logLambda[k]!, c[j]! * sds[j]!] as [number, number]),
    })),
  });
  drawLineChart(el(section, '#paths-cv-chart'), {
    title: 'Cross-validated error against log10 λ', xLabel: 'log10 λ (λ decreases to the right)', yLabel: cv.measure === 'mse' ? 'mean squared error' : 'mean absolute error',
    xDomain, verticalLines: marks,
    series: [{ name: 'CV error', color: '#c0392b', markers: true, points: Array.from(cv.cvMean, (m, k) => [logLambda[k]!, m] as [number, number]), errors: Array.from(cv.cvStandardError) }],
  });
  const atMin = path.coefAt(cv.indexMin);
  const at1se = path.coefAt(cv.index1se);
  const cell = (v: number) => (v === 0 ? '<td class="zero">0</td>' : `<td>${formatNumber(v)}</td>`);
  el(section, '#paths-table').innerHTML = `
    <table id="paths-coef-table">
      <caption class="status">Non-zeros: ${path.df[cv.indexMin]} at λ_min, ${path.df[cv.index1se]} at λ_1se (coefficients on the original scale; 0 = exactly zero)</caption>
      <thead><tr><th scope="col">feature</th><th scope="col">at λ_min = ${formatNumber(cv.lambdaMin)}</th><th scope="col">at λ_1se = ${formatNumber(cv.lambda1se)}</th></tr></thead>
      <tbody>
        ${names.map((name, j) => `<tr><th scope="row">${escapeHtml(name)}</th>${cell(atMin[j]!)}${cell(at1se[j]!)}</tr>`).join('')}
        <tr><th scope="row">intercept</th>${cell(path.intercepts[cv.indexMin]!)}${cell(path.intercepts[cv.index1se]!)}</tr>
      </tbody>
    </table>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
