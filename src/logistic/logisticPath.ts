import { toDesignMatrix, type DesignMatrix, type MatrixInput } from '../matrix/DesignMatrix.js';
import { selectEngine } from '../engine/selectEngine.js';
import { resolvePathOptions, type PathOptions, type ResolvedPathOptions } from '../path/elasticNetPath.js';
import { lambdaGrid } from '../path/lambdaGrid.js';
import type { RegularizationPath } from '../path/RegularizationPath.js';
import { PathRecorder } from '../path/PathRecorder.js';
import { checkInteger, toSampleWeights } from '../validation.js';
import { toBinaryLabels } from './binaryLabels.js';
import { openBinomialSolver, solveBinomialAt } from './fitBinomial.js';
import type { BinomialNewtonSolver } from './binomialNewtonSolver.js';

/** Options of {@link logisticPath}: those of {@link enetPath}, with logistic meanings where noted. */
export interface LogisticPathOptions extends PathOptions {
  /** α ∈ (0, 1]. Default 1 (L1, glmnet's default). */
  l1Ratio?: number;
  /** Maximum proximal Newton iterations per λ. Default 100. */
  maxIter?: number;
  /** Maximum coordinate passes per λ, summed over its Newton iterations. Default 100000. */
  maxPasses?: number;
}


/**
 * @internal The logistic path on validated data, optionally under observation weights (a
 * cross-validation fold's are 0 on its held-out rows); `onSolved` sees the solver after each λ.
 */
export function computeLogisticPath(
  X: DesignMatrix, y01: Float64Array, options: ResolvedPathOptions, maxPasses: number,
  extra: {
    weights?: Float64Array; onSolved?: (k: number, solver: BinomialNewtonSolver) => void;
    /** A relative tolerance per λ of options.lambdas instead of options.tol (benchmarks matching another solver λ by λ). */
    tolerances?: Float64Array;
  } = {},
): RegularizationPath {
  const { l1Ratio, fitIntercept, standardize, tol } = options;
  const solver = openBinomialSolver(selectEngine(options.engine), X, y01, extra.weights, fitIntercept, standardize);
  try {
    const p = X.nCols;
    const gradientMax = solver.gradientMaxAtZero();
    const lambdaMax = l1Ratio > 0 ? gradientMax / l1Ratio : Infinity;
    const generated = options.lambdas === undefined;
    const lambdas = options.lambdas ?? lambdaGrid(lambdaMax, options.nLambda, options.lambdaMinRatio ?? (X.nRows < p ? 1e-2 : 1e-4));
    const K = lambdas.length;
    const recorder = new PathRecorder(lambdas, generated && options.earlyStop);
    let lambdaPrev = lambdaMax;
    // (The recorder keeps each λ's non-zeros: one coefficient buffer serves every λ.)
    const coef = new Float64Array(p);
    for (let k = 0; k < K; k++) {
      const lambda = lambdas[k]!;
      const fit = solveBinomialAt(
        solver, lambda, l1Ratio, Math.min(lambdaPrev, lambdaMax), extra.tolerances?.[k] ?? tol, options.maxIter, maxPasses, () => gradientMax, true, coef,
      );
      lambdaPrev = lambda;
      recorder.record({
        coef: fit.coef, support: fit.support, intercept: fit.intercept,
        // Explained deviance 1 − D/D₀ (D = 2n·Σν·ℓ), as glmnet's dev.ratio.
        devRatio: solver.nullObjective > 0 ? Math.min(1, Math.max(0, 1 - fit.loss / solver.nullObjective)) : 0,
        certificate: fit.certificate === 'gap' ? fit.gap : fit.kktResidual,
        iterations: fit.newtonIterations, passesOverX: fit.columnVisits / p, converged: fit.converged,
      });
      extra.onSolved?.(k, solver);
      if (fit.separated || recorder.shouldStopEarly()) break;
    }
    return recorder.build({ l1Ratio, lambdaMax, gapTolerance: tol * solver.nullObjective, nFeatures: p });
  } finally {
    solver.dispose();
  }
}

/** @internal Path options for logistic models: enetPath's, with α defaulting to 1 and maxIter to 100 Newton iterations. */
export function resolveLogisticPathOptions(options: LogisticPathOptions): { resolved: ResolvedPathOptions; maxPasses: number } {
  const o = options ?? {};
  const resolved = resolvePathOptions({ ...o, maxIter: o.maxIter ?? 100 }, 1);
  return { resolved, maxPasses: checkInteger('maxPasses', o.maxPasses ?? 100000, 1) };
}

/**
 * The regularization path of penalized logistic regression (see {@link LogisticRegression} for
 * the objective): solutions for a decreasing λ grid (default 100 values from λ_max down to
 * λ_max·lambdaMinRatio), each warm-started from the last, each certified by its duality gap.
 *
 *   λ_max = max_j |x̃_jᵀ ν∘(y − ȳ)| / α,   ȳ = Σ ν_i y_i
 *
 * (the gradient at w = 0 with the optimal intercept logit(ȳ)). Per λ, the proximal Newton steps
 * run the screened working-set coordinate descent of {@link enetPath} on their least-squares
 * models (strong rule from the previous λ, KKT checks, gap-safe screening). `devRatio` is the
 * fraction of the null deviance explained (glmnet's `dev.ratio`); a generated grid stops early as
 * glmnet's does, and a path stops at the first λ where the classes separate (a
 * {@link SeparationWarning}). glmnet: `glmnet(x, y, family = "binomial", alpha)`.
 *
 * @throws {InvalidParameterError} bad options or labels (see {@link toBinaryLabels}).
 * @example
 * ```ts
 * const path = logisticPath(X, labels, { nLambda: 50 });
 * path.lambdas; path.df; path.coefAt(path.length - 1); path.dualGaps;
 * ```
 */
export function logisticPath(X: MatrixInput, y: ArrayLike<unknown>, options: LogisticPathOptions = {}): RegularizationPath {
  const { resolved, maxPasses } = resolveLogisticPathOptions(options);
  const { matrix, owned } = toDesignMatrix(X);
  try {
    const n = matrix.nRows;
    const { y01 } = toBinaryLabels(y, n);
    const weights = options.sampleWeight === undefined ? undefined : toSampleWeights(options.sampleWeight, n);
    const solved = options.onLambdaSolved;
    const nLambda = resolved.lambdas?.length ?? resolved.nLambda;
    return computeLogisticPath(matrix, y01, resolved, maxPasses, {
      ...(weights ? { weights } : {}),
      ...(solved ? { onSolved: (k: number) => solved(k, nLambda) } : {}),
    });
  } finally {
    if (owned) matrix.dispose();
  }
}
