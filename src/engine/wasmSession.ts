import type { ElasticNetSession, SessionRequest, SolveReport } from './Engine.js';
import type { WasmRuntime } from '../wasm/runtime.js';
import { FitWorkspace, OUT, OUT_LENGTH } from '../wasm/FitWorkspace.js';
import { keepFixedScales } from '../reference/columnStats.js';

/**
 * @internal An elastic-net session in WebAssembly memory: X and its statistics are
 * resident, and one FitWorkspace holds ỹ, w, r, the gradients and the solver scratch
 * for as long as the session lives. Each solve is one `elasticNetSolveScreened` call.
 */
export function openWasmSession(runtime: WasmRuntime, request: SessionRequest): ElasticNetSession {
  const { heap, kernels } = runtime;
  const { X, fitIntercept, standardize, weights } = request;
  const n = X.nRows;
  const p = X.nCols;
  // Check the whole need (X's first upload, its statistics, the workspace) before copying anything.
  const ws = FitWorkspace.open(runtime, X, fitIntercept, standardize, weights);
  heap.f64(ws.yc, n).set(request.yCentered);
  const mean = heap.f64(ws.mean, p).slice();
  const invScale = heap.f64(ws.invScale, p).slice();
  // No gradient is known yet: every feature's stored g is stale until start() computes them.
  heap.u8(ws.screened, p).fill(1);
  let disposed = false;

  const report = (passes: number): SolveReport => {
    const out = heap.f64(ws.out, OUT_LENGTH);
    return {
      passes,
      columnVisits: out[OUT.visits]!,
      primal: out[OUT.primal]!,
      dual: out[OUT.dual]!,
      gap: out[OUT.gap]!,
      corrMax: out[OUT.corrMax]!,
      workingSetSize: out[OUT.workingSet]!,
      screened: out[OUT.screened]!,
      weightedRss: out[OUT.weightedRss]!,
    };
  };

  return {
    nFeatures: p,
    mean,
    invScale,
    start(coefScaled, l1, l2) {
      heap.f64(ws.w, p).set(coefScaled);
      kernels.elasticNetResidual(ws.desc, ws.yc, ws.w, ws.r);
      heap.f64(ws.out, OUT_LENGTH).fill(0);
      heap.u8(ws.screened, p).fill(0); // every gradient is computed now
      kernels.elasticNetGradientAndGap(ws.desc, ws.r, ws.w, l1, l2, ws.g, 0, ws.out);
      heap.f64(ws.out, OUT_LENGTH)[OUT.visits] = p;
      return report(0);
    },
    solve(l1, l2, l1Prev, gapTolerance, maxPasses) {
      const passes = kernels.elasticNetSolveScreened(
        ws.desc, ws.r, ws.w, l1, l2, l1Prev, gapTolerance, maxPasses,
        ws.ws, ws.active, ws.inWs, ws.screened, ws.g, ws.out, ws.anderson, ws.gram,
      );
      return report(passes);
    },
    coefScaled: () => heap.f64(ws.w, p).slice(),
    residual: () => heap.f64(ws.r, n).slice(),
    gradient: () => heap.f64(ws.g, p).slice(),
    reweight(weights, yCentered) {
      ws.reweight(weights, fitIntercept, standardize);
      keepFixedScales(heap.f64(ws.invScale, p), heap.f64(ws.normSqOverN, p), invScale);
      mean.set(heap.f64(ws.mean, p));
      heap.f64(ws.yc, n).set(yCentered);
      heap.u8(ws.screened, p).fill(1);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      ws.free();
    },
  };
}
