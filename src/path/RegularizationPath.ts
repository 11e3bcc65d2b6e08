import type { CertificateKind } from '../model/certificateKind.js';

/**
 * The solutions of a regularization path, one per λ (decreasing). Coefficients are held
 * sparsely (indices and values of the non-zeros, on X's original scale) and expanded on
 * request by {@link RegularizationPath.coefAt}.
 *
 * @example
 * ```ts
 * const path = lassoPath(X, y, { nLambda: 50 });
 * path.lambdas[10]; path.coefAt(10); path.intercepts[10]; path.df[10]; path.devRatio[10];
 * ```
 */
export class RegularizationPath {
  /** λ values, decreasing (the first is λ_max for a generated grid). */
  readonly lambdas: Float64Array;
  /** α of the path (1 = lasso). */
  readonly l1Ratio: number;
  /** λ_max = max_j |x̃_jᵀ(y − ȳ)|/(n·α) of the data. */
  readonly lambdaMax: number;
  /** Intercept b at each λ (0 without an intercept). */
  readonly intercepts: Float64Array;
  /** Number of non-zero coefficients at each λ. */
  readonly df: Int32Array;
  /** Fraction of the null deviance explained, 1 − RSS/TSS (glmnet's `dev.ratio`). */
  readonly devRatio: Float64Array;
  /** Duality gap of each solution (an upper bound on its suboptimality). */
  readonly dualGaps: Float64Array;
  /** The gap each solution had to reach: tol·F(0). */
  readonly gapTolerance: number;
  /**
   * What `dualGaps` holds: `'dualityGap'`, or `'kktResidual'` (the largest KKT residual; tolerance
   * tol·max_j|g_j(0)|) when a feature with penalty factor 0 is bounded on one side only, or
   * unpenalized features are collinear (see {@link CertificateKind}).
   */
  readonly certificate: CertificateKind;
  /** Coordinate passes per λ (over the working set or its active part). */
  readonly nIters: Int32Array;
  /**
   * Work per λ in passes over X: column dot products ÷ p (screening and working sets keep it
   * small). Covariance-mode passes (p ≤ 500, n ≥ p) read cached columns of X̃ᵀX̃, not X, and
   * count only through the columns they first cache (one pass each) — see `nIters` for those.
   */
  readonly passesOverX: Float64Array;
  /** Whether each solution reached its gap tolerance. */
  readonly converged: boolean[];
  readonly nFeatures: number;
  readonly #indices: Int32Array[];
  readonly #values: Float64Array[];

  /** @internal Built by the path functions. */
  constructor(fields: {
    lambdas: Float64Array; l1Ratio: number; lambdaMax: number; intercepts: Float64Array; df: Int32Array;
    devRatio: Float64Array; dualGaps: Float64Array; gapTolerance: number; nIters: Int32Array; passesOverX: Float64Array;
    /** Default 'dualityGap'. */
    certificate?: CertificateKind;
    converged: boolean[]; nFeatures: number; indices: Int32Array[]; values: Float64Array[];
  }) {
    this.lambdas = fields.lambdas;
    this.l1Ratio = fields.l1Ratio;
    this.lambdaMax = fields.lambdaMax;
    this.intercepts = fields.intercepts;
    this.df = fields.df;
    this.devRatio = fields.devRatio;
    this.dualGaps = fields.dualGaps;
    this.gapTolerance = fields.gapTolerance;
    this.certificate = fields.certificate ?? 'dualityGap';
    this.nIters = fields.nIters;
    this.passesOverX = fields.passesOverX;
    this.converged = fields.converged;
    this.nFeatures = fields.nFeatures;
    this.#indices = fields.indices;
    this.#values = fields.values;
  }

  /** Number of λ on the path (fewer than requested when the path stopped early). */
  get length(): number {
    return this.lambdas.length;
  }

  /** The k-th solution's coefficients as a dense Float64Array (original scale). */
  coefAt(k: number): Float64Array {
    this.#check(k);
    const out = new Float64Array(this.nFeatures);
    const indices = this.#indices[k]!;
    const values = this.#values[k]!;
    for (let t = 0; t < indices.length; t++) out[indices[t]!] = values[t]!;
    return out;
  }

  /** The k-th solution's non-zero coefficients: feature indices (increasing) and values. */
  nonZerosAt(k: number): { indices: Int32Array; values: Float64Array } {
    this.#check(k);
    return { indices: this.#indices[k]!.slice(), values: this.#values[k]!.slice() };
  }

  #check(k: number): void {
    if (!Number.isInteger(k) || k < 0 || k >= this.length) throw new RangeError(`path index ${k} is outside [0, ${this.length})`);
  }
}
