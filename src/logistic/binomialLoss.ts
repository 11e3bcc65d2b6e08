/**
 * @internal Numerically stable pieces of the binomial (logistic) loss
 * ℓ(y, η) = log(1 + e^η) − y·η, y ∈ {0, 1}, η the linear predictor b + xᵀw.
 */

/** log(1 + e^η) without overflow: max(η, 0) + log1p(e^{−|η|}). */
export function log1pExp(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

/** σ(η) = 1/(1 + e^{−η}) without overflow. */
export function sigmoid(eta: number): number {
  if (eta >= 0) return 1 / (1 + Math.exp(-eta));
  const e = Math.exp(eta);
  return e / (1 + e);
}

/** ℓ(y, η) = log(1 + e^η) − y·η (for y ∈ [0, 1]). */
export function binomialLoss(y: number, eta: number): number {
  return log1pExp(eta) - y * eta;
}

/**
 * Bernoulli Kullback–Leibler divergence KL(a ‖ σ(η)) = a·log(a/σ(η)) + (1−a)·log((1−a)/(1−σ(η))),
 * a ∈ [0, 1], written with log σ(η) = −log(1+e^{−η}) and log(1−σ(η)) = −log(1+e^{η}) so it stays
 * accurate when σ(η) is near 0 or 1. It is the per-sample term of the logistic duality gap
 * (Fenchel–Young: ℓ(η) + ℓ*(·) − ⟨η, ·⟩ ≥ 0 with equality when a = σ(η)).
 */
export function bernoulliKl(a: number, eta: number): number {
  let kl = 0;
  if (a > 0) kl += a * (Math.log(a) + log1pExp(-eta));
  if (a < 1) kl += (1 - a) * (Math.log1p(-a) + log1pExp(eta));
  return kl > 0 ? kl : 0;
}

/** Σ_i ν_i·ℓ(y_i, η_i), the weighted mean loss (ν sums to 1). */
export function meanBinomialLoss(y: Float64Array, eta: Float64Array, nu: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const v = nu[i]!;
    if (v > 0) sum += v * binomialLoss(y[i]!, eta[i]!);
  }
  return sum;
}
