import type { RidgeDesign } from './RidgeDesign.js';
import { designMatvec, designTMatvec } from './referenceDesignOperator.js';

/** Result of a conjugate-gradient run: iterations and the final (recursively updated) residual norm. */
export interface ConjugateGradientRun {
  iterations: number;
  residualNorm: number;
}

/**
 * Pure-TS Jacobi-preconditioned conjugate gradient on the ridge normal equations
 * (ZᵀZ + λI)·w = b, never forming ZᵀZ: each iteration applies Z and Zᵀ once
 * (reference of `ridgeConjugateGradient`). Starts from w (updated in place) and stops when
 * ‖r‖₂ ≤ tolAbs for the residual r = b − (ZᵀZ + λI)w, or after maxIter iterations.
 * `precond[j]` is the diagonal (ZᵀZ)_jj + λ (entries ≤ 0 are treated as 1).
 */
export function conjugateGradient(
  design: RidgeDesign, lambda: number, b: Float64Array, w: Float64Array, precond: Float64Array, tolAbs: number, maxIter: number,
): ConjugateGradientRun {
  const n = design.X.nRows;
  const p = design.X.nCols;
  const t = new Float64Array(n);
  const r = new Float64Array(p);
  const z = new Float64Array(p);
  const dir = new Float64Array(p);
  const q = new Float64Array(p);
  const apply = (x: Float64Array, out: Float64Array) => {
    designMatvec(design, x, t);
    designTMatvec(design, t, out);
    for (let j = 0; j < p; j++) out[j]! += lambda * x[j]!;
  };
  const inv = (j: number) => (precond[j]! > 0 ? 1 / precond[j]! : 1);
  apply(w, q);
  let rz = 0;
  let rr = 0;
  for (let j = 0; j < p; j++) {
    r[j] = b[j]! - q[j]!;
    z[j] = r[j]! * inv(j);
    dir[j] = z[j]!;
    rz += r[j]! * z[j]!;
    rr += r[j]! * r[j]!;
  }
  let iterations = 0;
  while (Math.sqrt(rr) > tolAbs && iterations < maxIter) {
    apply(dir, q);
    let dq = 0;
    for (let j = 0; j < p; j++) dq += dir[j]! * q[j]!;
    if (!(dq > 0)) break;
    const alpha = rz / dq;
    let rzNew = 0;
    rr = 0;
    for (let j = 0; j < p; j++) {
      w[j]! += alpha * dir[j]!;
      r[j]! -= alpha * q[j]!;
      z[j] = r[j]! * inv(j);
      rzNew += r[j]! * z[j]!;
      rr += r[j]! * r[j]!;
    }
    const beta = rzNew / rz;
    rz = rzNew;
    for (let j = 0; j < p; j++) dir[j] = z[j]! + beta * dir[j]!;
    iterations++;
  }
  return { iterations, residualNorm: Math.sqrt(rr) };
}
