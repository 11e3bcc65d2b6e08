/**
 * Soft-thresholding S(z, t) = sign(z)·max(|z| − t, 0), the proximal map of t‖·‖₁.
 * It returns an exact zero whenever |z| ≤ t: that is why L1 gives sparse solutions.
 */
// @ts-ignore: decorator
@inline
export function softThreshold(z: f64, t: f64): f64 {
  if (z > t) return z - t;
  if (z < -t) return z + t;
  return 0;
}
