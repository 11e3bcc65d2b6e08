// BLAS-1 building blocks of the ridge kernels, over contiguous f64 vectors. With SIMD
// they run f64x2 lanes with several independent accumulators; the scalar build unrolls
// with plain f64 accumulators. Pointers are byte addresses; no alignment is assumed.

/** Σ x[i]·y[i] for i < n. */
export function ridgeDot(x: usize, y: usize, n: i32): f64 {
  let i: i32 = 0;
  let sum: f64 = 0;
  const n8 = n & ~7;
  if (ASC_FEATURE_SIMD) {
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    let a2 = f64x2.splat(0);
    let a3 = f64x2.splat(0);
    for (; i < n8; i += 8) {
      const o = <usize>i << 3;
      const px = x + o;
      const py = y + o;
      a0 = f64x2.add(a0, f64x2.mul(v128.load(px), v128.load(py)));
      a1 = f64x2.add(a1, f64x2.mul(v128.load(px, 16), v128.load(py, 16)));
      a2 = f64x2.add(a2, f64x2.mul(v128.load(px, 32), v128.load(py, 32)));
      a3 = f64x2.add(a3, f64x2.mul(v128.load(px, 48), v128.load(py, 48)));
    }
    const a = f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3));
    sum = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
  } else {
    let s0: f64 = 0, s1: f64 = 0, s2: f64 = 0, s3: f64 = 0;
    for (; i < n8; i += 8) {
      const o = <usize>i << 3;
      const px = x + o;
      const py = y + o;
      s0 += load<f64>(px) * load<f64>(py) + load<f64>(px, 32) * load<f64>(py, 32);
      s1 += load<f64>(px, 8) * load<f64>(py, 8) + load<f64>(px, 40) * load<f64>(py, 40);
      s2 += load<f64>(px, 16) * load<f64>(py, 16) + load<f64>(px, 48) * load<f64>(py, 48);
      s3 += load<f64>(px, 24) * load<f64>(py, 24) + load<f64>(px, 56) * load<f64>(py, 56);
    }
    sum = (s0 + s1) + (s2 + s3);
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    sum += load<f64>(x + o) * load<f64>(y + o);
  }
  return sum;
}

/** Σ (x[i] − mu)·y[i] for i < n: the dot product with a column centred element by element. */
export function ridgeCenteredDot(x: usize, y: usize, n: i32, mu: f64): f64 {
  if (mu == 0) return ridgeDot(x, y, n);
  let i: i32 = 0;
  let sum: f64 = 0;
  const n4 = n & ~3;
  if (ASC_FEATURE_SIMD) {
    const vm = f64x2.splat(mu);
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    for (; i < n4; i += 4) {
      const o = <usize>i << 3;
      a0 = f64x2.add(a0, f64x2.mul(f64x2.sub(v128.load(x + o), vm), v128.load(y + o)));
      a1 = f64x2.add(a1, f64x2.mul(f64x2.sub(v128.load(x + o, 16), vm), v128.load(y + o, 16)));
    }
    const a = f64x2.add(a0, a1);
    sum = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    sum += (load<f64>(x + o) - mu) * load<f64>(y + o);
  }
  return sum;
}

/** y[i] += a·(x[i] − mu) for i < n. */
export function ridgeCenteredAxpy(a: f64, x: usize, y: usize, n: i32, mu: f64): void {
  let i: i32 = 0;
  const n4 = n & ~3;
  if (ASC_FEATURE_SIMD) {
    const va = f64x2.splat(a);
    const vm = f64x2.splat(mu);
    for (; i < n4; i += 4) {
      const o = <usize>i << 3;
      const py = y + o;
      const px = x + o;
      v128.store(py, f64x2.add(v128.load(py), f64x2.mul(va, f64x2.sub(v128.load(px), vm))));
      v128.store(py, f64x2.add(v128.load(py, 16), f64x2.mul(va, f64x2.sub(v128.load(px, 16), vm))), 16);
    }
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(y + o, load<f64>(y + o) + a * (load<f64>(x + o) - mu));
  }
}

/** y[i] += a·x[i] for i < n. */
export function ridgeAxpy(a: f64, x: usize, y: usize, n: i32): void {
  ridgeCenteredAxpy(a, x, y, n, 0);
}

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
