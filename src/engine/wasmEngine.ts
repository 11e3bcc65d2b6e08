import type { Engine, ElasticNetRequest, ElasticNetSolution } from './Engine.js';
import { scaleWarmStart } from './Engine.js';
import type { WasmRuntime } from '../wasm/runtime.js';
import { residentCopyOf, uploadBytes } from '../wasm/residentDesign.js';
import { WASM32_MAX_BYTES } from '../wasm/WasmHeap.js';
import { WasmMemoryLimitError } from '../errors.js';

/** Byte layout of the per-fit workspace: one allocation, carved into 16-byte-aligned parts. */
function workspaceLayout(n: number, p: number) {
  const align = (b: number) => Math.ceil(b / 16) * 16;
  const parts = { desc: 40, out: 24, w: p * 8, yc: n * 8, r: n * 8 };
  const offsets = {} as Record<keyof typeof parts, number>;
  let total = 0;
  for (const key of Object.keys(parts) as (keyof typeof parts)[]) {
    offsets[key] = total;
    total += align(parts[key]);
  }
  return { offsets, total };
}

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
      const { offsets, total } = workspaceLayout(n, p);
      const { fitIntercept, standardize } = request;
      // Check the whole need (X's first upload, its statistics, the workspace) before copying anything.
      const needed = uploadBytes(X, runtime, fitIntercept, standardize) + total;
      if (needed > WASM32_MAX_BYTES - heap.bytesInUse) throw new WasmMemoryLimitError('X', needed, heap.bytesInUse);
      const copy = residentCopyOf(X, runtime);
      const stats = copy.statistics(fitIntercept, standardize);
      const [mean, invScalePtr, colSum, normSqOverN] = [0, 1, 2, 3].map((k) => stats + k * p * 8) as [number, number, number, number];
      const base = heap.allocate(total, 'X');
      try {
        const at = (key: keyof typeof offsets) => base + offsets[key];
        heap.i32(at('desc'), 10).set([copy.layout, n, p, copy.values, copy.indptr, copy.rows, mean, invScalePtr, colSum, normSqOverN]);
        heap.f64(at('yc'), n).set(request.yCentered);
        const invScale = heap.f64(invScalePtr, p).slice();
        const w0 = new Float64Array(p);
        scaleWarmStart(request.initialCoef, invScale, w0);
        heap.f64(at('w'), p).set(w0);
        const epochs = kernels.elasticNetFit(
          at('desc'), at('yc'), at('r'), at('w'),
          request.l1, request.l2, request.gapTolerance, request.maxEpochs, at('out'),
        );
        const out = heap.f64(at('out'), 3);
        return {
          coefScaled: heap.f64(at('w'), p).slice(),
          mean: heap.f64(mean, p).slice(),
          invScale,
          epochs,
          primal: out[0]!,
          dual: out[1]!,
          gap: out[2]!,
        };
      } finally {
        heap.free(base);
      }
    },
  };
}
