import { toDesignMatrix, type MatrixInput } from '../matrix/DesignMatrix.js';
import type { EngineName } from '../engine/selectEngine.js';
import { emitWarning } from '../warnings.js';
import { checkBoolean, checkInteger, checkOneOf, checkPositive } from '../validation.js';
import { InvalidParameterError } from '../errors.js';
import { toLambdaGrid, toNormalizedWeights, toRidgeTargets, type RidgeTargetInput } from './ridgeInputs.js';
import { chooseRidgeSolver } from './chooseRidgeSolver.js';
import { toOriginalScale, withPreparedRidge } from './fitRidgeProblem.js';
import { RidgeDecomposition } from './RidgeDecomposition.js';
import { solveCholesky } from './solveCholesky.js';
import { solveConjugateGradient } from './solveConjugateGradient.js';
import { RidgeConvergenceWarning } from './RidgeConvergenceWarning.js';
import type { RidgeForm, RidgeSolverName } from './RidgeSolution.js';

/** Options of {@link ridgePath}. */
export interface RidgePathOptions {
  /** The λ grid (each ≥ 0), in any order; results follow this order. Required. */
  lambdas: ArrayLike<number>;
  /** Default true. */
  fitIntercept?: boolean;
  /** Default false (see {@link RidgeOptions.standardize}). */
  standardize?: boolean;
  /**
   * `'auto'` (default): `'eigen'` for a dense X (one decomposition for the whole grid), `'cg'` for a
   * CscMatrix (warm-started along the grid). `'svd'` = `'eigen'`; `'cholesky'` factors once per λ but
   * forms XᵀX (or XXᵀ) once.
   */
  solver?: 'auto' | 'eigen' | 'svd' | 'cholesky' | 'cg';
  /** Relative gradient tolerance of every point. Default 1e-10. */
  tol?: number;
  /** CG iterations per λ and target. Default 10000. */
  maxIter?: number;
  /** Observation weights (see {@link RidgeFitOptions.sampleWeight}). */
  sampleWeight?: ArrayLike<number>;
  /** Default `'wasm'`. */
  engine?: EngineName;
}

/** What {@link ridgePath} returns: one entry per λ, in the order of `lambdas`. */
export interface RidgePathResult {
  lambdas: Float64Array;
  /** coefs[l]: the coefficients at lambdas[l] on X's original scale — p numbers, or p×k column-major for k targets. */
  coefs: Float64Array[];
  /** intercepts[l]: k intercepts at lambdas[l]. */
  intercepts: Float64Array[];
  /** relativeGradients[l] = ‖∇F‖/‖∇F(0)‖ at lambdas[l] (largest over targets), computed from the data. */
  relativeGradients: Float64Array;
  /** Whether every point reached tol. */
  converged: boolean;
  solver: RidgeSolverName;
  form: RidgeForm | undefined;
  engineUsed: EngineName;
}

/**
 * The ridge solutions for a grid of λ, minimizing at each λ
 *
 *   F(w, b) = (1/(2n))·‖y − b − Xw‖² + (λ/2)·‖w‖²
 *
 * For dense X one symmetric eigendecomposition ZᵀZ = QΛQᵀ (or ZZᵀ when p > n) serves the whole
 * grid: w(λ) = Q·diag(1/(Λ + λ))·Qᵀ·Xᵀy/n costs O(p²) per λ instead of a factorization. Each point is
 * certified by its relative gradient norm, computed from the data (with iterative refinement when needed).
 *
 * @throws {InvalidParameterError} lambdas missing, empty, negative or non-finite; bad options.
 * @throws {ShapeMismatchError} / {EmptyDataError} / {NonFiniteValueError} as {@link Ridge.fit}.
 * @example
 * ```ts
 * import { ridgePath } from 'l1l2';
 * const path = ridgePath(X, y, { lambdas: [10, 1, 0.1, 0.01] });
 * path.coefs[2]; // the coefficients at λ = 0.1
 * ```
 */
export function ridgePath(X: MatrixInput, y: RidgeTargetInput, options: RidgePathOptions): RidgePathResult {
  const o = (options ?? {}) as Partial<RidgePathOptions>;
  if (o.lambdas === undefined) throw new InvalidParameterError('lambdas', 'ridgePath needs options.lambdas');
  const lambdas = toLambdaGrid(o.lambdas, false);
  const fitIntercept = checkBoolean('fitIntercept', o.fitIntercept ?? true);
  const standardize = checkBoolean('standardize', o.standardize ?? false);
  const solverOption = checkOneOf('solver', o.solver ?? 'auto', ['auto', 'eigen', 'svd', 'cholesky', 'cg'] as const);
  const tol = checkPositive('tol', o.tol ?? 1e-10);
  const maxIter = checkInteger('maxIter', o.maxIter ?? 10000, 1);
  const engine = checkOneOf('engine', o.engine ?? 'wasm', ['wasm', 'js'] as const);
  const { matrix, owned } = toDesignMatrix(X);
  try {
    const n = matrix.nRows;
    const targets = toRidgeTargets(y, n);
    const { v } = toNormalizedWeights(o.sampleWeight, n);
    const { solver, form } = chooseRidgeSolver(solverOption, matrix, true);
    const data = { X: matrix, Y: targets.Y, k: targets.k, v, fitIntercept, standardize };
    const { result, engineUsed } = withPreparedRidge(engine, data, form, (prep) => {
      const coefs: Float64Array[] = [];
      const intercepts: Float64Array[] = [];
      const relativeGradients = new Float64Array(lambdas.length);
      let nIter = 0;
      const decomposition = solver === 'eigen' ? RidgeDecomposition.of(prep, form!) : undefined;
      // Cholesky: XᵀX (or XXᵀ) is formed once and factored per λ.
      const formed = solver === 'cholesky' ? (form === 'primal' ? prep.backend.gram(prep.handle) : prep.backend.kernelMatrix(prep.handle)) : undefined;
      let warm: Float64Array | undefined;
      lambdas.forEach((lambda, l) => {
        const solution = decomposition
          ? decomposition.solve(lambda, tol)
          : solver === 'cholesky'
            ? solveCholesky(prep, lambda, tol, form!, formed)
            : solveConjugateGradient(prep, lambda, tol, maxIter, warm);
        warm = solution.W;
        nIter += solution.nIter;
        const scaled = toOriginalScale(prep, solution.W, fitIntercept);
        coefs.push(scaled.coef);
        intercepts.push(scaled.intercepts);
        relativeGradients[l] = solution.certificate.relativeGradient;
      });
      return { coefs, intercepts, relativeGradients, nIter };
    });
    const { coefs, intercepts, relativeGradients, nIter } = result;
    const worst = Math.max(...relativeGradients);
    const converged = worst <= tol;
    if (!converged) emitWarning(new RidgeConvergenceWarning(worst, tol, nIter, solver));
    return { lambdas, coefs, intercepts, relativeGradients, converged, solver, form, engineUsed };
  } finally {
    if (owned) matrix.dispose();
  }
}
