// Products with the ridge design Z = S·(X − 1μᵀ)·D (see ridgeDesign.ts) without forming it:
// dense columns are centred element by element; for CSC the mean enters as one scalar
// (X − 1μᵀ)t = Xt − (μᵀt)·1 and (X − 1μᵀ)ᵀq = Xᵀq − μ·Σq, so sparse X is never densified.
import { zCols, zIndptr, zInvScale, zLayout, zMean, zRowIdx, zRowScale, zRows, zValues } from './ridgeDesign';
import { denseCenteredAxpy, denseCenteredDot } from '../denseColumn';

/** out (n) = Z·u (u: p doubles). */
export function ridgeDesignMatvec(desc: usize, u: usize, out: usize): void {
  const n = zRows(desc);
  const p = zCols(desc);
  const values = zValues(desc);
  const mean = zMean(desc);
  const invScale = zInvScale(desc);
  const rowScale = zRowScale(desc);
  memory.fill(out, 0, <usize>n << 3);
  let shift: f64 = 0;
  if (zLayout(desc) == 0) {
    for (let j: i32 = 0; j < p; j++) {
      const t = load<f64>(invScale + (<usize>j << 3)) * load<f64>(u + (<usize>j << 3));
      if (t == 0) continue;
      denseCenteredAxpy(t, values + ((<usize>j * <usize>n) << 3), out, n, load<f64>(mean + (<usize>j << 3)));
    }
  } else {
    const indptr = zIndptr(desc);
    const rows = zRowIdx(desc);
    for (let j: i32 = 0; j < p; j++) {
      const t = load<f64>(invScale + (<usize>j << 3)) * load<f64>(u + (<usize>j << 3));
      if (t == 0) continue;
      const end = load<i32>(indptr + (<usize>j << 2), 4);
      for (let k = load<i32>(indptr + (<usize>j << 2)); k < end; k++) {
        const pr = out + (<usize>load<i32>(rows + (<usize>k << 2)) << 3);
        store<f64>(pr, load<f64>(pr) + t * load<f64>(values + (<usize>k << 3)));
      }
      shift += load<f64>(mean + (<usize>j << 3)) * t;
    }
  }
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, load<f64>(rowScale + o) * (load<f64>(out + o) - shift));
  }
}

/** out (p) = Zᵀ·v (v: n doubles); work: n doubles of scratch. */
export function ridgeDesignTMatvec(desc: usize, v: usize, out: usize, work: usize): void {
  const n = zRows(desc);
  const p = zCols(desc);
  const values = zValues(desc);
  const mean = zMean(desc);
  const invScale = zInvScale(desc);
  const rowScale = zRowScale(desc);
  let sumQ: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const q = load<f64>(rowScale + o) * load<f64>(v + o);
    store<f64>(work + o, q);
    sumQ += q;
  }
  const dense = zLayout(desc) == 0;
  const indptr = zIndptr(desc);
  const rows = zRowIdx(desc);
  for (let j: i32 = 0; j < p; j++) {
    const d = load<f64>(invScale + (<usize>j << 3));
    if (d == 0) {
      store<f64>(out + (<usize>j << 3), 0);
      continue;
    }
    const mu = load<f64>(mean + (<usize>j << 3));
    let sum: f64 = 0;
    if (dense) sum = denseCenteredDot(values + ((<usize>j * <usize>n) << 3), work, n, mu);
    else {
      let gathered: f64 = 0;
      const end = load<i32>(indptr + (<usize>j << 2), 4);
      for (let k = load<i32>(indptr + (<usize>j << 2)); k < end; k++) {
        const qi = load<f64>(work + (<usize>load<i32>(rows + (<usize>k << 2)) << 3));
        sum += (load<f64>(values + (<usize>k << 3)) - mu) * qi;
        gathered += qi;
      }
      sum -= mu * (sumQ - gathered);
    }
    store<f64>(out + (<usize>j << 3), d * sum);
  }
}

/** Z materialized column-major (n×p) for a dense X: Z_ij = s_i·(x_ij − μ_j)·d_j. */
export function ridgeScaledDesign(desc: usize, Z: usize): void {
  const n = zRows(desc);
  const p = zCols(desc);
  const values = zValues(desc);
  const rowScale = zRowScale(desc);
  for (let j: i32 = 0; j < p; j++) {
    const d = load<f64>(zInvScale(desc) + (<usize>j << 3));
    const mu = load<f64>(zMean(desc) + (<usize>j << 3));
    const x = values + ((<usize>j * <usize>n) << 3);
    const z = Z + ((<usize>j * <usize>n) << 3);
    let i: i32 = 0;
    if (ASC_FEATURE_SIMD) {
      const vd = f64x2.splat(d);
      const vm = f64x2.splat(mu);
      const n2 = n & ~1;
      for (; i < n2; i += 2) {
        const o = <usize>i << 3;
        v128.store(z + o, f64x2.mul(v128.load(rowScale + o), f64x2.mul(f64x2.sub(v128.load(x + o), vm), vd)));
      }
    }
    for (; i < n; i++) {
      const o = <usize>i << 3;
      store<f64>(z + o, load<f64>(rowScale + o) * ((load<f64>(x + o) - mu) * d));
    }
  }
}
