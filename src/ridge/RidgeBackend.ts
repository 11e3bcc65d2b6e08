import type { RidgeDesign } from './RidgeDesign.js';
import type { ConjugateGradientRun } from './referenceConjugateGradient.js';
import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { WeightedColumnStats } from './weightedColumnStats.js';

/** @internal A block of doubles owned by a backend: WebAssembly memory or a Float64Array. */
export interface Buffer64 {
  readonly length: number;
}

/** @internal A {@link RidgeDesign} bound to a backend (X resident, statistics uploaded). */
export interface DesignHandle {
  readonly design: RidgeDesign;
  readonly n: number;
  readonly p: number;
}

/**
 * @internal The linear-algebra kernels the ridge solvers are written against, implemented
 * twice: by the WebAssembly kernels (assembly/ridge/) and by the pure-TypeScript reference
 * (src/ridge/reference*.ts). A backend instance serves one fit: `dispose()` frees every buffer
 * it allocated. Matrices are column-major.
 */
export interface RidgeBackend {
  readonly name: 'wasm' | 'js';
  /** A zero-filled buffer of `length` doubles. */
  alloc(length: number): Buffer64;
  /** A buffer holding a copy of `data`. */
  upload(data: Float64Array): Buffer64;
  /** A copy of `length` doubles of `buffer` from `offset`. */
  read(buffer: Buffer64, offset?: number, length?: number): Float64Array;
  /** Copies `data` into `buffer` at `offset`. */
  write(buffer: Buffer64, data: Float64Array, offset?: number): void;
  /** The `length` doubles of `buffer` from `offset`, as a buffer sharing its storage. */
  slice(buffer: Buffer64, offset: number, length: number): Buffer64;
  /** Frees one buffer this backend allocated (not a slice); a no-op for anything else. */
  release(buffer: Buffer64): void;
  /** Frees everything this backend allocated. */
  dispose(): void;

  /** Weighted column statistics of X (v sums to 1; see {@link WeightedColumnStats}). */
  columnStats(X: DesignMatrix, v: Float64Array, fitIntercept: boolean, standardize: boolean): WeightedColumnStats;
  /** Binds a design (uploads X once per matrix, and the statistics of this fit). */
  bind(design: RidgeDesign): DesignHandle;
  /** out (n) = Z·u (p). */
  applyZ(h: DesignHandle, u: Buffer64, out: Buffer64): void;
  /** out (p) = Zᵀ·v (n). */
  applyZt(h: DesignHandle, v: Buffer64, out: Buffer64): void;
  /** G = ZᵀZ (p×p), with G_jj = 1 for excluded columns (d_j = 0) so that G + λI stays definite. */
  gram(h: DesignHandle): Buffer64;
  /** K = ZZᵀ (n×n). */
  kernelMatrix(h: DesignHandle): Buffer64;
  /** U = Z·Q (n×r) for Q p×r. */
  designTimes(h: DesignHandle, Q: Buffer64, r: number): Buffer64;
  /** R with RᵀR = A + shift·I (m×m), or undefined when that matrix is not positive definite. */
  choleskyFactor(A: Buffer64, m: number, shift: number): Buffer64 | undefined;
  /** B (m×k) ← (RᵀR)⁻¹B. */
  choleskySolve(R: Buffer64, m: number, B: Buffer64, k: number): void;
  /** A = V·diag(values)·Vᵀ for symmetric A (m×m, not modified); undefined if QL did not converge. */
  symmetricEigen(A: Buffer64, m: number): { values: Float64Array; vectors: Buffer64 } | undefined;
  /** y (m) = A·x for A m×q. */
  matVec(A: Buffer64, m: number, q: number, x: Buffer64, y: Buffer64): void;
  /** y (q) = Aᵀ·x for A m×q. */
  matTVec(A: Buffer64, m: number, q: number, x: Buffer64, y: Buffer64): void;
  /** h_i = Σ_k f_k·M_ik² for M m×r. */
  weightedRowSquares(M: Buffer64, m: number, r: number, f: Float64Array): Float64Array;
  /** Jacobi-preconditioned CG on (ZᵀZ + λI)w = b from w (in place), until ‖r‖ ≤ tolAbs or maxIter. */
  conjugateGradient(h: DesignHandle, lambda: number, b: Buffer64, w: Buffer64, precond: Float64Array, tolAbs: number, maxIter: number): ConjugateGradientRun;
}
