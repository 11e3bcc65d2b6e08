// Symmetric eigendecomposition A = V·diag(d)·Vᵀ: Householder reduction to tridiagonal form
// (tred2) and the implicit QL algorithm (tql2), as in EISPACK / JAMA, with V stored
// column-major so the inner loops (symmetric matrix–vector product, rank-2 update,
// accumulation, plane rotations) run down contiguous columns with SIMD building blocks.
import { denseCenteredAxpy, denseDot } from '../denseColumn';
import { ridgeDotAxpy, ridgeRank2Update } from './vectorOps';

// @ts-ignore: decorator
@inline function at(M: usize, n: i32, row: i32, col: i32): usize {
  return M + ((<usize>col * <usize>n + <usize>row) << 3);
}
// @ts-ignore: decorator
@inline function ld(v: usize, i: i32): f64 { return load<f64>(v + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline function st(v: usize, i: i32, x: f64): void { store<f64>(v + (<usize>i << 3), x); }

/**
 * Eigenvalues into d (m) and orthonormal eigenvectors into the columns of V (m×m) for a symmetric
 * A (m×m, not modified); work holds 3m doubles of scratch. Returns 0, or −1 if an eigenvalue needed
 * more than 60 QL iterations.
 */
export function ridgeSymmetricEigen(A: usize, m: i32, d: usize, work: usize, V: usize): i32 {
  memory.copy(V, A, (<usize>m * <usize>m) << 3);
  const e = work;
  tridiagonalize(V, m, d, e);
  return tridiagonalQl(V, m, d, e, work + (<usize>m << 3), work + (<usize>m << 4));
}

/**
 * Applies one QL sweep's plane rotations to V: rotation i (from hi − 1 down to lo) mixes columns i and
 * i + 1 with (c_i, s_i). Along a row the sweep only carries one value (column i + 1 is final once
 * rotation i is applied), so each row block of 8 (four f64x2 lanes, contiguous in column-major V) is
 * swept once, touching each column once instead of twice.
 */
function applyRotationSweep(V: usize, n: i32, lo: i32, hi: i32, cs: usize, sn: usize): void {
  let k0: i32 = 0;
  if (ASC_FEATURE_SIMD) {
    for (; k0 + 8 <= n; k0 += 8) {
      const rowOff = <usize>k0 << 3;
      const top = at(V, n, 0, hi) + rowOff;
      let x0 = v128.load(top), x1 = v128.load(top, 16), x2 = v128.load(top, 32), x3 = v128.load(top, 48);
      for (let i = hi - 1; i >= lo; i--) {
        const col = at(V, n, 0, i) + rowOff;
        const next = col + (<usize>n << 3);
        const vc = f64x2.splat(ld(cs, i));
        const vs = f64x2.splat(ld(sn, i));
        const a0 = v128.load(col), a1 = v128.load(col, 16), a2 = v128.load(col, 32), a3 = v128.load(col, 48);
        v128.store(next, f64x2.add(f64x2.mul(vs, a0), f64x2.mul(vc, x0)));
        v128.store(next, f64x2.add(f64x2.mul(vs, a1), f64x2.mul(vc, x1)), 16);
        v128.store(next, f64x2.add(f64x2.mul(vs, a2), f64x2.mul(vc, x2)), 32);
        v128.store(next, f64x2.add(f64x2.mul(vs, a3), f64x2.mul(vc, x3)), 48);
        x0 = f64x2.sub(f64x2.mul(vc, a0), f64x2.mul(vs, x0));
        x1 = f64x2.sub(f64x2.mul(vc, a1), f64x2.mul(vs, x1));
        x2 = f64x2.sub(f64x2.mul(vc, a2), f64x2.mul(vs, x2));
        x3 = f64x2.sub(f64x2.mul(vc, a3), f64x2.mul(vs, x3));
      }
      const bottom = at(V, n, 0, lo) + rowOff;
      v128.store(bottom, x0);
      v128.store(bottom, x1, 16);
      v128.store(bottom, x2, 32);
      v128.store(bottom, x3, 48);
    }
  }
  for (let k = k0; k < n; k++) {
    let x = load<f64>(at(V, n, k, hi));
    for (let i = hi - 1; i >= lo; i--) {
      const c = ld(cs, i);
      const s = ld(sn, i);
      const a = load<f64>(at(V, n, k, i));
      store<f64>(at(V, n, k, i + 1), s * a + c * x);
      x = c * a - s * x;
    }
    store<f64>(at(V, n, k, lo), x);
  }
}

function tridiagonalize(V: usize, n: i32, d: usize, e: usize): void {
  for (let j: i32 = 0; j < n; j++) st(d, j, load<f64>(at(V, n, n - 1, j)));
  for (let i: i32 = n - 1; i > 0; i--) {
    let scale: f64 = 0;
    let h: f64 = 0;
    for (let k: i32 = 0; k < i; k++) scale += Math.abs(ld(d, k));
    if (scale == 0) {
      st(e, i, ld(d, i - 1));
      for (let j: i32 = 0; j < i; j++) {
        st(d, j, load<f64>(at(V, n, i - 1, j)));
        store<f64>(at(V, n, i, j), 0);
        store<f64>(at(V, n, j, i), 0);
      }
    } else {
      for (let k: i32 = 0; k < i; k++) {
        const dk = ld(d, k) / scale;
        st(d, k, dk);
        h += dk * dk;
      }
      let f = ld(d, i - 1);
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      st(e, i, scale * g);
      h -= f * g;
      st(d, i - 1, f - g);
      memory.fill(e, 0, <usize>i << 3);
      for (let j: i32 = 0; j < i; j++) {
        f = ld(d, j);
        store<f64>(at(V, n, j, i), f);
        g = ld(e, j) + load<f64>(at(V, n, j, j)) * f;
        // Rows j+1 … i−1 of column j: g += V·d, e += f·V.
        const len = i - 1 - j;
        if (len > 0) g += ridgeDotAxpy(at(V, n, j + 1, j), d + (<usize>(j + 1) << 3), f, e + (<usize>(j + 1) << 3), len);
        st(e, j, g);
      }
      f = 0;
      for (let j: i32 = 0; j < i; j++) {
        const ej = ld(e, j) / h;
        st(e, j, ej);
        f += ej * ld(d, j);
      }
      const hh = f / (h + h);
      for (let j: i32 = 0; j < i; j++) st(e, j, ld(e, j) - hh * ld(d, j));
      for (let j: i32 = 0; j < i; j++) {
        f = ld(d, j);
        g = ld(e, j);
        ridgeRank2Update(f, e + (<usize>j << 3), g, d + (<usize>j << 3), at(V, n, j, j), i - j);
        st(d, j, load<f64>(at(V, n, i - 1, j)));
        store<f64>(at(V, n, i, j), 0);
      }
    }
    st(d, i, h);
  }
  // Accumulate the transformations.
  for (let i: i32 = 0; i < n - 1; i++) {
    store<f64>(at(V, n, n - 1, i), load<f64>(at(V, n, i, i)));
    store<f64>(at(V, n, i, i), 1);
    const h = ld(d, i + 1);
    const next = at(V, n, 0, i + 1);
    if (h != 0) {
      for (let k: i32 = 0; k <= i; k++) st(d, k, load<f64>(next + (<usize>k << 3)) / h);
      for (let j: i32 = 0; j <= i; j++) {
        const col = at(V, n, 0, j);
        const g = denseDot(next, col, i + 1);
        denseCenteredAxpy(-g, d, col, i + 1, 0);
      }
    }
    memory.fill(next, 0, <usize>(i + 1) << 3);
  }
  for (let j: i32 = 0; j < n; j++) {
    st(d, j, load<f64>(at(V, n, n - 1, j)));
    store<f64>(at(V, n, n - 1, j), 0);
  }
  store<f64>(at(V, n, n - 1, n - 1), 1);
  st(e, 0, 0);
}

function tridiagonalQl(V: usize, n: i32, d: usize, e: usize, cs: usize, sn: usize): i32 {
  for (let i: i32 = 1; i < n; i++) st(e, i - 1, ld(e, i));
  st(e, n - 1, 0);
  let f: f64 = 0;
  let tst1: f64 = 0;
  const eps: f64 = 2.220446049250313e-16;
  for (let l: i32 = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(ld(d, l)) + Math.abs(ld(e, l)));
    let m = l;
    while (m < n) {
      if (Math.abs(ld(e, m)) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      let iter: i32 = 0;
      do {
        if (++iter > 60) return -1;
        let g = ld(d, l);
        let p = (ld(d, l + 1) - g) / (2 * ld(e, l));
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        st(d, l, ld(e, l) / (p + r));
        st(d, l + 1, ld(e, l) * (p + r));
        const dl1 = ld(d, l + 1);
        let h = g - ld(d, l);
        for (let i = l + 2; i < n; i++) st(d, i, ld(d, i) - h);
        f += h;
        p = ld(d, m);
        let c: f64 = 1;
        let c2 = c;
        let c3 = c;
        const el1 = ld(e, l + 1);
        let s: f64 = 0;
        let s2: f64 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * ld(e, i);
          h = c * p;
          r = Math.hypot(p, ld(e, i));
          st(e, i + 1, s * r);
          s = ld(e, i) / r;
          c = p / r;
          p = c * ld(d, i) - s * g;
          st(d, i + 1, h + s * (c * g + s * ld(d, i)));
          st(cs, i, c);
          st(sn, i, s);
        }
        applyRotationSweep(V, n, l, m, cs, sn);
        p = (-s * s2 * c3 * el1 * ld(e, l)) / dl1;
        st(e, l, s * p);
        st(d, l, c * p);
      } while (Math.abs(ld(e, l)) > eps * tst1);
    }
    st(d, l, ld(d, l) + f);
    st(e, l, 0);
  }
  return 0;
}
