/// <reference lib="esnext.disposable" preserve="true" />
import {
  RegularizationPath, L1L2Error, ShapeMismatchError, EmptyDataError, NonFiniteValueError, InvalidParameterError, MalformedCscError,
  NotFittedError, WasmMemoryLimitError, DataFormatError, L1L2Warning, ConvergenceWarning, EngineFallbackWarning, setWarningHandler,
  type ElasticNetOptions, type FitOptions, type PathOptions, type CvOptions, type CrossValidation,
  type EngineName, type WarningHandler,
} from '../index.js';
import type { PathProgress } from '../path/elasticNetPath.js';
import { encodeMatrix, encodeOptions, TransferList, type WorkerMatrixInput } from './encodeInputs.js';
import type { EncodedPath, HostMessage, JobMessage, Operation } from './protocol.js';
import workerSource from 'l1l2:worker-source';

/** Options of {@link L1L2Worker}. */
export interface L1L2WorkerOptions {
  /**
   * URL of the worker script. Default: none — the worker is started from a Blob holding the
   * bundled worker script (the library and its kernels), so nothing is fetched and no bundler
   * configuration is needed. Pages whose Content-Security-Policy forbids `blob:` workers can
   * serve `l1l2/worker-script` (dist/worker-script.js) and pass its URL here.
   */
  workerUrl?: string | URL;
  /** Kernel build for the worker's `init()`. Default `'auto'` (SIMD when supported). */
  build?: 'auto' | 'simd' | 'scalar';
}

/** Options every worker call takes besides those of the main API. */
export interface WorkerCallOptions {
  /**
   * Cancels the call: a queued call is dropped; a running one stops at once (the worker is
   * terminated and the next call starts a fresh one). The promise rejects with
   * `signal.reason` (an `AbortError` DOMException by default).
   */
  signal?: AbortSignal;
  /**
   * `true` (default): typed arrays given as raw arrays (X's `data`/`indptr`/`indices`, y,
   * sampleWeight, …) that are of the type the worker needs and span their whole buffer are
   * **transferred** — moved without a copy, and detached (length 0) on the page afterwards.
   * `false`: they are copied once and the caller keeps them.
   */
  transfer?: boolean;
  /** Receives the warnings of this call (default: the handler set by `setWarningHandler`). */
  onWarning?: WarningHandler;
}

/** Options of {@link L1L2Worker.enetPath}: enetPath's, the worker call's, and a progress callback. */
export interface WorkerPathOptions extends PathOptions, WorkerCallOptions {
  /** Called on the page after each λ is solved. */
  onProgress?: (progress: PathProgress) => void;
}

/** The fitted model {@link L1L2Worker.fit} returns: the fitted attributes of `ElasticNet`. */
export interface WorkerFit {
  lambda: number;
  l1Ratio: number;
  /** Coefficients w on the original scale of X. */
  coef: Float64Array;
  intercept: number;
  nIter: number;
  passesOverX: number;
  /** Duality gap at the returned solution (the certificate). */
  dualGap: number;
  gapTolerance: number;
  objective: number;
  converged: boolean;
  engineUsed: EngineName;
}

/** Memory of the worker's WebAssembly instance. */
export interface WorkerMemory {
  /** Size of the linear memory (it grows, never shrinks). */
  wasmMemoryBytes: number;
  /** Bytes currently allocated by the library's heap in it. */
  wasmBytesInUse: number;
  /** Kernel build running, or null before the first job. */
  build: 'simd' | 'scalar' | null;
}

interface Job {
  message: JobMessage;
  transfer: ArrayBuffer[];
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  onProgress: ((progress: never) => void) | undefined;
  onWarning: WarningHandler | undefined;
  resolve: (value: { result: unknown; elapsedMs: number }) => void;
  reject: (error: unknown) => void;
}

const ERROR_CLASSES: Record<string, abstract new (...args: never[]) => L1L2Error> = {
  L1L2Error, ShapeMismatchError, EmptyDataError, NonFiniteValueError, InvalidParameterError, MalformedCscError, NotFittedError,
  WasmMemoryLimitError, DataFormatError,
};

/**
 * Fits, paths and cross-validation in a Web Worker, so the page never freezes. Each method
 * takes the same data and options as its main-API counterpart (plus {@link WorkerCallOptions})
 * and resolves to the same results: the same numbers, computed by the same code and kernels.
 * Big arrays travel as transferred buffers, never as structured-clone copies. Calls run one
 * at a time in submission order; create several workers to run fits in parallel.
 *
 * Progress: `onProgress` of `enetPath`/`lassoPath` (after each λ) and `cvPath` (after each λ
 * of each path) is called on the page. Errors are the main API's typed errors
 * (`InvalidParameterError`, `ShapeMismatchError`, …), rethrown on the page.
 *
 * @example
 * ```ts
 * import { L1L2Worker } from 'l1l2/worker';
 * const worker = new L1L2Worker();
 * const X = { nRows, nCols, indptr, indices, data };        // CSC arrays: transferred, not copied
 * const path = await worker.lassoPath(X, y, { nLambda: 100, onProgress: (p) => bar.value = (p.lambdaIndex + 1) / p.nLambda });
 * path.coefAt(path.length - 1);
 * const controller = new AbortController();
 * worker.cvPath(X2, y2, { nFolds: 10, signal: controller.signal });  // controller.abort() cancels it
 * worker.terminate();
 * ```
 */
export class L1L2Worker {
  readonly #options: L1L2WorkerOptions;
  #worker: Worker | undefined;
  #blobUrl: string | undefined;
  #queue: Job[] = [];
  #running: Job | undefined;
  #nextId = 1;
  #terminated = false;
  #lastElapsedMs = NaN;

  constructor(options: L1L2WorkerOptions = {}) {
    const build = options.build ?? 'auto';
    if (!['auto', 'simd', 'scalar'].includes(build)) throw new InvalidParameterError('build', `build must be 'auto', 'simd' or 'scalar', got ${String(build)}`);
    this.#options = { ...options, build };
  }

  /**
   * Fits `ElasticNet` (objective F(w, b) = (1/(2n))‖y − b − Xw‖² + λ(α‖w‖₁ + (1−α)/2‖w‖₂²))
   * in the worker and returns its fitted attributes. `l1Ratio: 1` is the Lasso.
   * @throws the main API's typed errors, as a rejected promise.
   */
  fit(X: WorkerMatrixInput, y: ArrayLike<number>, options: ElasticNetOptions & FitOptions & WorkerCallOptions): Promise<WorkerFit> {
    return this.#submit('fit', X, y, options, undefined).then((r) => r as WorkerFit);
  }

  /** `enetPath` in the worker: resolves to the same {@link RegularizationPath}. */
  enetPath(X: WorkerMatrixInput, y: ArrayLike<number>, options: WorkerPathOptions = {}): Promise<RegularizationPath> {
    return this.#submit('enetPath', X, y, options, options.onProgress).then((r) => decodePath(r as EncodedPath));
  }

  /** `lassoPath` in the worker (enetPath with α = 1). */
  lassoPath(X: WorkerMatrixInput, y: ArrayLike<number>, options: Omit<WorkerPathOptions, 'l1Ratio'> = {}): Promise<RegularizationPath> {
    return this.enetPath(X, y, { ...options, l1Ratio: 1 });
  }

  /** `cvPath` in the worker: resolves to the same {@link CrossValidation} (its `path` a RegularizationPath). */
  cvPath(X: WorkerMatrixInput, y: ArrayLike<number>, options: CvOptions & WorkerCallOptions = {}): Promise<CrossValidation> {
    return this.#submit('cvPath', X, y, options, options.onProgress).then((r) => {
      const cv = r as Omit<CrossValidation, 'path'> & { path: EncodedPath };
      return { ...cv, path: decodePath(cv.path) };
    });
  }

  /** The worker's WebAssembly memory (for a memory readout). */
  memoryUsage(): Promise<WorkerMemory> {
    return this.#submit('memory', undefined, undefined, {}, undefined).then((r) => r as WorkerMemory);
  }

  /** Milliseconds the last completed call spent computing inside the worker (excluding messaging). */
  get lastElapsedMs(): number {
    return this.#lastElapsedMs;
  }

  /** Stops the worker; pending calls reject. The object cannot be used afterwards. */
  terminate(): void {
    this.#terminated = true;
    const pending = [...(this.#running ? [this.#running] : []), ...this.#queue];
    this.#queue = [];
    this.#running = undefined;
    this.#stopWorker();
    for (const job of pending) this.#settle(job, () => job.reject(new Error('the L1L2Worker was terminated')));
    if (this.#blobUrl !== undefined) URL.revokeObjectURL(this.#blobUrl);
    this.#blobUrl = undefined;
  }

  [Symbol.dispose](): void {
    this.terminate();
  }

  #submit(op: Operation, X: WorkerMatrixInput | undefined, y: ArrayLike<number> | undefined, options: object & WorkerCallOptions,
    onProgress: ((progress: never) => void) | undefined): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.#terminated) throw new Error('the L1L2Worker was terminated');
      if (options === null || typeof options !== 'object') throw new InvalidParameterError('options', 'options must be an object');
      const { signal } = options;
      signal?.throwIfAborted();
      const transfer = new TransferList(options.transfer ?? true);
      const message: JobMessage = {
        id: this.#nextId++, op, progress: onProgress !== undefined, build: this.#options.build ?? 'auto',
        options: encodeOptions(options, transfer),
        ...(X === undefined ? {} : { X: encodeMatrix(X, transfer) }),
        ...(y === undefined ? {} : { y: transfer.float64(y, 'y') }),
      };
      const job: Job = {
        message, transfer: transfer.buffers, signal, onAbort: undefined, onProgress, onWarning: options.onWarning,
        resolve: ({ result, elapsedMs }) => {
          this.#lastElapsedMs = elapsedMs;
          resolve(result);
        },
        reject,
      };
      if (signal) {
        job.onAbort = () => this.#abort(job);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.#queue.push(job);
      this.#pump();
    });
  }

  #abort(job: Job): void {
    const reason: unknown = job.signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
    if (this.#running === job) {
      this.#running = undefined;
      this.#stopWorker();
    } else {
      this.#queue = this.#queue.filter((queued) => queued !== job);
    }
    this.#settle(job, () => job.reject(reason));
    this.#pump();
  }

  #settle(job: Job, action: () => void): void {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    action();
  }

  #pump(): void {
    if (this.#running || this.#terminated) return;
    const job = this.#queue.shift();
    if (!job) return;
    this.#running = job;
    this.#ensureWorker().postMessage(job.message, job.transfer);
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    let url: string | URL;
    if (this.#options.workerUrl !== undefined) url = this.#options.workerUrl;
    else url = this.#blobUrl ??= URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    const worker = new Worker(url);
    worker.onmessage = (event: MessageEvent<HostMessage>) => this.#receive(worker, event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.#fail(worker, new Error(`the l1l2 worker failed: ${event.message || 'could not load the worker script'}`));
    };
    worker.onmessageerror = () => this.#fail(worker, new Error('the l1l2 worker sent a message that could not be read'));
    this.#worker = worker;
    return worker;
  }

  #stopWorker(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  #fail(worker: Worker, error: Error): void {
    if (worker !== this.#worker) return;
    const job = this.#running;
    this.#running = undefined;
    this.#stopWorker();
    if (job) this.#settle(job, () => job.reject(error));
    this.#pump();
  }

  #receive(worker: Worker, message: HostMessage): void {
    const job = this.#running;
    if (worker !== this.#worker || !job || message.id !== job.message.id) return;
    if (message.type === 'progress') {
      job.onProgress?.(message.progress as never);
      return;
    }
    if (message.type === 'warning') {
      const warning = toWarning(message.name, message.message, message.fields);
      (job.onWarning ?? currentWarningHandler())(warning);
      return;
    }
    this.#running = undefined;
    if (message.type === 'result') this.#settle(job, () => job.resolve({ result: message.result, elapsedMs: message.elapsedMs }));
    else this.#settle(job, () => job.reject(toError(message.name, message.message, message.fields)));
    this.#pump();
  }
}

/** The path back from its flat arrays: the same class the main API returns. */
function decodePath(encoded: EncodedPath): RegularizationPath {
  const K = encoded.lambdas.length;
  const indices: Int32Array[] = [];
  const values: Float64Array[] = [];
  for (let k = 0; k < K; k++) {
    indices.push(encoded.indices.subarray(encoded.offsets[k]!, encoded.offsets[k + 1]!));
    values.push(encoded.values.subarray(encoded.offsets[k]!, encoded.offsets[k + 1]!));
  }
  return new RegularizationPath({
    lambdas: encoded.lambdas, l1Ratio: encoded.l1Ratio, lambdaMax: encoded.lambdaMax, intercepts: encoded.intercepts, df: encoded.df,
    devRatio: encoded.devRatio, dualGaps: encoded.dualGaps, gapTolerance: encoded.gapTolerance, nIters: encoded.nIters,
    passesOverX: encoded.passesOverX, converged: Array.from(encoded.converged, (c) => c === 1), nFeatures: encoded.nFeatures, indices, values,
  });
}

/** The library's error class of that name (so `instanceof` works on the page), with its fields. */
function toError(name: string, message: string, fields: Record<string, unknown>): Error {
  const ErrorClass = ERROR_CLASSES[name];
  if (ErrorClass) {
    const error = new L1L2Error(String(fields['argument'] ?? ''), message);
    Object.setPrototypeOf(error, ErrorClass.prototype);
    Object.assign(error, fields, { name });
    return error;
  }
  const Builtin = (globalThis as unknown as Record<string, unknown>)[name];
  const error = typeof Builtin === 'function' && (Builtin === Error || Builtin.prototype instanceof Error)
    ? new (Builtin as ErrorConstructor)(message) : new Error(message);
  if (error.name !== name) error.name = name;
  return error;
}

function toWarning(name: string, message: string, fields: Record<string, unknown>): L1L2Warning {
  if (name === 'ConvergenceWarning') {
    return new ConvergenceWarning(fields['dualGap'] as number, fields['gapTolerance'] as number, fields['nIter'] as number, fields['lambda'] as number | undefined);
  }
  if (name === 'EngineFallbackWarning') return new EngineFallbackWarning(message);
  return new L1L2Warning(message);
}

/** The handler set with `setWarningHandler` (read by setting and restoring it). */
function currentWarningHandler(): WarningHandler {
  const handler = setWarningHandler(undefined);
  setWarningHandler(handler);
  return handler;
}
