import type { ElasticNetSession, SessionRequest, SolveReport } from './Engine.js';
import { clipToBounds, copyColumns, hasUnpenalizedFeature, positiveRowFlags, samePositiveRows, setDualProjection, toPenaltyBlock } from './Engine.js';
import { columnStats, keepFixedScales, weightedColumnStats } from '../reference/columnStats.js';
import { elasticNetResidual } from '../reference/coordinateDescent.js';
import { elasticNetGradientAndGap, gapFromGradients, weightedRss } from '../reference/elasticNetDualGap.js';
import { elasticNetSolveScreened } from '../reference/elasticNetSolveScreened.js';
import { GramCache } from '../reference/gramCache.js';
import { gramColumns } from '../reference/dualProjection.js';
import { usesGramMode } from './gramModeRule.js';
import { linearPredict } from '../model/linearPredict.js';
import type { DesignMatrix } from '../matrix/DesignMatrix.js';

/** @internal An elastic-net session in plain TypeScript (the reference solver; see wasmSession.ts). */
export function openJsSession(request: SessionRequest): ElasticNetSession {
  const { X, fitIntercept, standardize } = request;
  let { yCentered, weights } = request;
  const p = X.nCols;
  const stats = columnStats(X, fitIntercept, standardize, weights);
  const openedInvScale = stats.invScale.slice();
  // Bounds are scaled with the scales at open; reweight keeps those scales (or zeroes a column).
  const pen = toPenaltyBlock(request.penalty, stats.invScale);
  let w: Float64Array = new Float64Array(p);
  let r: Float64Array = Float64Array.from(yCentered);
  const g = new Float64Array(p);
  // Screening flags of the last solve (their gradients are stale), as the kernel's buffer.
  const screened = new Uint8Array(p).fill(1);
  // The last full duality gap known (the kernel keeps it in its out block).
  let lastGap = 0;
  // Covariance mode for small p, as the WASM engine; the cache lives as long as the session.
  let gram = usesGramMode(X.nRows, p) ? new GramCache(X, stats, weights) : undefined;
  let gradientScale = NaN;
  // Column visits of that decision (G̃ columns, the KKT scale's gradient pass), reported by the next start().
  let setupVisits = 0;
  // The certificate: a projected dual point, or the KKT residual with its scale max_j |g_j| at
  // w = 0, r = ỹ (g is overwritten: start() recomputes it).
  const decideCertificate = () => {
    setDualProjection(pen, stats.invScale, (U) => {
      setupVisits += U.length * p;
      return gramColumns(X, stats.mean, stats.invScale, weights, U);
    });
    gradientScale = NaN;
    if (pen?.kkt) {
      setupVisits += p;
      elasticNetGradientAndGap(X, stats, Float64Array.from(yCentered), new Float64Array(p), 0, 0, g, undefined, weights);
      gradientScale = g.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    }
  };
  decideCertificate();
  // The rows the opening weights count (a restricted reweight needs the same ones).
  const positiveRows = weights ? positiveRowFlags(weights) : undefined;
  // The columns of the last reweight when it was restricted to some, else undefined.
  let listedColumns: Int32Array | undefined;
  return {
    nFeatures: p,
    mean: stats.mean,
    invScale: stats.invScale,
    normSqAtOpen: stats.normSqOverN.slice(),
    get certificate() {
      return pen?.kkt ? 'kktResidual' : 'dualityGap';
    },
    get gradientScale() {
      return gradientScale;
    },
    hasUnpenalized: hasUnpenalizedFeature(pen, stats.invScale),
    start(coefScaled, l1, l2): SolveReport {
      if (listedColumns) throw new Error('internal: start after a reweight restricted to some columns (use startFromGradient)');
      w = Float64Array.from(coefScaled);
      clipToBounds(w, pen);
      r = elasticNetResidual(X, stats, yCentered, w);
      screened.fill(0);
      const c = elasticNetGradientAndGap(X, stats, r, w, l1, l2, g, undefined, weights, pen);
      lastGap = c.gap;
      const visits = p + setupVisits;
      setupVisits = 0;
      return { passes: 0, columnVisits: visits, primal: c.primal, dual: c.dual, gap: c.gap, corrMax: c.corrMax, workingSetSize: 0, screened: 0, weightedRss: c.rrW };
    },
    solve(l1, l2, l1Prev, gapTolerance, maxPasses, workingSetOnly = false): SolveReport {
      const s = elasticNetSolveScreened(X, stats, r, w, l1, l2, l1Prev, gapTolerance, maxPasses, g, screened, lastGap, weights, gram, pen, workingSetOnly);
      lastGap = s.gap;
      return {
        passes: s.passes, columnVisits: s.visits, primal: s.primal, dual: s.dual, gap: s.gap, corrMax: s.corrMax,
        workingSetSize: s.workingSetSize, screened: s.screened, weightedRss: s.rrW,
      };
    },
    coefScaled(into) {
      if (!into) return w.slice();
      into.set(w);
      return into;
    },
    residual: () => r.slice(),
    linearPredictor(offset, into) {
      // x̃_j·w_j = (x_j − mean_j)·β_j with β_j = invScale_j·w_j.
      const beta = Float64Array.from(w, (wj, j) => wj * stats.invScale[j]!);
      let b = offset;
      for (let j = 0; j < p; j++) b -= stats.mean[j]! * beta[j]!;
      const eta = linearPredict(X, beta, b);
      if (!into) return eta;
      into.set(eta);
      return into;
    },
    gradient: () => g.slice(),
    startFromGradient(coefScaled, l1, l2, gradient): SolveReport {
      w = Float64Array.from(coefScaled);
      clipToBounds(w, pen);
      r = elasticNetResidual(X, stats, yCentered, w);
      // Every gradient is known now, or after a restricted reweight the listed columns' only.
      screened.fill(listedColumns ? 1 : 0);
      if (listedColumns) for (const j of listedColumns) screened[j] = 0;
      copyColumns(g, gradient, listedColumns);
      const c = gapFromGradients(stats, w, l1, l2, g, listedColumns, listedColumns?.length ?? p, weightedRss(r, weights), pen);
      lastGap = c.gap;
      const visits = setupVisits;
      setupVisits = 0;
      return { passes: 0, columnVisits: visits, primal: c.primal, dual: c.dual, gap: c.gap, corrMax: c.corrMax, workingSetSize: 0, screened: 0, weightedRss: c.rrW };
    },
    reweight(newWeights, newTarget, options = {}) {
      if (!weights) throw new Error('internal: reweight needs a session opened with weights');
      const { correlate } = options;
      // (With penalty options every column's statistics stay current: their certificate may need any.)
      const columns = pen ? undefined : options.columns;
      weights = newWeights;
      yCentered = newTarget;
      const { stats: next, correlations } = weightedColumnStats(X, fitIntercept, standardize, weights, correlate ? [correlate] : []);
      keepFixedScales(next.invScale, next.normSqOverN, openedInvScale);
      // As the kernel: with IRLS weights (the rows the scales were computed under) and a list,
      // only the listed columns' statistics change; the others keep their stale ones.
      listedColumns = columns && samePositiveRows(weights, positiveRows) ? columns.slice() : undefined;
      const update = (target: Float64Array, source: Float64Array) => copyColumns(target, source, listedColumns);
      update(stats.mean, next.mean);
      update(stats.invScale, next.invScale);
      update(stats.colSum, next.colSum);
      update(stats.normSqOverN, next.normSqOverN);
      if (gram) gram = new GramCache(X, stats, weights);
      screened.fill(1);
      decideCertificate();
      const correlation = correlations[0];
      if (!correlation) return undefined;
      const target = options.into ?? new Float64Array(p);
      copyColumns(target, correlation, listedColumns);
      return target;
    },
    correlate(vectors, into, columns) {
      return vectors.map((v, k) => rawCorrelations(X, v, stats.invScale, into?.[k] ?? new Float64Array(p), columns));
    },
    dispose() {},
  };
}

/**
 * out_j = Σ_i v_i·x_ij over the raw columns (0 where invScale_j = 0, an excluded column), for
 * every column or only the listed ones (the others' entries left as they are); returns out.
 */
function rawCorrelations(X: DesignMatrix, v: Float64Array, invScale: Float64Array, out: Float64Array, columns?: Int32Array): Float64Array {
  const n = X.nRows;
  const s = X.storage;
  const count = columns ? columns.length : X.nCols;
  for (let k = 0; k < count; k++) {
    const j = columns ? columns[k]! : k;
    if (invScale[j] === 0) {
      out[j] = 0;
      continue;
    }
    let sum = 0;
    if (s instanceof Float64Array) for (let i = 0; i < n; i++) sum += s[j * n + i]! * v[i]!;
    else for (let k = s.indptr[j]!; k < s.indptr[j + 1]!; k++) sum += s.data[k]! * v[s.indices[k]!]!;
    out[j] = sum;
  }
  return out;
}
