import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { Engine } from '../engine/Engine.js';
import { ConvergenceWarning, SeparationWarning, emitWarning } from '../warnings.js';
import { BinomialNewtonSolver, type BinomialSolveReport } from './binomialNewtonSolver.js';

/** @internal One solve's outcome on the original scale, with the tolerance it had to reach. */
export interface BinomialFit extends BinomialSolveReport {
  coef: Float64Array;
  intercept: number;
  /** The j with coef_j ≠ 0 (increasing), when the solver's certificate knows them. */
  support: Int32Array | undefined;
  /** gapTolerance (certificate 'gap') or the KKT tolerance (certificate 'kkt'). */
  tolerance: number;
}

/**
 * @internal Solves at (λ, α) from the solver's current state and turns the report into a fit (its
 * coefficients written into `coefInto` when given); emits a SeparationWarning or a
 * ConvergenceWarning when the fit is not certified.
 * The tolerances are relative: gap ≤ tol·F(0) (F(0) the intercept-only objective), or for
 * λ = 0 the KKT residual ≤ tol·max_j |g_j(0)| (the gradient scale at w = 0).
 */
export function solveBinomialAt(
  solver: BinomialNewtonSolver, lambda: number, l1Ratio: number, lambdaPrev: number, tol: number, maxNewton: number,
  maxPasses: number, kktScale: () => number, warnWithLambda: boolean, coefInto?: Float64Array,
): BinomialFit {
  const l1 = lambda * l1Ratio;
  const l2 = lambda - l1;
  const gapTolerance = tol * solver.nullObjective;
  const kktTolerance = l1 === 0 && l2 === 0 ? tol * kktScale() : 0;
  const report = solver.solve(l1, l2, lambdaPrev * l1Ratio, gapTolerance, kktTolerance, maxNewton, maxPasses);
  const { coef, intercept, support } = solver.coefficients(coefInto);
  const tolerance = report.certificate === 'gap' ? gapTolerance : kktTolerance;
  if (report.separated) {
    let norm = 0;
    for (let j = 0; j < coef.length; j++) norm += Math.abs(coef[j]!);
    emitWarning(new SeparationWarning(norm, report.loss, lambda));
  } else if (!report.converged) {
    const reached = report.certificate === 'gap' ? report.gap : report.kktResidual;
    emitWarning(new ConvergenceWarning(reached, tolerance, report.newtonIterations, warnWithLambda ? lambda : undefined, 'proximal Newton', report.certificate));
  }
  return { ...report, coef, intercept, support, tolerance };
}

/** @internal Opens a solver on validated data. */
export function openBinomialSolver(
  engine: Engine, X: DesignMatrix, y01: Float64Array, weights: Float64Array | undefined, fitIntercept: boolean, standardize: boolean,
): BinomialNewtonSolver {
  const nu = weights ?? new Float64Array(X.nRows).fill(1 / X.nRows);
  return new BinomialNewtonSolver(engine, X, y01, nu, fitIntercept, standardize);
}
