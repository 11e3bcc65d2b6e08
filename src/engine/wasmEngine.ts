import type { Engine, ElasticNetRequest, ElasticNetSolution } from './Engine.js';
import { scaleWarmStart } from './Engine.js';
import type { WasmRuntime } from '../wasm/runtime.js';
import { residentCopyOf, uploadBytes } from '../wasm/residentDesign.js';
import { WASM32_MAX_BYTES } from '../wasm/WasmHeap.js';
import { WasmMemoryLimitError } from '../errors.js';

/** Byte layout of the per-fit workspace: one allocation, carved into 16-byte-aligned parts. */
function workspaceLayout(n: number, p: number) {
  const align = (b: number) => Math.ceil(b / 16) * 16;
  const parts = { desc: 40, out: 24, mean: p * 8, invScale: p * 8, colSum: p * 8, normSqOverN: p * 8, w: p * 8, yc: n * 8, r: n * 8 };
  const offsets = {} as Record<keyof typeof parts, number>;
  let total = 0;
  for (const key of Object.keys(parts) as (keyof typeof parts)[]) {
    offsets[key] = total;
    total += align(parts[key]);
  }
  return { offsets, total };
}

/**
 * @internal Runs coordinate descent inside WebAssembly: X stays resident (copied once
 * per matrix); per fit, one workspace block holds the statistics, y, r and w, and a
 * single `elasticNetFit` call runs every epoch and gap check.
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
      // Check the whole need (X's first upload plus the workspace) before copying anything.
      const needed = uploadBytes(X, runtime) + total;
      if (needed > WASM32_MAX_BYTES - heap.bytesInUse) throw new WasmMemoryLimitError('X', needed, heap.bytesInUse);
      const copy = residentCopyOf(X, runtime);
      const base = heap.allocate(total, 'X');
      try {
        const at = (key: keyof typeof offsets) => base + offsets[key];
        kernels.columnStats(
          copy.layout, n, p, copy.values, copy.indptr, copy.rows,
          request.fitIntercept ? 1 : 0, request.standardize ? 1 : 0,
          at('mean'), at('invScale'), at('colSum'), at('normSqOverN'),
        );
        heap.i32(at('desc'), 10).set([
          copy.layout, n, p, copy.values, copy.indptr, copy.rows,
          at('mean'), at('invScale'), at('colSum'), at('normSqOverN'),
        ]);
        heap.f64(at('yc'), n).set(request.yCentered);
        const invScale = heap.f64(at('invScale'), p).slice();
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
          mean: heap.f64(at('mean'), p).slice(),
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
