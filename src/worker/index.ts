/**
 * `l1l2/worker`: the library's fits, paths and cross-validation in a Web Worker.
 *
 * @example
 * ```ts
 * import { L1L2Worker } from 'l1l2/worker';
 * const worker = new L1L2Worker();
 * const path = await worker.lassoPath(X, y, { onProgress: (p) => console.log(p.lambdaIndex, p.df) });
 * ```
 * @packageDocumentation
 */
export { L1L2Worker, type L1L2WorkerOptions, type WorkerCallOptions, type WorkerPathOptions, type WorkerFit, type WorkerMemory } from './L1L2Worker.js';
export type { PathProgress } from '../path/elasticNetPath.js';
export type { WorkerMatrixInput, DenseArrays } from './encodeInputs.js';
