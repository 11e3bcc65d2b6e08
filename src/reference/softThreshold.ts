/**
 * Soft-thresholding S(z, t) = sign(z)·max(|z| − t, 0), the proximal map of t‖·‖₁.
 * Every |z| ≤ t maps to exactly 0, which is why the L1 penalty produces exact zeros;
 * the L2 penalty's proximal map z/(1 + t) only shrinks.
 *
 * @example
 * ```ts
 * softThreshold(3, 1);   // 2
 * softThreshold(-0.5, 1); // 0
 * ```
 */
export function softThreshold(z: number, t: number): number {
  if (z > t) return z - t;
  if (z < -t) return z + t;
  return 0;
}
