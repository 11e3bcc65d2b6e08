import { Lasso } from '../../src/estimators/Lasso.js';
import type { ElasticNetSolver } from '../../src/estimators/ElasticNet.js';
import { interleaved, type RepetitionPolicy, type Samples } from '../timing.js';
import type { PathProblem } from './problems.js';

/** What one single-λ fit produced. */
export interface SingleFitOutcome {
  /** Coordinate passes (`cyclic`: full epochs; `screened`: passes over the working set or its active part). */
  nIter: number;
  /** Column dot products ÷ p, gap checks included (NaN for `cyclic`, which does not count them). */
  passesOverX: number;
  relGap: number;
  converged: boolean;
  nonZeros: number;
}

/** `screened` vs `cyclic` at one λ. */
export interface SolverComparison {
  fraction: number;
  lambda: number;
  screened: Samples;
  cyclic: Samples;
  screenedOutcome: SingleFitOutcome;
  cyclicOutcome: SingleFitOutcome;
}

function fitOnce(problem: PathProblem, lambda: number, tol: number, solver: ElasticNetSolver): SingleFitOutcome {
  const model = new Lasso({ lambda, tol, solver }).fit(problem.X, problem.y);
  let nonZeros = 0;
  for (const c of model.coef) if (c !== 0) nonZeros++;
  return {
    nIter: model.nIter,
    passesOverX: model.passesOverX,
    relGap: (model.dualGap / model.gapTolerance) * tol,
    converged: model.converged,
    nonZeros,
  };
}

/**
 * Times `new Lasso({ lambda, tol, solver }).fit(X, y)` from w = 0 with `solver: 'screened'`
 * (the default) and `solver: 'cyclic'`, alternating the two (bench/timing.ts `interleaved`),
 * at λ = fraction·λ_max for each fraction.
 */
export function compareSolvers(
  problem: PathProblem, lambdaMax: number, fractions: readonly number[], tol: number, policy: RepetitionPolicy,
  warmupRuns: number, log: (m: string) => void,
): SolverComparison[] {
  return fractions.map((fraction) => {
    const lambda = fraction * lambdaMax;
    let screenedOutcome: SingleFitOutcome | undefined;
    let cyclicOutcome: SingleFitOutcome | undefined;
    const [screened, cyclic] = interleaved([
      { run: () => { screenedOutcome = fitOnce(problem, lambda, tol, 'screened'); }, warmupRuns },
      { run: () => { cyclicOutcome = fitOnce(problem, lambda, tol, 'cyclic'); }, warmupRuns },
    ], policy);
    log(`  λ = ${fraction}·λ_max: screened ${screened!.medianMs.toFixed(0)} ms, cyclic ${cyclic!.medianMs.toFixed(0)} ms`);
    return { fraction, lambda, screened: screened!, cyclic: cyclic!, screenedOutcome: screenedOutcome!, cyclicOutcome: cyclicOutcome! };
  });
}
