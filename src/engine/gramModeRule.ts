/** Covariance (Gram) mode is considered up to this many features (glmnet: "covariance" for p < 500). */
export const GRAM_MAX_FEATURES = 500;

/**
 * @internal Whether a session runs its working-set passes in covariance mode: p ≤ 500 and
 * n ≥ p. With fewer rows than features a move's O(|W|) gradient update costs more than the
 * O(n) residual update it replaces (measured: 3–15× slower paths on 60×300 and 100×500).
 */
export function usesGramMode(nRows: number, nCols: number): boolean {
  return nCols <= GRAM_MAX_FEATURES && nRows >= nCols;
}
