import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { PenaltyBlock } from '../reference/penalty.js';
import { freeUnpenalizedFeatures } from '../reference/dualProjection.js';
import { choleskyFactor } from '../reference/penalty.js';
import type { CertificateKind } from '../model/certificateKind.js';

/**
 * @internal Per-feature penalty options of a session (validated; see src/model/penaltyOptions.ts):
 * the penalty becomes Σ_j v_j·(l1|w̃_j| + (l2/2)w̃_j²) subject to lower_j ≤ w_j ≤ upper_j, with the
 * bounds on the ORIGINAL scale of X (w_j = w̃_j·invScale_j). lower = upper = 0 excludes a feature.
 */
export interface SessionPenalty {
  /** v_j ≥ 0, as used (no further rescaling). */
  factor: Float64Array;
  /** lower_j ≤ 0, −∞ allowed (original scale). */
  lower: Float64Array;
  /** upper_j ≥ 0, +∞ allowed (original scale). */
  upper: Float64Array;
}

/**
 * @internal The session's penalty in the scaled space (bounds divided by invScale), or undefined.
 * When some non-constant feature has v_j = 0 and an infinite bound the simple dual point is
 * infeasible: the block gets a dual projection if those features are free on both sides (and
 * G̃_UU is not singular), else it is in KKT mode. `setDualProjection` decides that.
 */
export function toPenaltyBlock(penalty: SessionPenalty | undefined, invScale: Float64Array): PenaltyBlock | undefined {
  if (penalty === undefined) return undefined;
  const p = invScale.length;
  const lower = new Float64Array(p);
  const upper = new Float64Array(p);
  let kkt = false;
  for (let j = 0; j < p; j++) {
    const inv = invScale[j]!;
    if (inv === 0) continue; // a constant column: its coefficient is 0 anyway
    lower[j] = penalty.lower[j]! / inv;
    upper[j] = penalty.upper[j]! / inv;
    if (penalty.factor[j] === 0 && (lower[j] === -Infinity || upper[j] === Infinity)) kkt = true;
  }
  return { kkt, factor: Float64Array.from(penalty.factor), lower, upper };
}

/**
 * @internal Decides the certificate of a block whose simple dual point is infeasible: a projected
 * dual point (a duality gap) when every unpenalized feature with an infinite side is free on
 * both sides and G̃_UU is not singular, else the KKT residual. `columnsOf(U)` computes the columns
 * u ∈ U of G̃ (column k at k·p; the engine's own kernel). Run at open and after every reweight
 * (G̃ depends on the weights).
 */
export function setDualProjection(
  block: PenaltyBlock | undefined, invScale: Float64Array, columnsOf: (U: Int32Array) => Float64Array,
): void {
  if (block === undefined || !(block.kkt || block.projection)) return;
  const p = invScale.length;
  const U = freeUnpenalizedFeatures(block, invScale);
  block.projection = undefined;
  if (U !== undefined && U.length > 0) {
    const G = columnsOf(U);
    const chol = choleskyFactor(U.length, (a, b) => G[b * p + U[a]!]!);
    if (chol) block.projection = { U, G, chol };
  }
  block.kkt = block.projection === undefined;
}

/** @internal Clips w (scaled space) into the block's bounds, in place. */
export function clipToBounds(w: Float64Array, block: PenaltyBlock | undefined): void {
  if (block === undefined) return;
  for (let j = 0; j < w.length; j++) w[j] = Math.min(Math.max(w[j]!, block.lower[j]!), block.upper[j]!);
}

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
  /** Penalty factors and bounds, or undefined for the plain elastic net (the default, and the fast path). */
  penalty?: SessionPenalty | undefined;
}

/** @internal The certificate and work counters of one solve (or of the starting point). */
export interface SolveReport {
  /** Coordinate passes run (over the working set or its active part). */
  passes: number;
  /** Column dot products computed; ÷ p = passes over X. */
  columnVisits: number;
  primal: number;
  /** NaN when the certificate is the KKT residual. */
  dual: number;
  /** The certificate: duality gap, or KKT residual (see ElasticNetSession.certificate). */
  gap: number;
  /**
   * max_j |g_j − l2·w_j| (at w = 0: λ_max·α). With penalty options: max over penalized j of
   * |g_j − v_j·l2·w_j|/v_j on the sides whose bound is not 0.
   */
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
  /** Σ_i ω_i·x̃_ij² of each column under the weights the session was opened with (a copy; reweight leaves it). */
  readonly normSqAtOpen: Float64Array;
  /**
   * What `gap` in the reports is (always 'dualityGap' without penalty options). With penalty
   * options it is decided at open and again by `reweight` (see setDualProjection).
   */
  readonly certificate: CertificateKind;
  /**
   * max_j |g_j| at w = 0 over the non-constant features (the KKT residual's scale; computed at
   * open and at reweight in KKT mode only, else NaN).
   */
  readonly gradientScale: number;
  /** Whether some non-excluded feature has penalty factor 0 (λ_max is computed after fitting them). */
  readonly hasUnpenalized: boolean;
  /** Sets w (scaled space; clipped into the bounds), recomputes r and every gradient, and certifies the point for (l1, l2). */
  start(coefScaled: Float64Array, l1: number, l2: number): SolveReport;
  /**
   * Solves for (l1, l2) from the current w with the screened working-set solver;
   * l1Prev is the l1 at which the current gradients were computed (strong rule).
   * With `workingSetOnly` it stops once the working set's restricted problem is solved, without
   * the final pass over every feature: the report's gap is then the restricted one, and the next
   * call must follow a `start` or `startFromGradient` (the other gradients are stale). For
   * callers that check every feature themselves (proximal Newton's outer certificate).
   */
  solve(l1: number, l2: number, l1Prev: number, gapTolerance: number, maxPasses: number, workingSetOnly?: boolean): SolveReport;
  /** A copy of the current w (scaled space), into `into` (p numbers) when given. */
  coefScaled(into?: Float64Array): Float64Array;
  /** A copy of the current residual r = ỹ − X̃w (every row, held-out ones included). */
  residual(): Float64Array;
  /**
   * offset + X̃w at the current w, computed afresh from X (every row, held-out ones included), into
   * `into` (n numbers) when given.
   */
  linearPredictor(offset: number, into?: Float64Array): Float64Array;
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
   * (or `startFromGradient`) next: every stored gradient is stale.
   *
   * With `columns` (increasing, every non-zero w_j among them) only those columns' statistics
   * are recomputed, in a sweep over those columns alone: every other column is then out of the
   * problem until the next reweight (its statistics are stale), and only `startFromGradient` may
   * follow (`start` throws), whose solves work on the listed columns' working set. (Sessions with
   * penalty options, and new weights that count other rows, recompute every column.)
   * With `correlate` (n numbers u), returns c_j = Σ_i u_i·x_ij over the raw columns from the same
   * sweep (with `columns`, the entries of the columns not listed are left as they are in `into`, 0
   * in a new array).
   */
  reweight(weights: Float64Array, yCentered: Float64Array, options?: ReweightOptions): Float64Array | undefined;
  /**
   * c_j = Σ_i v_i·x_ij over the raw columns of every column (0 for excluded ones), for one or two
   * vectors of n numbers, in one sweep over X; the session's state is untouched. Only for
   * sessions opened with weights. Written into `into` (p numbers per vector) when given, which is
   * returned; else into new arrays. With `columns`, only those columns are computed, in a sweep
   * over them alone (the other entries of `into` are left as they are, 0 in new arrays).
   */
  correlate(
    vectors: readonly [Float64Array] | readonly [Float64Array, Float64Array], into?: readonly Float64Array[], columns?: Int32Array,
  ): Float64Array[];
  /**
   * `start` when the caller already knows the gradients g_j = Σ_i ω_i·x̃_ij·r_i at w (r = ỹ − X̃w):
   * sets w, computes r over w's non-zero columns and the certificate from g, without a pass over X.
   * After a reweight restricted to some columns, only their entries of `gradient` are read (the
   * certificate is then the restricted problem's).
   */
  startFromGradient(coefScaled: Float64Array, l1: number, l2: number, gradient: Float64Array): SolveReport;
  dispose(): void;
}

/** @internal Options of {@link ElasticNetSession.reweight}. */
export interface ReweightOptions {
  /** n numbers u to correlate with the reweighted columns in the same sweep. */
  correlate?: Float64Array;
  /** Where to write those correlations (p numbers; else a new array). */
  into?: Float64Array;
  /** Only these columns (increasing; every non-zero w_j must be among them). */
  columns?: Int32Array;
}

/**
 * @internal The per-row sweeps of proximal Newton for the binomial loss ℓ(y, η) = log(1 + e^η) − y·η
 * over labels y ∈ {0, 1} and observation weights ν held by the engine (rows with ν_i ≤ 0 do not
 * count). Formulas: assembly/binomialRows.ts.
 */
export interface BinomialRows {
  /**
   * The quadratic model at η into h (IRLS weights ÷ H), yCentered (working response z, less z̄ with
   * an intercept) and u (ν∘(y − σ(η)) ÷ H); returns H, z̄ = Σh·z, Σu, the loss Σν·ℓ(y, η), and the
   * intercept's curvature Σν·σ(η)(1 − σ(η)) and its derivative in b, Σν·σ(1 − σ)(1 − 2σ) (its
   * score is H·Σu). {@link lossAndKlAt} and {@link klAgainst} then refer to this η.
   */
  linearize(eta: Float64Array, fitIntercept: boolean, h: Float64Array, yCentered: Float64Array, u: Float64Array): {
    H: number; zMean: number; uSum: number; loss: number; interceptCurvature: number; interceptCurvatureDerivative: number;
  };
  /**
   * At the η of the last {@link linearize}: Σν·ℓ(y, η) and, at a dual scaling s < 1,
   * Σν·KL(a ‖ σ(η)) with a = y − s·(y − σ(η)) (kl = 0 at s ≥ 1, without a sweep).
   */
  lossAndKlAt(s: number): { loss: number; kl: number };
  /**
   * At the η of the last {@link linearize}: Σν·KL(a ‖ σ(η)) for another dual point θ scaled by s,
   * a = y − s·θ/ν (rows with ν ≤ 0 skipped); +∞ when some a lies outside [0, 1] (θ is then no
   * dual point) or a term is infinite.
   */
  klAgainst(theta: Float64Array, s: number): number;
  /** Holds a Newton step's ends η and η⁺ for {@link lossAlongStep}. */
  setStep(eta: Float64Array, etaNext: Float64Array): void;
  /**
   * Σν·ℓ(y, η + t·(η⁺ − η)) along the step last set, and the intercept's terms at that point (what
   * polishing the intercept there needs without another sweep).
   */
  lossAlongStep(t: number): { loss: number; intercept: InterceptTerms };
  dispose(): void;
}

/**
 * @internal The unpenalized intercept b at a point η, over the rows with ν > 0 (p = σ(η)): its score
 * Σν·(y − p) (the negative derivative of the loss in b), its curvature Σν·p(1 − p) and that
 * curvature's derivative in b, Σν·p(1 − p)(1 − 2p).
 */
export interface InterceptTerms {
  score: number;
  curvature: number;
  curvatureDerivative: number;
}

/** @internal A coordinate-descent engine: the WASM kernels or the pure-TypeScript reference. */
export interface Engine {
  readonly name: 'wasm' | 'js';
  /** Plain cyclic coordinate descent over all features (the `cyclic` solver). */
  solveElasticNet(request: ElasticNetRequest): ElasticNetSolution;
  openSession(request: SessionRequest): ElasticNetSession;
  /** The binomial row sweeps over y01 and ν (both copied). */
  openBinomialRows(y01: Float64Array, nu: Float64Array): BinomialRows;
}

/**
 * @internal The absolute tolerance on a session's certificate: tol·F(0) for the duality gap,
 * tol·max_j |g_j(0)| for the KKT residual (a relative KKT residual).
 */
export function certificateTolerance(session: ElasticNetSession, tol: number, nullObjective: number): number {
  return session.certificate === 'dualityGap' ? tol * nullObjective : tol * session.gradientScale;
}

/** @internal The rows a session's opening weights count (1 where positive): a restricted or one-sweep reweight needs the same ones. */
export function positiveRowFlags(weights: Float64Array): Uint8Array {
  return Uint8Array.from(weights, (v) => (v > 0 ? 1 : 0));
}

/**
 * @internal target[j] = source[j] for the listed columns (a restricted session's), or every entry
 * when `columns` is undefined.
 */
export function copyColumns(target: Float64Array, source: Float64Array, columns: Int32Array | undefined): void {
  if (columns) for (const j of columns) target[j] = source[j]!;
  else target.set(source);
}

/** @internal Whether the weights are positive on exactly the flagged rows (false without flags). */
export function samePositiveRows(weights: Float64Array, positiveRows: Uint8Array | undefined): boolean {
  if (positiveRows === undefined) return false;
  for (let i = 0; i < weights.length; i++) if ((weights[i]! > 0 ? 1 : 0) !== positiveRows[i]) return false;
  return true;
}

/** @internal Whether some non-constant, non-excluded feature has penalty factor 0. */
export function hasUnpenalizedFeature(block: PenaltyBlock | undefined, invScale: Float64Array): boolean {
  if (block === undefined) return false;
  for (let j = 0; j < invScale.length; j++) {
    if (invScale[j] !== 0 && block.factor[j] === 0 && (block.lower[j] !== 0 || block.upper[j] !== 0)) return true;
  }
  return false;
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
