import { designGradient, designMatvec } from './designProducts';
import { datafitBregman, datafitResidual, datafitValue } from './datafit';
import { elasticNetPenaltyValue, frankWolfeGap, kktResidual, projectL1Ball, projectL2Ball, proxElasticNet } from './proxOperators';
import { extrapolate, gradientStep, restartProduct, squaredDistance, sumSquares } from './vectorOps';
import { gapFromGradients, weightedRss } from '../elasticNetDualGap';
import * as D from '../designDescriptor';

// params block (f64), see src/proximal/ProximalProblem.ts (PARAM).
const P_DATAFIT = 0, P_KIND = 1, P_L1 = 2, P_L2 = 3, P_RADIUS = 4, P_INTERCEPT = 5, P_ACCELERATE = 6, P_RESTART = 7;
const P_MAXITER = 8, P_CHECK = 9, P_L0 = 10, P_TOL = 11, P_NULL = 12, P_B0 = 13;
// out block (f64, 32: the second half is scratch for the gap sums), see FISTA_OUT.
const O_ITER = 0, O_CERT = 1, O_KIND = 2, O_CTOL = 3, O_OBJ = 4, O_B = 5, O_BGRAD = 6, O_L = 7, O_RESTARTS = 8;
const O_CONV = 9, O_KKTSCALE = 10, O_BACKTRACKS = 11, O_PASSES = 12;

// @ts-ignore: decorator
@inline function param(params: usize, k: i32): f64 { return load<f64>(params + (<usize>k << 3)); }
// @ts-ignore: decorator
@inline function put(out: usize, k: i32, v: f64): void { store<f64>(out + (<usize>k << 3), v); }

// Solver state shared by the helpers below (AssemblyScript returns one value).
let gCertificate: f64 = 0, gInterceptGradient: f64 = 0, gObjective: f64 = 0, gConverged: bool = false;

/**
 * Accelerated proximal gradient (FISTA with backtracking and adaptive restart; ISTA when
 * params[accelerate] = 0) on min_{w,b} f(X̃w + b) + h(w), the whole solve in one call.
 * See src/proximal/reference/fistaSolve.ts, which this mirrors step for step.
 *
 * y: n targets (ỹ or 0/1 labels); w: p doubles, the start on entry and the solution on exit;
 * factors/lower/upper: p doubles each or 0; pen: 0, or the penalty block of assembly/penalty.ts
 * holding those three (mode 0: its penalized duality gap certifies; mode 1: the KKT residual); g: p doubles, receives X̃ᵀ(ω∘u) at the solution;
 * scratch: 6p + 5n doubles; out: 32 doubles. Returns the number of iterations.
 */
export function fistaSolve(
  desc: usize, params: usize, y: usize, w: usize, factors: usize, lower: usize, upper: usize, pen: usize, g: usize, scratch: usize, out: usize,
): i32 {
  const n = D.dRows(desc), p = D.dCols(desc);
  const invScale = D.dInvScale(desc), weights = D.dWeights(desc);
  const datafit = <i32>param(params, P_DATAFIT);
  const kind = <i32>param(params, P_KIND);
  const l1 = param(params, P_L1), l2 = param(params, P_L2), radius = param(params, P_RADIUS);
  const interceptVar = param(params, P_INTERCEPT) != 0;
  const accelerate = param(params, P_ACCELERATE) != 0;
  const restartMode = <i32>param(params, P_RESTART);
  const maxIter = <i32>param(params, P_MAXITER);
  const checkEvery = <i32>param(params, P_CHECK);
  const tol = param(params, P_TOL);
  // Certificate: 0 duality gap (squared loss, plain elastic net), 1 Frank–Wolfe gap (balls), 2 KKT residual.
  let certKind: i32 = 2;
  if (kind != 0) certKind = 1;
  else if (datafit == 0 && (l1 > 0 || l2 > 0) && ((factors == 0 && lower == 0 && upper == 0) || (pen != 0 && load<f64>(pen) == 0))) certKind = 0;

  const p8 = <usize>p << 3, n8 = <usize>n << 3;
  let x = scratch, xPrev = scratch + p8, xNew = scratch + 2 * p8;
  const z = scratch + 3 * p8, v = scratch + 4 * p8, sorted = scratch + 5 * p8;
  const etaBase = scratch + 6 * p8;
  let etaX = etaBase, etaPrev = etaBase + n8, etaNew = etaBase + 2 * n8;
  const etaZ = etaBase + 3 * n8, u = etaBase + 4 * n8;
  const gapOut = out + 128;

  memory.copy(x, w, p8);
  memory.copy(xPrev, w, p8);
  let b: f64 = interceptVar ? param(params, P_B0) : 0;
  let bPrev = b;
  let passes: f64 = 0;

  // KKT scale: ‖∇_w f‖∞ at w = 0, b = b₀.
  for (let i: i32 = 0; i < n; i++) store<f64>(etaZ + (<usize>i << 3), b);
  datafitResidual(datafit, y, etaZ, weights, n, u);
  designGradient(desc, u, g);
  passes++;
  let kktScale: f64 = 0;
  for (let j: i32 = 0; j < p; j++) kktScale = Math.max(kktScale, Math.abs(load<f64>(g + (<usize>j << 3))));
  const certTol = tol * (certKind == 2 ? kktScale : param(params, P_NULL));
  const interceptTol = tol * kktScale;

  if (kind != 0) {
    memory.copy(v, x, p8);
    if (kind == 1) projectL1Ball(v, radius, invScale, p, sorted, xNew);
    else projectL2Ball(v, radius, invScale, p, xNew);
    memory.copy(x, xNew, p8);
    memory.copy(xPrev, x, p8);
  }
  designMatvec(desc, x, b, etaX);
  passes++;
  memory.copy(etaPrev, etaX, n8);

  let L = param(params, P_L0);
  let t: f64 = 1, beta: f64 = 0;
  let restarts: i32 = 0, backtracks: i32 = 0, iterations: i32 = 0;
  gCertificate = Infinity;
  gInterceptGradient = 0;
  gObjective = NaN;
  gConverged = false;
  let fX = datafitValue(datafit, y, etaX, weights, n) + (kind == 0 ? elasticNetPenaltyValue(x, l1, l2, factors, p) : 0);

  if (maxIter == 0) {
    evaluate(desc, datafit, kind, certKind, y, x, etaX, u, g, weights, n, p, l1, l2, radius, factors, lower, upper, pen, invScale, interceptVar, certTol, interceptTol, gapOut);
    passes++;
  }
  while (iterations < maxIter) {
    let bz = b;
    if (beta != 0) {
      extrapolate(z, x, xPrev, beta, p);
      extrapolate(etaZ, etaX, etaPrev, beta, n);
      bz = b + beta * (b - bPrev);
    } else {
      memory.copy(z, x, p8);
      memory.copy(etaZ, etaX, n8);
    }
    datafitResidual(datafit, y, etaZ, weights, n, u);
    const sumWU = designGradient(desc, u, g);
    passes++;
    let bNew = bz;
    const zNormSq = bz * bz + sumSquares(z, p);
    for (;;) {
      const step = 1.0 / L;
      gradientStep(v, z, step, g, p);
      if (kind == 0) proxElasticNet(v, step, l1, l2, factors, lower, upper, invScale, p, xNew);
      else if (kind == 1) projectL1Ball(v, radius, invScale, p, sorted, xNew);
      else projectL2Ball(v, radius, invScale, p, xNew);
      if (interceptVar) bNew = bz + step * sumWU;
      designMatvec(desc, xNew, bNew, etaNew);
      passes++;
      const distSq = (bNew - bz) * (bNew - bz) + squaredDistance(xNew, z, p);
      const divergence = datafitBregman(datafit, etaNew, etaZ, weights, n);
      if (divergence <= 0.5 * L * distSq || distSq <= 1e-30 * zNormSq) break;
      L *= 2;
      backtracks++;
    }
    iterations++;
    let restart = false;
    let fNew: f64 = NaN;
    if (restartMode == 1) {
      restart = (bz - bNew) * (bNew - b) + restartProduct(z, xNew, x, p) > 0;
    } else if (restartMode == 2) {
      fNew = datafitValue(datafit, y, etaNew, weights, n) + (kind == 0 ? elasticNetPenaltyValue(xNew, l1, l2, factors, p) : 0);
      restart = fNew > fX;
    }
    // Rotate the buffers: x_prev ← x, x ← x⁺ (and the predictors alike).
    const oldPrev = xPrev;
    xPrev = x; x = xNew; xNew = oldPrev;
    const oldEtaPrev = etaPrev;
    etaPrev = etaX; etaX = etaNew; etaNew = oldEtaPrev;
    bPrev = b;
    b = bNew;
    fX = fNew;
    if (!accelerate) beta = 0;
    else if (restart) {
      restarts++;
      t = 1;
      beta = 0;
    } else {
      const tNext = (1.0 + Math.sqrt(1.0 + 4.0 * t * t)) / 2.0;
      beta = (t - 1.0) / tNext;
      t = tNext;
    }
    if (iterations % checkEvery == 0 || iterations == maxIter) {
      evaluate(desc, datafit, kind, certKind, y, x, etaX, u, g, weights, n, p, l1, l2, radius, factors, lower, upper, pen, invScale, interceptVar, certTol, interceptTol, gapOut);
      passes++;
      if (gConverged) break;
    }
  }
  memory.copy(w, x, p8);
  put(out, O_ITER, <f64>iterations);
  put(out, O_CERT, gCertificate);
  put(out, O_KIND, <f64>certKind);
  put(out, O_CTOL, certTol);
  put(out, O_OBJ, gObjective);
  put(out, O_B, b);
  put(out, O_BGRAD, gInterceptGradient);
  put(out, O_L, L);
  put(out, O_RESTARTS, <f64>restarts);
  put(out, O_CONV, gConverged ? 1.0 : 0.0);
  put(out, O_KKTSCALE, kktScale);
  put(out, O_BACKTRACKS, <f64>backtracks);
  put(out, O_PASSES, passes);
  return iterations;
}

/** The certificate at x (one pass over X for the gradient); sets the g* globals. */
function evaluate(
  desc: usize, datafit: i32, kind: i32, certKind: i32, y: usize, x: usize, etaX: usize, u: usize, g: usize, weights: usize,
  n: i32, p: i32, l1: f64, l2: f64, radius: f64, factors: usize, lower: usize, upper: usize, pen: usize, invScale: usize,
  interceptVar: bool, certTol: f64, interceptTol: f64, gapOut: usize,
): void {
  const fValue = datafitResidual(datafit, y, etaX, weights, n, u);
  const sumWU = designGradient(desc, u, g);
  gInterceptGradient = interceptVar ? Math.abs(sumWU) : 0;
  gObjective = fValue + (kind == 0 ? elasticNetPenaltyValue(x, l1, l2, factors, p) : 0);
  if (certKind == 0) {
    gCertificate = gapFromGradients(desc, x, l1, l2, g, 0, p, weightedRss(u, weights, n), gapOut, pen);
  } else if (certKind == 1) {
    gCertificate = frankWolfeGap(x, g, radius, kind == 1 ? 1 : 2, invScale, p);
  } else {
    gCertificate = kktResidual(x, g, l1, l2, factors, lower, upper, invScale, p);
  }
  gConverged = gCertificate <= certTol && gInterceptGradient <= interceptTol;
}
