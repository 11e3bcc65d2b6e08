import type { DesignMatrix } from '../matrix/DesignMatrix.js';

/**
 * @internal One elastic-net solve in the centred/scaled space:
 *   minimize (1/(2n))‖ỹ − X̃w̃‖² + l1‖w̃‖₁ + (l2/2)‖w̃‖²
 * where x̃_j = (x_j − mean_j)·invScale_j and ỹ is y centred (when fitting an intercept).
 */
export interface ElasticNetRequest {
  X: DesignMatrix;
  /** y minus its mean when fitting an intercept, else y itself. */
  yCentered: Float64Array;
  fitIntercept: boolean;
  standardize: boolean;
  l1: number;
  l2: number;
  /** Absolute duality-gap tolerance: stop when gap ≤ gapTolerance. */
  gapTolerance: number;
  maxEpochs: number;
  /** Warm start on the original scale of X, or undefined for zeros. */
  initialCoef?: Float64Array | undefined;
  /** Observation weights summing to 1, or undefined for uniform 1/n. */
  weights?: Float64Array | undefined;
}

/** @internal What an engine returns: the solution in the scaled space plus the scaling it used. */
export interface ElasticNetSolution {
  /** Coefficients w̃ of the centred, scaled problem. */
  coefScaled: Float64Array;
  mean: Float64Array;
  invScale: Float64Array;
  epochs: number;
  primal: number;
  dual: number;
  gap: number;
}

/** @internal What a session is opened on: one dataset and setting, resident for many solves. */
export interface SessionRequest {
  X: DesignMatrix;
  /** y minus its (weighted) mean when fitting an intercept, else y itself. */
  yCentered: Float64Array;
  fitIntercept: boolean;
  standardize: boolean;
  /** Observation weights summing to 1, or undefined for uniform 1/n. */
  weights?: Float64Array | undefined;
}

/** @internal The certificate and work counters of one solve (or of the starting point). */
export interface SolveReport {
  /** Coordinate passes run (over the working set or its active part). */
  passes: number;
  /** Column dot products computed; ÷ p = passes over X. */
  columnVisits: number;
  primal: number;
  dual: number;
  gap: number;
  /** max_j |g_j − l2·w_j| (at w = 0: λ_max·α). */
  corrMax: number;
  workingSetSize: number;
  screened: number;
  /** Σ_i ω_i·r_i², the weighted residual sum of squares. */
  weightedRss: number;
}

/**
 * @internal A dataset made resident for a sequence of solves that warm-start each other:
 * a single fit, the λs of a path, one cross-validation fold. The coefficients and
 * residual stay in the engine between calls.
 */
export interface ElasticNetSession {
  readonly nFeatures: number;
  /** Column statistics in use (the back-transform to the original scale needs them). */
  readonly mean: Float64Array;
  readonly invScale: Float64Array;
  /** Sets w (scaled space), recomputes r and every gradient, and certifies the point for (l1, l2). */
  start(coefScaled: Float64Array, l1: number, l2: number): SolveReport;
  /**
   * Solves for (l1, l2) from the current w with the screened working-set solver;
   * l1Prev is the l1 at which the current gradients were computed (strong rule).
   */
  solve(l1: number, l2: number, l1Prev: number, gapTolerance: number, maxPasses: number): SolveReport;
  /** A copy of the current w (scaled space). */
  coefScaled(): Float64Array;
  /** A copy of the current residual r = ỹ − X̃w (every row, held-out ones included). */
  residual(): Float64Array;
  /**
   * A copy of the gradients g_j = Σ_i ω_i·x̃_ij·r_i as `start` computed them (valid until the
   * next `solve` or `reweight`).
   */
  gradient(): Float64Array;
  /**
   * Replaces the observation weights ω and the target ỹ (the proximal Newton solver of logistic
   * regression: one weighted least-squares problem per Newton step over the same resident X).
   * The column means and ‖x̃_j‖²-terms follow the new weights; the column scales stay those the
   * session was opened with (standardization is a property of the data, not of the Newton
   * weights). `mean` is updated in place. Only for sessions opened with weights. Call `start`
   * next: every stored gradient is stale.
   */
  reweight(weights: Float64Array, yCentered: Float64Array): void;
  dispose(): void;
}

/** @internal A coordinate-descent engine: the WASM kernels or the pure-TypeScript reference. */
export interface Engine {
  readonly name: 'wasm' | 'js';
  /** Plain cyclic coordinate descent over all features (the `cyclic` solver). */
  solveElasticNet(request: ElasticNetRequest): ElasticNetSolution;
  openSession(request: SessionRequest): ElasticNetSession;
}

/** @internal Warm start on the original scale → scaled space: w̃_j = w_j / invScale_j (0 for excluded columns). */
export function scaleWarmStart(initialCoef: Float64Array | undefined, invScale: Float64Array, out: Float64Array): void {
  out.fill(0);
  if (!initialCoef) return;
  for (let j = 0; j < out.length; j++) {
    const inv = invScale[j]!;
    out[j] = inv === 0 ? 0 : initialCoef[j]! / inv;
  }
}
