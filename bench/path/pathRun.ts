import { performance } from 'node:perf_hooks';
import { lassoPath, computePath, resolvePathOptions } from '../../src/path/elasticNetPath.js';
import type { RegularizationPath } from '../../src/path/RegularizationPath.js';
import { Lasso } from '../../src/estimators/Lasso.js';
import { median } from '../timing.js';
import type { PathProblem } from './problems.js';
import type { Suboptimality } from './glmnetCompare.js';

/** Our path at one tolerance on (a prefix of) the shared λ grid. */
export interface PathRunResult {
  /** The relative tolerance (the largest one when `tolerances` is set). */
  tol: number;
  /** A relative tolerance per λ (the λ-by-λ match of glmnet's gaps); absent: `tol` at every λ. */
  tolerances?: Float64Array;
  /** λ solved: the whole grid, or the prefix finished within the cap. */
  solved: number;
  /** Length of the whole grid. */
  gridLength: number;
  /** True when the cap stopped the first run before the end of the grid. */
  capped: boolean;
  /** Wall-clock ms of each timed run over the `solved` λ. */
  timesMs: number[];
  medianMs: number;
  /** Passes over X (column dot products ÷ p) per solved λ. */
  passes: Float64Array;
  /** Σ passes / solved. */
  meanPasses: number;
  /** Σ passes over the solved λ ÷ the whole grid's length: a lower bound of the full path's mean when capped. */
  passesLowerBound: number;
  /** Duality gap ÷ F(0) per solved λ (what `tol` bounds). */
  relGaps: Float64Array;
  maxDf: number;
  converged: boolean;
  /** The last timed path (coefficients, λs). */
  path: RegularizationPath;
  /** Primal suboptimality against the best known objective (set when glmnet ran; see glmnetCompare.ts). */
  subopt?: Suboptimality;
}

class CapReached extends Error {
  constructor(readonly solved: number, readonly elapsedMs: number) {
    super(`cap reached after ${solved} λ`);
  }
}

/** Relative gaps gap/F(0) of a path (gapTolerance = tol·F(0)). */
export function pathRelativeGaps(path: RegularizationPath, tol: number): Float64Array {
  const f0 = path.gapTolerance / tol;
  return Float64Array.from(path.dualGaps, (g) => (f0 > 0 ? g / f0 : 0));
}

/**
 * Times our lasso path (`lassoPath(X, y, { lambdas, tol, earlyStop: false })`) over the shared grid.
 *
 * The first run is a probe through `computePath` (what `lassoPath` calls after validating its
 * inputs), whose per-λ callback stops it once `capMs` have passed (0: no cap). If it finishes,
 * it is the first sample and `reps − 1` more runs of the public `lassoPath` follow. If the cap
 * stops it after K λ, one run of `lassoPath` on the first K λ of the grid follows: the path is
 * sequential (each λ warm-starts from the previous one and never looks ahead), so that run is
 * exactly the full path's first K λ; the probe's time to its K-th λ is the other sample.
 * With a tolerance per λ (`tolerance` a Float64Array over the grid) every run goes through
 * `computePath`, which takes them (the public API has one tol per path).
 * X must already be resident in WASM memory (see {@link makeResident}).
 */
export function timePath(
  problem: PathProblem, grid: Float64Array, tolerance: number | Float64Array, reps: number, capMs: number, log: (m: string) => void,
): PathRunResult {
  const K = grid.length;
  const tolerances = typeof tolerance === 'number' ? undefined : tolerance;
  // With per-λ tolerances, options.tol = 1 makes the path's gapTolerance F(0) (for the relative gaps).
  const tol = tolerances === undefined ? (tolerance as number) : 1;
  const run = (lambdas: Float64Array, onSolved?: (k: number) => void) => tolerances === undefined && onSolved === undefined
    ? lassoPath(problem.X, problem.y, { lambdas, tol, earlyStop: false })
    : computePath(problem.X, problem.y, resolvePathOptions({ lambdas, tol, earlyStop: false }, 1), {
      onSolved, tolerances: tolerances?.subarray(0, lambdas.length),
    });
  const samples: number[] = [];
  let solved = K;
  let capped = false;
  const start = performance.now();
  try {
    run(grid, (k) => {
      const elapsed = performance.now() - start;
      if (capMs > 0 && elapsed > capMs && k + 1 < K) throw new CapReached(k + 1, elapsed);
    });
    samples.push(performance.now() - start);
  } catch (error) {
    if (!(error instanceof CapReached)) throw error;
    solved = error.solved;
    capped = true;
    samples.push(error.elapsedMs);
    log(`  tol ${tolerances === undefined ? tol.toExponential(1) : 'per λ'}: cap of ${(capMs / 1000).toFixed(0)} s reached after ${solved} of ${K} λ; timing that prefix`);
  }
  const lambdas = grid.subarray(0, solved);
  const runs = capped ? 1 : Math.max(0, reps - 1);
  let path: RegularizationPath | undefined;
  for (let r = 0; r < runs || path === undefined; r++) {
    const t0 = performance.now();
    path = run(lambdas);
    const ms = performance.now() - t0;
    if (r < runs) samples.push(ms);
  }
  const passes = path.passesOverX.slice();
  const sumPasses = passes.reduce((a, b) => a + b, 0);
  const result: PathRunResult = {
    tol: tolerances === undefined ? tol : Math.max(...tolerances), tolerances, solved, gridLength: K, capped, timesMs: samples, medianMs: median(samples), passes,
    meanPasses: sumPasses / solved, passesLowerBound: sumPasses / K, relGaps: pathRelativeGaps(path, tol),
    maxDf: Math.max(...path.df), converged: path.converged.every(Boolean), path,
  };
  log(`  tol ${tolerances === undefined ? tol.toExponential(1) : 'per λ'}: ${solved}/${K} λ in ${(result.medianMs / 1000).toFixed(2)} s (runs ${samples.map((s) => (s / 1000).toFixed(2)).join(', ')}), ` +
    `${result.meanPasses.toFixed(2)} passes/λ, max gap/F(0) ${Math.max(...result.relGaps).toExponential(1)}`);
  return result;
}

/** Cold single-λ fits at (a spread subset of) the path's λs. */
export interface ColdFitsResult {
  /** λ indices fitted. */
  indices: number[];
  /** Wall-clock ms of each fitted λ. */
  timesMs: number[];
  /** Estimated time of a cold fit at every one of the `solved` λ: each fitted λ stands for its stratum of `stride` consecutive λs. */
  estimatedTotalMs: number;
  /** 1: every λ was fitted (no extrapolation). */
  stride: number;
  solved: number;
  /** Fits that did not reach the gap tolerance within maxIter. */
  notConverged: number;
  /** Σ passes over X of the fitted λs, scaled like the time. */
  estimatedPasses: number;
}

/**
 * The "no path" baseline: for each λ, `new Lasso({ lambda, tol }).fit(X, y)` from w = 0 (the
 * default `screened` solver, no warm start). With stride m > 1 the λs are split into strata of
 * m consecutive values and the middle λ of each is fitted; the total is extrapolated as
 * Σ time × stratum size (said so in the report).
 */
export function timeColdFits(problem: PathProblem, lambdas: Float64Array, tol: number, stride: number, log: (m: string) => void): ColdFitsResult {
  const indices: number[] = [];
  const timesMs: number[] = [];
  let estimatedTotalMs = 0;
  let estimatedPasses = 0;
  let notConverged = 0;
  const K = lambdas.length;
  for (let lo = 0; lo < K; lo += stride) {
    const hi = Math.min(K, lo + stride);
    const k = lo + ((hi - lo) >> 1);
    const t0 = performance.now();
    const model = new Lasso({ lambda: lambdas[k]!, tol }).fit(problem.X, problem.y);
    const ms = performance.now() - t0;
    indices.push(k);
    timesMs.push(ms);
    estimatedTotalMs += ms * (hi - lo);
    estimatedPasses += model.passesOverX * (hi - lo);
    if (!model.converged) notConverged++;
  }
  log(`  cold fits (tol ${tol.toExponential(1)}, ${indices.length} of ${K} λ): ${(estimatedTotalMs / 1000).toFixed(1)} s estimated for all ${K}` +
    (notConverged > 0 ? `, ${notConverged} not converged` : ''));
  return { indices, timesMs, estimatedTotalMs, stride, solved: K, notConverged, estimatedPasses };
}

/**
 * Makes X resident in WASM memory with its column statistics (a certificate-only fit at
 * λ_max), so no timed run pays the one-time upload. Returns the ms it took.
 */
export function makeResident(problem: PathProblem, lambdaMax: number): number {
  const t0 = performance.now();
  new Lasso({ lambda: lambdaMax, maxIter: 0 }).fit(problem.X, problem.y);
  return performance.now() - t0;
}
