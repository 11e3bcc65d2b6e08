// The demo page: three panels (demo/index.html). Panel 1 fits tiny 2-feature problems on the
// page itself (microseconds each); panels 2 and 3 run in one Web Worker.
import { init } from 'l1l2';
import { L1L2Worker } from 'l1l2/worker';
import { mountGeometryPanel } from './geometryPanel.js';
import { mountPathsPanel } from './pathsPanel.js';
import { mountSparsePanel } from './sparsePanel.js';
import { describeError, el } from './dom.js';

async function main(): Promise<void> {
  const status = el(document, '#engine-status');
  try {
    const engine = await init();
    status.textContent = `Kernels: ${engine.engine === 'wasm' ? `WebAssembly (${engine.build})` : `pure TypeScript (${engine.reason})`}.`;
    const worker = new L1L2Worker();
    mountGeometryPanel(el(document, '#geometry'));
    mountPathsPanel(el(document, '#paths'), worker);
    mountSparsePanel(el(document, '#sparse'), worker);
    document.body.dataset.ready = 'true';
  } catch (error) {
    status.innerHTML = `<span class="error">${describeError(error)}</span>`;
    throw error;
  }
}

void main();
