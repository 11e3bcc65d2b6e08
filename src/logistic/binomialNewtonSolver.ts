import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { BinomialRows, ElasticNetSession, Engine, InterceptTerms, SolveReport } from '../engine/Engine.js';
import { sigmoid } from './binomialLoss.js';
import { linearPredict } from '../model/linearPredict.js';
import { CertificateSweepBounds } from './certificateSweepBounds.js';
import { binomialCertificate, type AlternativeDualPoint, type BinomialCertificate, type GradientSummary } from './binomialCertificate.js';

/** Fitted probabilities this close to every label mean the classes are separated. */
const SEPARATION_MARGIN = 1e-9;
/** Armijo constant and the largest number of step halvings of the line search. */
const ARMIJO = 1e-4;
const MAX_HALVINGS = 40;
/** The subproblem's gap is never asked below this fraction of the outer gap tolerance. */
const INNER_FLOOR = 0.1;
/** Coordinate passes one Newton step's subproblem may take. */
const MAX_INNER_PASSES = 2000;
/** A path's next starting point is extrapolated at most this many steps of the last λ ratio ahead. */
const MAX_EXTRAPOLATION = 2;

/** @internal What one call of {@link BinomialNewtonSolver.solve} did and reached. */
export interface BinomialSolveReport extends BinomialCertificate {
  /** Newton (outer) iterations: weighted least-squares subproblems solved. */
  newtonIterations: number;
  /** Coordinate passes of the inner solver, summed over the Newton iterations. */
  passes: number;
  /**
   * Column dot products computed (÷ p = passes over X), statistics and gradients included; a
   * restricted certificate sweep counts the share of X's stored entries it reads, times p.
   */
  columnVisits: number;
  /** `'gap'`: converged means gap ≤ gapTolerance; `'kkt'` (λ = 0): kktResidual ≤ kktTolerance. */
  certificate: 'gap' | 'kkt';
  converged: boolean;
  /** Stopped because every fitted probability is within 1e-9 of its label (coefficients diverge). */
  separated: boolean;
  /** Stopped because no step decreased F any more (rounding level), before the tolerance. */
  stalled: boolean;
}

/**
 * @internal Proximal Newton for L1/L2-penalized logistic regression (glmnet's IRLS, newGLMNET's
 * line search) over one resident X. Each Newton step replaces the mean loss by its quadratic
 * model at the current η,
 *
 *   Σ_i ν_i·ℓ(y_i, η_i + d_i) ≈ const + ½·Σ_i h_i·(z_i − η_i − d_i)²,
 *   h_i = ν_i·c_i,   z_i = η_i + (y_i − p_i)/c_i,   c_i = max(p_i(1−p_i), 1e-5·|y_i − p_i|),
 *
 * (c_i, the IRLS weight, is the exact curvature wherever the fit is right: |y − p| ≈ p(1−p) when p
 * is near its label, so Newton converges quadratically even on nearly separated data; it is
 * floored only for confidently wrong rows, which keeps the working response |z − η| ≤ 1e5;
 * glmnet floors p(1−p) at 1e-5 for every row). That is the weighted least-squares problem of an
 * elastic-net session with weights h/H (H = Σh) and penalty (l1/H, l2/H): the screened
 * working-set coordinate descent in WebAssembly solves it (warm-started, on its working set only,
 * to a tolerance that tightens with the outer gap). A backtracking (Armijo) line search on F
 * along the step follows; η moves linearly, so each trial is O(n). The certificate is the
 * logistic duality gap after the intercept is made optimal, at the better of two dual points:
 * the gradient's own, θ = ν∘(y − σ(η)), and the last quadratic model's, θ = ν∘(y − p̂) with p̂
 * the model's linearized probabilities at its solution. Right after a Newton step the point's
 * gradient still carries the model's error (its largest entry exceeds l1 a little, and the dual
 * scaling that error forces costs about (max|g|/l1 − 1)·l1‖w̃‖₁), while the model was solved to
 * the inner tolerance: on the 20000×50000 text problem its gap is 10–100× smaller, and most λ of
 * a path certify after one Newton step instead of two.
 *
 * Cost per Newton step, all in the engine: the model's column statistics under h (and Xᵀu) over
 * the strong set W only (glmnet's economy: the support and the features whose last full gradient
 * passes the strong rule), the inner passes over the working set, one product X̃w̃⁺ over the
 * support, one sweep over every column for the certificate's gradients Xᵀu and the last model's
 * Xᵀθ (no statistics), and a few O(n) row sweeps (engine BinomialRows: the model with the
 * intercept's score, the loss and KL terms, the line search); the certificate is O(|support|)
 * after one O(p) summary of the gradients.
 *
 * State (w̃, b, η) persists between `solve` calls: a path warm-starts each λ from the last, or,
 * once two λ are solved, from the secant extrapolation of the last two solutions in log λ (a
 * predictor; see #extrapolateAlongPath), whose models are then solved to the outer tolerance: on
 * the text problem's 100-λ grid one Newton step certifies 96 of 100 λ instead of none.
 * Rows with ν_i = 0 (a cross-validation fold's held-out rows) do not count, but η is kept for
 * them too (held-out predictions).
 */
export class BinomialNewtonSolver {
  readonly nRows: number;
  readonly nFeatures: number;
  /** Σ ν_i·ℓ(y_i, b₀): the objective of the intercept-only model (b₀ = logit of the ν-mean of y, or 0 without intercept). */
  readonly nullObjective: number;
  readonly #session: ElasticNetSession;
  /** The per-row sweeps (loss, certificate, quadratic model, line search), in the engine. */
  readonly #rows: BinomialRows;
  readonly #X: DesignMatrix;
  readonly #y: Float64Array;
  readonly #nu: Float64Array;
  readonly #fitIntercept: boolean;
  readonly #invScale: Float64Array;
  readonly #w: Float64Array;
  readonly #eta: Float64Array;
  #b: number;
  // Scratch of the Newton step.
  readonly #h: Float64Array;
  readonly #yScratch: Float64Array;
  readonly #uScratch: Float64Array;
  /**
   * The rows' quadratic model (h, the working response, u; engine BinomialRows) at the current η,
   * until the state moves; `polished` when the intercept was made optimal first.
   */
  #rowModel: RowModel | undefined;
  /**
   * Every feature's gradient at the current state and what the certificate needs of it (with the
   * last Newton model's dual point when one was made; see #modelDual), until the state moves.
   */
  #gradient: GradientAtState | undefined;
  /**
   * The columns the last certificate sweep computed g for (undefined: all) and the bound on |g_j|
   * elsewhere: what the strong set of the next Newton model reads, even after the state moved on.
   */
  #lastSweep: { swept: Int32Array | undefined; skippedMax: number } = { swept: undefined, skippedMax: 0 };
  /** The ν-weighted column means (the session's at open): the centring of certificate gradients. */
  readonly #nuMean: Float64Array;
  /**
   * The dual point of the last Newton step's quadratic model, θ_i = ν_i·(y_i − p̂_i) with p̂ the
   * model's probabilities at its solution η⁺ (= H·h_i·(z_i − η⁺_i)), made after each inner solve
   * and correlated with X in the next linearization's sweep: a second dual point for the
   * certificate (binomialCertificate).
   */
  #modelDual: Float64Array | undefined;
  /**
   * Two buffers for it: a new one is written into the buffer the current linearization's dual
   * point does not use, so that point stays intact however many steps fail to move the state.
   */
  readonly #modelDualBuffers: [Float64Array, Float64Array];
  readonly #gAltScratch: Float64Array;
  /**
   * The converged solution the state is, if it is one (the last solve's, at λ = l1 + l2 with the
   * mix l1/λ, and its loss); undefined once the state moves or is set.
   */
  #solved: SolvedPoint | undefined;
  /** The converged solution before the current one on a path (its w̃, η and b in the anchor buffers). */
  #anchor: SolvedPoint | undefined;
  readonly #anchorW: Float64Array;
  readonly #anchorEta: Float64Array;
  #anchorB = 0;
  readonly #betaScratch: Float64Array;
  /** Which columns a certificate's sweep must read (bounds from the last full sweep). */
  readonly #sweepBounds: CertificateSweepBounds;
  /** A Newton step's ends (w̃⁺: p, η⁺: n) and its model's correlations Xᵀu (p), reused. */
  readonly #wNextScratch: Float64Array;
  readonly #etaNextScratch: Float64Array;
  readonly #modelCorrelation: Float64Array;
  /** The certificate sweep's correlations Xᵀu and Xᵀθ (p each), reused. */
  readonly #correlationBuffers: [Float64Array, Float64Array];
  /** p indices of scratch (a strong set, a step's segment), used right after they are made. */
  readonly #columnScratch: Int32Array;
  readonly #gModelScratch: Float64Array;
  readonly #gScratch: Float64Array;

  /**
   * @param nu observation weights summing to 1 (0 on rows left out), copied.
   */
  constructor(engine: Engine, X: DesignMatrix, y01: Float64Array, nu: Float64Array, fitIntercept: boolean, standardize: boolean) {
    const n = X.nRows;
    const p = X.nCols;
    this.nRows = n;
    this.nFeatures = p;
    this.#y = y01;
    this.#nu = nu.slice();
    this.#fitIntercept = fitIntercept;
    this.#X = X;
    // The session's scales are those of the observation weights ν (glmnet standardizes once);
    // the Newton steps then change only the weights of the least-squares problems.
    this.#session = engine.openSession({ X, yCentered: new Float64Array(n), fitIntercept, standardize, weights: this.#nu });
    this.#rows = engine.openBinomialRows(y01, this.#nu);
    this.#invScale = this.#session.invScale.slice();
    this.#nuMean = this.#session.mean.slice();
    this.#w = new Float64Array(p);
    let yMean = 0;
    for (let i = 0; i < n; i++) yMean += this.#nu[i]! * y01[i]!;
    this.#b = fitIntercept ? Math.log(yMean / (1 - yMean)) : 0;
    this.#eta = new Float64Array(n).fill(this.#b);
    this.#h = new Float64Array(n);
    this.#yScratch = new Float64Array(n);
    this.#uScratch = new Float64Array(n);
    this.#rows.linearize(this.#eta, fitIntercept, this.#h, this.#yScratch, this.#uScratch);
    this.nullObjective = this.#rows.lossAndKlAt(1).loss;
    this.#betaScratch = new Float64Array(p);
    this.#columnScratch = new Int32Array(p);
    this.#correlationBuffers = [new Float64Array(p), new Float64Array(p)];
    this.#sweepBounds = new CertificateSweepBounds(X, this.#session.normSqAtOpen, this.#nu);
    this.#wNextScratch = new Float64Array(p);
    this.#etaNextScratch = new Float64Array(n);
    this.#modelCorrelation = new Float64Array(p);
    this.#gModelScratch = new Float64Array(p);
    this.#gScratch = new Float64Array(p);
    this.#gAltScratch = new Float64Array(p);
    this.#modelDualBuffers = [new Float64Array(n), new Float64Array(n)];
    this.#anchorW = new Float64Array(p);
    this.#anchorEta = new Float64Array(n);
  }

  /**
   * The gradient scale max_j |x̃_jᵀν(y − p₀)| at w = 0 with the optimal intercept: λ_max·α
   * (the smallest l1 at which w = 0 is optimal). Resets the state to w = 0.
   */
  gradientMaxAtZero(): number {
    this.#moved();
    this.#modelDual = undefined;
    this.#solved = undefined;
    this.#anchor = undefined;
    this.#w.fill(0);
    this.#b = this.#fitIntercept ? this.#b : 0;
    this.#eta.fill(this.#b);
    return this.#gradientAtState(0).summary.gradientMax;
  }

  /**
   * Minimizes F for (l1, l2) from the current state. l1Prev is the l1 of the state's last solve
   * (the strong rule of the first subproblem uses it). Stops when gap ≤ gapTolerance (or, for
   * l1 = l2 = 0, kktResidual ≤ kktTolerance), after maxNewton iterations, on separation, or when
   * no step decreases F.
   */
  solve(
    l1: number, l2: number, l1Prev: number, gapTolerance: number, kktTolerance: number, maxNewton: number, maxPasses: number,
  ): BinomialSolveReport {
    const certificate = l1 === 0 && l2 === 0 ? 'kkt' : 'gap';
    // On a path, start from the solutions at the last two λ extrapolated to this one: F there,
    // or undefined when the state stays where the last λ ended.
    const predictedF = this.#extrapolateAlongPath(l1, l2);
    const predicted = predictedF !== undefined;
    // An extrapolated start is not certified before its Newton step (it is not the solution yet
    // at the tolerances that make extrapolating pay), unless its model shows it already is.
    let certify = !predicted;
    let passes = 0;
    let visits = 0;
    let newtonIterations = 0;
    let separated = false;
    let stalled = false;
    let bestMeasure = Infinity;
    let stepsWithoutProgress = 0;
    let innerCap = 1;
    let cert: BinomialCertificate | undefined;
    for (;;) {
      if (certify) {
        // Every feature's gradient at the state (one sweep over X, none when the state is the
        // last λ's solution) and the certificate from it.
        const { g, summary, modelDual, columnVisits } = this.#gradientAtState(l1);
        visits += columnVisits;
        cert = binomialCertificate((s) => this.#rows.lossAndKlAt(s), this.#w, g, summary, l1, l2, modelDual, certificate === 'gap' ? gapTolerance : 0);
        // Without a penalty, a training set the current η classifies perfectly is linearly separable:
        // no finite minimizer exists, however small the gradient has become.
        separated = certificate === 'kkt' ? this.#classifiesPerfectly() : false;
        const converged = !separated && (certificate === 'gap' ? cert.gap <= gapTolerance : cert.kktResidual <= kktTolerance);
        if (!converged && !separated) separated = this.#separated();
        // At the rounding level of F the certificate stops improving: no further step can help.
        const measure = certificate === 'gap' ? cert.gap : cert.kktResidual;
        // (The gap need not fall at every Newton step, so only three steps in a row without a new
        // best certificate count as a stall.)
        if (measure < bestMeasure) {
          bestMeasure = measure;
          stepsWithoutProgress = 0;
        } else {
          // A step that did not improve the certificate: solve the next model more accurately.
          innerCap *= 0.25;
          if (++stepsWithoutProgress >= 3) stalled = true;
        }
        if (converged || separated || stalled || newtonIterations >= maxNewton || passes >= maxPasses) {
          this.#solved = converged ? { lambda: l1 + l2, l1, loss: cert.loss, support: this.#gradient!.summary.support } : undefined;
          return { ...cert, newtonIterations, passes, columnVisits: visits, certificate, converged, separated, stalled };
        }
      }
      // The quadratic model at the state over the strong set W of the last full gradient: the
      // features the first subproblem may use (its own strong rule then uses the model's gradients).
      const strongFrom = newtonIterations === 0 ? l1Prev : l1;
      const model = this.#modelAtState(l1, l2, 2 * l1 - strongFrom);
      visits += model.columnVisits;
      const { H, zMean } = model.rows;
      if (!certify && H * model.start.gap <= gapTolerance) {
        // The extrapolation already solves the model to the tolerance: certify it as it is.
        certify = true;
        continue;
      }
      // The subproblem's own gap is in units of Q/H; ask for a fraction of the outer gap (inexact
      // Newton's forcing term). The fraction is the relative outer gap, so convergence turns
      // superlinear, capped by innerCap: 1 at first, as newGLMNET's inner tolerance (far from the
      // optimum a rough model solution is as good a direction), quartered after every Newton step
      // that did not improve the certificate. Never below
      // INNER_FLOOR·gapTolerance: a model solved more accurately than the outer tolerance asks for
      // cannot bring the outer gap further below it. From an extrapolated start the model is
      // accurate to about the path step squared: one Newton step solved to the outer tolerance
      // usually finishes the λ (a model solved more loosely would leave a second full step to do).
      let fraction = gapTolerance;
      if (cert) {
        const outer = certificate === 'gap' ? cert.gap : cert.kktResidual * cert.kktResidual;
        const relative = outer / Math.max(this.nullObjective, 1e-300);
        const forcing = Math.min(innerCap, Math.max(relative, 1e-3)) * Math.max(outer, 0.1 * gapTolerance);
        fraction = predicted ? Math.min(forcing, gapTolerance) : forcing;
      }
      const innerTolerance = (certificate === 'gap' ? Math.max(fraction, INNER_FLOOR * gapTolerance) : fraction) / H;
      // An inner solve asked for a gap below its rounding level would run to its pass limit: cap it.
      const innerPasses = Math.min(maxPasses - passes, MAX_INNER_PASSES);
      // Working set only: the outer certificate at the next point checks every feature, and a
      // feature the strong rule missed joins the next working set through its gradient there.
      const report = this.#session.solve(l1 / H, l2 / H, strongFrom / H, innerTolerance, innerPasses, true);
      newtonIterations++;
      passes += report.passes;
      visits += report.columnVisits;
      // The subproblem's solution w̃⁺ and its intercept b⁺ = z̄ − Σ_j mean_j·β⁺_j; η⁺ = b⁺ + Xβ⁺
      // = z̄ + X̃w̃⁺ is recomputed from X (z − r would carry the rounding of z, up to 1/1e-5 in size).
      const wNext = this.#session.coefScaled(this.#wNextScratch);
      // Only coordinates non-zero at either end of the step move (and carry penalty) along it.
      const segment = segmentSupport(this.#w, wNext, model.columns, this.#columnScratch);
      const bNext = this.#fitIntercept ? zMean - scaledDot(this.#session.mean, this.#invScale, wNext, segment) : 0;
      const etaNext = this.#session.linearPredictor(this.#fitIntercept ? zMean : 0, this.#etaNextScratch);
      const [first, second] = this.#modelDualBuffers;
      const inUse = this.#gradient?.modelDual?.theta;
      const modelDual = modelResidual(this.#h, this.#yScratch, this.#fitIntercept ? zMean : 0, etaNext, H, this.#nu, this.#fitIntercept, inUse === first ? second : first);
      const f0 = cert?.primal ?? predictedF!;
      stalled = !this.#lineSearch(wNext, segment, etaNext, bNext, l1, l2, f0, H, model.rows.uSum);
      this.#modelDual = modelDual;
      if (stalled && !certify) {
        // No descent from the extrapolated start: certify it and go on from there.
        stalled = false;
      }
      certify = true;
    }
  }

  /**
   * A path's predictor: when the state is the converged solution at the last λ (λ_k) and the one
   * before it (λ_{k−1}, same mix l1/λ) is kept, moves the state to the secant extrapolation in
   * log λ, (w̃, η, b) + ρ·((w̃, η, b) − (w̃, η, b)_{k−1}), ρ = log(λ/λ_k) / log(λ_k/λ_{k−1}); η stays
   * b + Xw exactly, as it is linear in (w̃, b). Kept only if it lowers F at the new λ (the loss
   * from the rows' model at the prediction, which its Newton step then uses); else the state and
   * its gradients stay. The current solution becomes the
   * anchor of the next λ either way. Returns whether the state moved. (Along a log-spaced grid the
   * start is then about the square of a path step from the solution, and one Newton step solved
   * to the tolerance usually certifies, where the last solution needs two. A coefficient that
   * left the support between the two solutions is carried a little past 0, as one about to leave
   * is: clipping those to 0 would need η from X again and, measured, saved no Newton step.)
   */
  #extrapolateAlongPath(l1: number, l2: number): number | undefined {
    const solved = this.#solved;
    const anchor = this.#anchor;
    this.#solved = undefined;
    this.#anchor = undefined;
    const lambda = l1 + l2;
    // Only along one penalty mix (l1/λ compared without division: l1·λ_k = l1_k·λ).
    if (solved === undefined || !(lambda > 0) || lambda === solved.lambda || l1 * solved.lambda !== solved.l1 * lambda) return undefined;
    const w = this.#w;
    const eta = this.#eta;
    const anchorW = this.#anchorW;
    const anchorEta = this.#anchorEta;
    this.#anchor = solved;
    const rho = anchor === undefined || l1 * anchor.lambda !== anchor.l1 * lambda
      ? NaN
      : Math.log(lambda / solved.lambda) / Math.log(solved.lambda / anchor.lambda);
    if (!(rho > 0 && rho <= MAX_EXTRAPOLATION)) {
      anchorW.set(w);
      anchorEta.set(eta);
      this.#anchorB = this.#b;
      return undefined;
    }
    // In place: the anchor becomes the current solution, the state its extrapolation.
    const penalties = extrapolateCoefficients(w, anchorW, rho, solved.support, anchor!.support);
    extrapolateInPlace(eta, anchorEta, rho);
    const b = this.#b;
    this.#b = b + rho * (b - this.#anchorB);
    this.#anchorB = b;
    // (Where the last two solutions agree, as w = 0 before the first feature enters, nothing moved.)
    if (!penalties.moved && this.#b === b) return undefined;
    // The loss there comes from the rows' model at the prediction, which its Newton step needs anyway.
    const solution = this.#gradient;
    this.#moved();
    this.#rowsAtState(false);
    const predictedF = this.#rows.lossAndKlAt(1).loss + l1 * penalties.norm1 + 0.5 * l2 * penalties.normSq;
    if (!(predictedF < solved.loss + l1 * penalties.anchorNorm1 + 0.5 * l2 * penalties.anchorNormSq)) {
      w.set(anchorW);
      eta.set(anchorEta);
      this.#b = this.#anchorB;
      // The solution's gradients hold again; its rows' model is made anew when needed.
      this.#moved();
      this.#gradient = solution;
      return undefined;
    }
    return predictedF;
  }

  /**
   * The current coefficients on X's original scale (into `into` when given) and the intercept, with
   * the j where they are non-zero when the state's last certificate knows them (increasing).
   */
  coefficients(into?: Float64Array): { coef: Float64Array; intercept: number; support: Int32Array | undefined } {
    const support = this.#gradient?.summary.support;
    if (!into || !support) return { coef: elementwiseProduct(this.#w, this.#invScale, into ?? new Float64Array(this.nFeatures)), intercept: this.#b, support };
    // Right after a certificate the support is known: only its coefficients are non-zero.
    into.fill(0);
    for (const j of support) into[j] = this.#w[j]! * this.#invScale[j]!;
    return { coef: into, intercept: this.#b, support };
  }

  /** The coefficients w̃ of the scaled problem (a copy). */
  coefScaled(): Float64Array {
    return this.#w.slice();
  }

  /** Sets the state to original-scale coefficients (a warm start); the intercept is re-optimized by the next solve. */
  setCoefficients(coef: Float64Array): void {
    this.#moved();
    this.#modelDual = undefined;
    this.#solved = undefined;
    this.#anchor = undefined;
    const beta = this.#betaScratch;
    for (let j = 0; j < coef.length; j++) {
      const inv = this.#invScale[j]!;
      this.#w[j] = inv === 0 ? 0 : coef[j]! / inv;
      beta[j] = this.#w[j]! * inv;
    }
    this.#eta.set(linearPredict(this.#X, beta, this.#b));
  }

  /** The linear predictor η = b + Xw for every row (held-out rows included; a copy). */
  linearPredictor(): Float64Array {
    return this.#eta.slice();
  }

  dispose(): void {
    this.#session.dispose();
    this.#rows.dispose();
  }

  /** The state moved (or was set): its rows' model and gradients no longer hold. */
  #moved(): void {
    this.#rowModel = undefined;
    this.#gradient = undefined;
  }

  /**
   * The rows' quadratic model at the current η (engine BinomialRows.linearize): h = IRLS weights ÷ H,
   * the working response less z̄, and u = ν∘(y − p) ÷ H (the logistic gradient is X̃ᵀu·H). With
   * `polish` the intercept is first made optimal for the current w (Σ ν_i(y_i − σ(η_i)) = 0,
   * which the dual of the logistic problem needs; it only lowers F) by one-dimensional steps
   * (interceptStep): each row sweep also gives the intercept's score (H·Σu), curvature and its
   * derivative, so an intercept already optimal costs no extra sweep. After a Newton step the line
   * search's sweep has taken the first polishing step (#step), so one sweep usually confirms it. A
   * Newton model needs no polish (its intercept is free).
   */
  #rowsAtState(polish: boolean): RowModel {
    const current = this.#rowModel;
    if (current && (current.polished || !polish)) return current;
    const yCentered = this.#yScratch;
    const u = this.#uScratch;
    const h = this.#h;
    const eta = this.#eta;
    let moved = false;
    let model = this.#rows.linearize(eta, this.#fitIntercept, h, yCentered, u);
    for (let iter = 0; polish && this.#fitIntercept && iter < 100; iter++) {
      const step = interceptStep({ score: model.H * model.uSum, curvature: model.interceptCurvature, curvatureDerivative: model.interceptCurvatureDerivative });
      if (Math.abs(step) <= 1e-15 * (1 + Math.abs(this.#b))) break;
      this.#shiftIntercept(step);
      moved = true;
      model = this.#rows.linearize(eta, this.#fitIntercept, h, yCentered, u);
    }
    if (moved) this.#gradient = undefined;
    this.#rowModel = { H: model.H, zMean: model.zMean, uSum: model.uSum, polished: polish };
    return this.#rowModel;
  }

  /** b += step, and η with it. */
  #shiftIntercept(step: number): void {
    const eta = this.#eta;
    this.#b += step;
    for (let i = 0; i < eta.length; i++) eta[i] = eta[i]! + step;
  }

  /**
   * Every feature's gradient at the state, with the intercept optimal: g = X̃ᵀ(ν∘(y − p)) from one
   * sweep over X (c = Xᵀu, ν-centred: g_j = H·invScale_j·(c_j − mean_j·Σu); the centring only
   * removes Σu's rounding), which also correlates the last Newton model's dual point θ (Σθ = 0):
   * X̃ᵀθ = invScale∘Xᵀθ. Kept until the state moves (a path's next λ re-certifies the same point
   * without a sweep).
   */
  #gradientAtState(l1: number): GradientAtState & { columnVisits: number } {
    // (A summary whose skipped columns' bounds reach l1 must be redone for it.)
    if (this.#gradient && this.#gradient.skippedMax < l1) {
      // (The certificate's row terms refer to the rows' model, which must be this state's.)
      this.#rowsAtState(true);
      if (this.#gradient) return { ...this.#gradient, columnVisits: 0 };
    }
    const { H, uSum } = this.#rowsAtState(true);
    const theta = this.#gradient?.modelDual?.theta ?? this.#modelDual;
    this.#modelDual = undefined;
    const u = this.#uScratch;
    // The columns the sweep must read (see CertificateSweepBounds) for the gradient's dual point
    // θ_u = H·u and the model's.
    const bounds = this.#sweepBounds;
    const g = this.#gScratch;
    const gTheta = this.#gAltScratch;
    const distance = bounds.distance(u, H, theta);
    const { columns, share, skippedMax } = bounds.plan(distance, this.#w, this.#invScale, l1);
    const [c, cTheta] = this.#session.correlate(theta ? [u, theta] : [u], this.#correlationBuffers, columns);
    const { summary, thetaMax } = certificateGradients(
      c!, cTheta, this.#nuMean, this.#invScale, uSum, H, this.#w, g, gTheta, this.#columnScratch, columns, skippedMax,
    );
    if (!columns) bounds.anchorAt(u, g, H);
    bounds.remember(u, H, g, columns);
    const modelDual: AlternativeDualPoint | undefined = theta && cTheta
      ? { theta, g: gTheta, gradientMax: thetaMax, klAt: (s) => this.#rows.klAgainst(theta, s) }
      : undefined;
    this.#gradient = { g, summary, modelDual, skippedMax };
    this.#lastSweep = { swept: columns, skippedMax };
    // (Visits in passes over X's stored entries: a restricted sweep reads mostly rare columns.)
    return { ...this.#gradient, columnVisits: share * this.nFeatures };
  }

  /**
   * The Newton step's quadratic model at the state in the session, restricted to the features
   * W = {w̃_j ≠ 0} ∪ {|g_j| ≥ threshold} of the last full gradient g (the strong set: glmnet
   * computes its weighted statistics for its strong set only): one sweep over W's columns gives
   * their statistics under h and c = Xᵀu, so the model's gradients there are
   * Σ_i ω_i·x̃_ij·r_i = invScale_j·(c_j − mean_j·Σu) (the residual r = (y − p)/curvature + const,
   * and x̃_j is ω-centred, so the constant drops out). Returns the rows' model and the session's
   * starting report (the model's gap at the state, restricted to W).
   */
  #modelAtState(l1: number, l2: number, threshold: number): { rows: RowModel; start: SolveReport; columns: Int32Array | undefined; columnVisits: number } {
    const rows = this.#rowsAtState(false);
    const columns = this.#strongSet(threshold);
    const c = this.#session.reweight(this.#h, this.#yScratch, { correlate: this.#uScratch, columns, into: this.#modelCorrelation })!;
    const gModel = modelGradients(c, this.#session.mean, this.#invScale, rows.uSum, columns, this.#gModelScratch);
    const start = this.#session.startFromGradient(this.#w, l1 / rows.H, l2 / rows.H, gModel);
    return { rows, start, columns, columnVisits: (columns?.length ?? this.nFeatures) + start.columnVisits };
  }

  /**
   * W = {j : w_j ≠ 0} ∪ {j : |g_j| ≥ threshold} among the non-excluded columns for the last
   * certificate's gradients g (#gScratch, kept when the state moves on), increasing (a view of the
   * column scratch); undefined when that is every column. A column its sweep skipped counts with
   * its bound (CertificateSweepBounds.skippedBound): when the threshold exceeds every such bound,
   * only the swept columns are looked at.
   */
  #strongSet(threshold: number): Int32Array | undefined {
    const w = this.#w;
    const g = this.#gScratch;
    const invScale = this.#invScale;
    const scratch = this.#columnScratch;
    const { swept, skippedMax } = this.#lastSweep;
    const p = w.length;
    let count = 0;
    if (swept === undefined) {
      for (let j = 0; j < p; j++) if (w[j] !== 0 || (invScale[j] !== 0 && Math.abs(g[j]!) >= threshold)) scratch[count++] = j;
      return count === p ? undefined : scratch.subarray(0, count);
    }
    // (The support lies among the swept columns.)
    if (threshold > skippedMax) {
      for (const j of swept) if (w[j] !== 0 || (invScale[j] !== 0 && Math.abs(g[j]!) >= threshold)) scratch[count++] = j;
      return scratch.subarray(0, count);
    }
    let next = 0;
    for (let j = 0; j < p; j++) {
      const isSwept = next < swept.length && swept[next] === j;
      if (isSwept) next++;
      const magnitude = isSwept ? Math.abs(g[j]!) : this.#sweepBounds.skippedBound(j);
      if (w[j] !== 0 || (invScale[j] !== 0 && magnitude >= threshold)) scratch[count++] = j;
    }
    return count === p ? undefined : scratch.subarray(0, count);
  }

  /**
   * Backtracking line search along (w̃⁺ − w̃, η⁺ − η, b⁺ − b): the largest t ∈ {1, ½, ¼, …} with
   * F(t) ≤ F(0) + 1e-4·t·Δ, Δ = ∇ℓᵀdη + P(w̃⁺) − P(w̃) (newGLMNET's sufficient decrease).
   * Updates the state and returns true on success; false when no descent is possible.
   */
  #lineSearch(
    wNext: Float64Array, segment: Int32Array, etaNext: Float64Array, bNext: number, l1: number, l2: number, f0: number, H: number,
    uSum: number,
  ): boolean {
    const n = this.nRows;
    const eta = this.#eta;
    const w = this.#w;
    const penalty = (t: number): number => {
      let sum1 = 0;
      let sum2 = 0;
      for (const j of segment) {
        const v = w[j]! + t * (wNext[j]! - w[j]!);
        sum1 += Math.abs(v);
        sum2 += v * v;
      }
      return l1 * sum1 + 0.5 * l2 * sum2;
    };
    this.#rows.setStep(eta, etaNext);
    // (The intercept's terms at the last point evaluated: the accepted one, when one is.)
    let intercept: InterceptTerms | undefined;
    const loss = (t: number): number => {
      const point = this.#rows.lossAlongStep(t);
      intercept = point.intercept;
      return point.loss;
    };
    // ∇ℓᵀdη = −Σ ν_i(y_i − p_i)·dη_i, with ν∘(y − p) = H·u from the rows' model at the state (same
    // η), and dη = db + Σ_j x_j·dβ_j (β_j = invScale_j·w̃_j, raw columns): −H·(Σu·db + Σ_j c_j·dβ_j)
    // with c = Xᵀu, the model's correlations on its columns (the segment lies among them).
    const c = this.#modelCorrelation;
    const invScale = this.#invScale;
    let cDotStep = 0;
    for (const j of segment) cDotStep += c[j]! * invScale[j]! * (wNext[j]! - w[j]!);
    const slope = -H * (uSum * (bNext - this.#b) + cDotStep);
    const p0 = penalty(0);
    const decrease = slope + penalty(1) - p0;
    // Near the optimum F cannot tell the points apart any more (its rounding exceeds the
    // predicted decrease); the full step is still the better one by the KKT conditions, so take it
    // unless it measurably increases F. The certificate decides whether that helped.
    // F sums n rounded terms: differences below ~8·ε·√n·|F| are noise.
    const resolution = 8 * Number.EPSILON * Math.sqrt(n) * Math.abs(f0);
    if (Math.abs(decrease) <= resolution) {
      if (!(loss(1) + penalty(1) <= f0 + resolution)) return false;
      this.#step(1, wNext, segment, etaNext, bNext, intercept!);
      return true;
    }
    if (!(decrease < 0)) return false;
    let t = 1;
    for (let k = 0; k <= MAX_HALVINGS; k++, t /= 2) {
      const ft = loss(t) + penalty(t);
      if (ft <= f0 + ARMIJO * t * decrease) {
        this.#step(t, wNext, segment, etaNext, bNext, intercept!);
        return true;
      }
    }
    return false;
  }

  /**
   * Moves the state a fraction t of the way to (w̃⁺, η⁺, b⁺), and with an intercept on by the
   * intercept's first polishing step there (interceptStep from the line search's terms at that
   * point, in the same pass over η; it only lowers F). The polish then usually needs no more than
   * its confirming sweep.
   */
  #step(t: number, wNext: Float64Array, segment: Int32Array, etaNext: Float64Array, bNext: number, intercept: InterceptTerms): void {
    this.#moved();
    const w = this.#w;
    const eta = this.#eta;
    for (const j of segment) w[j] = w[j]! + t * (wNext[j]! - w[j]!);
    let shift = this.#fitIntercept ? interceptStep(intercept) : 0;
    const b = this.#b + t * (bNext - this.#b);
    if (!(Math.abs(shift) > 1e-15 * (1 + Math.abs(b)))) shift = 0;
    if (t === 1) for (let i = 0; i < eta.length; i++) eta[i] = etaNext[i]! + shift;
    else for (let i = 0; i < eta.length; i++) eta[i] = eta[i]! + t * (etaNext[i]! - eta[i]!) + shift;
    this.#b = b + shift;
  }

  /** Every counted row is on its label's side: η > 0 for y = 1, η < 0 for y = 0. */
  #classifiesPerfectly(): boolean {
    const y = this.#y;
    const nu = this.#nu;
    const eta = this.#eta;
    for (let i = 0; i < y.length; i++) {
      if (nu[i]! > 0 && (y[i] === 1 ? !(eta[i]! > 0) : !(eta[i]! < 0))) return false;
    }
    return true;
  }

  /** Every counted row's fitted probability is within 1e-9 of its label. */
  #separated(): boolean {
    const y = this.#y;
    const nu = this.#nu;
    const eta = this.#eta;
    for (let i = 0; i < y.length; i++) {
      if (nu[i]! > 0 && Math.abs(y[i]! - sigmoid(eta[i]!)) >= SEPARATION_MARGIN) return false;
    }
    return true;
  }
}

/** A converged solution of a path: λ = l1 + l2, its l1, its loss Σ ν_i·ℓ(y_i, η_i) and the j with w̃_j ≠ 0. */
interface SolvedPoint {
  lambda: number;
  l1: number;
  loss: number;
  support: Int32Array;
}

/**
 * The intercept step toward Σν(y − σ(η + δ)) = 0 from its score S, curvature C and the curvature's
 * derivative C' (InterceptTerms): Halley's δ = (S/C)/(1 + S·C'/(2C²)), third order, so from the small
 * score a Newton step leaves (~1e-6 relative) one step lands on the rounding level. 0 without
 * curvature; never more than a unit change of the log-odds (separated data has tiny curvature), and
 * Newton's S/C where the correction would be large (far from the optimum Halley's step is no better).
 */
function interceptStep({ score, curvature, curvatureDerivative }: InterceptTerms): number {
  if (!(curvature > 0)) return 0;
  const newton = score / curvature;
  const correction = (newton * curvatureDerivative) / (2 * curvature);
  const step = Math.abs(correction) < 0.5 ? newton / (1 + correction) : newton;
  return Math.abs(step) > 1 ? Math.sign(step) : step;
}

/** The rows' quadratic model at the current η: H, z̄, Σu, and whether the intercept was polished. */
interface RowModel {
  H: number;
  zMean: number;
  uSum: number;
  polished: boolean;
}

/**
 * Every feature's logistic gradient at the state (exact where swept; elsewhere an upper bound of
 * |g_j|, below skippedMax), its summary, and the last model's dual point if one was made.
 */
interface GradientAtState {
  g: Float64Array;
  summary: GradientSummary;
  modelDual: AlternativeDualPoint | undefined;
  /** The largest bound standing for an unswept column's |g_j| or |X̃ᵀθ|_j (0 after a full sweep). */
  skippedMax: number;
}

/**
 * The dual point of a solved quadratic model (the rows' part, O(n)): θ_i = H·h_i·(z_i − η⁺_i),
 * z_i = zc_i + zMean the working response, η⁺ the model's solution; that is ν_i·(y_i − p̂_i) with
 * p̂_i = p_i + c_i·(η⁺_i − η_i) the model's linearized probabilities. With an intercept the
 * model's own optimality makes Σθ = 0 up to rounding, which is then removed exactly
 * (θ −= ν·Σθ, Σν = 1) as the dual's constraint requires. Written into `theta`, which is returned.
 */
function modelResidual(
  h: Float64Array, zc: Float64Array, zMean: number, etaNext: Float64Array, H: number, nu: Float64Array, fitIntercept: boolean,
  theta: Float64Array,
): Float64Array {
  const n = h.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = H * h[i]! * (zc[i]! + zMean - etaNext[i]!);
    theta[i] = t;
    sum += t;
  }
  if (fitIntercept) for (let i = 0; i < n; i++) theta[i] = theta[i]! - nu[i]! * sum;
  return theta;
}

// The O(p) loops of a Newton step, as plain functions of typed arrays: V8 optimizes them once with
// full type feedback (inside the solver's methods, on-stack replacement recompiled and discarded
// the surrounding method at every call).

/** out_j = a_j·b_j; returns out. */
function elementwiseProduct(a: Float64Array, b: Float64Array, out: Float64Array): Float64Array {
  for (let j = 0; j < out.length; j++) out[j] = a[j]! * b[j]!;
  return out;
}

/** x ← x + ρ·(x − anchor) and anchor ← the old x, element by element. */
function extrapolateInPlace(x: Float64Array, anchor: Float64Array, rho: number): void {
  for (let j = 0; j < x.length; j++) {
    const current = x[j]!;
    x[j] = current + rho * (current - anchor[j]!);
    anchor[j] = current;
  }
}

/**
 * extrapolateInPlace for the coefficients, over the supports of the current ones (`support`) and
 * of the anchor (`anchorSupport`) only (elsewhere both are 0), with in the same pass ‖·‖₁ and ‖·‖²
 * of the new and the old values (the penalties of the two points) and whether any coefficient
 * moved.
 */
function extrapolateCoefficients(
  w: Float64Array, anchor: Float64Array, rho: number, support: Int32Array, anchorSupport: Int32Array,
): { moved: boolean; norm1: number; normSq: number; anchorNorm1: number; anchorNormSq: number } {
  let moved = false;
  let norm1 = 0;
  let normSq = 0;
  let anchorNorm1 = 0;
  let anchorNormSq = 0;
  // First the anchor's coefficients that are 0 now (before `support`'s are overwritten).
  for (const j of anchorSupport) {
    if (w[j] !== 0) continue;
    const next = -rho * anchor[j]!;
    anchor[j] = 0;
    w[j] = next;
    if (next !== 0) moved = true;
    norm1 += Math.abs(next);
    normSq += next * next;
  }
  for (const j of support) {
    const current = w[j]!;
    const next = current + rho * (current - anchor[j]!);
    if (next !== current) moved = true;
    w[j] = next;
    anchor[j] = current;
    norm1 += Math.abs(next);
    normSq += next * next;
    anchorNorm1 += Math.abs(current);
    anchorNormSq += current * current;
  }
  return { moved, norm1, normSq, anchorNorm1, anchorNormSq };
}

/**
 * The j with a_j ≠ 0 or b_j ≠ 0, increasing (a view of `scratch`), among `among` (increasing, both
 * vectors 0 outside it; it may be a view of scratch itself) or every j when undefined.
 */
function segmentSupport(a: Float64Array, b: Float64Array, among: Int32Array | undefined, scratch: Int32Array): Int32Array {
  let count = 0;
  if (among === undefined) {
    for (let j = 0; j < a.length; j++) if (a[j] !== 0 || b[j] !== 0) scratch[count++] = j;
  } else {
    // (In place when among is a view of scratch: an entry is written at or before where it was read.)
    for (let k = 0; k < among.length; k++) {
      const j = among[k]!;
      if (a[j] !== 0 || b[j] !== 0) scratch[count++] = j;
    }
  }
  return scratch.subarray(0, count);
}

/** Σ_{j ∈ idx} a_j·b_j·c_j. */
function scaledDot(a: Float64Array, b: Float64Array, c: Float64Array, idx: Int32Array): number {
  let sum = 0;
  for (const j of idx) sum += a[j]! * b[j]! * c[j]!;
  return sum;
}

/**
 * The model's gradients gModel_j = invScale_j·(c_j − mean_j·Σu) on the listed columns (every
 * column when undefined; 0 for excluded columns), into gModel; its other entries are left as they
 * are (a restricted session reads only the listed ones).
 */
function modelGradients(
  c: Float64Array, mean: Float64Array, invScale: Float64Array, uSum: number, columns: Int32Array | undefined, gModel: Float64Array,
): Float64Array {
  if (columns === undefined) {
    for (let j = 0; j < gModel.length; j++) {
      const inv = invScale[j]!;
      gModel[j] = inv === 0 ? 0 : inv * (c[j]! - mean[j]! * uSum);
    }
    return gModel;
  }
  // (Only the listed entries are read: the session's restricted start.)
  for (const j of columns) {
    const inv = invScale[j]!;
    gModel[j] = inv === 0 ? 0 : inv * (c[j]! - mean[j]! * uSum);
  }
  return gModel;
}

/**
 * The certificate's gradients from the correlations c = Xᵀu and cTheta = Xᵀθ of one sweep: the
 * logistic ones g_j = H·invScale_j·(c_j − mean_j·Σu) and the model dual point's X̃ᵀθ =
 * invScale∘cTheta (0 for excluded columns), with in the same pass what the certificate needs of
 * them (GradientSummary: w's support, max|g_j|, max over j off the support) and max|X̃ᵀθ|. After a
 * sweep restricted to `columns` (which hold w's support), only those entries are computed: the
 * others already hold bounds on both magnitudes (CertificateSweepBounds.plan), the largest being
 * skippedMax, all below 0.9·l1, where they change neither the gap nor the KKT residual.
 */
function certificateGradients(
  c: Float64Array, cTheta: Float64Array | undefined, mean: Float64Array, invScale: Float64Array, uSum: number, H: number,
  w: Float64Array, g: Float64Array, gTheta: Float64Array, scratch: Int32Array, columns: Int32Array | undefined, skippedMax: number,
): { summary: GradientSummary; thetaMax: number } {
  let gradientMax = skippedMax;
  let offSupportMax = skippedMax;
  let thetaMax = cTheta ? skippedMax : 0;
  let count = 0;
  const listed = columns ? columns.length : g.length;
  for (let k = 0; k < listed; k++) {
    const j = columns ? columns[k]! : k;
    const inv = invScale[j]!;
    const gj = inv === 0 ? 0 : H * inv * (c[j]! - mean[j]! * uSum);
    g[j] = gj;
    const a = Math.abs(gj);
    if (a > gradientMax) gradientMax = a;
    if (w[j] !== 0) scratch[count++] = j;
    else if (a > offSupportMax) offSupportMax = a;
    if (cTheta) {
      const t = inv * cTheta[j]!;
      gTheta[j] = t;
      if (Math.abs(t) > thetaMax) thetaMax = Math.abs(t);
    }
  }
  return { summary: { support: scratch.slice(0, count), gradientMax, offSupportMax }, thetaMax };
}

