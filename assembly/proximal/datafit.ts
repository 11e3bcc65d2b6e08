// Datafits evaluated from the linear predictor η (ω_i = weights[i], or 1/n when weights = 0):
//   squared (0):  f = ½Σω_i(y_i − η_i)²,               u_i = y_i − η_i
//   logistic (1): f = Σω_i[log(1 + e^{η_i}) − y_i·η_i], u_i = y_i − σ(η_i)
// u = −∂f/∂η_i / ω_i, so ∇_w f = −X̃ᵀ(ω∘u). Mirrored in src/proximal/reference/datafit.ts.

// @ts-ignore: decorator
@inline
export function softplus(eta: f64): f64 {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

// @ts-ignore: decorator
@inline
export function sigmoid(eta: f64): f64 {
  if (eta >= 0) return 1.0 / (1.0 + Math.exp(-eta));
  const e = Math.exp(eta);
  return e / (1.0 + e);
}

// @ts-ignore: decorator
@inline
function weightOf(weights: usize, i: i32, invN: f64): f64 {
  return weights == 0 ? invN : load<f64>(weights + (<usize>i << 3));
}

/** Writes u and returns f(η). */
export function datafitResidual(datafit: i32, y: usize, eta: usize, weights: usize, n: i32, u: usize): f64 {
  const invN = 1.0 / <f64>n;
  let value: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const e = load<f64>(eta + o);
    const yi = load<f64>(y + o);
    const wi = weightOf(weights, i, invN);
    if (datafit == 0) {
      const r = yi - e;
      store<f64>(u + o, r);
      value += wi * r * r;
    } else {
      store<f64>(u + o, yi - sigmoid(e));
      value += wi * (softplus(e) - yi * e);
    }
  }
  return datafit == 0 ? 0.5 * value : value;
}

/** f(η) alone. */
export function datafitValue(datafit: i32, y: usize, eta: usize, weights: usize, n: i32): f64 {
  const invN = 1.0 / <f64>n;
  let value: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const e = load<f64>(eta + o);
    const yi = load<f64>(y + o);
    const wi = weightOf(weights, i, invN);
    if (datafit == 0) {
      const r = yi - e;
      value += wi * r * r;
    } else value += wi * (softplus(e) - yi * e);
  }
  return datafit == 0 ? 0.5 * value : value;
}

/** The Bregman divergence f(η') − f(η) − ∇f(η)·(η' − η), summed per sample (see the reference). */
export function datafitBregman(datafit: i32, etaNew: usize, eta: usize, weights: usize, n: i32): f64 {
  const invN = 1.0 / <f64>n;
  let sum: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const a = load<f64>(etaNew + o);
    const c = load<f64>(eta + o);
    const wi = weightOf(weights, i, invN);
    const delta = beyondRounding(a, c);
    if (datafit == 0) sum += wi * delta * delta;
    else {
      const term = logisticBregman(sigmoid(c), delta);
      if (term > 0) sum += wi * term;
    }
  }
  return datafit == 0 ? 0.5 * sum : sum;
}

/** softplus(c + δ) − softplus(c) − s·δ, s = σ(c), without cancellation (see the reference). */
// @ts-ignore: decorator
@inline
function logisticBregman(s: f64, delta: f64): f64 {
  if (Math.abs(delta) < 1e-3) {
    const d2 = delta * delta;
    return s * (1 - s) * (d2 / 2 + ((1 - 2 * s) * d2 * delta) / 6 + ((1 - 6 * s + 6 * s * s) * d2 * d2) / 24);
  }
  return Math.log1p(s * Math.expm1(delta)) - s * delta;
}

/** a − c shrunk towards 0 by its rounding uncertainty 1e-14·(|a| + |c|). */
// @ts-ignore: decorator
@inline
function beyondRounding(a: f64, c: f64): f64 {
  const noise = 1e-14 * (Math.abs(a) + Math.abs(c));
  const delta = a - c;
  if (delta > noise) return delta - noise;
  if (delta < -noise) return delta + noise;
  return 0;
}
