// A design matrix is described to the kernels by a 52-byte block in linear
// memory, written by the TypeScript façade (src/engine/wasmEngine.ts):
//
//   offset  field        meaning
//   0       layout       LAYOUT_DENSE or LAYOUT_CSC
//   4       nRows        n
//   8       nCols        p
//   12      values       dense: column-major data; CSC: non-zero values (f64)
//   16      indptr       CSC column pointers (i32, p+1), 0 for dense
//   20      rows         CSC row indices (i32), 0 for dense
//   24      mean         column means used for implicit centring (f64, p)
//   28      invScale     1/scale of each column, 0 = column excluded (f64, p)
//   32      colSum       Σ_i x_ij of the raw column (f64, p)
//   36      normSqOverN  Σ_i ω_i·x̃_ij² of the centred, scaled column (f64, p)
//   40      weights      observation weights v (f64, n, Σv = 1), or 0 for uniform 1/n
//   44      rowScratch   with weights: n doubles the gradient passes may overwrite (ρ = v∘r), or 0
//   48      denseCopies  CSC: p addresses (u32) of dense copies of heavy columns (n doubles each,
//                        the implicit zeros written out) or 0 where a column has none; 0 = none at all
//
// ω_i is v_i with weights and 1/n without; colSum is Σ_i x_ij without weights and
// Σ_i v_i·x_ij with them (the sum the residual's tracked total moves by).
// @ts-ignore: decorator
@inline export function dLayout(d: usize): i32 { return load<i32>(d); }
// @ts-ignore: decorator
@inline export function dRows(d: usize): i32 { return load<i32>(d, 4); }
// @ts-ignore: decorator
@inline export function dCols(d: usize): i32 { return load<i32>(d, 8); }
// @ts-ignore: decorator
@inline export function dValues(d: usize): usize { return load<u32>(d, 12); }
// @ts-ignore: decorator
@inline export function dIndptr(d: usize): usize { return load<u32>(d, 16); }
// @ts-ignore: decorator
@inline export function dRowIdx(d: usize): usize { return load<u32>(d, 20); }
// @ts-ignore: decorator
@inline export function dMean(d: usize): usize { return load<u32>(d, 24); }
// @ts-ignore: decorator
@inline export function dInvScale(d: usize): usize { return load<u32>(d, 28); }
// @ts-ignore: decorator
@inline export function dColSum(d: usize): usize { return load<u32>(d, 32); }
// @ts-ignore: decorator
@inline export function dNormSqOverN(d: usize): usize { return load<u32>(d, 36); }
// @ts-ignore: decorator
@inline export function dWeights(d: usize): usize { return load<u32>(d, 40); }
// @ts-ignore: decorator
@inline export function dRowScratch(d: usize): usize { return load<u32>(d, 44); }
// @ts-ignore: decorator
@inline export function dDenseCopies(d: usize): usize { return load<u32>(d, 48); }
