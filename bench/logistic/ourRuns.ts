import { performance } from 'node:perf_hooks';
import { LogisticRegression } from '../../src/logistic/LogisticRegression.js';
import { computeLogisticPath, logisticPath, resolveLogisticPathOptions } from '../../src/logistic/logisticPath.js';
import type { RegularizationPath } from '../../src/path/RegularizationPath.js';
import type { EngineName } from '../../src/engine/selectEngine.js';
import { interleaved, median } from '../timing.js';
import type { TextProblem } from './problem.js';

/** One engine's single-λ fit: timing and what the fit reports. */
export interface SingleFitResult {
  engine: EngineName;
  fitIntercept: boolean;
  lambda: number;
  tol: number;
  timesMs: number[];
  medianMs: number;
  newtonIterations: number;
  passesOverX: number;
  /** Duality gap ÷ F(0). */
  relGap: number;
  objective: number;
  nonZeros: number;
  converged: boolean;
  coef: Float64Array;
}

function fitOnce(problem: TextProblem, lambda: number, tol: number, engine: EngineName, fitIntercept: boolean): LogisticRegression {
  return new LogisticRegression({ lambda, tol, engine, fitIntercept }).fit(problem.X, problem.y);
}

function describe(model: LogisticRegression, engine: EngineName, fitIntercept: boolean, lambda: number, tol: number, timesMs: number[]): SingleFitResult {
  const coef = model.coef;
  let nonZeros = 0;
  for (const c of coef) if (c !== 0) nonZeros++;
  return {
    engine, fitIntercept, lambda, tol, timesMs, medianMs: median(timesMs), newtonIterations: model.nIter, passesOverX: model.passesOverX,
    relGap: model.dualGap / (model.gapTolerance / tol), objective: model.objective, nonZeros, converged: model.converged, coef,
  };
}

/**
 * Single-λ fits `new LogisticRegression({ lambda, tol, engine, fitIntercept }).fit(X, y)` from
 * w = 0 for each engine, alternating (bench/timing.ts `interleaved`), median of the runs.
 */
export function timeSingleFits(
  problem: TextProblem, lambda: number, tol: number, engines: readonly EngineName[], fitIntercept: boolean,
  policy: { minReps: number; maxReps: number; budgetMs: number },
): SingleFitResult[] {
  const models: (LogisticRegression | undefined)[] = engines.map(() => undefined);
  const samples = interleaved(
    engines.map((engine, i) => ({ run: () => { models[i] = fitOnce(problem, lambda, tol, engine, fitIntercept); }, warmupRuns: 0 })),
    policy,
  );
  return engines.map((engine, i) => describe(models[i]!, engine, fitIntercept, lambda, tol, samples[i]!.samples));
}

/** Our path on the shared grid at one tol (or one per λ) and engine. */
export interface PathRunResult {
  engine: EngineName;
  /** The tol, or NaN when each λ had its own (`tolerances`). */
  tol: number;
  timesMs: number[];
  medianMs: number;
  /** λ solved (the grid's first `solved`). */
  solved: number;
  gridLength: number;
  /** Σ passes over X. */
  passes: number;
  /** Σ Newton iterations. */
  newtonIterations: number;
  /** Duality gap ÷ F(0) per λ. */
  relGaps: Float64Array;
  maxRelGap: number;
  notConverged: number;
  maxDf: number;
  path: RegularizationPath;
}

/**
 * `logisticPath(X, y, { lambdas, tol, engine })` (intercept, L1) timed `reps` times; the grid is
 * explicit, so every λ is solved (no early stop). With `tol` an array, λ_k is solved to tol[k]
 * (the same path machinery, computeLogisticPath, with a tolerance per λ: matching another solver's
 * accuracy λ by λ).
 */
export function timeLogisticPath(
  problem: TextProblem, grid: Float64Array, tol: number | Float64Array, engine: EngineName, reps: number, log: (m: string) => void,
): PathRunResult {
  const timesMs: number[] = [];
  let path: RegularizationPath | undefined;
  const perLambda = typeof tol !== 'number';
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    if (perLambda) {
      // (What logisticPath does after validating: the labels are already 0/1.)
      const { resolved, maxPasses } = resolveLogisticPathOptions({ lambdas: grid, tol: 1, engine });
      path = computeLogisticPath(problem.X, problem.y, resolved, maxPasses, { tolerances: tol });
    } else path = logisticPath(problem.X, problem.y, { lambdas: grid, tol, engine });
    timesMs.push(performance.now() - t0);
  }
  const p = path!;
  // gapTolerance = tol·F(0) (tol 1 for the per-λ run).
  const f0 = perLambda ? p.gapTolerance : p.gapTolerance / tol;
  const relGaps = Float64Array.from(p.dualGaps, (g) => g / f0);
  const result: PathRunResult = {
    engine, tol: perLambda ? NaN : tol, timesMs, medianMs: median(timesMs), solved: p.length, gridLength: grid.length,
    passes: p.passesOverX.reduce((a, b) => a + b, 0), newtonIterations: p.nIters.reduce((a, b) => a + b, 0),
    relGaps, maxRelGap: Math.max(...relGaps), notConverged: p.converged.filter((c) => !c).length, maxDf: Math.max(...p.df), path: p,
  };
  log(`  ${engine} path tol ${perLambda ? 'per λ' : tol.toExponential(1)}: ${(result.medianMs / 1000).toFixed(2)} s (runs ${timesMs.map((t) => (t / 1000).toFixed(2)).join(', ')}), ` +
    `${result.passes.toFixed(0)} passes, ${result.newtonIterations} Newton its, max gap/F(0) ${result.maxRelGap.toExponential(1)}, max df ${result.maxDf}`);
  return result;
}
