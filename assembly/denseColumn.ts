// BLAS-1 building blocks over contiguous f64 vectors (a dense column, the residual).
// With SIMD enabled they run f64x2 lanes with four independent accumulators
// (8 doubles per iteration) so the adds pipeline; the scalar build unrolls the
// same way with plain f64 accumulators. Pointers are byte addresses.

/** Σ x[i]·y[i] for i < n (the centred dot product with mu = 0). */
export function denseDot(x: usize, y: usize, n: i32): f64 {
  return denseCenteredDot(x, y, n, 0);
}

/**
 * Σ (x[i] − mu)·y[i] for i < n: the dot product with a column centred on the fly.
 * Subtracting per element (instead of x·y − mu·Σy) avoids cancellation when the
 * column's mean is large compared with its spread; the extra subtraction is free in
 * a loop bound by memory bandwidth.
 */
export function denseCenteredDot(x: usize, y: usize, n: i32, mu: f64): f64 {
  let i: i32 = 0;
  let sum: f64 = 0;
  const n8 = n & ~7;
  if (ASC_FEATURE_SIMD) {
    const vm = f64x2.splat(mu);
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    let a2 = f64x2.splat(0);
    let a3 = f64x2.splat(0);
    for (; i < n8; i += 8) {
      const o = <usize>i << 3;
      const px = x + o;
      const py = y + o;
      a0 = f64x2.add(a0, f64x2.mul(f64x2.sub(v128.load(px), vm), v128.load(py)));
      a1 = f64x2.add(a1, f64x2.mul(f64x2.sub(v128.load(px, 16), vm), v128.load(py, 16)));
      a2 = f64x2.add(a2, f64x2.mul(f64x2.sub(v128.load(px, 32), vm), v128.load(py, 32)));
      a3 = f64x2.add(a3, f64x2.mul(f64x2.sub(v128.load(px, 48), vm), v128.load(py, 48)));
    }
    const a = f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3));
    sum = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
  } else {
    let s0: f64 = 0, s1: f64 = 0, s2: f64 = 0, s3: f64 = 0;
    for (; i < n8; i += 8) {
      const o = <usize>i << 3;
      const px = x + o;
      const py = y + o;
      s0 += (load<f64>(px) - mu) * load<f64>(py) + (load<f64>(px, 32) - mu) * load<f64>(py, 32);
      s1 += (load<f64>(px, 8) - mu) * load<f64>(py, 8) + (load<f64>(px, 40) - mu) * load<f64>(py, 40);
      s2 += (load<f64>(px, 16) - mu) * load<f64>(py, 16) + (load<f64>(px, 48) - mu) * load<f64>(py, 48);
      s3 += (load<f64>(px, 24) - mu) * load<f64>(py, 24) + (load<f64>(px, 56) - mu) * load<f64>(py, 56);
    }
    sum = (s0 + s1) + (s2 + s3);
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    sum += (load<f64>(x + o) - mu) * load<f64>(y + o);
  }
  return sum;
}

/** y[i] += a·(x[i] − mu) for i < n: an axpy with a column centred on the fly. */
export function denseCenteredAxpy(a: f64, x: usize, y: usize, n: i32, mu: f64): void {
  let i: i32 = 0;
  const n8 = n & ~7;
  if (ASC_FEATURE_SIMD) {
    const va = f64x2.splat(a);
    const vm = f64x2.splat(mu);
    for (; i < n8; i += 8) {
      const o = <usize>i << 3;
      const px = x + o;
      const py = y + o;
      v128.store(py, f64x2.add(v128.load(py), f64x2.mul(va, f64x2.sub(v128.load(px), vm))));
      v128.store(py, f64x2.add(v128.load(py, 16), f64x2.mul(va, f64x2.sub(v128.load(px, 16), vm))), 16);
      v128.store(py, f64x2.add(v128.load(py, 32), f64x2.mul(va, f64x2.sub(v128.load(px, 32), vm))), 32);
      v128.store(py, f64x2.add(v128.load(py, 48), f64x2.mul(va, f64x2.sub(v128.load(px, 48), vm))), 48);
    }
  } else {
    for (; i < n8; i += 8) {
      const o = <usize>i << 3;
      const px = x + o;
      const py = y + o;
      store<f64>(py, load<f64>(py) + a * (load<f64>(px) - mu));
      store<f64>(py, load<f64>(py, 8) + a * (load<f64>(px, 8) - mu), 8);
      store<f64>(py, load<f64>(py, 16) + a * (load<f64>(px, 16) - mu), 16);
      store<f64>(py, load<f64>(py, 24) + a * (load<f64>(px, 24) - mu), 24);
      store<f64>(py, load<f64>(py, 32) + a * (load<f64>(px, 32) - mu), 32);
      store<f64>(py, load<f64>(py, 40) + a * (load<f64>(px, 40) - mu), 40);
      store<f64>(py, load<f64>(py, 48) + a * (load<f64>(px, 48) - mu), 48);
      store<f64>(py, load<f64>(py, 56) + a * (load<f64>(px, 56) - mu), 56);
    }
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(y + o, load<f64>(y + o) + a * (load<f64>(x + o) - mu));
  }
}

/**
 * Σ v[i]·(x[i] − mu)·y[i] for i < n: the weighted centred dot product (observation
 * weights v; a held-out row of a cross-validation fold has v = 0).
 */
export function denseWeightedCenteredDot(x: usize, v: usize, y: usize, n: i32, mu: f64): f64 {
  let i: i32 = 0;
  let sum: f64 = 0;
  const n4 = n & ~3;
  if (ASC_FEATURE_SIMD) {
    const vm = f64x2.splat(mu);
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    for (; i < n4; i += 4) {
      const o = <usize>i << 3;
      a0 = f64x2.add(a0, f64x2.mul(f64x2.mul(f64x2.sub(v128.load(x + o), vm), v128.load(v + o)), v128.load(y + o)));
      a1 = f64x2.add(a1, f64x2.mul(f64x2.mul(f64x2.sub(v128.load(x + o, 16), vm), v128.load(v + o, 16)), v128.load(y + o, 16)));
    }
    const a = f64x2.add(a0, a1);
    sum = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    sum += (load<f64>(x + o) - mu) * load<f64>(v + o) * load<f64>(y + o);
  }
  return sum;
}

/** Σ x[i] for i < n: a plain streaming read, the bandwidth baseline of the benchmark. */
export function denseSum(x: usize, n: i32): f64 {
  let i: i32 = 0;
  let sum: f64 = 0;
  const n8 = n & ~7;
  if (ASC_FEATURE_SIMD) {
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    let a2 = f64x2.splat(0);
    let a3 = f64x2.splat(0);
    for (; i < n8; i += 8) {
      const px = x + (<usize>i << 3);
      a0 = f64x2.add(a0, v128.load(px));
      a1 = f64x2.add(a1, v128.load(px, 16));
      a2 = f64x2.add(a2, v128.load(px, 32));
      a3 = f64x2.add(a3, v128.load(px, 48));
    }
    const a = f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3));
    sum = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
  } else {
    let s0: f64 = 0, s1: f64 = 0, s2: f64 = 0, s3: f64 = 0;
    for (; i < n8; i += 8) {
      const px = x + (<usize>i << 3);
      s0 += load<f64>(px) + load<f64>(px, 32);
      s1 += load<f64>(px, 8) + load<f64>(px, 40);
      s2 += load<f64>(px, 16) + load<f64>(px, 48);
      s3 += load<f64>(px, 24) + load<f64>(px, 56);
    }
    sum = (s0 + s1) + (s2 + s3);
  }
  for (; i < n; i++) sum += load<f64>(x + (<usize>i << 3));
  return sum;
}

/** Results of the last denseMoments call (AssemblyScript returns one value). */
export let momentSum: f64 = 0;
export let momentSumSq: f64 = 0;
export let momentMin: f64 = 0;
export let momentMax: f64 = 0;

/** Σx, Σx², min and max of x[0..n) in one pass (results in the moment* globals); n ≥ 1. */
export function denseMoments(x: usize, n: i32): void {
  let i: i32 = 0;
  let sum: f64 = 0, sumSq: f64 = 0;
  let lo: f64 = load<f64>(x), hi: f64 = lo;
  const n4 = n & ~3;
  if (ASC_FEATURE_SIMD) {
    let s0 = f64x2.splat(0), s1 = f64x2.splat(0), q0 = f64x2.splat(0), q1 = f64x2.splat(0);
    let mn = f64x2.splat(lo), mx = f64x2.splat(lo);
    for (; i < n4; i += 4) {
      const px = x + (<usize>i << 3);
      const a = v128.load(px);
      const b = v128.load(px, 16);
      s0 = f64x2.add(s0, a);
      s1 = f64x2.add(s1, b);
      q0 = f64x2.add(q0, f64x2.mul(a, a));
      q1 = f64x2.add(q1, f64x2.mul(b, b));
      mn = f64x2.min(mn, f64x2.min(a, b));
      mx = f64x2.max(mx, f64x2.max(a, b));
    }
    const s = f64x2.add(s0, s1);
    const q = f64x2.add(q0, q1);
    sum = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
    sumSq = f64x2.extract_lane(q, 0) + f64x2.extract_lane(q, 1);
    lo = Math.min(f64x2.extract_lane(mn, 0), f64x2.extract_lane(mn, 1));
    hi = Math.max(f64x2.extract_lane(mx, 0), f64x2.extract_lane(mx, 1));
  }
  for (; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    sum += v;
    sumSq += v * v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  momentSum = sum;
  momentSumSq = sumSq;
  momentMin = lo;
  momentMax = hi;
}

/** Σ (x[i] − mu)² for i < n (the second pass of a two-pass variance). */
export function denseCenteredSumSq(x: usize, n: i32, mu: f64): f64 {
  let i: i32 = 0;
  let sum: f64 = 0;
  const n4 = n & ~3;
  if (ASC_FEATURE_SIMD) {
    const vm = f64x2.splat(mu);
    let a0 = f64x2.splat(0), a1 = f64x2.splat(0);
    for (; i < n4; i += 4) {
      const px = x + (<usize>i << 3);
      const d0 = f64x2.sub(v128.load(px), vm);
      const d1 = f64x2.sub(v128.load(px, 16), vm);
      a0 = f64x2.add(a0, f64x2.mul(d0, d0));
      a1 = f64x2.add(a1, f64x2.mul(d1, d1));
    }
    const a = f64x2.add(a0, a1);
    sum = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
  }
  for (; i < n; i++) {
    const d = load<f64>(x + (<usize>i << 3)) - mu;
    sum += d * d;
  }
  return sum;
}

/** x[i] += c for i < n. */
export function denseAddScalar(c: f64, x: usize, n: i32): void {
  for (let i: i32 = 0; i < n; i++) {
    const p = x + (<usize>i << 3);
    store<f64>(p, load<f64>(p) + c);
  }
}
