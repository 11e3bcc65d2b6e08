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
