// Ridge by Jacobi-preconditioned conjugate gradient on the normal equations
// (ZᵀZ + λI)·w = b, never forming ZᵀZ: each iteration is one Z·u and one Zᵀ·v pass
// over the stored entries of X (designOperator.ts), all in one WASM call per solve.
import { ridgeDesignMatvec, ridgeDesignTMatvec } from './designOperator';
import { zCols, zRows } from './ridgeDesign';
import { denseDot } from '../denseColumn';

/** ‖r‖₂ at the end of the last ridgeConjugateGradient call. */
export let ridgeCgResidualNorm: f64 = 0;

// @ts-ignore: decorator
@inline function ld(v: usize, i: i32): f64 { return load<f64>(v + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline function st(v: usize, i: i32, x: f64): void { store<f64>(v + (<usize>i << 3), x); }

/** out = (ZᵀZ + λI)·x; t (n) and t2 (n) are scratch. */
function applyNormal(desc: usize, lambda: f64, x: usize, out: usize, t: usize, t2: usize): void {
  ridgeDesignMatvec(desc, x, t);
  ridgeDesignTMatvec(desc, t, out, t2);
  const p = zCols(desc);
  for (let j: i32 = 0; j < p; j++) st(out, j, ld(out, j) + lambda * ld(x, j));
}

/**
 * Runs PCG from w (p, updated in place) on (ZᵀZ + λI)w = b with the diagonal preconditioner
 * `precond` (p; entries ≤ 0 are treated as 1), until ‖r‖₂ ≤ tolAbs or maxIter iterations.
 * `work` holds 2n + 4p doubles. Returns the iterations run; ‖r‖₂ is left in ridgeCgResidualNorm.
 */
export function ridgeConjugateGradient(desc: usize, lambda: f64, b: usize, w: usize, precond: usize, tolAbs: f64, maxIter: i32, work: usize): i32 {
  const n = zRows(desc);
  const p = zCols(desc);
  const t = work;
  const t2 = t + (<usize>n << 3);
  const r = t2 + (<usize>n << 3);
  const z = r + (<usize>p << 3);
  const dir = z + (<usize>p << 3);
  const q = dir + (<usize>p << 3);
  applyNormal(desc, lambda, w, q, t, t2);
  let rz: f64 = 0;
  let rr: f64 = 0;
  for (let j: i32 = 0; j < p; j++) {
    const rj = ld(b, j) - ld(q, j);
    const m = ld(precond, j);
    const zj = m > 0 ? rj / m : rj;
    st(r, j, rj);
    st(z, j, zj);
    st(dir, j, zj);
    rz += rj * zj;
    rr += rj * rj;
  }
  let iterations: i32 = 0;
  while (Math.sqrt(rr) > tolAbs && iterations < maxIter) {
    applyNormal(desc, lambda, dir, q, t, t2);
    const dq = denseDot(dir, q, p);
    if (!(dq > 0)) break;
    const alpha = rz / dq;
    let rzNew: f64 = 0;
    rr = 0;
    for (let j: i32 = 0; j < p; j++) {
      st(w, j, ld(w, j) + alpha * ld(dir, j));
      const rj = ld(r, j) - alpha * ld(q, j);
      const m = ld(precond, j);
      const zj = m > 0 ? rj / m : rj;
      st(r, j, rj);
      st(z, j, zj);
      rzNew += rj * zj;
      rr += rj * rj;
    }
    const beta = rzNew / rz;
    rz = rzNew;
    for (let j: i32 = 0; j < p; j++) st(dir, j, ld(z, j) + beta * ld(dir, j));
    iterations++;
  }
  ridgeCgResidualNorm = Math.sqrt(rr);
  return iterations;
}
