import type { CertifiedGlmnetRun } from './glmnetCompare.js';
import type { ColdFitsResult, PathRunResult } from './pathRun.js';
import type { SolverComparison } from './singleLambda.js';

/** Our path at glmnet-matched accuracy, or why it was not run. */
export type MatchedRun =
  | { kind: 'run'; result: PathRunResult }
  | { kind: 'skipped'; reason: string; lowerBoundMs: number };

/** The glmnet side of one problem. */
export interface GlmnetOutcome {
  /** [0]: thresh 1e-7 (glmnet's default) on the shared grid; then tighter thresh; last: glmnet's own grid. */
  runs: CertifiedGlmnetRun[];
  /** glmnet's smallest relative gap above the exact floor (at λ index k, with that many non-zeros). */
  strict: { tol: number; k: number; nonZeros: number };
  /** Our path with tol = glmnet's largest relative gap (worst case matched). */
  worstMatched: PathRunResult;
  /** Our path with tol = glmnet's smallest non-trivial relative gap (every λ at least as accurate as glmnet's best λ). */
  strictMatched: MatchedRun;
  /** Our path with λ_k solved to glmnet's own relative gap at λ_k (floored at the exact floor): the deciding criterion. */
  lambdaMatched: PathRunResult;
}

/** Everything measured on one problem. */
export interface ProblemOutcome {
  label: string;
  description: string;
  nRows: number;
  nCols: number;
  nnz: number;
  lambdaMax: number;
  gridLength: number;
  lambdaMinRatio: number;
  generateMs: number;
  uploadMs: number;
  /** Our path at the library's default tol 1e-7. */
  ourDefault: PathRunResult;
  /** Cold fits at every λ our default path solved (maybe extrapolated from a subset). */
  cold: ColdFitsResult;
  glmnet: GlmnetOutcome | undefined;
  solvers: SolverComparison[];
}
