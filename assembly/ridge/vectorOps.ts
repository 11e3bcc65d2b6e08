// BLAS-1 building blocks of the ridge kernels that denseColumn.ts does not provide (the dot,
// axpy and centred variants come from there): the rank-2 update and the fused dot + axpy of
// Householder tridiagonalization. With SIMD they run f64x2 lanes; pointers are byte addresses;
// no alignment is assumed.

/** y[i] −= f·e[i] + g·d[i] for i < n: the symmetric rank-2 update of Householder tridiagonalization. */
export function ridgeRank2Update(f: f64, e: usize, g: f64, d: usize, y: usize, n: i32): void {
  let i: i32 = 0;
  const n2 = n & ~1;
  if (ASC_FEATURE_SIMD) {
    const vf = f64x2.splat(f);
    const vg = f64x2.splat(g);
    for (; i < n2; i += 2) {
      const o = <usize>i << 3;
      v128.store(y + o, f64x2.sub(v128.load(y + o), f64x2.add(f64x2.mul(vf, v128.load(e + o)), f64x2.mul(vg, v128.load(d + o)))));
    }
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(y + o, load<f64>(y + o) - (f * load<f64>(e + o) + g * load<f64>(d + o)));
  }
}

/** Σ x[i]·d[i] returned, while e[i] += f·x[i] (i < n): one column of a symmetric matrix–vector product. */
export function ridgeDotAxpy(x: usize, d: usize, f: f64, e: usize, n: i32): f64 {
  let i: i32 = 0;
  let sum: f64 = 0;
  const n2 = n & ~1;
  if (ASC_FEATURE_SIMD) {
    const vf = f64x2.splat(f);
    let acc = f64x2.splat(0);
    for (; i < n2; i += 2) {
      const o = <usize>i << 3;
      const vx = v128.load(x + o);
      acc = f64x2.add(acc, f64x2.mul(vx, v128.load(d + o)));
      v128.store(e + o, f64x2.add(v128.load(e + o), f64x2.mul(vf, vx)));
    }
    sum = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    const xv = load<f64>(x + o);
    sum += xv * load<f64>(d + o);
    store<f64>(e + o, load<f64>(e + o) + f * xv);
  }
  return sum;
}
