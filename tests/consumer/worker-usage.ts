// Compiled by tests/package.test.ts against the published declarations of `l1l2/worker`
// (a browser project: DOM in its lib), in strict mode.
import { RegularizationPath, InvalidParameterError, type CrossValidation } from 'l1l2';
import { L1L2Worker, type WorkerFit, type WorkerMatrixInput, type WorkerMemory } from 'l1l2/worker';

export async function workerUsage(): Promise<number> {
  const worker = new L1L2Worker({ build: 'auto' });
  const X: WorkerMatrixInput = { nRows: 3, nCols: 2, indptr: Int32Array.of(0, 1, 3), indices: Int32Array.of(0, 1, 2), data: Float64Array.of(1, 2, 3) };
  const controller = new AbortController();
  const path: RegularizationPath = await worker.lassoPath(X, [1, 2, 3], {
    nLambda: 10, signal: controller.signal, transfer: false, onProgress: (p) => console.log(p.lambdaIndex, p.nLambda, p.df, p.dualGap),
  });
  const fit: WorkerFit = await worker.fit({ nRows: 2, nCols: 2, data: [1, 0, 0, 1], layout: 'row-major' }, [1, 2], { lambda: 0.1, l1Ratio: 1 });
  const cv: CrossValidation = await worker.cvPath([[1, 2], [2, 1], [3, 3], [4, 1]], [1, 2, 3, 4], { nFolds: 2, onProgress: (p) => console.log(p.stage, p.fold) });
  const memory: WorkerMemory = await worker.memoryUsage();
  try {
    await worker.fit(X, [1, 2, 3], { lambda: -1 });
  } catch (e) {
    if (e instanceof InvalidParameterError) return e.argument.length;
  }
  worker.terminate();
  return path.length + fit.coef.length + cv.lambdas.length + memory.wasmMemoryBytes;
}
