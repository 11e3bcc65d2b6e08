import type { PreparedRidge } from './PreparedRidge.js';
import type { RidgeForm } from './RidgeSolution.js';

/**
 * @internal The scaled coefficients w̃ (p×k) of a direct solver's state: the state itself in the
 * primal form, w̃ = Zᵀα (one Zᵀ product per target) for the dual variables α (n×k).
 */
export function primalCoefficients(prep: PreparedRidge, form: RidgeForm, state: Float64Array): Float64Array {
  if (form === 'primal') return state;
  const { backend: be, handle, n, p, k } = prep;
  const aBuf = be.upload(state);
  const wBuf = be.alloc(p * k);
  for (let t = 0; t < k; t++) be.applyZt(handle, be.slice(aBuf, t * n, n), be.slice(wBuf, t * p, p));
  const W = be.read(wBuf);
  be.release(aBuf);
  be.release(wBuf);
  return W;
}
