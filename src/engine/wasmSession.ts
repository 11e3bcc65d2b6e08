import type { ElasticNetSession, SessionRequest, SolveReport } from './Engine.js';
import { clipToBounds, copyColumns, hasUnpenalizedFeature, positiveRowFlags, samePositiveRows, setDualProjection, toPenaltyBlock } from './Engine.js';
import type { WasmRuntime } from '../wasm/runtime.js';
import { ANDERSON_DEPTH, FitWorkspace, OUT, OUT_LENGTH } from '../wasm/FitWorkspace.js';
import { freeUnpenalizedFeatures } from '../reference/dualProjection.js';
import { keepFixedScales } from '../reference/columnStats.js';

/**
 * @internal An elastic-net session in WebAssembly memory: X and its statistics are
 * resident, and one FitWorkspace holds ỹ, w, r, the gradients and the solver scratch
 * for as long as the session lives. Each solve is one `elasticNetSolveScreened` call.
 * Penalty options live in one more block (see assembly/penalty.ts), freed with the session.
 */

export function openWasmSession(runtime: WasmRuntime, request: SessionRequest): ElasticNetSession {
  const { heap, kernels } = runtime;
  const { X, fitIntercept, standardize, weights } = request;
  const n = X.nRows;
  const p = X.nCols;
  // Check the whole need (X's first upload, its statistics, the workspace) before copying anything.
  const ws = FitWorkspace.open(runtime, X, fitIntercept, standardize, weights);
  heap.f64(ws.yc, n).set(request.yCentered);
  const mean = heap.f64(ws.mean, p).slice();
  // The rows the opening weights count (reweight's one-sweep route needs the same ones).
  const positiveRows = weights ? positiveRowFlags(weights) : undefined;
  const invScale = heap.f64(ws.invScale, p).slice();
  const normSqAtOpen = heap.f64(ws.normSqOverN, p).slice();
  // No gradient is known yet: every feature's stored g is stale until start() computes them.
  heap.u8(ws.screened, p).fill(1);
  const pen = toPenaltyBlock(request.penalty, invScale);
  let currentTarget = request.yCentered;
  let penAddress = 0;
  // Room for the projection of every free unpenalized feature (reweight can only drop some).
  const capacity = pen ? (freeUnpenalizedFeatures(pen, invScale)?.length ?? 0) : 0;
  let gradientScale = NaN;
  // Column visits of that decision (G̃ columns, the KKT scale's gradient pass), reported by the next start().
  let setupVisits = 0;
  // The certificate (projected dual point or KKT residual; see setDualProjection) and the block
  // the kernels read (layout in assembly/penalty.ts). At open, and after every reweight.
  const decideCertificate = () => {
    if (!pen) return;
    // The scales in use (reweight may zero a column's); G̃'s columns by the kernel, with the
    // Anderson block's residual slot (n doubles, idle between solves) as scratch.
    setDualProjection(pen, heap.f64(ws.invScale, p).slice(), (U) => {
      const columns = heap.allocate(8 * U.length * p, 'penaltyFactor');
      try {
        const scratch = ws.anderson + 8 * (ANDERSON_DEPTH * ANDERSON_DEPTH + ANDERSON_DEPTH);
        U.forEach((u, k) => kernels.gramColumnInto(ws.desc, u, columns + 8 * k * p, scratch));
        setupVisits += U.length * p;
        return heap.f64(columns, U.length * p).slice();
      } finally {
        heap.free(columns);
      }
    });
    const m = pen.projection?.U.length ?? 0;
    if (penAddress === 0) {
      penAddress = heap.allocate(8 * (1 + 3 * p + (capacity > 0 ? 1 + capacity * (2 + p + capacity) : 0)), 'penaltyFactor');
    }
    const block = heap.f64(penAddress, 1 + 3 * p + (m > 0 ? 1 + m + m * p + m * m : 0));
    block[0] = pen.kkt ? 1 : pen.projection ? 2 : 0;
    block.set(pen.factor, 1);
    block.set(pen.lower, 1 + p);
    block.set(pen.upper, 1 + 2 * p);
    if (pen.projection) {
      const base = 1 + 3 * p;
      block[base] = m;
      block.set(Float64Array.from(pen.projection.U), base + 1);
      block.set(pen.projection.G, base + 1 + m);
      block.set(pen.projection.chol, base + 1 + m + m * p);
    }
    gradientScale = NaN;
    if (pen.kkt) {
      // The KKT residual's scale: the gradients at w = 0, r = ỹ (start() recomputes w, r and g).
      setupVisits += p;
      heap.f64(ws.w, p).fill(0);
      heap.f64(ws.r, n).set(currentTarget);
      kernels.elasticNetGradientAndGap(ws.desc, ws.r, ws.w, 0, 0, ws.g, 0, ws.out, 0);
      gradientScale = heap.f64(ws.g, p).reduce((v, x) => Math.max(v, Math.abs(x)), 0);
    }
  };
  try {
    decideCertificate();
  } catch (e) {
    // Out of WebAssembly memory: nothing of this session stays allocated.
    if (penAddress !== 0) heap.free(penAddress);
    ws.free();
    throw e;
  }
  let disposed = false;
  // Whether ws.r is ỹ − X̃w for the w and ỹ in place (set by start/startFromGradient, cleared by
  // solve and reweight): startFromGradient at the same w then skips recomputing it.
  let residualHolds = false;

  // The columns of the last reweight when it was restricted to some (the others are out of the
  // problem until the next reweight), else undefined.
  let listedColumns: Int32Array | undefined;
  const markKnownGradients = () => {
    const flags = heap.u8(ws.screened, p);
    if (listedColumns === undefined) {
      flags.fill(0);
      return;
    }
    flags.fill(1);
    for (const j of listedColumns) flags[j] = 0;
  };

  const report = (passes: number): SolveReport => {
    const out = heap.f64(ws.out, OUT_LENGTH);
    return {
      passes,
      columnVisits: out[OUT.visits]!,
      primal: out[OUT.primal]!,
      dual: out[OUT.dual]!,
      gap: out[OUT.gap]!,
      corrMax: out[OUT.corrMax]!,
      workingSetSize: out[OUT.workingSet]!,
      screened: out[OUT.screened]!,
      weightedRss: out[OUT.weightedRss]!,
    };
  };

  return {
    nFeatures: p,
    mean,
    invScale,
    normSqAtOpen,
    get certificate() {
      return pen?.kkt ? 'kktResidual' : 'dualityGap';
    },
    get gradientScale() {
      return gradientScale;
    },
    hasUnpenalized: hasUnpenalizedFeature(pen, invScale),
    start(coefScaled, l1, l2) {
      if (listedColumns) throw new Error('internal: start after a reweight restricted to some columns (use startFromGradient)');
      const w0 = Float64Array.from(coefScaled);
      clipToBounds(w0, pen);
      heap.f64(ws.w, p).set(w0);
      kernels.elasticNetResidual(ws.desc, ws.yc, ws.w, ws.r);
      heap.f64(ws.out, OUT_LENGTH).fill(0);
      heap.u8(ws.screened, p).fill(0); // every gradient is computed now
      kernels.elasticNetGradientAndGap(ws.desc, ws.r, ws.w, l1, l2, ws.g, 0, ws.out, penAddress);
      heap.f64(ws.out, OUT_LENGTH)[OUT.visits] = p + setupVisits;
      setupVisits = 0;
      residualHolds = true;
      return report(0);
    },
    solve(l1, l2, l1Prev, gapTolerance, maxPasses, workingSetOnly = false) {
      residualHolds = false;
      const passes = kernels.elasticNetSolveScreened(
        ws.desc, ws.r, ws.w, l1, l2, l1Prev, gapTolerance, maxPasses,
        ws.ws, ws.active, ws.inWs, ws.screened, ws.g, ws.out, ws.anderson, ws.gram, penAddress, workingSetOnly ? 1 : 0,
      );
      return report(passes);
    },
    coefScaled(into) {
      const w = heap.f64(ws.w, p);
      if (!into) return w.slice();
      into.set(w);
      return into;
    },
    residual: () => heap.f64(ws.r, n).slice(),
    linearPredictor(offset, into) {
      const out = heap.allocate(8 * n, 'X');
      try {
        kernels.designMatvec(ws.desc, ws.w, offset, out);
        if (!into) return heap.f64(out, n).slice();
        into.set(heap.f64(out, n));
        return into;
      } finally {
        heap.free(out);
      }
    },
    gradient: () => heap.f64(ws.g, p).slice(),
    startFromGradient(coefScaled, l1, l2, gradient) {
      const w0 = pen ? Float64Array.from(coefScaled) : coefScaled;
      clipToBounds(w0, pen);
      // Copy w in, noting whether it changed (then r must be recomputed; it must anyway unless
      // it still holds).
      const current = heap.f64(ws.w, p);
      let sameW = residualHolds;
      if (!sameW) current.set(w0);
      else {
        for (let j = 0; j < p; j++) {
          const v = w0[j]!;
          if (v !== current[j]) {
            sameW = false;
            current[j] = v;
          }
        }
      }
      copyColumns(heap.f64(ws.g, p), gradient, listedColumns);
      heap.f64(ws.out, OUT_LENGTH).fill(0);
      // Every gradient is known now, or after a restricted reweight the listed columns' only.
      markKnownGradients();
      // After a restricted reweight the gap is the restricted problem's (its list in the `active` scratch).
      if (listedColumns) heap.i32(ws.active, listedColumns.length).set(listedColumns);
      kernels.elasticNetStartFromGradients(
        ws.desc, ws.yc, ws.w, ws.r, l1, l2, ws.g, ws.out, penAddress, sameW ? 1 : 0, listedColumns ? ws.active : 0, listedColumns?.length ?? 0,
      );
      heap.f64(ws.out, OUT_LENGTH)[OUT.visits] = setupVisits;
      setupVisits = 0;
      residualHolds = true;
      return report(0);
    },
    reweight(weights, yCentered, options = {}) {
      const { correlate } = options;
      // (With penalty options every column's statistics stay current: their certificate may need any.)
      const columns = pen ? undefined : options.columns;
      residualHolds = false;
      // The correlations go to the gradient slot (θ to the residual slot on the general route):
      // the gradients are recomputed by the start that must follow.
      if (samePositiveRows(weights, positiveRows)) {
        // The usual case (IRLS weights): no column can change from excluded to not, so one sweep
        // (over the listed columns only, when given).
        ws.reweightKeepingScales(weights, fitIntercept, correlate, ws.g, columns);
        listedColumns = columns?.slice();
      } else {
        // (Rare: weights that count other rows. Every column's statistics, listed or not.)
        if (correlate) heap.f64(ws.r, n).set(correlate);
        ws.reweight(weights, fitIntercept, standardize, correlate ? ws.r : 0, correlate ? ws.g : 0);
        keepFixedScales(heap.f64(ws.invScale, p), heap.f64(ws.normSqOverN, p), invScale);
        listedColumns = undefined;
      }
      // (After a restricted reweight only the listed columns' entries are new.)
      let correlation: Float64Array | undefined;
      if (correlate) {
        correlation = options.into ?? new Float64Array(p);
        copyColumns(correlation, heap.f64(ws.g, p), listedColumns);
      }
      copyColumns(mean, heap.f64(ws.mean, p), listedColumns);
      heap.f64(ws.yc, n).set(yCentered);
      heap.u8(ws.screened, p).fill(1);
      currentTarget = yCentered;
      decideCertificate();
      return correlation;
    },
    correlate(vectors, into, columns) {
      const [v, v2] = vectors;
      ws.correlate(v, ws.g, v2, ws.correlation2, columns);
      // (The gradient slot held stale gradients only: a solve follows a start.)
      residualHolds = false;
      heap.u8(ws.screened, p).fill(1);
      const slots = v2 ? [ws.g, ws.correlation2] : [ws.g];
      return slots.map((slot, k) => {
        const target = into?.[k] ?? new Float64Array(p);
        const computed = heap.f64(slot, p);
        copyColumns(target, computed, columns);
        return target;
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      if (penAddress !== 0) heap.free(penAddress);
      ws.free();
    },
  };
}
