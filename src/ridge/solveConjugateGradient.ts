import type { PreparedRidge } from './PreparedRidge.js';
import { ridgeCertificate, type RidgeCertificate } from './ridgeCertificate.js';
import type { RidgeSolution } from './RidgeSolution.js';

/**
 * @internal Ridge by Jacobi-preconditioned conjugate gradient on (ZᵀZ + λI)w̃ = Zᵀc, one target at a
 * time, never forming ZᵀZ (each iteration is one pass of Z and one of Zᵀ over the stored entries of X;
 * CSC stays sparse, centring is implicit). Residual criterion: stop when ‖b − (ZᵀZ + λI)w̃‖₂ ≤ tol·‖b‖₂,
 * which is exactly the relative gradient norm ‖∇F(w̃)‖/‖∇F(0)‖. CG's recursively updated residual
 * drifts from the true one, so the certificate is recomputed from the data at the end; if it misses
 * tol while iterations remain, CG restarts from the current w̃ (at most 5 restarts).
 */
export function solveConjugateGradient(prep: PreparedRidge, lambda: number, tol: number, maxIter: number, initial?: Float64Array): RidgeSolution {
  const { backend: be, handle, p, k } = prep;
  const precond = prep.diagGram.map((d) => d + lambda);
  const W = initial ? initial.slice() : new Float64Array(p * k);
  let iterations = 0;
  let certificate: RidgeCertificate | undefined;
  for (let t = 0; t < k; t++) {
    const b = be.upload(prep.b.subarray(t * p, (t + 1) * p));
    const w = be.upload(W.subarray(t * p, (t + 1) * p));
    let used = 0;
    for (let restart = 0; restart <= 5 && used < maxIter; restart++) {
      const run = be.conjugateGradient(handle, lambda, b, w, precond, 0.5 * tol * prep.bNorm[t]!, maxIter - used);
      used += run.iterations;
      W.set(be.read(w), t * p);
      certificate = ridgeCertificate(prep, W, lambda);
      if (certificate.perTarget[t]! <= tol || run.iterations === 0) break;
    }
    be.release(b);
    be.release(w);
    iterations += used;
  }
  // The last certificate covers every target at the final W.
  return { W, certificate: certificate ?? ridgeCertificate(prep, W, lambda), solver: 'cg', form: undefined, nIter: iterations };
}
