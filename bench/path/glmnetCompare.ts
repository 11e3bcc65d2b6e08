import { performance } from 'node:perf_hooks';
import { median } from '../timing.js';
import { certifyAll } from './certificate.js';
import type { GlmnetRun } from './glmnet.js';
import type { PathProblem } from './problems.js';

/**
 * Relative gaps at or below this are treated as exact (rounding level): glmnet's solution at
 * λ_max is w = 0, optimal with gap 0, and its first few λs (one to a handful of non-zeros) are
 * exact to 1e-14 or so. No positive tolerance can be "at least as accurate" as those, so the
 * strict comparison's tolerance is glmnet's smallest gap above this floor.
 */
export const EXACT_FLOOR = 1e-12;

/** A glmnet run with every solution certified by our duality gap. */
export interface CertifiedGlmnetRun {
  run: GlmnetRun;
  /** gap/F(0) of glmnet's solution at each of its λs. */
  relGaps: Float64Array;
  /** F/F(0) of glmnet's solution (with the optimal intercept) at each of its λs. */
  relObjectives: Float64Array;
  maxGap: number;
  medianGap: number;
  /** max_k |λ_glmnet − λ_grid|/λ_grid for explicit-grid runs (glmnet returns the λs it was given). */
  lambdaMismatch: number;
  certifyMs: number;
  /** Primal suboptimality against the best known objective (explicit-grid runs). */
  subopt?: Suboptimality;
}

/**
 * Certifies every solution of a glmnet run with our duality gap (a `maxIter: 0` Lasso fit
 * from glmnet's coefficients at the same λ; see certificate.ts).
 */
export function certifyGlmnet(problem: PathProblem, run: GlmnetRun, grid: Float64Array): CertifiedGlmnetRun {
  const t0 = performance.now();
  const { relGaps, relObjectives } = certifyAll(problem, run.lambdas, (k) => run.coefAt(k));
  let lambdaMismatch = 0;
  if (run.spec.grid === 'explicit') {
    for (let k = 0; k < run.lambdas.length; k++) lambdaMismatch = Math.max(lambdaMismatch, Math.abs(run.lambdas[k]! - grid[k]!) / grid[k]!);
  }
  return {
    run, relGaps, relObjectives, maxGap: Math.max(...relGaps), medianGap: median(Array.from(relGaps)), lambdaMismatch,
    certifyMs: performance.now() - t0,
  };
}

/** glmnet's smallest relative gap above {@link EXACT_FLOOR}, and where (λ index, non-zeros). */
export function strictTolerance(certified: CertifiedGlmnetRun): { tol: number; k: number; nonZeros: number } {
  let tol = Infinity;
  let at = -1;
  certified.relGaps.forEach((g, k) => {
    if (g > EXACT_FLOOR && g < tol) { tol = g; at = k; }
  });
  let nonZeros = 0;
  if (at >= 0) for (const c of certified.run.coefAt(at)) if (c !== 0) nonZeros++;
  return { tol, k: at, nonZeros };
}

/**
 * The λ-by-λ match (the deciding reading of "at equal or better duality gap"): λ_k's relative
 * tolerance is glmnet's own gap at λ_k, floored at {@link EXACT_FLOOR} (where glmnet is exact
 * to rounding, no positive tolerance can match it).
 */
export function lambdaMatchedTolerances(certified: CertifiedGlmnetRun): Float64Array {
  return Float64Array.from(certified.relGaps, (g) => Math.max(g, EXACT_FLOOR));
}

/** On how many of the λs both solved our gap is ≤ glmnet's (per-λ "equal or better"). */
export function atLeastAsAccurate(ours: Float64Array, theirs: Float64Array): { count: number; compared: number } {
  const compared = Math.min(ours.length, theirs.length);
  let count = 0;
  for (let k = 0; k < compared; k++) if (ours[k]! <= theirs[k]!) count++;
  return { count, compared };
}

/** Solutions at the grid's λs, certified: gap/F(0) and F/F(0) per λ (a prefix of the grid). */
export interface CertifiedSolutions {
  relGaps: Float64Array;
  relObjectives: Float64Array;
}

/** Primal suboptimality of one set of solutions against the best objective any set reached. */
export interface Suboptimality {
  /** max_k (F_k − F_ref,k)/F(0) over the reference λs. */
  max: number;
  median: number;
  /** Reference λs this set has a solution at. */
  count: number;
}

/** The reference is trusted at λ_k when some solution there is certified to this gap/F(0). */
export const REFERENCE_GAP = 1e-7;

/**
 * Duality gaps are upper bounds, and a loose one for solutions with small KKT violations
 * (the dual point is the residual shrunk until feasible). The primal suboptimality
 * F(w) − F* is what a user loses. Here F* is estimated per λ by F_ref = the lowest objective
 * among all the sets' solutions, at the λs where one of them is certified to
 * gap ≤ {@link REFERENCE_GAP}·F(0) (so F* ∈ [F_ref − 1e-7·F(0), F_ref]); each set's
 * (F − F_ref)/F(0) is then its suboptimality to within 1e-7.
 */
export function suboptimality(sets: readonly CertifiedSolutions[]): Suboptimality[] {
  const K = Math.max(...sets.map((s) => s.relGaps.length));
  const reference: number[] = [];
  const refF = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let bestF = Infinity;
    let bestGap = Infinity;
    for (const s of sets) {
      if (k >= s.relGaps.length) continue;
      bestF = Math.min(bestF, s.relObjectives[k]!);
      bestGap = Math.min(bestGap, s.relGaps[k]!);
    }
    refF[k] = bestF;
    if (bestGap <= REFERENCE_GAP) reference.push(k);
  }
  return sets.map((s) => {
    const d = reference.filter((k) => k < s.relGaps.length).map((k) => s.relObjectives[k]! - refF[k]!);
    return { max: d.length ? Math.max(...d) : NaN, median: d.length ? median(d) : NaN, count: d.length };
  });
}
