import type { MatrixInput } from '../matrix/DesignMatrix.js';
import type { EngineName } from '../engine/selectEngine.js';
import { checkBoolean, checkInteger, checkOneOf, checkPositive } from '../validation.js';
import { InvalidParameterError } from '../errors.js';
import { assignFolds } from '../cv/foldAssignment.js';
import { toLambdaGrid, type RidgeTargetInput } from './ridgeInputs.js';
import { FittedRidgeEstimator, type CertifiedRidgeFit } from './FittedRidgeEstimator.js';
import { withRidgeFitData } from './withRidgeFitData.js';
import { toOriginalScale, withPreparedRidge, type RidgeProblemData } from './fitRidgeProblem.js';
import { RidgeDecomposition } from './RidgeDecomposition.js';
import { solveCholesky } from './solveCholesky.js';
import { smootherScores } from './leaveOneOut.js';
import { weightedColumnStats } from './weightedColumnStats.js';
import type { RidgeForm, RidgeSolution } from './RidgeSolution.js';
import type { RidgeFitOptions } from './Ridge.js';

/** How {@link RidgeCV} scores each λ: exact leave-one-out, generalized CV, or K-fold CV with K folds. */
export type RidgeCVMode = 'loo' | 'gcv' | number;

/** Options of {@link RidgeCV}. */
export interface RidgeCVOptions {
  /**
   * The λ grid (each > 0). Default: 50 values geometrically spaced from 10·T down to 1e-6·T, where
   * T = tr(X̃ᵀX̃)/n is the total variance of the (centred, and with `standardize` scaled) columns (= p when standardized).
   */
  lambdas?: ArrayLike<number>;
  /** `'loo'` (default), `'gcv'`, or an integer K ≥ 2 for K-fold cross-validation. */
  cv?: RidgeCVMode;
  /** Default true. */
  fitIntercept?: boolean;
  /** Default false. */
  standardize?: boolean;
  /** Relative gradient tolerance of the final fit. Default 1e-10. */
  tol?: number;
  /** Seed of the K-fold assignment ({@link assignFolds}). Default 0. */
  seed?: number;
  /** Default `'wasm'`. */
  engine?: EngineName;
}

interface FittedRidgeCV extends CertifiedRidgeFit {
  lambda: number;
  lambdas: Float64Array;
  cvScores: Float64Array;
  cvStdErrors: Float64Array | undefined;
  form: RidgeForm;
}

/**
 * Ridge regression with λ chosen by cross-validation over a grid, minimizing at the chosen λ
 *
 *   F(w, b) = (1/(2n))·‖y − b − Xw‖² + (λ/2)·‖w‖².
 *
 * - `cv: 'loo'` (default): exact leave-one-out error for every λ from ONE eigendecomposition (of XᵀX,
 *   or XXᵀ when p > n), with the shortcut e₋ᵢ = (yᵢ − ŷᵢ)/(1 − H_ii) of linear smoothers, as
 *   scikit-learn's RidgeCV. It is exact for leaving sample i's term out of the objective with the same λ
 *   and column scaling (for equal weights: a fit on the other n − 1 samples with λ·n/(n − 1)).
 * - `cv: 'gcv'`: generalized cross-validation, Σvᵢ(yᵢ − ŷᵢ)²/(1 − tr(H)/n)².
 * - `cv: K`: K-fold; each training fold is its own ridge problem (its own 1/n_train, means and, with
 *   `standardize`, scales, as cv.glmnet), solved for every λ by one decomposition per fold; folds from
 *   {@link assignFolds}(n, K, seed). The score is the weighted mean squared out-of-fold error.
 * The λ with the smallest score (the larger λ on ties) is refitted on all data and certified.
 *
 * @example
 * ```ts
 * import { init, RidgeCV } from 'l1l2';
 * await init();
 * const model = new RidgeCV({ lambdas: [0.01, 0.1, 1, 10] }).fit(X, y);
 * model.lambda;   // the chosen λ
 * model.cvScores; // LOO mean squared error per λ
 * ```
 */
export class RidgeCV extends FittedRidgeEstimator<FittedRidgeCV> {
  readonly lambdas: Float64Array | undefined;
  readonly cv: RidgeCVMode;
  readonly fitIntercept: boolean;
  readonly standardize: boolean;
  readonly tol: number;
  readonly seed: number;
  readonly engine: EngineName;

  /**
   * @throws {InvalidParameterError} a λ ≤ 0 or not finite, an empty grid, cv not 'loo', 'gcv' or an
   *   integer ≥ 2, tol ≤ 0, seed not an integer in [0, 2³²), a non-boolean flag or an unknown engine.
   */
  constructor(options: RidgeCVOptions = {}) {
    super();
    const o = (options ?? {}) as RidgeCVOptions;
    this.lambdas = o.lambdas === undefined ? undefined : toLambdaGrid(o.lambdas, true);
    const cv = o.cv ?? 'loo';
    if (!(cv === 'loo' || cv === 'gcv' || (typeof cv === 'number' && Number.isInteger(cv) && cv >= 2))) {
      throw new InvalidParameterError('cv', `cv must be 'loo', 'gcv' or an integer number of folds ≥ 2, got ${String(cv)}`);
    }
    this.cv = cv;
    this.fitIntercept = checkBoolean('fitIntercept', o.fitIntercept ?? true);
    this.standardize = checkBoolean('standardize', o.standardize ?? false);
    this.tol = checkPositive('tol', o.tol ?? 1e-10);
    this.seed = checkInteger('seed', o.seed ?? 0, 0);
    if (this.seed >= 2 ** 32) throw new InvalidParameterError('seed', `seed must be an integer in [0, 2^32), got ${this.seed}`);
    this.engine = checkOneOf('engine', o.engine ?? 'wasm', ['wasm', 'js'] as const);
  }

  /**
   * Scores every λ, then refits at the best one. Same inputs and errors as {@link Ridge.fit}; also
   * @throws {InvalidParameterError} K-fold with K > n.
   */
  fit(X: MatrixInput, y: RidgeTargetInput, options: RidgeFitOptions = {}): this {
    withRidgeFitData(X, y, options, this.fitIntercept, this.standardize, (data) => {
      const n = data.X.nRows;
      if (typeof this.cv === 'number' && this.cv > n) throw new InvalidParameterError('cv', `cv = ${this.cv} folds but X has only ${n} rows`);
      const form: RidgeForm = data.X.nCols <= n ? 'primal' : 'dual';
      const run = typeof this.cv === 'number' ? this.#kFold(data, this.cv, form) : this.#smoother(data, this.cv, form);
      const { lambdas, cvScores, cvStdErrors, best, solution, coef, intercepts, engineUsed } = run;
      this.certify(solution, this.tol, {
        lambda: lambdas[best]!, lambdas, cvScores, cvStdErrors, coef, intercepts, form: solution.form ?? form, engine: engineUsed,
      });
    });
    return this;
  }

  /** The given grid, or the default one from the column variances (weighted, on the full data). */
  #grid(data: RidgeProblemData): Float64Array {
    if (this.lambdas) return this.lambdas;
    const stats = weightedColumnStats(data.X, data.v, data.fitIntercept, data.standardize);
    let trace = 0;
    for (const d of stats.diagGram) trace += d;
    if (!(trace > 0)) trace = 1;
    return Float64Array.from({ length: 50 }, (_, l) => 10 * trace * 10 ** ((-7 * l) / 49));
  }

  #smoother(data: RidgeProblemData, mode: 'loo' | 'gcv', form: RidgeForm) {
    const { result, engineUsed } = withPreparedRidge(this.engine, data, form, (prep) => {
      const lambdas = this.#grid(data);
      const decomposition = RidgeDecomposition.of(prep, form);
      const cvScores = smootherScores(prep, decomposition, lambdas, mode, data.v, this.fitIntercept);
      const best = argminPreferLarger(cvScores, lambdas);
      const solution = decomposition.solve(lambdas[best]!, this.tol);
      return { lambdas, cvScores, best, solution, ...toOriginalScale(prep, solution.W, this.fitIntercept) };
    });
    return { ...result, cvStdErrors: undefined, engineUsed };
  }

  #kFold(data: RidgeProblemData, K: number, form: RidgeForm) {
    const { X, Y, k, v } = data;
    const n = X.nRows;
    const folds = assignFolds(n, K, this.seed);
    const grid = this.#grid(data);
    const L = grid.length;
    const foldError = new Float64Array(K * L);
    const foldWeight = new Float64Array(K);
    for (let f = 0; f < K; f++) {
      let trainWeight = 0;
      for (let i = 0; i < n; i++) if (folds[i] !== f) trainWeight += v[i]!;
      const vTrain = v.map((vi, i) => (folds[i] === f ? 0 : vi / trainWeight));
      const test = Float64Array.from(folds, (g) => (g === f ? 1 : 0));
      for (let i = 0; i < n; i++) if (folds[i] === f) foldWeight[f]! += v[i]!;
      withPreparedRidge(this.engine, { ...data, v: vTrain }, form, (prep) => {
        const be = prep.backend;
        const decomposition = RidgeDecomposition.of(prep, form);
        const testHandle = be.bind({ ...prep.design, rowScale: test });
        const w = be.alloc(prep.p);
        const out = be.alloc(n);
        grid.forEach((lambda, l) => {
          const W = decomposition.coefficientsOf(decomposition.stateAt(lambda));
          let err = 0;
          for (let t = 0; t < k; t++) {
            be.write(w, W.subarray(t * prep.p, (t + 1) * prep.p));
            be.applyZ(testHandle, w, out);
            const centred = be.read(out);
            for (let i = 0; i < n; i++) {
              if (folds[i] !== f) continue;
              const e = Y[t * n + i]! - prep.yMean[t]! - centred[i]!;
              err += v[i]! * e * e;
            }
          }
          foldError[f * L + l] = err / k;
        });
      });
    }
    const cvScores = new Float64Array(L);
    const cvStdErrors = new Float64Array(L);
    for (let l = 0; l < L; l++) {
      let total = 0;
      const mse: number[] = [];
      for (let f = 0; f < K; f++) {
        total += foldError[f * L + l]!;
        mse.push(foldWeight[f]! > 0 ? foldError[f * L + l]! / foldWeight[f]! : 0);
      }
      cvScores[l] = total;
      const mean = mse.reduce((a, b) => a + b, 0) / K;
      cvStdErrors[l] = Math.sqrt(mse.reduce((a, b) => a + (b - mean) ** 2, 0) / (K - 1) / K);
    }
    const best = argminPreferLarger(cvScores, grid);
    const { result, engineUsed } = withPreparedRidge(this.engine, data, form, (prep) => {
      const solution: RidgeSolution = solveCholesky(prep, grid[best]!, this.tol, form);
      return { solution, ...toOriginalScale(prep, solution.W, this.fitIntercept) };
    });
    return { lambdas: grid, cvScores, cvStdErrors, best, ...result, engineUsed };
  }

  /** The chosen λ. */
  get lambda(): number {
    return this.fittedState('lambda').lambda;
  }

  /** The λ grid that was scored (a copy). */
  get lambdaGrid(): Float64Array {
    return this.fittedState('lambdaGrid').lambdas.slice();
  }

  /** Score per λ of the grid (mean squared LOO / GCV / out-of-fold error, averaged over targets; a copy). */
  get cvScores(): Float64Array {
    return this.fittedState('cvScores').cvScores.slice();
  }

  /** K-fold only: standard error of the per-fold mean squared errors, per λ (undefined for LOO/GCV). */
  get cvStdErrors(): Float64Array | undefined {
    return this.fittedState('cvStdErrors').cvStdErrors?.slice();
  }

  /** The decomposition's form: `'primal'` (p ≤ n) or `'dual'`. */
  get form(): RidgeForm {
    return this.fittedState('form').form;
  }

}

/** Index of the smallest score; among equal scores, the largest λ. NaN scores never win. */
function argminPreferLarger(scores: Float64Array, lambdas: Float64Array): number {
  let best = -1;
  for (let l = 0; l < scores.length; l++) {
    const s = scores[l]!;
    if (Number.isNaN(s)) continue;
    if (best < 0 || s < scores[best]! || (s === scores[best]! && lambdas[l]! > lambdas[best]!)) best = l;
  }
  return Math.max(best, 0);
}
