/**
 * Pure-TS reference of the datafit kernels (assembly/proximal/datafit.ts), evaluated from the
 * linear predictor η (ω_i = weights[i], or 1/n):
 *
 *   squared:  f(η) = ½Σ_i ω_i·(y_i − η_i)²,             u_i = y_i − η_i
 *   logistic: f(η) = Σ_i ω_i·[log(1 + e^{η_i}) − y_i·η_i], u_i = y_i − σ(η_i)
 *
 * u is the negative derivative −∂f/∂η_i / ω_i, so ∇_w f = −X̃ᵀ(ω∘u) and ∂f/∂b = −Σω_i·u_i.
 */
import { log1pExp, sigmoid } from '../../logistic/binomialLoss.js';

function weightOf(weights: Float64Array | undefined, i: number, invN: number): number {
  return weights === undefined ? invN : weights[i]!;
}

/** Writes u (see above) and returns f(η). datafit: 0 squared, 1 logistic. */
export function datafitResidual(datafit: number, y: Float64Array, eta: Float64Array, weights: Float64Array | undefined, u: Float64Array): number {
  const n = y.length;
  const invN = 1 / n;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const e = eta[i]!;
    const wi = weightOf(weights, i, invN);
    if (datafit === 0) {
      const r = y[i]! - e;
      u[i] = r;
      value += wi * r * r;
    } else {
      u[i] = y[i]! - sigmoid(e);
      value += wi * (log1pExp(e) - y[i]! * e);
    }
  }
  return datafit === 0 ? 0.5 * value : value;
}

/** f(η) alone. */
export function datafitValue(datafit: number, y: Float64Array, eta: Float64Array, weights: Float64Array | undefined): number {
  const n = y.length;
  const invN = 1 / n;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const e = eta[i]!;
    const wi = weightOf(weights, i, invN);
    if (datafit === 0) {
      const r = y[i]! - e;
      value += wi * r * r;
    } else value += wi * (log1pExp(e) - y[i]! * e);
  }
  return datafit === 0 ? 0.5 * value : value;
}

/**
 * The Bregman divergence D = f(η') − f(η) − ∇f(η)·(η' − η) ≥ 0 of the datafit, summed per
 * sample so that no two nearly equal objective values are subtracted (the backtracking test
 * D ≤ (L/2)‖x' − z‖² stays meaningful down to rounding):
 *   squared:  ½Σω_i·δ_i²;   logistic: Σω_i·d(σ(η_i), δ_i), see {@link logisticBregman};
 * δ_i = η'_i − η_i less its rounding uncertainty 10⁻¹⁴(|η'_i| + |η_i|) (η_z is extrapolated, η' is a
 * fresh product: near convergence their difference is rounding, and without this discount the
 * test would keep doubling L on noise).
 */
export function datafitBregman(datafit: number, etaNew: Float64Array, eta: Float64Array, weights: Float64Array | undefined): number {
  const n = eta.length;
  const invN = 1 / n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = etaNew[i]!;
    const c = eta[i]!;
    const wi = weightOf(weights, i, invN);
    const delta = beyondRounding(a, c);
    if (datafit === 0) sum += wi * delta * delta;
    else {
      const term = logisticBregman(sigmoid(c), delta);
      if (term > 0) sum += wi * term;
    }
  }
  return datafit === 0 ? 0.5 * sum : sum;
}

/**
 * One sample's logistic Bregman divergence, log1pExp(c + δ) − log1pExp(c) − s·δ with s = σ(c),
 * written as log(1 + s·(e^δ − 1)) − s·δ, and for |δ| < 10⁻³ as its Taylor series
 * s(1−s)·[δ²/2 + (1−2s)δ³/6 + (1 − 6s + 6s²)δ⁴/24] (relative error O(δ³)): the direct formula loses
 * everything to rounding once δ² is below the ulp of log1pExp(c), which would make backtracking
 * double L without end.
 */
export function logisticBregman(s: number, delta: number): number {
  if (Math.abs(delta) < 1e-3) {
    const d2 = delta * delta;
    return s * (1 - s) * (d2 / 2 + ((1 - 2 * s) * d2 * delta) / 6 + ((1 - 6 * s + 6 * s * s) * d2 * d2) / 24);
  }
  return Math.log1p(s * Math.expm1(delta)) - s * delta;
}

/** a − c shrunk towards 0 by its rounding uncertainty 10⁻¹⁴·(|a| + |c|). */
export function beyondRounding(a: number, c: number): number {
  const noise = 1e-14 * (Math.abs(a) + Math.abs(c));
  const delta = a - c;
  if (delta > noise) return delta - noise;
  if (delta < -noise) return delta + noise;
  return 0;
}
