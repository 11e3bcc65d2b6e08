import { describe, expect, it } from 'vitest';
import { selectEngine } from '../src/engine/selectEngine.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';
import { seededUniform } from './helpers/seededProblem.js';

/**
 * The binomial row sweeps of both engines against each other and against the textbook formulas
 * written out independently here (naive forms, accurate for the moderate η used for them).
 */
describe('BinomialRows (WASM and TS) against the formulas', () => {
  simdSuiteRecordingWarnings();
  const n = 301;
  const uniform = seededUniform(5);
  const y = Float64Array.from({ length: n }, () => (uniform() < 0.4 ? 1 : 0));
  // Every fourth row left out (ν = 0), the rest weighted, Σν = 1.
  const raw = Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 0 : 0.2 + uniform()));
  const total = raw.reduce((a, b) => a + b, 0);
  const nu = raw.map((v) => v / total);
  const eta = Float64Array.from({ length: n }, () => 8 * (uniform() - 0.5));
  const etaNext = Float64Array.from(eta, (e) => e + 2 * (uniform() - 0.5));
  const sig = (e: number) => 1 / (1 + Math.exp(-e));
  const loss = (yi: number, e: number) => Math.log(1 + Math.exp(e)) - yi * e;
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

  for (const name of ['wasm', 'js'] as const) {
    it(`${name}: loss, KL, model, line-search loss and intercept terms`, () => {
      const rows = selectEngine(name).openBinomialRows(y, nu);
      try {
        const s = 0.7;
        let expLoss = 0, expKl = 0, expScore = 0, expCurv = 0, expCurvDerivative = 0;
        let expAlong = 0, expAlongScore = 0, expAlongCurv = 0, expAlongCurvDerivative = 0;
        for (let i = 0; i < n; i++) {
          if (nu[i] === 0) continue;
          const q = sig(eta[i]!);
          expLoss += nu[i]! * loss(y[i]!, eta[i]!);
          const a = y[i]! - s * (y[i]! - q);
          expKl += nu[i]! * ((a > 0 ? a * Math.log(a / q) : 0) + (a < 1 ? (1 - a) * Math.log((1 - a) / (1 - q)) : 0));
          expScore += nu[i]! * (y[i]! - q);
          expCurv += nu[i]! * q * (1 - q);
          expCurvDerivative += nu[i]! * q * (1 - q) * (1 - 2 * q);
          const along = eta[i]! + 0.25 * (etaNext[i]! - eta[i]!);
          const qa = sig(along);
          expAlong += nu[i]! * loss(y[i]!, along);
          expAlongScore += nu[i]! * (y[i]! - qa);
          expAlongCurv += nu[i]! * qa * (1 - qa);
          expAlongCurvDerivative += nu[i]! * qa * (1 - qa) * (1 - 2 * qa);
        }
        rows.setStep(eta, etaNext);
        const quarter = rows.lossAlongStep(0.25);
        expect(rel(quarter.loss, expAlong)).toBeLessThan(1e-13);
        // The intercept's terms at that point of the step (derivatives in b checked by differences below).
        expect(Math.abs(quarter.intercept.score - expAlongScore)).toBeLessThan(1e-14);
        expect(rel(quarter.intercept.curvature, expAlongCurv)).toBeLessThan(1e-13);
        expect(Math.abs(quarter.intercept.curvatureDerivative - expAlongCurvDerivative)).toBeLessThan(1e-14);
        expect(rel(rows.lossAlongStep(0).loss, expLoss)).toBeLessThan(1e-13);
        const h = new Float64Array(n), yc = new Float64Array(n), u = new Float64Array(n);
        const model = rows.linearize(eta, true, h, yc, u);
        // The same sweep: the loss, the intercept's score H·Σu, curvature and its derivative; then
        // loss (without a sweep) and KL at this η.
        expect(rel(model.loss, expLoss)).toBeLessThan(1e-13);
        expect(Math.abs(model.H * model.uSum - expScore)).toBeLessThan(1e-14);
        expect(rel(model.interceptCurvature, expCurv)).toBeLessThan(1e-13);
        expect(Math.abs(model.interceptCurvatureDerivative - expCurvDerivative)).toBeLessThan(1e-14);
        // The terms are the derivatives of the loss in b: central differences of the line-search sweep
        // along a constant shift δ·1 agree to O(δ²).
        const delta = 1e-4;
        rows.setStep(eta.map((e) => e - delta), eta.map((e) => e + delta));
        const [below, above] = [0, 1].map((t) => rows.lossAlongStep(t));
        expect(Math.abs((above!.loss - below!.loss) / (2 * delta) + expScore)).toBeLessThan(1e-8);
        expect(Math.abs((above!.intercept.curvature - below!.intercept.curvature) / (2 * delta) - expCurvDerivative)).toBeLessThan(1e-8);
        expect(rows.lossAndKlAt(1)).toEqual({ loss: model.loss, kl: 0 });
        const at = rows.lossAndKlAt(s);
        expect(rel(at.loss, expLoss)).toBeLessThan(1e-13);
        expect(rel(at.kl, expKl)).toBeLessThan(1e-10);
        // At s = 0 (ridge: l1 = 0) a = y, and KL(y ‖ σ(η)) is the loss itself.
        expect(rel(rows.lossAndKlAt(0).kl, expLoss)).toBeLessThan(1e-13);
        expect(rows.lossAndKlAt(1).kl).toBe(0);
        // lossAndKlAt keeps referring to the linearized η after other sweeps.
        rows.setStep(etaNext, eta);
        rows.lossAlongStep(0.5);
        expect(rel(rows.lossAndKlAt(s).kl, expKl)).toBeLessThan(1e-10);
        let H = 0;
        for (let i = 0; i < n; i++) H += nu[i]! * Math.max(sig(eta[i]!) * (1 - sig(eta[i]!)), 1e-5 * Math.abs(y[i]! - sig(eta[i]!)));
        expect(rel(model.H, H)).toBeLessThan(1e-13);
        let zMean = 0;
        for (let i = 0; i < n; i++) {
          const q = sig(eta[i]!);
          const c = Math.max(q * (1 - q), 1e-5 * Math.abs(y[i]! - q));
          expect(Math.abs(h[i]! - (nu[i]! * c) / H)).toBeLessThan(1e-15);
          expect(Math.abs(u[i]! - (nu[i]! * (y[i]! - q)) / H)).toBeLessThan(1e-13);
          zMean += (nu[i]! * c / H) * (eta[i]! + (y[i]! - q) / c);
        }
        expect(Math.abs(model.zMean - zMean)).toBeLessThan(1e-12);
        for (let i = 0; i < n; i++) {
          const q = sig(eta[i]!);
          const c = Math.max(q * (1 - q), 1e-5 * Math.abs(y[i]! - q));
          expect(Math.abs(yc[i]! - (eta[i]! + (y[i]! - q) / c - zMean))).toBeLessThan(1e-10);
        }
      } finally {
        rows.dispose();
      }
    });
  }

  for (const name of ['wasm', 'js'] as const) {
    it(`${name}: klAgainst another dual point: the naive KL, +∞ outside [0, 1], = lossAndKlAt's KL at θ = ν(y − σ(η))`, () => {
      const rows = selectEngine(name).openBinomialRows(y, nu);
      try {
        rows.linearize(eta, true, new Float64Array(n), new Float64Array(n), new Float64Array(n));
        // θ = ν∘(y − a) for probabilities a inside (0, 1), scaled by s.
        const target = Float64Array.from({ length: n }, () => 0.05 + 0.9 * uniform());
        const theta = Float64Array.from(target, (a, i) => nu[i]! * (y[i]! - a));
        const s = 0.8;
        let expected = 0;
        for (let i = 0; i < n; i++) {
          if (nu[i] === 0) continue;
          const q = sig(eta[i]!);
          const a = y[i]! - (s * theta[i]!) / nu[i]!;
          expected += nu[i]! * (a * Math.log(a / q) + (1 - a) * Math.log((1 - a) / (1 - q)));
        }
        // klAgainst reads linearize's log1p(e^{−|η|}): the same value to the last bit after other sweeps.
        const computed = rows.klAgainst(theta, s);
        expect(rel(computed, expected)).toBeLessThan(1e-11);
        rows.lossAndKlAt(0.5);
        rows.setStep(etaNext, eta);
        rows.lossAlongStep(0.5);
        expect(rows.klAgainst(theta, s)).toBe(computed);
        // The gradient's own dual point reproduces lossAndKlAt's KL.
        const own = Float64Array.from(eta, (e, i) => nu[i]! * (y[i]! - sig(e)));
        expect(rel(rows.klAgainst(own, 0.6), rows.lossAndKlAt(0.6).kl)).toBeLessThan(1e-9);
        expect(Math.abs(rows.klAgainst(own, 1))).toBeLessThan(1e-14);
        // A row whose probability leaves [0, 1] makes θ no dual point.
        const outside = theta.slice();
        outside[1] = nu[1]! * (y[1]! - 1.5);
        expect(rows.klAgainst(outside, 1)).toBe(Infinity);
      } finally {
        rows.dispose();
      }
    });
  }

  it('WASM = TS at extreme log-odds (|η| up to 800) without overflow', () => {
    const big = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -1) * 800 * uniform());
    const [a, b] = (['wasm', 'js'] as const).map((name) => selectEngine(name).openBinomialRows(y, nu));
    try {
      const outs = [a!, b!].map((r) => {
        const h = new Float64Array(n), yc = new Float64Array(n), u = new Float64Array(n);
        return { ...r.linearize(big, false, h, yc, u), h, yc, u };
      });
      const la = a!.lossAndKlAt(0.9), lb = b!.lossAndKlAt(0.9);
      expect(Number.isFinite(la.loss) && Number.isFinite(la.kl)).toBe(true);
      expect(rel(la.loss, lb.loss)).toBeLessThan(1e-14);
      expect(rel(la.kl, lb.kl)).toBeLessThan(1e-12);
      expect(rel(outs[0]!.H, outs[1]!.H)).toBeLessThan(1e-14);
      for (let i = 0; i < n; i++) {
        expect(Number.isFinite(outs[0]!.yc[i]!)).toBe(true);
        expect(rel(outs[0]!.yc[i]!, outs[1]!.yc[i]!)).toBeLessThan(1e-14);
      }
    } finally {
      a!.dispose();
      b!.dispose();
    }
  });
});
