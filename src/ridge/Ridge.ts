import type { MatrixInput } from '../matrix/DesignMatrix.js';
import type { EngineName } from '../engine/selectEngine.js';
import { checkBoolean, checkInteger, checkNonNegative, checkOneOf, checkPositive } from '../validation.js';
import type { RidgeTargetInput } from './ridgeInputs.js';
import { FittedRidgeEstimator, type CertifiedRidgeFit } from './FittedRidgeEstimator.js';
import { withRidgeFitData } from './withRidgeFitData.js';
import { chooseRidgeSolver, type RidgeSolverOption } from './chooseRidgeSolver.js';
import { toOriginalScale, withPreparedRidge } from './fitRidgeProblem.js';
import { solveCholesky } from './solveCholesky.js';
import { RidgeDecomposition } from './RidgeDecomposition.js';
import { solveConjugateGradient } from './solveConjugateGradient.js';
import { solveCoordinateDescent } from './solveCoordinateDescent.js';
import type { RidgeForm, RidgeSolution, RidgeSolverName } from './RidgeSolution.js';
import type { PreparedRidge } from './PreparedRidge.js';

const RIDGE_SOLVERS = ['auto', 'cholesky', 'eigen', 'svd', 'cg', 'cd'] as const;

/** Options of {@link Ridge}. */
export interface RidgeOptions {
  /** Penalty strength λ ≥ 0 in (1/(2n))‖y − b − Xw‖² + (λ/2)‖w‖². scikit-learn's Ridge `alpha` = n·λ. */
  lambda: number;
  /** Fit an unpenalized intercept b. Default true. */
  fitIntercept?: boolean;
  /**
   * Penalize the coefficients of standardized columns (glmnet's `standardize = TRUE`: divide by the
   * centred 1/n standard deviation; coefficients returned on the original scale; constant columns get 0).
   * Default false.
   */
  standardize?: boolean;
  /**
   * `'auto'` (default): `'cholesky'` for a dense X, `'cg'` for a CscMatrix. `'cholesky'` factors
   * XᵀX/n + λI when p ≤ n and XXᵀ/n + λI when p > n; `'eigen'` (alias `'svd'`) decomposes the same
   * matrix once; `'cg'` runs conjugate gradient without forming XᵀX; `'cd'` runs the library's
   * coordinate descent (ElasticNet with l1Ratio 0; no observation weights).
   */
  solver?: RidgeSolverOption;
  /** Relative gradient tolerance: converged when ‖∇F(w)‖₂ ≤ tol·‖∇F(0)‖₂. Default 1e-10. */
  tol?: number;
  /** Iteration budget of `'cg'` (iterations per target) and `'cd'` (epochs per target). Default 10000. */
  maxIter?: number;
  /** `'wasm'` (default) or `'js'` (the pure-TypeScript reference). */
  engine?: EngineName;
}

/** Options of one {@link Ridge.fit} call. */
export interface RidgeFitOptions {
  /**
   * Observation weights (n numbers ≥ 0, positive sum), normalized internally to v = w/Σw, giving the
   * objective ½Σᵢ vᵢ(yᵢ − b − xᵢᵀw)² + (λ/2)‖w‖², which is the unweighted one for equal weights.
   * Means and standard deviations (intercept, `standardize`) are weighted too. Not supported by `'cd'`.
   */
  sampleWeight?: ArrayLike<number>;
}

interface FittedRidge extends CertifiedRidgeFit {
  nIter: number;
  objective: number;
  solver: RidgeSolverName;
  form: RidgeForm | undefined;
  dualGap: number | undefined;
}

/**
 * Ridge regression (L2 penalty) with direct, spectral, conjugate-gradient or coordinate-descent solvers.
 *
 * Minimizes over w and an unpenalized intercept b (DESIGN.md §1 at α = 0):
 *
 *   F(w, b) = (1/(2n))·‖y − b − Xw‖² + (λ/2)·‖w‖²
 *
 * (with `standardize`, the penalty is on the standardized coefficients; with `sampleWeight`,
 * ½Σ vᵢ rᵢ² replaces the first term, Σv = 1). scikit-learn: `Ridge(alpha = n·λ)`; glmnet (which
 * rescales y by its sd s_y): `glmnet(x, y, alpha = 0, lambda = λ·s_y, standardize = FALSE)`.
 *
 * Every fit is certified by the relative gradient norm ‖∇F(w)‖/‖∇F(0)‖, computed from the data at
 * the returned solution; `converged` is that ≤ `tol`, otherwise a {@link RidgeConvergenceWarning} is emitted.
 *
 * Several targets: pass Y as a DenseMatrix (n×k) or as rows of k numbers; `coef` is then p×k column-major
 * (target t's coefficients at t·p … t·p + p − 1), `intercepts` has k entries, and the direct solvers
 * share one factorization among all targets.
 *
 * @example
 * ```ts
 * import { init, Ridge } from 'l1l2';
 * await init();
 * const model = new Ridge({ lambda: 0.1 }).fit([[0, 1], [1, 0], [2, 2], [3, 1]], [1, 2, 5, 5]);
 * model.coef; model.intercept; model.relativeGradient; model.converged; // true
 * model.predict([[4, 4]]);
 * ```
 */
export class Ridge extends FittedRidgeEstimator<FittedRidge> {
  readonly lambda: number;
  readonly fitIntercept: boolean;
  readonly standardize: boolean;
  readonly solver: RidgeSolverOption;
  readonly tol: number;
  readonly maxIter: number;
  readonly engine: EngineName;

  /**
   * @throws {InvalidParameterError} λ negative or not finite, tol ≤ 0, maxIter not a positive integer,
   *   a non-boolean flag, an unknown solver or engine.
   */
  constructor(options: RidgeOptions) {
    super();
    const o = (options ?? {}) as Partial<RidgeOptions>;
    this.lambda = checkNonNegative('lambda', o.lambda);
    this.fitIntercept = checkBoolean('fitIntercept', o.fitIntercept ?? true);
    this.standardize = checkBoolean('standardize', o.standardize ?? false);
    this.solver = checkOneOf('solver', o.solver ?? 'auto', RIDGE_SOLVERS);
    this.tol = checkPositive('tol', o.tol ?? 1e-10);
    this.maxIter = checkInteger('maxIter', o.maxIter ?? 10000, 1);
    this.engine = checkOneOf('engine', o.engine ?? 'wasm', ['wasm', 'js'] as const);
  }

  /**
   * Fits the model. X: a DenseMatrix, a CscMatrix or an array of rows; y: n numbers, or Y with k targets
   * (DenseMatrix n×k or n rows of k numbers). Inputs are validated before any work and never modified.
   * @throws {ShapeMismatchError} y's or sampleWeight's length differs from X's rows; ragged rows.
   * @throws {EmptyDataError} X or y is empty.
   * @throws {NonFiniteValueError} NaN or ±Infinity in X, y or sampleWeight.
   * @throws {InvalidParameterError} a negative weight or weights summing to 0.
   * @throws {WasmMemoryLimitError} the problem (or a direct solver's m×m matrices) cannot fit in 4 GiB.
   */
  fit(X: MatrixInput, y: RidgeTargetInput, options: RidgeFitOptions = {}): this {
    withRidgeFitData(X, y, options, this.fitIntercept, this.standardize, (data) => {
      const { solver, form } = chooseRidgeSolver(this.solver, data.X, false);
      const { result, engineUsed } = withPreparedRidge(this.engine, data, form, (prep) => {
        const solution = this.#solve(prep, data.Y, solver, form);
        return { solution, ...toOriginalScale(prep, solution.W, this.fitIntercept) };
      });
      const { solution, coef, intercepts } = result;
      this.certify(solution, this.tol, {
        coef, intercepts,
        nIter: solution.nIter, objective: solution.certificate.objective,
        solver: solution.solver, form: solution.form, dualGap: solution.dualGap, engine: engineUsed,
      });
    });
    return this;
  }

  #solve(prep: PreparedRidge, Y: Float64Array, solver: RidgeSolverName, form: RidgeForm | undefined): RidgeSolution {
    switch (solver) {
      case 'cholesky': return solveCholesky(prep, this.lambda, this.tol, form!);
      case 'eigen': return RidgeDecomposition.of(prep, form!).solve(this.lambda, this.tol);
      case 'cg': return solveConjugateGradient(prep, this.lambda, this.tol, this.maxIter);
      case 'cd': return solveCoordinateDescent(prep, Y, this.lambda, this.tol, this.maxIter, this.fitIntercept, this.standardize, this.engine);
    }
  }

  /** Number of targets k. */
  get nTargets(): number {
    return this.fittedState('nTargets').intercepts.length;
  }

  /** Iterative-refinement steps (cholesky, eigen), CG iterations or CD epochs (summed over targets). */
  get nIter(): number {
    return this.fittedState('nIter').nIter;
  }

  /** F at the solution, summed over targets (in the standardized space with `standardize`). */
  get objective(): number {
    return this.fittedState('objective').objective;
  }

  /** The solver that ran (`'auto'` resolved). */
  get solverUsed(): RidgeSolverName {
    return this.fittedState('solverUsed').solver;
  }

  /** `'primal'` (p×p system) or `'dual'` (n×n) for the direct solvers; undefined for cg and cd. */
  get form(): RidgeForm | undefined {
    return this.fittedState('form').form;
  }

  /** Solver `'cd'` only: the largest duality gap over targets (undefined otherwise). */
  get dualGap(): number | undefined {
    return this.fittedState('dualGap').dualGap;
  }
}
