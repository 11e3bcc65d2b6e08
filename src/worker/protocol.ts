/**
 * @internal The messages between {@link L1L2Worker} (the page) and the worker host.
 * Every big array travels as a transferred ArrayBuffer; only small scalars and short
 * arrays (λ grid options, fold ids of small problems) are structured-cloned.
 */

/** A design matrix on its way to the worker: the arrays the worker builds its matrix from. */
export type EncodedMatrix =
  | { kind: 'dense'; nRows: number; nCols: number; layout: 'column-major' | 'row-major'; data: Float64Array }
  | { kind: 'csc'; nRows: number; nCols: number; indptr: Int32Array; indices: Int32Array; data: Float64Array };

/** The operations the worker runs. */
export type Operation = 'fit' | 'enetPath' | 'cvPath' | 'memory';

/** Page → worker: run one operation. */
export interface JobMessage {
  id: number;
  op: Operation;
  X?: EncodedMatrix;
  y?: Float64Array;
  /** Options without functions or AbortSignals (those stay on the page). */
  options?: Record<string, unknown>;
  /** Whether the page wants progress messages. */
  progress: boolean;
  /** Which kernel build to initialize (first job only). */
  build?: 'auto' | 'simd' | 'scalar';
}

/** A path as plain arrays: the non-zeros of all λ concatenated, λ k's at offsets[k] … offsets[k+1] − 1. */
export interface EncodedPath {
  lambdas: Float64Array;
  l1Ratio: number;
  lambdaMax: number;
  intercepts: Float64Array;
  df: Int32Array;
  devRatio: Float64Array;
  dualGaps: Float64Array;
  gapTolerance: number;
  nIters: Int32Array;
  passesOverX: Float64Array;
  converged: Uint8Array;
  nFeatures: number;
  offsets: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/** Worker → page. */
export type HostMessage =
  | { id: number; type: 'progress'; progress: unknown }
  | { id: number; type: 'warning'; name: string; message: string; fields: Record<string, unknown> }
  | { id: number; type: 'result'; result: unknown; elapsedMs: number }
  | { id: number; type: 'error'; name: string; message: string; fields: Record<string, unknown> };
