import type { PreparedRidge } from './PreparedRidge.js';
import type { MAX_REFINEMENTS, RidgeSolution } from './RidgeSolution.js';
import { refineRidgeSolution } from './refineRidgeSolution.js';
import { RidgeDecomposition } from './RidgeDecomposition.js';
import type { Buffer64 } from './RidgeBackend.js';

/**
 * @internal Direct ridge solve by Cholesky factorization in WASM (or the TS reference):
 * - primal (p ≤ n): (ZᵀZ + λI)·w̃ = Zᵀc, one p×p Gram matrix and one factorization for all k targets;
 * - dual (p > n):  (ZZᵀ + λI)·α = c, w̃ = Zᵀα, with the n×n kernel matrix.
 * The certificate is computed from the data; if it misses `tol`, up to {@link MAX_REFINEMENTS} steps of
 * iterative refinement (residual from the data, correction from the same factor) follow. When the
 * matrix is singular (λ = 0 and rank-deficient Z) the eigendecomposition's minimum-norm solution is used.
 */
export function solveCholesky(prep: PreparedRidge, lambda: number, tol: number, form: 'primal' | 'dual', formed?: Buffer64): RidgeSolution {
  const { backend: be, handle, n, p } = prep;
  const m = form === 'primal' ? p : n;
  const A = formed ?? (form === 'primal' ? be.gram(handle) : be.kernelMatrix(handle));
  const R = be.choleskyFactor(A, m, lambda);
  if (!R) {
    const decomposition = RidgeDecomposition.fromMatrix(prep, A, form);
    if (!formed) be.release(A);
    return decomposition.solve(lambda, tol, 'cholesky');
  }
  try {
    return refineWithFactor(prep, R, lambda, tol, form);
  } finally {
    be.release(R);
    if (!formed) be.release(A);
  }
}

/** The factored solve: α or w̃ from the factor R, then certification and refinement with the same factor. */
function refineWithFactor(prep: PreparedRidge, R: Buffer64, lambda: number, tol: number, form: 'primal' | 'dual'): RidgeSolution {
  const { backend: be, n, p, k } = prep;
  const m = form === 'primal' ? p : n;
  // Dual variables α (n×k) or primal w̃ (p×k) right-hand sides.
  const rhs = form === 'primal' ? be.upload(prep.b) : be.upload(be.read(prep.c));
  be.choleskySolve(R, m, rhs, k);
  const state = be.read(rhs);
  be.release(rhs);
  const solveWithFactor = (correction: Float64Array): Float64Array => {
    const cBuf = be.upload(correction);
    be.choleskySolve(R, m, cBuf, k);
    const delta = be.read(cBuf);
    be.release(cBuf);
    return delta;
  };
  return refineRidgeSolution(prep, form, lambda, tol, state, solveWithFactor, 'cholesky');
}
