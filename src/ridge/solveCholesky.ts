import type { PreparedRidge } from './PreparedRidge.js';
import { ridgeCertificate } from './ridgeCertificate.js';
import { MAX_REFINEMENTS, type RidgeSolution } from './RidgeSolution.js';
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

function refineWithFactor(prep: PreparedRidge, R: Buffer64, lambda: number, tol: number, form: 'primal' | 'dual'): RidgeSolution {
  const { backend: be, handle, n, p, k } = prep;
  const m = form === 'primal' ? p : n;
  // Dual variables α (n×k) or primal w̃ (p×k) right-hand sides.
  const rhs = form === 'primal' ? be.upload(prep.b) : be.upload(be.read(prep.c));
  be.choleskySolve(R, m, rhs, k);
  let state = be.read(rhs);
  be.release(rhs);
  const toW = (alpha: Float64Array): Float64Array => {
    if (form === 'primal') return alpha;
    const aBuf = be.upload(alpha);
    const wBuf = be.alloc(p * k);
    for (let t = 0; t < k; t++) be.applyZt(handle, be.slice(aBuf, t * n, n), be.slice(wBuf, t * p, p));
    const W = be.read(wBuf);
    be.release(aBuf);
    be.release(wBuf);
    return W;
  };
  let W = toW(state);
  let certificate = ridgeCertificate(prep, W, lambda);
  let refinements = 0;
  while (certificate.relativeGradient > tol && refinements < MAX_REFINEMENTS) {
    // Primal: (G + λI)δ = −∇F. Dual: (K + λI)δα = c − Zw̃ − λα = −residual − λα.
    const correction = new Float64Array(m * k);
    if (form === 'primal') for (let i = 0; i < m * k; i++) correction[i] = -certificate.gradient[i]!;
    else for (let i = 0; i < m * k; i++) correction[i] = -certificate.residual[i]! - lambda * state[i]!;
    const cBuf = be.upload(correction);
    be.choleskySolve(R, m, cBuf, k);
    const delta = be.read(cBuf);
    be.release(cBuf);
    const next = state.map((x, i) => x + delta[i]!);
    const nextW = toW(next);
    const nextCert = ridgeCertificate(prep, nextW, lambda);
    refinements++;
    if (!(nextCert.relativeGradient < certificate.relativeGradient)) break;
    state = next;
    W = nextW;
    certificate = nextCert;
  }
  return { W, certificate, solver: 'cholesky', form, nIter: refinements };
}
