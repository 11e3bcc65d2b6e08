import type { Engine, ElasticNetRequest, ElasticNetSolution } from './Engine.js';
import { scaleWarmStart } from './Engine.js';
import type { WasmRuntime } from '../wasm/runtime.js';
import { FitWorkspace } from '../wasm/FitWorkspace.js';
import { openWasmSession } from './wasmSession.js';
import { openWasmBinomialRows } from './wasmBinomialRows.js';

/**
 * @internal Runs coordinate descent inside WebAssembly: X and its column statistics stay
 * resident (computed once per matrix and setting); per fit, one workspace block holds
 * y, r and w, and a single `elasticNetFit` call runs every epoch and gap check.
 */
export function createWasmEngine(runtime: WasmRuntime): Engine {
  const { kernels, heap } = runtime;
  return {
    name: 'wasm',
    solveElasticNet(request: ElasticNetRequest): ElasticNetSolution {
      const X = request.X;
      const n = X.nRows;
      const p = X.nCols;
      const { fitIntercept, standardize } = request;
      // Check the whole need (X's first upload, its statistics, the workspace) before copying anything.
      const ws = FitWorkspace.open(runtime, X, fitIntercept, standardize, request.weights);
      try {
        heap.f64(ws.yc, n).set(request.yCentered);
        const invScale = heap.f64(ws.invScale, p).slice();
        const w0 = new Float64Array(p);
        scaleWarmStart(request.initialCoef, invScale, w0);
        heap.f64(ws.w, p).set(w0);
        const epochs = kernels.elasticNetFit(ws.desc, ws.yc, ws.r, ws.w, request.l1, request.l2, request.gapTolerance, request.maxEpochs, ws.out);
        const out = heap.f64(ws.out, 3);
        return {
          coefScaled: heap.f64(ws.w, p).slice(),
          mean: heap.f64(ws.mean, p).slice(),
          invScale,
          epochs,
          primal: out[0]!,
          dual: out[1]!,
          gap: out[2]!,
        };
      } finally {
        ws.free();
      }
    },
    openSession: (request) => openWasmSession(runtime, request),
    openBinomialRows: (y01, nu) => openWasmBinomialRows(runtime, y01, nu),
  };
}
