import type { DesignMatrix } from '../matrix/DesignMatrix.js';

/**
 * @internal The ridge problem's design as a linear operator, never formed for CSC X:
 *
 *   Z = S·(X − 1μᵀ)·D,   S = diag(s), s_i = √v_i,   D = diag(d)
 *
 * with v the normalized observation weights (Σv = 1; v_i = 1/n by default; 0 on the held-out rows of a
 * cross-validation fold), μ the weighted column means (0 without an intercept) and d the column scales
 * (1/sd with `standardize`, 0 for excluded columns). In these terms the ridge objective (intercept
 * profiled out) is ½‖c − Zw̃‖² + (λ/2)‖w̃‖² with c = S(y − ȳ), whose gradient is
 * Zᵀ(Zw̃ − c) + λw̃ and whose solution solves (ZᵀZ + λI)w̃ = Zᵀc.
 */
export interface RidgeDesign {
  X: DesignMatrix;
  mean: Float64Array;
  invScale: Float64Array;
  rowScale: Float64Array;
}
