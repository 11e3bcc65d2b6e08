import { Lasso } from '../src/estimators/Lasso.js';
import type { EngineName } from '../src/engine/selectEngine.js';
import type { Problem } from './problems.js';

/** Settings shared by both engines' full fits. */
export interface FitSettings {
  lambda: number;
  tol: number;
  maxIter: number;
}

/** What one full fit produced. */
export interface FitOutcome {
  coef: Float64Array;
  intercept: number;
  epochs: number;
  dualGap: number;
  gapTolerance: number;
  converged: boolean;
  objective: number;
  nonZeros: number;
}

/**
 * A full Lasso fit through the public estimator (`new Lasso({...}).fit(X, y)`), from w = 0,
 * with the given engine. Everything the estimator does is timed: y centring, column
 * statistics (one pass over X), the CD epochs and gap checks, copying results out. The
 * one-time upload of X into WASM memory is not (the matrix's resident copy is reused).
 */
export function fullFit(problem: Problem, engine: EngineName, settings: FitSettings): FitOutcome {
  const model = new Lasso({ lambda: settings.lambda, tol: settings.tol, maxIter: settings.maxIter, engine }).fit(problem.X, problem.y);
  const coef = model.coef;
  let nonZeros = 0;
  for (const c of coef) if (c !== 0) nonZeros++;
  return {
    coef,
    intercept: model.intercept,
    epochs: model.nIter,
    dualGap: model.dualGap,
    gapTolerance: model.gapTolerance,
    converged: model.converged,
    objective: model.objective,
    nonZeros,
  };
}

/** max_j |a_j − b_j|. */
export function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let j = 0; j < a.length; j++) m = Math.max(m, Math.abs(a[j]! - b[j]!));
  return m;
}
