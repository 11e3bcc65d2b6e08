import type { KernelExports } from '../wasm/KernelExports.js';

/**
 * @internal The ridge functions exported by the l1l2 WebAssembly module (assembly/ridge/, re-exported
 * by assembly/index.ts). Pointers are byte addresses; matrices are column-major; booleans are 0/1.
 * `desc` is the 36-byte ridge design descriptor of assembly/ridge/ridgeDesign.ts.
 */
export interface RidgeKernels extends KernelExports {
  ridgeCrossProduct(A: number, B: number, m: number, qa: number, qb: number, C: number, symmetric: number): void;
  ridgeTranspose(A: number, m: number, q: number, T: number): void;
  ridgeMatVec(A: number, m: number, q: number, x: number, y: number): void;
  ridgeMatTVec(A: number, m: number, q: number, x: number, y: number): void;
  ridgeWeightedRowSquares(M: number, m: number, r: number, f: number, h: number): void;
  ridgeCscWeightedGram(values: number, rows: number, indptr: number, m: number, q: number, rho: number, work: number, G: number): void;
  ridgeSymmetricCorrection(G: number, q: number, alpha: number, beta: number, gamma: number, delta: number): void;
  ridgeDesignMatvec(desc: number, u: number, out: number): void;
  ridgeDesignTMatvec(desc: number, v: number, out: number, work: number): void;
  ridgeScaledDesign(desc: number, Z: number): void;
  ridgeCholeskyFactor(A: number, m: number, shift: number, R: number): number;
  ridgeCholeskySolve(R: number, m: number, B: number, k: number): void;
  ridgeSymmetricEigen(A: number, m: number, d: number, work: number, V: number): number;
  ridgeConjugateGradient(desc: number, lambda: number, b: number, w: number, precond: number, tolAbs: number, maxIter: number, work: number): number;
  ridgeCgResidualNorm: WebAssembly.Global | number;
  ridgeColumnStats(
    layout: number, n: number, p: number, values: number, indptr: number, rows: number, v: number, positiveRows: number,
    fitIntercept: number, standardize: number, mean: number, invScale: number, diagGram: number,
  ): void;
}
