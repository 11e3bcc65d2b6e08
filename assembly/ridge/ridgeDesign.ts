// The ridge design Z = S·(X − 1μᵀ)·D is described to the kernels by a 36-byte block in
// linear memory, written by the TypeScript façade (src/ridge/wasmRidgeBackend.ts):
//
//   offset  field      meaning
//   0       layout     0 = dense column-major, 1 = CSC
//   4       nRows      n
//   8       nCols      p
//   12      values     dense: column-major X; CSC: stored values (f64)
//   16      indptr     CSC column pointers (i32, p+1), 0 for dense
//   20      rows       CSC row indices (i32), 0 for dense
//   24      mean       μ, column means (f64, p), 0 without an intercept
//   28      invScale   d, column scales (f64, p), 0 = excluded column
//   32      rowScale   s = √v, row scales (f64, n)
// @ts-ignore: decorator
@inline export function zLayout(d: usize): i32 { return load<i32>(d); }
// @ts-ignore: decorator
@inline export function zRows(d: usize): i32 { return load<i32>(d, 4); }
// @ts-ignore: decorator
@inline export function zCols(d: usize): i32 { return load<i32>(d, 8); }
// @ts-ignore: decorator
@inline export function zValues(d: usize): usize { return load<u32>(d, 12); }
// @ts-ignore: decorator
@inline export function zIndptr(d: usize): usize { return load<u32>(d, 16); }
// @ts-ignore: decorator
@inline export function zRowIdx(d: usize): usize { return load<u32>(d, 20); }
// @ts-ignore: decorator
@inline export function zMean(d: usize): usize { return load<u32>(d, 24); }
// @ts-ignore: decorator
@inline export function zInvScale(d: usize): usize { return load<u32>(d, 28); }
// @ts-ignore: decorator
@inline export function zRowScale(d: usize): usize { return load<u32>(d, 32); }
