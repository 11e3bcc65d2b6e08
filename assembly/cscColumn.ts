// Column kernels for a matrix in compressed sparse column (CSC) form:
// values (f64) and row indices (i32) of column j live at positions
// indptr[j] .. indptr[j+1]-1. `v` is a dense vector of length nRows.

/**
 * Σ_k values[k]·v[rows[k]] for k in [start, end). The gathers v[rows[k]] are
 * independent loads; four accumulators keep four of them in flight instead of
 * serializing on one floating-point add chain.
 */
export function cscDot(values: usize, rows: usize, start: i32, end: i32, v: usize): f64 {
  let s0: f64 = 0, s1: f64 = 0, s2: f64 = 0, s3: f64 = 0;
  let k = start;
  const end4 = start + ((end - start) & ~3);
  for (; k < end4; k += 4) {
    const pv = values + (<usize>k << 3);
    const pr = rows + (<usize>k << 2);
    s0 += load<f64>(pv) * load<f64>(v + (<usize>load<i32>(pr) << 3));
    s1 += load<f64>(pv, 8) * load<f64>(v + (<usize>load<i32>(pr, 4) << 3));
    s2 += load<f64>(pv, 16) * load<f64>(v + (<usize>load<i32>(pr, 8) << 3));
    s3 += load<f64>(pv, 24) * load<f64>(v + (<usize>load<i32>(pr, 12) << 3));
  }
  for (; k < end; k++) {
    s0 += load<f64>(values + (<usize>k << 3)) * load<f64>(v + (<usize>load<i32>(rows + (<usize>k << 2)) << 3));
  }
  return (s0 + s1) + (s2 + s3);
}

/** v[rows[k]] += a·values[k] for k in [start, end). */
export function cscAxpy(a: f64, values: usize, rows: usize, start: i32, end: i32, v: usize): void {
  for (let k = start; k < end; k++) {
    const p = v + (<usize>load<i32>(rows + (<usize>k << 2)) << 3);
    store<f64>(p, load<f64>(p) + a * load<f64>(values + (<usize>k << 3)));
  }
}

/**
 * v[rows[k]] += a·(values[k] − mu) for k in [start, end): the centred update of a
 * column that stores every row (so no implicit zeros need the mean).
 */
export function cscCenteredAxpy(a: f64, values: usize, rows: usize, start: i32, end: i32, v: usize, mu: f64): void {
  for (let k = start; k < end; k++) {
    const p = v + (<usize>load<i32>(rows + (<usize>k << 2)) << 3);
    store<f64>(p, load<f64>(p) + a * (load<f64>(values + (<usize>k << 3)) - mu));
  }
}

/** Σ_k v[rows[k]] of the last cscCenteredDot call (AssemblyScript returns one value). */
export let cscGatherSum: f64 = 0;

/**
 * Σ_k (values[k] − mu)·v[rows[k]] for k in [start, end), the stored part of the dot
 * product with the centred column; also leaves Σ_k v[rows[k]] in cscGatherSum, from
 * which the caller adds the implicit zeros' part −mu·Σ_{i not stored} v_i.
 */
export function cscCenteredDot(values: usize, rows: usize, start: i32, end: i32, v: usize, mu: f64): f64 {
  let s0: f64 = 0, s1: f64 = 0, s2: f64 = 0, s3: f64 = 0;
  let g0: f64 = 0, g1: f64 = 0;
  let k = start;
  const end4 = start + ((end - start) & ~3);
  for (; k < end4; k += 4) {
    const pv = values + (<usize>k << 3);
    const pr = rows + (<usize>k << 2);
    const r0 = load<f64>(v + (<usize>load<i32>(pr) << 3));
    const r1 = load<f64>(v + (<usize>load<i32>(pr, 4) << 3));
    const r2 = load<f64>(v + (<usize>load<i32>(pr, 8) << 3));
    const r3 = load<f64>(v + (<usize>load<i32>(pr, 12) << 3));
    s0 += (load<f64>(pv) - mu) * r0;
    s1 += (load<f64>(pv, 8) - mu) * r1;
    s2 += (load<f64>(pv, 16) - mu) * r2;
    s3 += (load<f64>(pv, 24) - mu) * r3;
    g0 += r0 + r1;
    g1 += r2 + r3;
  }
  for (; k < end; k++) {
    const r0 = load<f64>(v + (<usize>load<i32>(rows + (<usize>k << 2)) << 3));
    s0 += (load<f64>(values + (<usize>k << 3)) - mu) * r0;
    g0 += r0;
  }
  cscGatherSum = g0 + g1;
  return (s0 + s1) + (s2 + s3);
}

/**
 * Σ_k v[rows[k]]·(values[k] − mu)·r[rows[k]] for k in [start, end), with observation
 * weights v; leaves Σ_k v[rows[k]]·r[rows[k]] in cscGatherSum.
 */
export function cscWeightedCenteredDot(values: usize, rows: usize, start: i32, end: i32, v: usize, r: usize, mu: f64): f64 {
  let s0: f64 = 0, s1: f64 = 0, g0: f64 = 0, g1: f64 = 0;
  let k = start;
  const end2 = start + ((end - start) & ~1);
  for (; k < end2; k += 2) {
    const pr = rows + (<usize>k << 2);
    const i0 = <usize>load<i32>(pr) << 3;
    const i1 = <usize>load<i32>(pr, 4) << 3;
    const vr0 = load<f64>(v + i0) * load<f64>(r + i0);
    const vr1 = load<f64>(v + i1) * load<f64>(r + i1);
    const pv = values + (<usize>k << 3);
    s0 += (load<f64>(pv) - mu) * vr0;
    s1 += (load<f64>(pv, 8) - mu) * vr1;
    g0 += vr0;
    g1 += vr1;
  }
  if (k < end) {
    const i0 = <usize>load<i32>(rows + (<usize>k << 2)) << 3;
    const vr0 = load<f64>(v + i0) * load<f64>(r + i0);
    s0 += (load<f64>(values + (<usize>k << 3)) - mu) * vr0;
    g0 += vr0;
  }
  cscGatherSum = g0 + g1;
  return s0 + s1;
}
