import type { BinomialRows } from './Engine.js';
import type { WasmRuntime } from '../wasm/runtime.js';

/**
 * @internal The binomial row sweeps in WebAssembly (assembly/binomialRows.ts). One block holds
 * y, ν, η, η⁺ (a line search's ends), h, z, u, the last model's η, t = e^{−|η|} and log1p(t), and
 * a dual point θ (n doubles each) and a small `out`; y and ν are copied in once, each
 * sweep copies its inputs in and its outputs back (O(n), against the sweep's transcendental work).
 * The last linearization's loss is kept: lossAndKlAt(s ≥ 1) costs no sweep.
 */
export function openWasmBinomialRows(runtime: WasmRuntime, y01: Float64Array, weights: Float64Array): BinomialRows {
  const { heap, kernels } = runtime;
  const n = y01.length;
  const bytes = 8 * n;
  const base = heap.allocate(11 * bytes + 64, 'y');
  const [y, nu, eta, etaNext, h, z, u, linEta, linT, theta, linLp] = Array.from({ length: 11 }, (_, k) => base + k * bytes) as [
    number, number, number, number, number, number, number, number, number, number, number,
  ];
  const out = base + 11 * bytes;
  // The loss at the last linearize's η.
  let linLoss = NaN;
  heap.f64(y, n).set(y01);
  heap.f64(nu, n).set(weights);
  let disposed = false;
  return {
    linearize(etaIn, fitIntercept, hOut, yCentered, uOut) {
      heap.f64(linEta, n).set(etaIn);
      kernels.binomialLinearize(n, y, nu, linEta, fitIntercept ? 1 : 0, h, z, u, linT, linLp, out);
      hOut.set(heap.f64(h, n));
      yCentered.set(heap.f64(z, n));
      uOut.set(heap.f64(u, n));
      const o = heap.f64(out, 6);
      linLoss = o[4]!;
      return { H: o[0]!, zMean: o[1]!, uSum: o[2]!, interceptCurvature: o[3]!, loss: linLoss, interceptCurvatureDerivative: o[5]! };
    },
    lossAndKlAt(s) {
      if (s >= 1) return { loss: linLoss, kl: 0 };
      kernels.binomialLossAndKlAt(n, y, nu, linEta, linT, s, out, linLp);
      const o = heap.f64(out, 2);
      return { loss: o[0]!, kl: o[1]! };
    },
    klAgainst(thetaIn, s) {
      heap.f64(theta, n).set(thetaIn);
      return kernels.binomialKlAgainst(n, y, nu, linEta, linT, theta, s, linLp);
    },
    setStep(etaIn, etaNextIn) {
      heap.f64(eta, n).set(etaIn);
      heap.f64(etaNext, n).set(etaNextIn);
    },
    lossAlongStep(t) {
      const loss = kernels.binomialLossAlong(n, y, nu, eta, etaNext, t, out);
      const o = heap.f64(out, 3);
      return { loss, intercept: { score: o[0]!, curvature: o[1]!, curvatureDerivative: o[2]! } };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      heap.free(base);
    },
  };
}
