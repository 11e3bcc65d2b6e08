/**
 * @internal ‖w̃‖₁ and ‖w̃‖₂ of the penalized (scaled) coefficients: the radii t of the L1 diamond and
 * the L2 ball whose constrained fits have this solution (the inverse of λ*(t), DESIGN.md §1).
 */
export function penaltyNorms(coefScaled: Float64Array): { l1Norm: number; l2Norm: number } {
  let l1 = 0;
  let l2sq = 0;
  for (const v of coefScaled) {
    l1 += Math.abs(v);
    l2sq += v * v;
  }
  return { l1Norm: l1, l2Norm: Math.sqrt(l2sq) };
}
