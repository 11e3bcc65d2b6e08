import type { PreparedRidge } from './PreparedRidge.js';
import { primalCoefficients } from './primalCoefficients.js';
import { ridgeCertificate } from './ridgeCertificate.js';
import { MAX_REFINEMENTS, type RidgeForm, type RidgeSolution, type RidgeSolverName } from './RidgeSolution.js';

/**
 * @internal Certifies a direct solver's state at λ (w̃ in the primal form, α in the dual; m×k) from
 * the data, then, while the certificate misses `tol`, runs up to {@link MAX_REFINEMENTS} steps of
 * iterative refinement: the correction solves (A + λI)δ = −∇F (primal) or (K + λI)δα = −residual − λα
 * (dual) with `solveShifted`, which applies the solver's (A + λI)⁻¹ (a Cholesky factor or an
 * eigendecomposition) to m×k columns. A step is kept only if it lowers the relative gradient.
 */
export function refineRidgeSolution(
  prep: PreparedRidge, form: RidgeForm, lambda: number, tol: number, initialState: Float64Array,
  solveShifted: (rhs: Float64Array) => Float64Array, solver: RidgeSolverName,
): RidgeSolution {
  const m = form === 'primal' ? prep.p : prep.n;
  const { k } = prep;
  let state = initialState;
  let W = primalCoefficients(prep, form, state);
  let certificate = ridgeCertificate(prep, W, lambda);
  let refinements = 0;
  while (certificate.relativeGradient > tol && refinements < MAX_REFINEMENTS) {
    const correction = new Float64Array(m * k);
    if (form === 'primal') for (let i = 0; i < m * k; i++) correction[i] = -certificate.gradient[i]!;
    else for (let i = 0; i < m * k; i++) correction[i] = -certificate.residual[i]! - lambda * state[i]!;
    const delta = solveShifted(correction);
    const next = state.map((x, i) => x + delta[i]!);
    const nextW = primalCoefficients(prep, form, next);
    const nextCert = ridgeCertificate(prep, nextW, lambda);
    refinements++;
    if (!(nextCert.relativeGradient < certificate.relativeGradient)) break;
    state = next;
    W = nextW;
    certificate = nextCert;
  }
  return { W, certificate, solver, form, nIter: refinements };
}
