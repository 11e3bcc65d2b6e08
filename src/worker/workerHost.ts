/**
 * @internal The code that runs inside the Web Worker: receives jobs from
 * {@link L1L2Worker}, rebuilds the matrices from the transferred buffers, runs the same
 * library functions as the main API, and posts progress, warnings and results back (big
 * arrays transferred, not copied). Bundled by scripts/bundle.mjs into a self-contained
 * classic script (the library and its kernels included) that the client starts from a Blob.
 */
import { init, wasmRuntime } from '../wasm/runtime.js';
import { DenseMatrix } from '../matrix/DenseMatrix.js';
import { CscMatrix } from '../matrix/CscMatrix.js';
import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import { ElasticNet } from '../estimators/ElasticNet.js';
import { enetPathReporting } from '../path/elasticNetPath.js';
import { cvPath } from '../cv/crossValidatePath.js';
import { L1L2Error } from '../errors.js';
import { setWarningHandler, type L1L2Warning } from '../warnings.js';
import { encodePath } from './pathTransfer.js';
import type { EncodedMatrix, HostMessage, JobMessage } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<JobMessage>) => void) | null;
  postMessage(message: HostMessage, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
let ready: Promise<unknown> | undefined;
let currentJob = -1;

setWarningHandler((warning: L1L2Warning) => {
  const fields: Record<string, unknown> = {};
  for (const key of ['dualGap', 'gapTolerance', 'nIter', 'lambda'] as const) {
    const value = (warning as unknown as Record<string, unknown>)[key];
    if (value !== undefined) fields[key] = value;
  }
  scope.postMessage({ id: currentJob, type: 'warning', name: warning.name, message: warning.message, fields });
});

function toMatrix(encoded: EncodedMatrix): DesignMatrix {
  if (encoded.kind === 'csc') return CscMatrix.fromCsc(encoded);
  return encoded.layout === 'row-major'
    ? DenseMatrix.fromRowMajor(encoded.data, encoded.nRows, encoded.nCols)
    : DenseMatrix.fromColumnMajor(encoded.data, encoded.nRows, encoded.nCols);
}

function run(job: JobMessage): { result: unknown; transfer: Transferable[] } {
  const options = job.options ?? {};
  const onProgress = job.progress ? (progress: unknown) => scope.postMessage({ id: job.id, type: 'progress', progress }) : undefined;
  if (job.op === 'memory') {
    const runtime = wasmRuntime();
    return {
      result: { wasmMemoryBytes: runtime?.heap.bytesReserved ?? 0, wasmBytesInUse: runtime?.heap.bytesInUse ?? 0, build: runtime?.build ?? null },
      transfer: [],
    };
  }
  const X = toMatrix(job.X!);
  try {
    const y = job.y!;
    if (job.op === 'fit') {
      const { initialCoef, sampleWeight, ...estimatorOptions } = options as Record<string, unknown>;
      const model = new ElasticNet(estimatorOptions as unknown as ConstructorParameters<typeof ElasticNet>[0]);
      model.fit(X, y, { initialCoef: initialCoef as Float64Array | undefined, sampleWeight: sampleWeight as Float64Array | undefined });
      const coef = model.coef;
      return {
        result: {
          lambda: model.lambda, l1Ratio: model.l1Ratio, coef, intercept: model.intercept, nIter: model.nIter, passesOverX: model.passesOverX,
          dualGap: model.dualGap, gapTolerance: model.gapTolerance, objective: model.objective, converged: model.converged, engineUsed: model.engineUsed,
        },
        transfer: [coef.buffer],
      };
    }
    if (job.op === 'enetPath') {
      const path = enetPathReporting(X, y, options, onProgress);
      const encoded = encodePath(path);
      return { result: encoded.path, transfer: encoded.transfer };
    }
    const cv = cvPath(X, y, { ...options, ...(onProgress ? { onProgress } : {}) });
    const encoded = encodePath(cv.path);
    const { path: _path, ...rest } = cv;
    void _path;
    return {
      result: { ...rest, path: encoded.path },
      transfer: [...encoded.transfer, cv.lambdas.buffer, cv.cvMean.buffer, cv.cvStandardError.buffer, cv.foldId.buffer, ...cv.foldErrors.map((e) => e.buffer)],
    };
  } finally {
    X.dispose();
  }
}

function errorFields(error: unknown): { name: string; message: string; fields: Record<string, unknown> } {
  if (error instanceof L1L2Error) {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(error)) if (key !== 'name' && key !== 'message' && key !== 'stack') fields[key] = value;
    return { name: error.name, message: error.message, fields };
  }
  if (error instanceof Error) return { name: error.name, message: error.message, fields: {} };
  return { name: 'Error', message: String(error), fields: {} };
}

scope.onmessage = (event) => {
  const job = event.data;
  // The page sends one job at a time, so warnings (init's included) belong to this one.
  currentJob = job.id;
  ready ??= init(job.build && job.build !== 'auto' ? { build: job.build } : {});
  void ready.then(() => {
    const started = performance.now();
    try {
      const { result, transfer } = run(job);
      scope.postMessage({ id: job.id, type: 'result', result, elapsedMs: performance.now() - started }, transfer);
    } catch (error) {
      scope.postMessage({ id: job.id, type: 'error', ...errorFields(error) });
    }
  });
};
