// Dense products on column-major matrices (A is m×q: entry (i, j) at byte A + 8·(j·m + i)),
// and the sparse Gram product. The cross product C = AᵀB is the workhorse of the ridge
// solvers (Gram XᵀX, kernel XXᵀ, Z·Q): a 2×2 register-blocked micro-kernel (four dot
// products sharing their loads) over cache tiles of KC rows × TILE columns.
import { denseCenteredAxpy, denseDot } from '../denseColumn';

/** Rows per cache chunk and columns per tile: 2·TILE columns of KC rows (256 KiB) stay in L2. */
const KC: i32 = 256;
const TILE: i32 = 64;

/** The four sums of the last dot2x2 call (AssemblyScript returns one value). */
let s00: f64 = 0, s01: f64 = 0, s10: f64 = 0, s11: f64 = 0;

/** s_ab = Σ_i a_a[i]·b_b[i] (a, b ∈ {0, 1}) for i < n: loads each of the four columns once. */
function dot2x2(a0: usize, a1: usize, b0: usize, b1: usize, n: i32): void {
  let i: i32 = 0;
  let r00: f64 = 0, r01: f64 = 0, r10: f64 = 0, r11: f64 = 0;
  const n4 = n & ~3;
  if (ASC_FEATURE_SIMD) {
    let c00 = f64x2.splat(0), c01 = f64x2.splat(0), c10 = f64x2.splat(0), c11 = f64x2.splat(0);
    let d00 = f64x2.splat(0), d01 = f64x2.splat(0), d10 = f64x2.splat(0), d11 = f64x2.splat(0);
    for (; i < n4; i += 4) {
      const o = <usize>i << 3;
      const x0 = v128.load(a0 + o);
      const x1 = v128.load(a1 + o);
      const y0 = v128.load(b0 + o);
      const y1 = v128.load(b1 + o);
      c00 = f64x2.add(c00, f64x2.mul(x0, y0));
      c01 = f64x2.add(c01, f64x2.mul(x0, y1));
      c10 = f64x2.add(c10, f64x2.mul(x1, y0));
      c11 = f64x2.add(c11, f64x2.mul(x1, y1));
      const u0 = v128.load(a0 + o, 16);
      const u1 = v128.load(a1 + o, 16);
      const v0 = v128.load(b0 + o, 16);
      const v1 = v128.load(b1 + o, 16);
      d00 = f64x2.add(d00, f64x2.mul(u0, v0));
      d01 = f64x2.add(d01, f64x2.mul(u0, v1));
      d10 = f64x2.add(d10, f64x2.mul(u1, v0));
      d11 = f64x2.add(d11, f64x2.mul(u1, v1));
    }
    c00 = f64x2.add(c00, d00);
    c01 = f64x2.add(c01, d01);
    c10 = f64x2.add(c10, d10);
    c11 = f64x2.add(c11, d11);
    r00 = f64x2.extract_lane(c00, 0) + f64x2.extract_lane(c00, 1);
    r01 = f64x2.extract_lane(c01, 0) + f64x2.extract_lane(c01, 1);
    r10 = f64x2.extract_lane(c10, 0) + f64x2.extract_lane(c10, 1);
    r11 = f64x2.extract_lane(c11, 0) + f64x2.extract_lane(c11, 1);
  } else {
    for (; i < n4; i += 4) {
      const o = <usize>i << 3;
      for (let q: usize = 0; q < 32; q += 8) {
        const x0 = load<f64>(a0 + o + q);
        const x1 = load<f64>(a1 + o + q);
        const y0 = load<f64>(b0 + o + q);
        const y1 = load<f64>(b1 + o + q);
        r00 += x0 * y0;
        r01 += x0 * y1;
        r10 += x1 * y0;
        r11 += x1 * y1;
      }
    }
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    const x0 = load<f64>(a0 + o);
    const x1 = load<f64>(a1 + o);
    const y0 = load<f64>(b0 + o);
    const y1 = load<f64>(b1 + o);
    r00 += x0 * y0;
    r01 += x0 * y1;
    r10 += x1 * y0;
    r11 += x1 * y1;
  }
  s00 = r00; s01 = r01; s10 = r10; s11 = r11;
}

// @ts-ignore: decorator
@inline function addTo(C: usize, ld: i32, a: i32, b: i32, v: f64): void {
  const p = C + ((<usize>b * <usize>ld + <usize>a) << 3);
  store<f64>(p, load<f64>(p) + v);
}

/**
 * C = AᵀB (qa×qb, column-major: C_ab at b·qa + a) for A m×qa and B m×qb. With `symmetric`
 * (B = A, qb = qa) only blocks on or above the diagonal are computed, then mirrored.
 */
export function ridgeCrossProduct(A: usize, B: usize, m: i32, qa: i32, qb: i32, C: usize, symmetric: bool): void {
  memory.fill(C, 0, (<usize>qa * <usize>qb) << 3);
  for (let i0: i32 = 0; i0 < m; i0 += KC) {
    const len = min(KC, m - i0);
    const rowOff = <usize>i0 << 3;
    for (let b0: i32 = 0; b0 < qb; b0 += TILE) {
      const bEnd = min(qb, b0 + TILE);
      const aLimit = symmetric ? bEnd : qa;
      for (let a0: i32 = 0; a0 < aLimit; a0 += TILE) {
        const aEnd = min(qa, a0 + TILE);
        for (let b = b0; b < bEnd; b += 2) {
          const pb0 = B + ((<usize>b * <usize>m) << 3) + rowOff;
          const twoB = b + 1 < bEnd;
          const aStop = symmetric ? min(aEnd, b + 2) : aEnd;
          for (let a = a0; a < aStop; a += 2) {
            const pa0 = A + ((<usize>a * <usize>m) << 3) + rowOff;
            const twoA = a + 1 < aStop;
            if (twoA && twoB) {
              dot2x2(pa0, pa0 + (<usize>m << 3), pb0, pb0 + (<usize>m << 3), len);
              addTo(C, qa, a, b, s00);
              addTo(C, qa, a, b + 1, s01);
              addTo(C, qa, a + 1, b, s10);
              addTo(C, qa, a + 1, b + 1, s11);
            } else {
              const aaEnd = twoA ? a + 2 : a + 1;
              const bbEnd = twoB ? b + 2 : b + 1;
              for (let aa = a; aa < aaEnd; aa++) {
                for (let bb = b; bb < bbEnd; bb++) {
                  const pa = A + ((<usize>aa * <usize>m) << 3) + rowOff;
                  const pb = B + ((<usize>bb * <usize>m) << 3) + rowOff;
                  addTo(C, qa, aa, bb, denseDot(pa, pb, len));
                }
              }
            }
          }
        }
      }
    }
  }
  if (symmetric) {
    // The loops above cover every (a, b) with a ≤ b + 1 inside a block pair; make C exactly symmetric.
    for (let b: i32 = 0; b < qb; b++) {
      for (let a: i32 = b + 1; a < qa; a++) {
        // C[a, b] (lower, column b) ← C[b, a] (upper, column a).
        store<f64>(C + ((<usize>b * <usize>qa + <usize>a) << 3), load<f64>(C + ((<usize>a * <usize>qa + <usize>b) << 3)));
      }
    }
  }
}

/** T = Aᵀ (q×m) for A m×q, in 32×32 tiles. */
export function ridgeTranspose(A: usize, m: i32, q: i32, T: usize): void {
  const B: i32 = 32;
  for (let j0: i32 = 0; j0 < q; j0 += B) {
    const jEnd = min(q, j0 + B);
    for (let i0: i32 = 0; i0 < m; i0 += B) {
      const iEnd = min(m, i0 + B);
      for (let j = j0; j < jEnd; j++) {
        for (let i = i0; i < iEnd; i++) {
          store<f64>(T + ((<usize>i * <usize>q + <usize>j) << 3), load<f64>(A + ((<usize>j * <usize>m + <usize>i) << 3)));
        }
      }
    }
  }
}

/** y (m) = A·x for A m×q (column axpys). */
export function ridgeMatVec(A: usize, m: i32, q: i32, x: usize, y: usize): void {
  memory.fill(y, 0, <usize>m << 3);
  for (let j: i32 = 0; j < q; j++) {
    const xj = load<f64>(x + (<usize>j << 3));
    if (xj != 0) denseCenteredAxpy(xj, A + ((<usize>j * <usize>m) << 3), y, m, 0);
  }
}

/** y (q) = Aᵀ·x for A m×q (column dots). */
export function ridgeMatTVec(A: usize, m: i32, q: i32, x: usize, y: usize): void {
  for (let j: i32 = 0; j < q; j++) store<f64>(y + (<usize>j << 3), denseDot(A + ((<usize>j * <usize>m) << 3), x, m));
}

/** h_i = Σ_k f_k·M_ik² (i < m) for M m×r: the diagonal of M·diag(f)·Mᵀ. */
export function ridgeWeightedRowSquares(M: usize, m: i32, r: i32, f: usize, h: usize): void {
  memory.fill(h, 0, <usize>m << 3);
  for (let k: i32 = 0; k < r; k++) {
    const fk = load<f64>(f + (<usize>k << 3));
    if (fk == 0) continue;
    const col = M + ((<usize>k * <usize>m) << 3);
    let i: i32 = 0;
    if (ASC_FEATURE_SIMD) {
      const vf = f64x2.splat(fk);
      const m2 = m & ~1;
      for (; i < m2; i += 2) {
        const o = <usize>i << 3;
        const v = v128.load(col + o);
        v128.store(h + o, f64x2.add(v128.load(h + o), f64x2.mul(vf, f64x2.mul(v, v))));
      }
    }
    for (; i < m; i++) {
      const o = <usize>i << 3;
      const v = load<f64>(col + o);
      store<f64>(h + o, load<f64>(h + o) + fk * v * v);
    }
  }
}

/**
 * G = Aᵀ·diag(ρ)·A (q×q) for a CSC matrix A (m×q): column a is scattered (times ρ) into the dense
 * work vector (m doubles, zero on entry and on exit) and gathered against every column c ≥ a.
 * O(q·nnz + q²); A is never densified.
 */
export function ridgeCscWeightedGram(values: usize, rows: usize, indptr: usize, m: i32, q: i32, rho: usize, work: usize, G: usize): void {
  memory.fill(G, 0, (<usize>q * <usize>q) << 3);
  for (let a: i32 = 0; a < q; a++) {
    const aStart = load<i32>(indptr + (<usize>a << 2));
    const aEnd = load<i32>(indptr + (<usize>a << 2), 4);
    if (aStart == aEnd) continue;
    for (let k = aStart; k < aEnd; k++) {
      const i = <usize>load<i32>(rows + (<usize>k << 2)) << 3;
      store<f64>(work + i, load<f64>(rho + i) * load<f64>(values + (<usize>k << 3)));
    }
    for (let c = a; c < q; c++) {
      const cStart = load<i32>(indptr + (<usize>c << 2));
      const cEnd = load<i32>(indptr + (<usize>c << 2), 4);
      let s0: f64 = 0, s1: f64 = 0;
      let k = cStart;
      for (; k + 1 < cEnd; k += 2) {
        const pr = rows + (<usize>k << 2);
        const pv = values + (<usize>k << 3);
        s0 += load<f64>(pv) * load<f64>(work + (<usize>load<i32>(pr) << 3));
        s1 += load<f64>(pv, 8) * load<f64>(work + (<usize>load<i32>(pr, 4) << 3));
      }
      if (k < cEnd) s0 += load<f64>(values + (<usize>k << 3)) * load<f64>(work + (<usize>load<i32>(rows + (<usize>k << 2)) << 3));
      const s = s0 + s1;
      store<f64>(G + ((<usize>c * <usize>q + <usize>a) << 3), s);
      store<f64>(G + ((<usize>a * <usize>q + <usize>c) << 3), s);
    }
    for (let k = aStart; k < aEnd; k++) store<f64>(work + (<usize>load<i32>(rows + (<usize>k << 2)) << 3), 0);
  }
}

/** In place G_ac ← α_a·α_c·(G_ac − β_a·γ_c − γ_a·β_c + δ) (q×q): centring and scaling of a sparse Gram matrix. */
export function ridgeSymmetricCorrection(G: usize, q: i32, alpha: usize, beta: usize, gamma: usize, delta: f64): void {
  for (let c: i32 = 0; c < q; c++) {
    const ac = load<f64>(alpha + (<usize>c << 3));
    const bc = load<f64>(beta + (<usize>c << 3));
    const gc = load<f64>(gamma + (<usize>c << 3));
    const col = G + ((<usize>c * <usize>q) << 3);
    for (let a: i32 = 0; a < q; a++) {
      const o = <usize>a << 3;
      const v = load<f64>(col + o) - load<f64>(beta + o) * gc - load<f64>(gamma + o) * bc + delta;
      store<f64>(col + o, load<f64>(alpha + o) * ac * v);
    }
  }
}
