import type { DesignMatrix } from '../../matrix/DesignMatrix.js';
import type { ColumnStats } from '../../reference/columnStats.js';
import { gapFromGradients } from '../../reference/elasticNetDualGap.js';
import {
  DATAFIT, certificateKindOf, type FistaReport, type FistaSettings, type ResolvedPenalty,
} from '../ProximalProblem.js';
import { designGradient, designMatvec } from './designProducts.js';
import { datafitBregman, datafitResidual, datafitValue } from './datafit.js';
import { elasticNetPenaltyValue, frankWolfeGap, kktResidual, projectL1Ball, projectL2Ball, proxElasticNet } from './proxOperators.js';

/**
 * Pure-TS reference of `fistaSolve` (assembly/proximal/fistaSolve.ts): accelerated proximal
 * gradient (FISTA, Beck & Teboulle 2009; ISTA without acceleration) on
 *
 *   min_{w, b} f(X̃w + b) + h(w)
 *
 * with the datafit f and penalty h of {@link FistaSettings} / {@link ResolvedPenalty}.
 * One iteration:
 *   z = x + β(x − x_prev)              (the linear predictors extrapolate the same way: no product)
 *   u = −∂f/∂η at z;  g = X̃ᵀ(ω∘u)      (one pass over X; ∇_w f = −g)
 *   x⁺ = prox_{h/L}(z + g/L)            (b⁺ = b_z + Σω·u / L when b is a variable)
 *   η⁺ = X̃w⁺ + b⁺                       (one pass over X)
 *   backtracking: while D_f(η⁺, η_z) > (L/2)‖x⁺ − z‖², L ← 2L and redo the prox (a step
 *   ‖x⁺ − z‖ ≤ 10⁻¹⁵‖z‖, below z's own rounding, is accepted: the test cannot judge it)
 *   restart (O'Donoghue & Candès 2015): gradient scheme (z − x⁺)ᵀ(x⁺ − x) > 0, or function
 *   scheme F(x⁺) > F(x): the momentum is reset (t = 1, β = 0)
 *   t⁺ = (1 + √(1 + 4t²))/2,  β = (t − 1)/t⁺
 * Every `checkEvery` iterations, and after the last, the certificate is evaluated at x (one
 * more pass): the duality gap of coordinate descent (squared loss; with penalty options its
 * penalized gap, see assembly/penalty.ts), the
 * Frank–Wolfe gap (ball constraints), else the KKT residual; converged when it is ≤ tol·F(0)
 * (gaps) or ≤ tol·‖∇_w f(0, b₀)‖∞ (KKT residual), and |∂f/∂b| ≤ tol·‖∇_w f(0, b₀)‖∞.
 *
 * `w` holds the start on entry and the solution on exit; y is ỹ (centred) for the squared
 * loss with an intercept, the 0/1 labels for the logistic loss.
 */
export function fistaSolve(
  X: DesignMatrix, stats: ColumnStats, weights: Float64Array | undefined, y: Float64Array, w: Float64Array,
  penalty: ResolvedPenalty, settings: FistaSettings,
): FistaReport {
  const n = X.nRows;
  const p = X.nCols;
  const datafit = DATAFIT[settings.datafit];
  const { l1, l2, radius, factors, lower, upper } = penalty;
  const certKind = certificateKindOf(settings.datafit, penalty);
  const interceptVar = settings.interceptVariable;
  let x = Float64Array.from(w);
  let xPrev = Float64Array.from(w);
  let xNew = new Float64Array(p);
  const z = new Float64Array(p);
  const v = new Float64Array(p);
  const g = new Float64Array(p);
  const sorted = new Float64Array(p);
  let etaX = new Float64Array(n);
  let etaPrev = new Float64Array(n);
  let etaNew = new Float64Array(n);
  const etaZ = new Float64Array(n);
  const u = new Float64Array(n);
  let b = interceptVar ? settings.intercept0 : 0;
  let bPrev = b;
  let passes = 0;

  const penaltyValue = (wv: Float64Array) => (penalty.kind === 'elasticNet' ? elasticNetPenaltyValue(wv, l1, l2, factors) : 0);
  const prox = (step: number) => {
    if (penalty.kind === 'elasticNet') proxElasticNet(v, step, l1, l2, factors, lower, upper, stats.invScale, xNew);
    else if (penalty.kind === 'l1Ball') projectL1Ball(v, radius, stats.invScale, sorted, xNew);
    else projectL2Ball(v, radius, stats.invScale, xNew);
  };

  // The KKT scale: ‖∇_w f‖∞ at w = 0 (and b = b₀).
  etaZ.fill(b);
  datafitResidual(datafit, y, etaZ, weights, u);
  designGradient(X, stats, u, weights, g);
  passes++;
  let kktScale = 0;
  for (let j = 0; j < p; j++) kktScale = Math.max(kktScale, Math.abs(g[j]!));
  const certTol = settings.tol * (certKind === 'kktResidual' ? kktScale : settings.nullObjective);
  const interceptTol = settings.tol * kktScale;

  // Start: project / prox-feasible x is the caller's job for the elastic net; a ball start is projected.
  if (penalty.kind !== 'elasticNet') {
    v.set(x);
    prox(1);
    x.set(xNew);
    xPrev.set(x);
  }
  designMatvec(X, stats, x, b, etaX);
  passes++;
  etaPrev.set(etaX);

  let L = settings.lipschitz0;
  let t = 1;
  let beta = 0;
  let restarts = 0;
  let backtracks = 0;
  let iterations = 0;
  let certificate = Infinity;
  let interceptGradient = 0;
  let objective = NaN;
  let converged = false;
  let fX = datafitValue(datafit, y, etaX, weights) + penaltyValue(x);

  const evaluate = (): void => {
    const fValue = datafitResidual(datafit, y, etaX, weights, u);
    const sumWU = designGradient(X, stats, u, weights, g);
    passes++;
    interceptGradient = interceptVar ? Math.abs(sumWU) : 0;
    objective = fValue + penaltyValue(x);
    if (certKind === 'dualityGap') {
      let rrW = 0;
      for (let i = 0; i < n; i++) rrW += (weights === undefined ? 1 / n : weights[i]!) * u[i]! * u[i]!;
      const pen = factors && lower && upper ? { kkt: false, factor: factors, lower, upper } : undefined;
      certificate = gapFromGradients(stats, x, l1, l2, g, undefined, p, rrW, pen).gap;
    } else if (certKind === 'frankWolfeGap') {
      certificate = frankWolfeGap(x, g, radius, penalty.kind === 'l1Ball' ? 1 : 2, stats.invScale);
    } else {
      certificate = kktResidual(x, g, l1, l2, factors, lower, upper, stats.invScale);
    }
    converged = certificate <= certTol && interceptGradient <= interceptTol;
  };

  if (settings.maxIter === 0) evaluate();
  while (iterations < settings.maxIter) {
    // Extrapolated point z and its linear predictor.
    let bz = b;
    if (beta !== 0) {
      for (let j = 0; j < p; j++) z[j] = x[j]! + beta * (x[j]! - xPrev[j]!);
      for (let i = 0; i < n; i++) etaZ[i] = etaX[i]! + beta * (etaX[i]! - etaPrev[i]!);
      bz = b + beta * (b - bPrev);
    } else {
      z.set(x);
      etaZ.set(etaX);
    }
    datafitResidual(datafit, y, etaZ, weights, u);
    const sumWU = designGradient(X, stats, u, weights, g);
    passes++;
    let bNew = bz;
    // A step below the rounding of z itself cannot be judged by the divergence test: accept it.
    let zNormSq = bz * bz;
    for (let j = 0; j < p; j++) zNormSq += z[j]! * z[j]!;
    for (;;) {
      const step = 1 / L;
      for (let j = 0; j < p; j++) v[j] = z[j]! + step * g[j]!;
      prox(step);
      if (interceptVar) bNew = bz + step * sumWU;
      designMatvec(X, stats, xNew, bNew, etaNew);
      passes++;
      let distSq = (bNew - bz) * (bNew - bz);
      for (let j = 0; j < p; j++) distSq += (xNew[j]! - z[j]!) * (xNew[j]! - z[j]!);
      const divergence = datafitBregman(datafit, etaNew, etaZ, weights);
      if (divergence <= 0.5 * L * distSq || distSq <= 1e-30 * zNormSq) break;
      L *= 2;
      backtracks++;
    }
    iterations++;
    // Adaptive restart.
    let restart = false;
    let fNew = NaN;
    if (settings.restart === 'gradient') {
      let s = (bz - bNew) * (bNew - b);
      for (let j = 0; j < p; j++) s += (z[j]! - xNew[j]!) * (xNew[j]! - x[j]!);
      restart = s > 0;
    } else if (settings.restart === 'function') {
      fNew = datafitValue(datafit, y, etaNew, weights) + penaltyValue(xNew);
      restart = fNew > fX;
    }
    // Shift the iterates (buffers rotate: no copies).
    [xPrev, x, xNew] = [x, xNew, xPrev];
    [etaPrev, etaX, etaNew] = [etaX, etaNew, etaPrev];
    bPrev = b;
    b = bNew;
    fX = fNew;
    if (!settings.accelerate) beta = 0;
    else if (restart) {
      restarts++;
      t = 1;
      beta = 0;
    } else {
      const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
      beta = (t - 1) / tNext;
      t = tNext;
    }
    if (iterations % settings.checkEvery === 0 || iterations === settings.maxIter) {
      evaluate();
      if (converged) break;
    }
  }
  w.set(x);
  return {
    iterations, certificate, certificateKind: certKind, certificateTolerance: certTol, objective, intercept: b, interceptGradient,
    lipschitz: L, restarts, converged, kktScale, backtracks, passes, gradient: g.slice(),
  };
}

