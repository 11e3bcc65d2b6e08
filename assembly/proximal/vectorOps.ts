// BLAS-1 helpers of the proximal solvers (f64x2 SIMD when enabled).

/** out[i] = x[i] + beta·(x[i] − xPrev[i]) for i < n: FISTA's extrapolation. */
export function extrapolate(out: usize, x: usize, xPrev: usize, beta: f64, n: i32): void {
  let i: i32 = 0;
  if (ASC_FEATURE_SIMD) {
    const vb = f64x2.splat(beta);
    const n2 = n & ~1;
    for (; i < n2; i += 2) {
      const o = <usize>i << 3;
      const a = v128.load(x + o);
      v128.store(out + o, f64x2.add(a, f64x2.mul(vb, f64x2.sub(a, v128.load(xPrev + o)))));
    }
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    const a = load<f64>(x + o);
    store<f64>(out + o, a + beta * (a - load<f64>(xPrev + o)));
  }
}

/** out[i] = z[i] + s·g[i] for i < n: the gradient step. */
export function gradientStep(out: usize, z: usize, s: f64, g: usize, n: i32): void {
  let i: i32 = 0;
  if (ASC_FEATURE_SIMD) {
    const vs = f64x2.splat(s);
    const n2 = n & ~1;
    for (; i < n2; i += 2) {
      const o = <usize>i << 3;
      v128.store(out + o, f64x2.add(v128.load(z + o), f64x2.mul(vs, v128.load(g + o))));
    }
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, load<f64>(z + o) + s * load<f64>(g + o));
  }
}

/** Σ (a[i] − b[i])² for i < n. */
export function squaredDistance(a: usize, b: usize, n: i32): f64 {
  let sum: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const d = load<f64>(a + o) - load<f64>(b + o);
    sum += d * d;
  }
  return sum;
}

/** Σ (z[i] − x1[i])·(x1[i] − x0[i]) for i < n: the gradient-restart test. */
export function restartProduct(z: usize, x1: usize, x0: usize, n: i32): f64 {
  let sum: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const a = load<f64>(x1 + o);
    sum += (load<f64>(z + o) - a) * (a - load<f64>(x0 + o));
  }
  return sum;
}

/** Σ a[i]² for i < n. */
export function sumSquares(a: usize, n: i32): f64 {
  let sum: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const v = load<f64>(a + (<usize>i << 3));
    sum += v * v;
  }
  return sum;
}
