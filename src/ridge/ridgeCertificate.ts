import type { PreparedRidge } from './PreparedRidge.js';
import { norm } from './PreparedRidge.js';

/**
 * @internal The optimality certificate of ridge coefficients W̃ (p×k, scaled space), computed from the
 * data (two passes over X per target, never from a factorization):
 *
 *   ∇F(w̃) = Zᵀ(Zw̃ − c) + λw̃,   relative gradient = ‖∇F(w̃)‖₂ / ‖∇F(0)‖₂ = ‖∇F(w̃)‖₂ / ‖Zᵀc‖₂
 *
 * (0 when ∇F(0) = 0 and ∇F(w̃) = 0). The intercept's partial derivative vanishes by construction
 * (b = ȳ − μᵀw). Also returns the objective F = ½‖c − Zw̃‖² + (λ/2)‖w̃‖², the gradients and the
 * residuals Zw̃ − c (used by iterative refinement).
 */
export interface RidgeCertificate {
  /** Max over targets of the relative gradient norm. */
  relativeGradient: number;
  perTarget: Float64Array;
  /** Σ over targets of the objective. */
  objective: number;
  gradient: Float64Array;
  /** Zw̃ − c (n×k). */
  residual: Float64Array;
}

export function ridgeCertificate(prep: PreparedRidge, W: Float64Array, lambda: number): RidgeCertificate {
  const { backend: be, handle, n, p, k } = prep;
  const wBuf = be.upload(W);
  const rBuf = be.alloc(n * k);
  const gBuf = be.alloc(p * k);
  for (let t = 0; t < k; t++) be.applyZ(handle, be.slice(wBuf, t * p, p), be.slice(rBuf, t * n, n));
  const residual = be.read(rBuf);
  const c = be.read(prep.c);
  for (let i = 0; i < n * k; i++) residual[i]! -= c[i]!;
  be.write(rBuf, residual);
  for (let t = 0; t < k; t++) be.applyZt(handle, be.slice(rBuf, t * n, n), be.slice(gBuf, t * p, p));
  const gradient = be.read(gBuf);
  for (const buffer of [wBuf, rBuf, gBuf]) be.release(buffer);
  const perTarget = new Float64Array(k);
  let objective = 0;
  for (let t = 0; t < k; t++) {
    let ww = 0;
    for (let j = 0; j < p; j++) {
      const wj = W[t * p + j]!;
      gradient[t * p + j]! += lambda * wj;
      ww += wj * wj;
    }
    const g = norm(gradient.subarray(t * p, (t + 1) * p));
    const g0 = prep.bNorm[t]!;
    perTarget[t] = g0 > 0 ? g / g0 : g === 0 ? 0 : Infinity;
    objective += 0.5 * norm(residual.subarray(t * n, (t + 1) * n)) ** 2 + 0.5 * lambda * ww;
  }
  return { relativeGradient: Math.max(...perTarget), perTarget, objective, gradient, residual };
}
