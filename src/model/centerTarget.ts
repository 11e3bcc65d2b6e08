/**
 * @internal ỹ = y − ȳ when an intercept is fitted (ȳ = 0 otherwise), and the null
 * objective F(0) = ‖ỹ‖²/(2n): the objective of the intercept-only model, which scales
 * the relative stopping tolerance.
 */
export function centerTarget(y: Float64Array, fitIntercept: boolean): { yCentered: Float64Array; mean: number; nullObjective: number } {
  const n = y.length;
  let mean = 0;
  if (fitIntercept) {
    for (let i = 0; i < n; i++) mean += y[i]!;
    mean /= n;
  }
  const yCentered = new Float64Array(n);
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]! - mean;
    yCentered[i] = v;
    sumSq += v * v;
  }
  return { yCentered, mean, nullObjective: sumSq / (2 * n) };
}
