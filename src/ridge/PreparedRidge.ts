import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import type { Buffer64, DesignHandle, RidgeBackend } from './RidgeBackend.js';
import type { RidgeDesign } from './RidgeDesign.js';

/**
 * @internal One ridge problem bound to a backend, in the centred/scaled/weighted space of
 * {@link RidgeDesign}: c = S(Y − 1ȳᵀ) (n×k, resident in the backend) and b = Zᵀc (p×k, the negative
 * gradient at w̃ = 0, whose norm scales every certificate).
 */
export interface PreparedRidge {
  readonly backend: RidgeBackend;
  readonly handle: DesignHandle;
  readonly design: RidgeDesign;
  readonly n: number;
  readonly p: number;
  readonly k: number;
  /** ‖·‖²-diagonal of ZᵀZ, for CG's preconditioner. */
  readonly diagGram: Float64Array;
  /** Weighted target means ȳ (0 without an intercept). */
  readonly yMean: Float64Array;
  readonly c: Buffer64;
  readonly b: Float64Array;
  /** ‖b_t‖₂ per target. */
  readonly bNorm: Float64Array;
  /** ½‖c_t‖²: the objective at w̃ = 0, per target. */
  readonly nullObjective: Float64Array;
}

/** @internal Weighted statistics, the bound design, c and b. `v` sums to 1. */
export function prepareRidge(
  backend: RidgeBackend, X: DesignMatrix, Y: Float64Array, k: number, v: Float64Array, fitIntercept: boolean, standardize: boolean,
): PreparedRidge {
  const n = X.nRows;
  const p = X.nCols;
  const stats = backend.columnStats(X, v, fitIntercept, standardize);
  const rowScale = v.map(Math.sqrt);
  const design: RidgeDesign = { X, mean: stats.mean, invScale: stats.invScale, rowScale };
  const handle = backend.bind(design);
  const yMean = new Float64Array(k);
  const cHost = new Float64Array(n * k);
  const nullObjective = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    let mean = 0;
    if (fitIntercept) for (let i = 0; i < n; i++) mean += v[i]! * Y[t * n + i]!;
    yMean[t] = mean;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const ci = rowScale[i]! * (Y[t * n + i]! - mean);
      cHost[t * n + i] = ci;
      ss += ci * ci;
    }
    nullObjective[t] = ss / 2;
  }
  const c = backend.upload(cHost);
  const bBuf = backend.alloc(p * k);
  for (let t = 0; t < k; t++) backend.applyZt(handle, backend.slice(c, t * n, n), backend.slice(bBuf, t * p, p));
  const b = backend.read(bBuf);
  const bNorm = new Float64Array(k);
  for (let t = 0; t < k; t++) bNorm[t] = norm(b.subarray(t * p, (t + 1) * p));
  return { backend, handle, design, n, p, k, diagGram: stats.diagGram, yMean, c, b, bNorm, nullObjective };
}

/** @internal Euclidean norm. */
export function norm(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s);
}
