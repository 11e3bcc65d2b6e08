import type { BinomialRows } from './Engine.js';

/** See assembly/binomialRows.ts: the IRLS weight's floor relative to |y − p|. */
const CURVATURE_FLOOR = 1e-5;

/**
 * @internal The binomial row sweeps in TypeScript: the reference of assembly/binomialRows.ts
 * (same formulas, same order of operations).
 */
export function openJsBinomialRows(y01: Float64Array, weights: Float64Array): BinomialRows {
  const y = y01.slice();
  const nu = weights.slice();
  const n = y.length;
  // η, t = e^{−|η|}, log1p(t) and the loss of the last linearize (lossAndKlAt's and klAgainst's state).
  const linEta = new Float64Array(n);
  const linT = new Float64Array(n);
  const linLp = new Float64Array(n);
  let linLoss = NaN;
  let stepStart: Float64Array = new Float64Array(0);
  let stepEnd: Float64Array = new Float64Array(0);
  return {
    linearize(eta, fitIntercept, h, yCentered, u) {
      linEta.set(eta);
      let H = 0;
      let exact = 0;
      let slope = 0;
      let loss = 0;
      for (let i = 0; i < n; i++) {
        const e = eta[i]!;
        const ti = Math.exp(-Math.abs(e));
        linT[i] = ti;
        const l = Math.log1p(ti);
        linLp[i] = l;
        const q = e >= 0 ? 1 / (1 + ti) : ti / (1 + ti);
        const yi = y[i]!;
        const residual = yi - q;
        const pq = q * (1 - q);
        const curvature = Math.max(pq, CURVATURE_FLOOR * Math.abs(residual), 1e-300);
        const v = nu[i]!;
        h[i] = v * curvature;
        H += h[i]!;
        yCentered[i] = e + residual / curvature;
        u[i] = v * residual;
        exact += v * pq;
        slope += v * pq * (1 - 2 * q);
        if (v > 0) loss += v * ((e > 0 ? e + l : l) - yi * e);
      }
      let zMean = 0;
      let uSum = 0;
      for (let i = 0; i < n; i++) {
        h[i] = h[i]! / H;
        zMean += h[i]! * yCentered[i]!;
        u[i] = u[i]! / H;
        uSum += u[i]!;
      }
      if (fitIntercept) for (let i = 0; i < n; i++) yCentered[i] = yCentered[i]! - zMean;
      linLoss = loss;
      return { H, zMean, uSum, interceptCurvature: exact, loss, interceptCurvatureDerivative: slope };
    },
    lossAndKlAt(s) {
      if (s >= 1) return { loss: linLoss, kl: 0 };
      const withKl = s < 1;
      const oneMinusS = 1 - s;
      const logS = withKl ? Math.log(s) : 0;
      let loss = 0;
      let kl = 0;
      for (let i = 0; i < n; i++) {
        const v = nu[i]!;
        if (v <= 0) continue;
        const yi = y[i]!;
        const e = linEta[i]!;
        const ti = linT[i]!;
        const lp = linLp[i]!;
        loss += v * ((e > 0 ? e + lp : lp) - yi * e);
        if (withKl) {
          const term = klTerm(yi, e, ti, s, logS, oneMinusS);
          if (term > 0) kl += v * term;
        }
      }
      return { loss, kl };
    },
    klAgainst(theta, s) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const v = nu[i]!;
        if (v <= 0) continue;
        const a = y[i]! - (s * theta[i]!) / v;
        if (!(a >= 0 && a <= 1)) return Infinity;
        const e = linEta[i]!;
        const lp = linLp[i]!;
        const logQ = e >= 0 ? -lp : e - lp;
        const logQc = e >= 0 ? -e - lp : -lp;
        let kl = 0;
        if (a > 0) kl += a * (Math.log(a) - logQ);
        if (a < 1) kl += (1 - a) * (Math.log1p(-a) - logQc);
        sum += v * kl;
      }
      return sum;
    },
    setStep(eta, etaNext) {
      stepStart = eta;
      stepEnd = etaNext;
    },
    lossAlongStep(t) {
      let sum = 0;
      let score = 0;
      let curvature = 0;
      let slope = 0;
      for (let i = 0; i < n; i++) {
        const v = nu[i]!;
        if (v <= 0) continue;
        const e0 = stepStart[i]!;
        const e = e0 + t * (stepEnd[i]! - e0);
        const ti = Math.exp(-Math.abs(e));
        const yi = y[i]!;
        const l = Math.log1p(ti);
        sum += v * ((e > 0 ? e + l : l) - yi * e);
        const q = e >= 0 ? 1 / (1 + ti) : ti / (1 + ti);
        const pq = q * (1 - q);
        score += v * (yi - q);
        curvature += v * pq;
        slope += v * pq * (1 - 2 * q);
      }
      return { loss: sum, intercept: { score, curvature, curvatureDerivative: slope } };
    },
    dispose() {},
  };
}

/** KL(a ‖ σ(η)) with one log1p (the reference of klTerm in assembly/binomialRows.ts). */
function klTerm(y: number, e: number, t: number, s: number, logS: number, oneMinusS: number): number {
  const q = e >= 0 ? 1 / (1 + t) : t / (1 + t);
  const qc = e >= 0 ? t / (1 + t) : 1 / (1 + t);
  const small = (y === 1) === (e >= 0);
  let logRatio: number;
  if (small) logRatio = Math.log1p(oneMinusS * t);
  else if (t > 1e-300) logRatio = Math.log1p(oneMinusS / t);
  else logRatio = Math.log(oneMinusS) + Math.abs(e);
  if (y === 1) {
    const c = s * qc; // 1 − a (0 at s = 0, where log s = −∞)
    return (c > 0 ? c * logS : 0) + (1 - c) * logRatio;
  }
  const a = s * q;
  return (a > 0 ? a * logS : 0) + (1 - a) * logRatio;
}
