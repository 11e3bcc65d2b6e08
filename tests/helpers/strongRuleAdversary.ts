import { SeededRandom } from '../../src/random/SeededRandom.js';
import type { SyntheticProblem } from './syntheticRegression.js';

/**
 * A problem on which the sequential strong rule fails (features it discards become non-zero
 * at the next λ). The rule assumes each inactive feature's correlation with the residual,
 * c_j(λ) = x̃_jᵀr(λ)/n, moves by at most |Δλ| between λs (a unit slope). On the active set A
 * the slope is x̃_jᵀX̃_A(X̃_AᵀX̃_A)⁻¹s_A, which exceeds 1 when x̃_j leans on a nearly collinear
 * active group and, without standardization, grows with the column's scale.
 *
 * So: columns are `factors` shared latent directions plus `spread`·noise (strongly correlated
 * groups), each column multiplied by a scale spread log-uniformly over `decades` decades, and
 * fitted with `standardize: false`. y = Xβ + 0.5·noise with `support` random non-zero β.
 * Which seeds give failures is found by counting them independently (the tests assert the
 * count is positive, so a problem that no longer provokes the rule cannot pass silently).
 */
export function strongRuleAdversary(seed: number, n = 40, p = 200, factors = 4, spread = 0.5, decades = 4, support = 10): SyntheticProblem {
  const rng = new SeededRandom(seed);
  const latent = Array.from({ length: factors }, () => Float64Array.from({ length: n }, () => rng.normal()));
  const columns = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const f = latent[j % factors]!;
    const scale = 10 ** (decades * (rng.uniform() - 0.5));
    for (let i = 0; i < n; i++) columns[j * n + i] = scale * (f[i]! + spread * rng.normal());
  }
  const trueCoef = new Float64Array(p);
  for (const j of rng.sample(p, support)) trueCoef[j] = rng.normal();
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = 0.5 * rng.normal();
    for (let j = 0; j < p; j++) v += trueCoef[j]! * columns[j * n + i]!;
    y[i] = v;
  }
  return { n, p, columns, y, trueCoef, sparse: false };
}
