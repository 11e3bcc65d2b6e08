import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { EngineName } from '../engine/selectEngine.js';
import { wasmRuntime, type WasmRuntime } from '../wasm/runtime.js';
import { columnStats, type ColumnStats } from '../reference/columnStats.js';
import { residentCopyOf, uploadBytes } from '../wasm/residentDesign.js';
import { WASM32_MAX_BYTES } from '../wasm/WasmHeap.js';
import { WasmMemoryLimitError } from '../errors.js';
import {
  CERTIFICATE_NAMES, DATAFIT, FISTA_OUT, FISTA_OUT_LENGTH, PARAM, PARAM_LENGTH, PENALTY, RESTART,
  type FistaReport, type FistaSettings, type ResolvedPenalty,
} from './ProximalProblem.js';
import { fistaSolve } from './reference/fistaSolve.js';

/** @internal One proximal-gradient solve, engine-agnostic. */
export interface ProximalRequest {
  X: DesignMatrix;
  /** ỹ (centred when fitting an intercept with the squared loss) or the 0/1 labels. */
  y: Float64Array;
  weights?: Float64Array | undefined;
  fitIntercept: boolean;
  standardize: boolean;
  /** The penalty with bounds on the ORIGINAL scale (scaled here once the column scales are known). */
  penalty: ResolvedPenalty;
  settings: Omit<FistaSettings, 'lipschitz0'>;
  /** Warm start on the original scale. */
  initialCoef?: Float64Array | undefined;
  engine: EngineName;
}

/** @internal The solution in the scaled space, the scaling, and the solver's report. */
export interface ProximalSolution {
  coefScaled: Float64Array;
  mean: Float64Array;
  invScale: Float64Array;
  report: FistaReport;
  engine: EngineName;
}

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/**
 * L₀: a lower bound on the Lipschitz constant of ∇f, max_j Σ_i ω_i·x̃_ij² (a diagonal entry of
 * X̃ᵀΩX̃ never exceeds its largest eigenvalue), ÷4 for the logistic loss (σ' ≤ 1/4), and the
 * intercept's own entry Σω_i·(1/4) when b is a variable. Backtracking doubles it as needed, so
 * the final L is at most twice the true constant.
 */
function initialLipschitz(stats: ColumnStats, settings: ProximalRequest['settings']): number {
  let L = 0;
  for (let j = 0; j < stats.normSqOverN.length; j++) L = Math.max(L, stats.normSqOverN[j]!);
  if (settings.datafit === 'logistic') L = Math.max(L, settings.interceptVariable ? 1 : 0) / 4;
  return L > 0 ? L : 1;
}

/** Bounds on the original scale → the scaled space (w̃_j = w_j / invScale_j; 0 for excluded columns). */
function scaleBounds(bounds: Float64Array | undefined, invScale: Float64Array): Float64Array | undefined {
  if (!bounds) return undefined;
  const out = new Float64Array(bounds.length);
  for (let j = 0; j < bounds.length; j++) out[j] = invScale[j] === 0 ? 0 : bounds[j]! / invScale[j]!;
  return out;
}

/**
 * Whether coordinate descent's penalized duality gap (assembly/penalty.ts, mode 0) certifies this
 * penalty: every factor, lower and upper bound given (as `resolvePenalty` returns them) and no
 * non-constant feature with factor 0 and an infinite side.
 */
function gapWithOptions(penalty: ResolvedPenalty, invScale: Float64Array): boolean {
  const { factors, lower, upper } = penalty;
  if (!factors || !lower || !upper) return false;
  for (let j = 0; j < invScale.length; j++) {
    if (invScale[j] !== 0 && factors[j] === 0 && (lower[j] === -Infinity || upper[j] === Infinity)) return false;
  }
  return true;
}

function scaledWarmStart(initialCoef: Float64Array | undefined, invScale: Float64Array, out: Float64Array): void {
  out.fill(0);
  if (!initialCoef) return;
  for (let j = 0; j < out.length; j++) out[j] = invScale[j] === 0 ? 0 : initialCoef[j]! / invScale[j]!;
}

/** @internal Runs FISTA/ISTA with the WASM kernels (when available and requested) or the TS reference. */
export function solveProximal(request: ProximalRequest): ProximalSolution {
  const runtime = request.engine === 'wasm' ? wasmRuntime() : undefined;
  return runtime ? solveWasm(runtime, request) : solveJs(request);
}

function solveJs(request: ProximalRequest): ProximalSolution {
  const { X, weights, penalty } = request;
  const stats = columnStats(X, request.fitIntercept, request.standardize, weights);
  const w = new Float64Array(X.nCols);
  scaledWarmStart(request.initialCoef, stats.invScale, w);
  const scaled: ResolvedPenalty = {
    ...penalty, lower: scaleBounds(penalty.lower, stats.invScale), upper: scaleBounds(penalty.upper, stats.invScale),
    gapWithOptions: gapWithOptions(penalty, stats.invScale),
  };
  const settings: FistaSettings = { ...request.settings, lipschitz0: initialLipschitz(stats, request.settings) };
  const report = fistaSolve(X, stats, weights, request.y, w, scaled, settings);
  return { coefScaled: w, mean: stats.mean, invScale: stats.invScale, report, engine: 'js' };
}

function solveWasm(runtime: WasmRuntime, request: ProximalRequest): ProximalSolution {
  const { heap, kernels } = runtime;
  const { X, weights, penalty, fitIntercept, standardize } = request;
  const n = X.nRows;
  const p = X.nCols;
  const sizes: [string, number][] = [
    ['desc', 64], ['params', PARAM_LENGTH * 8], ['out', 32 * 8], ['y', n * 8], ['w', p * 8], ['g', p * 8],
    ['scratch', (6 * p + 5 * n) * 8],
  ];
  // Factors and bounds as one block laid out as assembly/penalty.ts reads it (mode | factor | lower | upper),
  // so the kernel can hand it to coordinate descent's penalized gap.
  const options = penalty.factors !== undefined && penalty.lower !== undefined && penalty.upper !== undefined;
  if (options) sizes.push(['pen', 8 + 3 * p * 8]);
  else {
    if (penalty.factors) sizes.push(['factors', p * 8]);
    if (penalty.lower) sizes.push(['lower', p * 8]);
    if (penalty.upper) sizes.push(['upper', p * 8]);
  }
  if (weights) sizes.push(['weights', n * 8], ['stats', p * 32]);
  const total = sizes.reduce((s, [, b]) => s + align(b), 0);
  const needed = uploadBytes(X, runtime, fitIntercept, standardize) + total;
  if (needed > WASM32_MAX_BYTES - heap.bytesInUse) throw new WasmMemoryLimitError('X', needed, heap.bytesInUse);
  const copy = residentCopyOf(X, runtime);
  const base = heap.allocate(total, 'X');
  try {
    const at: Record<string, number> = {};
    let offset = base;
    for (const [name, bytes] of sizes) {
      at[name] = offset;
      offset += align(bytes);
    }
    let stats: number;
    if (weights) {
      heap.f64(at.weights!, n).set(weights);
      stats = at.stats!;
      const p8 = p * 8;
      kernels.columnStats(copy.layout, n, p, copy.values, copy.indptr, copy.rows, fitIntercept ? 1 : 0, standardize ? 1 : 0,
        stats, stats + p8, stats + 2 * p8, stats + 3 * p8, at.weights!, 0, 0);
    } else stats = copy.statistics(fitIntercept, standardize);
    const [mean, invScale, colSum, normSqOverN] = [0, 1, 2, 3].map((q) => stats + q * p * 8) as [number, number, number, number];
    heap.i32(at.desc!, 13).set([copy.layout, n, p, copy.values, copy.indptr, copy.rows, mean, invScale, colSum, normSqOverN, weights ? at.weights! : 0, 0, 0]);
    const statsCopy: ColumnStats = {
      mean: heap.f64(mean, p).slice(), invScale: heap.f64(invScale, p).slice(), colSum: heap.f64(colSum, p).slice(), normSqOverN: heap.f64(normSqOverN, p).slice(),
    };
    const s = request.settings;
    const params = new Float64Array(PARAM_LENGTH);
    params[PARAM.datafit] = DATAFIT[s.datafit];
    params[PARAM.penaltyKind] = PENALTY[penalty.kind];
    params[PARAM.l1] = penalty.l1;
    params[PARAM.l2] = penalty.l2;
    params[PARAM.radius] = penalty.radius;
    params[PARAM.interceptVariable] = s.interceptVariable ? 1 : 0;
    params[PARAM.accelerate] = s.accelerate ? 1 : 0;
    params[PARAM.restart] = RESTART[s.restart];
    params[PARAM.maxIter] = s.maxIter;
    params[PARAM.checkEvery] = s.checkEvery;
    params[PARAM.lipschitz0] = initialLipschitz(statsCopy, s);
    params[PARAM.tol] = s.tol;
    params[PARAM.nullObjective] = s.nullObjective;
    params[PARAM.intercept0] = s.intercept0;
    heap.f64(at.params!, PARAM_LENGTH).set(params);
    heap.f64(at.y!, n).set(request.y);
    const w0 = new Float64Array(p);
    scaledWarmStart(request.initialCoef, statsCopy.invScale, w0);
    heap.f64(at.w!, p).set(w0);
    let pen = 0;
    if (options) {
      pen = at.pen!;
      heap.f64(pen, 1)[0] = gapWithOptions(penalty, statsCopy.invScale) ? 0 : 1; // mode: 0 gap, 1 KKT
      at.factors = pen + 8;
      at.lower = pen + 8 + p * 8;
      at.upper = pen + 8 + 2 * p * 8;
    }
    if (penalty.factors) heap.f64(at.factors!, p).set(penalty.factors);
    if (penalty.lower) heap.f64(at.lower!, p).set(scaleBounds(penalty.lower, statsCopy.invScale)!);
    if (penalty.upper) heap.f64(at.upper!, p).set(scaleBounds(penalty.upper, statsCopy.invScale)!);
    kernels.fistaSolve(at.desc!, at.params!, at.y!, at.w!, at.factors ?? 0, at.lower ?? 0, at.upper ?? 0, pen, at.g!, at.scratch!, at.out!);
    const out = heap.f64(at.out!, FISTA_OUT_LENGTH);
    const report: FistaReport = {
      iterations: out[FISTA_OUT.iterations]!,
      certificate: out[FISTA_OUT.certificate]!,
      certificateKind: CERTIFICATE_NAMES[out[FISTA_OUT.certificateKind]!]!,
      certificateTolerance: out[FISTA_OUT.certificateTolerance]!,
      objective: out[FISTA_OUT.objective]!,
      intercept: out[FISTA_OUT.intercept]!,
      interceptGradient: out[FISTA_OUT.interceptGradient]!,
      lipschitz: out[FISTA_OUT.lipschitz]!,
      restarts: out[FISTA_OUT.restarts]!,
      converged: out[FISTA_OUT.converged] === 1,
      kktScale: out[FISTA_OUT.kktScale]!,
      backtracks: out[FISTA_OUT.backtracks]!,
      passes: out[FISTA_OUT.passes]!,
      gradient: heap.f64(at.g!, p).slice(),
    };
    return { coefScaled: heap.f64(at.w!, p).slice(), mean: statsCopy.mean, invScale: statsCopy.invScale, report, engine: 'wasm' };
  } finally {
    heap.free(base);
  }
}
