/**
 * Bytes a dense matrix's resident copy holds in WebAssembly memory: its values, plus
 * one block of column statistics (mean, invScale, colSum, normSqOverN: 4 doubles per
 * column) for each (fitIntercept, standardize) setting it has been fitted with.
 * Blocks are 16-byte aligned by the allocator.
 */
export function denseResidentBytes(nRows: number, nCols: number, settings = 1): number {
  const align = (bytes: number) => Math.ceil(bytes / 16) * 16;
  return align(nRows * nCols * 8) + settings * align(nCols * 32);
}
