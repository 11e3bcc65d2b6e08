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

/** @internal A coordinate-descent engine: the WASM kernels or the pure-TypeScript reference. */
export interface Engine {
  readonly name: 'wasm' | 'js';
  solveElasticNet(request: ElasticNetRequest): ElasticNetSolution;
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
