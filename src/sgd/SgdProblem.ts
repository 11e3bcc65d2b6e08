/*
 * The stochastic-gradient solve shared by the WASM kernel (assembly/sgd/sgdFit.ts) and
 * the TS reference: the data as rows (row-major dense, or CSR), the settings as a params block.
 */

/** @internal Row storage of X for sample-by-sample access: dense row-major (rowptr/cols empty) or CSR. */
export interface RowMatrix {
  n: number;
  p: number;
  /** 0 dense row-major, 1 CSR. */
  layout: 0 | 1;
  values: Float64Array;
  rowptr: Int32Array;
  cols: Int32Array;
}

export const SGD_LOSS = { squared: 0, logistic: 1 } as const;
export type SgdLossName = keyof typeof SGD_LOSS;

/** scikit-learn's learning-rate schedules. */
export const SCHEDULE = { constant: 0, invscaling: 1, optimal: 2 } as const;
export type LearningRateName = keyof typeof SCHEDULE;

/** How the L1 part is applied. */
export const L1_METHOD = { cumulative: 0, subgradient: 1 } as const;
export type L1MethodName = keyof typeof L1_METHOD;

/** Layout of the params block (f64 indices). */
export const SGD_PARAM = {
  loss: 0, l1: 1, l2: 2, fitIntercept: 3, schedule: 4, eta0: 5, powerT: 6, optimalT0: 7, l1Method: 8,
  batchSize: 9, maxEpochs: 10, tol: 11, nIterNoChange: 12, seed: 13, shuffle: 14,
} as const;
export const SGD_PARAM_LENGTH = 16;

/** Layout of the out block (f64 indices). */
export const SGD_OUT = { epochs: 0, objective: 1, bestObjective: 2, updates: 3, converged: 4, intercept: 5, kktResidual: 6, interceptGradient: 7 } as const;
export const SGD_OUT_LENGTH = 8;

/** @internal Settings of one fit. */
export interface SgdSettings {
  loss: SgdLossName;
  l1: number;
  l2: number;
  fitIntercept: boolean;
  schedule: LearningRateName;
  eta0: number;
  powerT: number;
  l1Method: L1MethodName;
  batchSize: number;
  maxEpochs: number;
  tol: number;
  nIterNoChange: number;
  seed: number;
  shuffle: boolean;
}

/** What a stochastic-gradient fit reports (the fitted estimators expose it field by field). */
export interface SgdReport {
  epochs: number;
  objective: number;
  bestObjective: number;
  updates: number;
  converged: boolean;
  intercept: number;
  /** max_j dist(0, ∂_j F(w)) at the returned w (and |∂F/∂b| separately). */
  kktResidual: number;
  interceptGradient: number;
}

/**
 * @internal scikit-learn's 'optimal' schedule η_t = 1/(λ·(t₀ + t − 1)): t₀ = 1/(λ·η₀) with Bottou's
 * η₀ = typw / max(1, |dloss(1, −typw)|), typw = √(1/√λ). For the squared and logistic losses
 * the max is 1, so η₀ = typw.
 */
export function optimalT0(lambda: number): number {
  const typw = Math.sqrt(1 / Math.sqrt(lambda));
  return 1 / (typw * lambda);
}

/** @internal The params block of a fit. */
export function sgdParams(s: SgdSettings): Float64Array {
  const params = new Float64Array(SGD_PARAM_LENGTH);
  params[SGD_PARAM.loss] = SGD_LOSS[s.loss];
  params[SGD_PARAM.l1] = s.l1;
  params[SGD_PARAM.l2] = s.l2;
  params[SGD_PARAM.fitIntercept] = s.fitIntercept ? 1 : 0;
  params[SGD_PARAM.schedule] = SCHEDULE[s.schedule];
  params[SGD_PARAM.eta0] = s.eta0;
  params[SGD_PARAM.powerT] = s.powerT;
  params[SGD_PARAM.optimalT0] = s.schedule === 'optimal' ? optimalT0(s.l1 + s.l2) : 0;
  params[SGD_PARAM.l1Method] = L1_METHOD[s.l1Method];
  params[SGD_PARAM.batchSize] = s.batchSize;
  params[SGD_PARAM.maxEpochs] = s.maxEpochs;
  params[SGD_PARAM.tol] = s.tol;
  params[SGD_PARAM.nIterNoChange] = s.nIterNoChange;
  params[SGD_PARAM.seed] = s.seed >>> 0;
  params[SGD_PARAM.shuffle] = s.shuffle ? 1 : 0;
  return params;
}
