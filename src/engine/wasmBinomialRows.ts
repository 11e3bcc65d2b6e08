import type { BinomialRows } from './Engine.js';
import type { WasmRuntime } from '../wasm/runtime.js';

/**
 * @internal The binomial row sweeps in WebAssembly (assembly/binomialRows.ts). One block holds
 * y, ν, η, η⁺ (a line search's ends), h, z, u, the last model's η, t = e^{−|η|} and log1p(t), and
 * a dual point θ (n doubles each) and a small `out`; y and ν are copied in once, each
 * sweep copies its inputs in and its outputs back (O(n), against the sweep's transcendental work).
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
  // Whether linLp holds log1p(t) of the last linearize (lossAndKlAt computes them, klAgainst reuses them).
  let lpHolds = false;
  heap.f64(y, n).set(y01);
  heap.f64(nu, n).set(weights);
  let disposed = false;
  return {
    linearize(etaIn, fitIntercept, hOut, yCentered, uOut) {
      heap.f64(linEta, n).set(etaIn);
      kernels.binomialLinearize(n, y, nu, linEta, fitIntercept ? 1 : 0, h, z, u, linT, out);
      lpHolds = false;
      hOut.set(heap.f64(h, n));
      yCentered.set(heap.f64(z, n));
      uOut.set(heap.f64(u, n));
      const o = heap.f64(out, 4);
      return { H: o[0]!, zMean: o[1]!, uSum: o[2]!, interceptCurvature: o[3]! };
    },
    lossAndKlAt(s) {
      kernels.binomialLossAndKlAt(n, y, nu, linEta, linT, s, out, linLp);
      lpHolds = true;
      const o = heap.f64(out, 2);
      return { loss: o[0]!, kl: o[1]! };
    },
    klAgainst(thetaIn, s) {
      heap.f64(theta, n).set(thetaIn);
      return kernels.binomialKlAgainst(n, y, nu, linEta, linT, theta, s, lpHolds ? linLp : 0);
    },
    setStep(etaIn, etaNextIn) {
      heap.f64(eta, n).set(etaIn);
      heap.f64(etaNext, n).set(etaNextIn);
    },
    lossAlongStep: (t) => kernels.binomialLossAlong(n, y, nu, eta, etaNext, t),
    dispose() {
      if (disposed) return;
      disposed = true;
      heap.free(base);
    },
  };
}
