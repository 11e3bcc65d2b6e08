// Per-row work of proximal Newton for the binomial (logistic) loss ℓ(y, η) = log(1 + e^η) − y·η,
// y ∈ {0, 1}, over n rows with observation weights ν (rows with ν_i ≤ 0 do not count). Mirrored
// by src/engine/jsBinomialRows.ts; the solver is src/logistic/binomialNewtonSolver.ts.
// Each kernel is one sweep over the rows; results beyond the return value go to `out`.

/**
 * The IRLS weight is max(p(1−p), 1e-5·|y − p|), never below 1e-300 (see binomialNewtonSolver.ts).
 */
const CURVATURE_FLOOR: f64 = 1e-5;

/**
 * KL(a ‖ q) = a·log(a/q) + (1−a)·log((1−a)/(1−q)) for q = σ(η), a = y − s·(y − q), given
 * t = e^{−|η|}, log s and 1 − s. One of the two ratios is s exactly (y = 1: (1−a)/(1−q) = s;
 * y = 0: a/q = s) and the other is 1 + (1−s)·e^{∓η}, so one log1p per row:
 *   y = 1: (1−a)·log s + a·log1p((1−s)·e^{−η}),   y = 0: a·log s + (1−a)·log1p((1−s)·e^{η}).
 * Where (1−s)·e^{|η|} would overflow, log1p(x) = log x to double precision.
 */
// @ts-ignore: decorator
@inline
function klTerm(y: f64, e: f64, t: f64, s: f64, logS: f64, oneMinusS: f64): f64 {
  const q = e >= 0 ? 1 / (1 + t) : t / (1 + t); // σ(η)
  const qc = e >= 0 ? t / (1 + t) : 1 / (1 + t); // 1 − σ(η)
  // e^{−η} for y = 1, e^{η} for y = 0: t when that exponent is −|η|, else 1/t.
  const small = (y == 1) == (e >= 0);
  let logRatio: f64;
  if (small) logRatio = Math.log1p(oneMinusS * t);
  else if (t > 1e-300) logRatio = Math.log1p(oneMinusS / t);
  else logRatio = Math.log(oneMinusS) + Math.abs(e);
  if (y == 1) {
    const c = s * qc; // 1 − a (0 at s = 0, where log s = −∞)
    return (c > 0 ? c * logS : 0) + (1 - c) * logRatio;
  }
  const a = s * q;
  return (a > 0 ? a * logS : 0) + (1 - a) * logRatio;
}

/**
 * The quadratic model at η (every row; ν_i = 0 gives h_i = u_i = 0): with p_i = σ(η_i) and
 * c_i = max(p_i(1−p_i), 1e-5·|y_i − p_i|, 1e-300),
 *   H = Σ ν_i·c_i,  h_i = ν_i·c_i/H,  z_i = η_i + (y_i − p_i)/c_i,  u_i = ν_i·(y_i − p_i)/H,
 * yc_i = z_i − z̄ (z̄ = Σ h_i·z_i; no shift without an intercept). In the same sweep, the loss
 * there, the intercept's curvature and its derivative, t_i = e^{−|η_i|} into `t` and log1p(t_i)
 * into `lp` (for binomialLossAndKlAt and binomialKlAgainst at this η).
 * out[0] = H, out[1] = z̄, out[2] = Σ u_i, out[3] = Σ ν_i·p_i(1−p_i), out[4] = Σ ν_i·ℓ(y_i, η_i)
 * (rows with ν_i > 0), out[5] = Σ ν_i·p_i(1−p_i)(1−2p_i). One exp and one log1p per row.
 */
export function binomialLinearize(
  n: i32, y: usize, nu: usize, eta: usize, fitIntercept: bool, h: usize, yc: usize, u: usize, t: usize, lp: usize, out: usize,
): void {
  let H: f64 = 0, exact: f64 = 0, slope: f64 = 0, loss: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const e = load<f64>(eta + o);
    const ti = Math.exp(-Math.abs(e));
    store<f64>(t + o, ti);
    const l = Math.log1p(ti);
    store<f64>(lp + o, l);
    const q = e >= 0 ? 1 / (1 + ti) : ti / (1 + ti); // σ(η)
    const yi = load<f64>(y + o);
    const residual = yi - q;
    const pq = q * (1 - q);
    const curvature = Math.max(Math.max(pq, CURVATURE_FLOOR * Math.abs(residual)), 1e-300);
    const v = load<f64>(nu + o);
    const hi = v * curvature;
    store<f64>(h + o, hi);
    H += hi;
    store<f64>(yc + o, e + residual / curvature);
    store<f64>(u + o, v * residual);
    exact += v * pq;
    slope += v * pq * (1 - 2 * q);
    if (v > 0) loss += v * ((e > 0 ? e + l : l) - yi * e);
  }
  let zMean: f64 = 0, uSum: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const hi = load<f64>(h + o) / H;
    store<f64>(h + o, hi);
    zMean += hi * load<f64>(yc + o);
    const ui = load<f64>(u + o) / H;
    store<f64>(u + o, ui);
    uSum += ui;
  }
  if (fitIntercept) for (let i: i32 = 0; i < n; i++) store<f64>(yc + (<usize>i << 3), load<f64>(yc + (<usize>i << 3)) - zMean);
  store<f64>(out, H);
  store<f64>(out, zMean, 8);
  store<f64>(out, uSum, 16);
  store<f64>(out, exact, 24);
  store<f64>(out, loss, 32);
  store<f64>(out, slope, 40);
}

/**
 * At the η, t = e^{−|η|} and lp = log1p(t) of the last binomialLinearize (no exp, no log1p for
 * the loss): out[0] = Σ ν_i·ℓ(y_i, η_i), out[1] = Σ ν_i·KL(a_i ‖ σ(η_i)) with
 * a_i = y_i − s·(y_i − σ(η_i)), the binomial dual's per-row terms at the dual scaling s (0 when
 * s ≥ 1: a_i = σ(η_i)). One log1p per row for the KL terms.
 */
export function binomialLossAndKlAt(n: i32, y: usize, nu: usize, eta: usize, t: usize, s: f64, out: usize, lp: usize): void {
  const withKl = s < 1;
  const oneMinusS = 1 - s, logS = withKl ? Math.log(s) : 0;
  let loss: f64 = 0, klSum: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const v = load<f64>(nu + o);
    if (v <= 0) continue;
    const yi = load<f64>(y + o);
    const e = load<f64>(eta + o);
    const l = load<f64>(lp + o);
    loss += v * ((e > 0 ? e + l : l) - yi * e);
    if (withKl) {
      const kl = klTerm(yi, e, load<f64>(t + o), s, logS, oneMinusS);
      if (kl > 0) klSum += v * kl;
    }
  }
  store<f64>(out, loss);
  store<f64>(out, klSum, 8);
}

/**
 * Σ ν_i·ℓ(y_i, η_i(t)) at η(t) = η + t·(η⁺ − η), a point along a Newton step, and there the
 * intercept's score, curvature and the curvature's derivative (what its exact 1-D minimization
 * needs; binomialLinearize's out[2]·H, out[3], out[5]): out[0] = Σ ν_i·(y_i − p_i),
 * out[1] = Σ ν_i·p_i(1−p_i), out[2] = Σ ν_i·p_i(1−p_i)(1−2p_i), p_i = σ(η_i(t)), over the rows
 * with ν_i > 0. One exp and one log1p per row.
 */
export function binomialLossAlong(n: i32, y: usize, nu: usize, eta: usize, etaNext: usize, t: f64, out: usize): f64 {
  let sum: f64 = 0, score: f64 = 0, curvature: f64 = 0, slope: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const v = load<f64>(nu + o);
    if (v <= 0) continue;
    const e0 = load<f64>(eta + o);
    const e = e0 + t * (load<f64>(etaNext + o) - e0);
    const ti = Math.exp(-Math.abs(e));
    const yi = load<f64>(y + o);
    const l = Math.log1p(ti);
    sum += v * ((e > 0 ? e + l : l) - yi * e);
    const q = e >= 0 ? 1 / (1 + ti) : ti / (1 + ti); // σ(η)
    const pq = q * (1 - q);
    score += v * (yi - q);
    curvature += v * pq;
    slope += v * pq * (1 - 2 * q);
  }
  store<f64>(out, score);
  store<f64>(out, curvature, 8);
  store<f64>(out, slope, 16);
  return sum;
}

/**
 * Σ ν_i·KL(a_i ‖ σ(η_i)) at the η and t = e^{−|η|} of the last binomialLinearize, for the dual
 * point θ (n numbers, in the units of ν∘(y − p)) scaled by s: a_i = y_i − s·θ_i/ν_i, the
 * probabilities that point stands for. Rows with ν_i ≤ 0 do not count. Returns +∞ when some a_i
 * lies outside [0, 1] (θ is then not a dual point) or KL is infinite (a_i > 0 where σ(η_i)
 * underflows to 0, or the mirror case).
 *   KL(a ‖ q) = a·(log a − log q) + (1 − a)·(log(1 − a) − log(1 − q)),
 *   log σ(η) = −log1p(t) (η ≥ 0) or η − log1p(t),   log(1 − σ(η)) = −η − log1p(t) (η ≥ 0) or −log1p(t).
 * Up to two logs per row, and a log1p of t unless `lp` holds them (binomialLinearize's, at the
 * same η; 0 = compute them).
 */
export function binomialKlAgainst(n: i32, y: usize, nu: usize, eta: usize, t: usize, theta: usize, s: f64, lp: usize): f64 {
  let sum: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const v = load<f64>(nu + o);
    if (v <= 0) continue;
    const a = load<f64>(y + o) - (s * load<f64>(theta + o)) / v;
    if (!(a >= 0 && a <= 1)) return Infinity;
    const e = load<f64>(eta + o);
    const l = lp != 0 ? load<f64>(lp + o) : Math.log1p(load<f64>(t + o));
    const logQ = e >= 0 ? -l : e - l;
    const logQc = e >= 0 ? -e - l : -l;
    let kl: f64 = 0;
    if (a > 0) kl += a * (Math.log(a) - logQ);
    if (a < 1) kl += (1 - a) * (Math.log1p(-a) - logQc);
    sum += v * kl;
  }
  return sum;
}
