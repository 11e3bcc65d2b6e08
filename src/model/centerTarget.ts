/**
 * @internal ỹ = y − ȳ when an intercept is fitted (ȳ = 0 otherwise), with ȳ the weighted
 * mean Σ v_i·y_i under observation weights v (Σv = 1; uniform 1/n when absent), and the
 * null objective F(0) = ½·Σ v_i·ỹ_i²: the objective of the intercept-only model, which
 * scales the relative stopping tolerance and the explained deviance.
 */
export function centerTarget(
  y: Float64Array, fitIntercept: boolean, weights?: Float64Array,
): { yCentered: Float64Array; mean: number; nullObjective: number } {
  const n = y.length;
  let mean = 0;
  if (fitIntercept) {
    if (weights) for (let i = 0; i < n; i++) mean += weights[i]! * y[i]!;
    else {
      for (let i = 0; i < n; i++) mean += y[i]!;
      mean /= n;
    }
  }
  const yCentered = new Float64Array(n);
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]! - mean;
    yCentered[i] = v;
    sumSq += (weights ? weights[i]! : 1 / n) * v * v;
  }
  return { yCentered, mean, nullObjective: sumSq / 2 };
}
