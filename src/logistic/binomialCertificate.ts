/** @internal How well a logistic solution is certified. */
export interface BinomialCertificate {
  /** F(w, b) = Σ ν_i·ℓ(y_i, η_i) + l1‖w̃‖₁ + (l2/2)‖w̃‖². */
  primal: number;
  /** Its loss part Σ ν_i·ℓ(y_i, η_i). */
  loss: number;
  /** Duality gap (an upper bound on F − F*); NaN when l1 = l2 = 0 (no dual bound: see kktResidual). */
  gap: number;
  /** max_j dist(g_j, ∂P_j(w̃_j)), with g = X̃ᵀθ, θ = ν∘(y − σ(η)): 0 exactly at the optimum. */
  kktResidual: number;
  /** max_j |g_j|. */
  gradientMax: number;
}

/**
 * @internal What the certificate needs of a point's gradients g beyond the support's entries, from
 * one pass over them (a path re-certifies the same point at each new λ in O(|support|)).
 */
export interface GradientSummary {
  /** The j with w_j ≠ 0, increasing. */
  support: Int32Array;
  /** max_j |g_j|. */
  gradientMax: number;
  /** max |g_j| over the j with w_j = 0 (0 if none). */
  offSupportMax: number;
}

/**
 * @internal The duality gap of penalized logistic regression
 *
 *   F(w̃, b) = Σ_i ν_i·[log(1 + e^{η_i}) − y_i·η_i] + l1‖w̃‖₁ + (l2/2)‖w̃‖²,   η = b + X̃w̃ (+ const),
 *
 * at a point whose intercept is optimal (Σ_i θ_i = 0 with θ = ν∘(y − σ(η)), which the dual's
 * constraint for an unpenalized intercept requires). The dual point is θ' = s·θ; its
 * probabilities p'_i = y_i − s·(y_i − σ(η_i)) stay in [0, 1]. Written as a sum of terms that
 * vanish at the optimum (no difference of two nearly equal objectives):
 *
 *   G(s) = Σ_i ν_i·KL(p'_i ‖ σ(η_i)) − s·⟨w̃, g⟩ + l1‖w̃‖₁ + (l2/2)‖w̃‖² + Σ_j (s|g_j| − l1)₊² / (2·l2)
 *
 * with g = X̃ᵀθ and KL the Bernoulli divergence a·log(a/σ(η)) + (1−a)·log((1−a)/(1−σ(η))), accurate
 * near 0 and 1 through log σ(η) = −log(1+e^{−η}) (Fenchel–Young: each term is ≥ 0, and 0 when
 * p' = σ(η)). For l2 = 0 the last term is a constraint, met by s = min(1, l1/max|g_j|); for
 * l2 > 0 both s = 1 and that s are valid and the smaller gap is kept.
 *
 * Any other θ with Σθ = 0 whose probabilities p' = y − s·θ/ν lie in [0, 1] is a dual point too,
 * with the same formula (its KL terms and g = X̃ᵀθ). With `alternative` (the proximal Newton
 * solver passes its last quadratic model's residual: that model was solved to the inner
 * tolerance, so X̃ᵀθ meets the KKT conditions far more closely than the gradient at a point the
 * model only approximates) the smaller of the two gaps is returned; both bound F − F*. The
 * alternative is tried first, after a sweep for the loss alone, and the gradient's own point
 * (whose KL terms take another sweep) is skipped when the alternative's gap is already ≤ `enough`.
 */
export function binomialCertificate(
  rowTerms: (s: number) => { loss: number; kl: number }, w: Float64Array, g: Float64Array, summary: GradientSummary,
  l1: number, l2: number, alternative?: AlternativeDualPoint, enough = 0,
): BinomialCertificate {
  let normL1 = 0;
  let normL2sq = 0;
  let wg = 0;
  const gradientMax = summary.gradientMax;
  // Off the support the KKT violation is (|g_j| − l1)₊; on it, |g_j − l1·sign(w_j) − l2·w_j|.
  let kktResidual = Math.max(summary.offSupportMax - l1, 0);
  for (const j of summary.support) {
    const wj = w[j]!;
    const gj = g[j]!;
    normL1 += Math.abs(wj);
    normL2sq += wj * wj;
    wg += wj * gj;
    const violation = Math.abs(gj - l1 * Math.sign(wj) - l2 * wj);
    if (violation > kktResidual) kktResidual = violation;
  }
  const penalty = l1 * normL1 + 0.5 * l2 * normL2sq;
  // The dual scaling: s = min(1, l1/max|g_j|) keeps the dual point feasible for l2 = 0.
  const sFeasible = gradientMax > l1 ? l1 / gradientMax : 1;
  const withKl = !(l1 === 0 && l2 === 0) && sFeasible < 1;
  if (l1 === 0 && l2 === 0) {
    const { loss } = rowTerms(1);
    return { primal: loss + penalty, loss, gap: NaN, kktResidual, gradientMax };
  }
  // With an alternative point (right after a Newton step, usually the better one) it goes first,
  // from a sweep for the loss alone: when its gap is enough, the gradient's KL terms are not needed.
  let gap = Infinity;
  let loss = NaN;
  if (alternative !== undefined) {
    loss = rowTerms(1).loss;
    gap = alternativeGap(alternative, w, summary.support, l1, l2, penalty);
    if (gap <= enough) return { primal: loss + penalty, loss, gap, kktResidual, gradientMax };
  }
  // One sweep over the rows for the loss and, at s < 1, the KL terms (at s = 1, p' = σ(η) and
  // every KL term is 0; then the loss above is all it takes).
  let klAtFeasible = 0;
  if (withKl || alternative === undefined) ({ loss, kl: klAtFeasible } = rowTerms(withKl ? sFeasible : 1));
  gap = Math.min(gap, gapAt(g, wg, sFeasible, klAtFeasible, l1, l2, penalty));
  if (l2 > 0 && sFeasible < 1) gap = Math.min(gap, gapAt(g, wg, 1, 0, l1, l2, penalty));
  return { primal: loss + penalty, loss, gap, kktResidual, gradientMax };
}

/** The smaller of the alternative dual point's gaps (at its feasible scaling, and at 1 when l2 > 0); +∞ when its probabilities leave [0, 1]. */
function alternativeGap(
  alternative: AlternativeDualPoint, w: Float64Array, support: Int32Array, l1: number, l2: number, penalty: number,
): number {
  const ga = alternative.g;
  let wgAlt = 0;
  for (const j of support) wgAlt += w[j]! * ga[j]!;
  const maxAlt = alternative.gradientMax;
  const sAlt = maxAlt > l1 ? l1 / maxAlt : 1;
  let gap = Infinity;
  const klAlt = alternative.klAt(sAlt);
  if (Number.isFinite(klAlt)) gap = gapAt(ga, wgAlt, sAlt, klAlt, l1, l2, penalty);
  if (l2 > 0 && sAlt < 1) {
    const klAlt1 = alternative.klAt(1);
    if (Number.isFinite(klAlt1)) gap = Math.min(gap, gapAt(ga, wgAlt, 1, klAlt1, l1, l2, penalty));
  }
  return gap;
}

/**
 * @internal A second dual point for {@link binomialCertificate}: θ (Σθ = 0 with an intercept), its
 * gradients g = X̃ᵀθ and max_j |g_j|, and Σ ν_i·KL(y_i − s·θ_i/ν_i ‖ σ(η_i)) as a function of the
 * scaling s (+∞ where those probabilities leave [0, 1]).
 */
export interface AlternativeDualPoint {
  theta: Float64Array;
  g: Float64Array;
  gradientMax: number;
  klAt: (s: number) => number;
}

/** G(s) of {@link binomialCertificate} for the dual point with gradients g (wg = ⟨w̃, g⟩ over the support). */
function gapAt(g: Float64Array, wg: number, s: number, kl: number, l1: number, l2: number, penalty: number): number {
  let conjugate = 0;
  if (l2 > 0) {
    for (let j = 0; j < g.length; j++) {
      const excess = s * Math.abs(g[j]!) - l1;
      if (excess > 0) conjugate += excess * excess;
    }
    conjugate /= 2 * l2;
  }
  return Math.max(0, kl - s * wg + penalty + conjugate);
}
