import type { MachineInfo } from '../machine.js';
import type { GlmnetAvailability, GlmnetLogisticRun } from './glmnet.js';
import type { LiblinearAvailability } from './liblinear.js';
import type { PathRunResult, SingleFitResult } from './ourRuns.js';

/** liblinear at one -e against our fit reaching at least its objective. */
export interface LiblinearComparison {
  eps: number;
  timesMs: number[];
  medianMs: number;
  newtonIterations: number;
  /** F(w_liblinear) by our definition (no intercept). */
  objective: number;
  /** Our duality gap ÷ F(0) at liblinear's w. */
  relGap: number;
  nonZeros: number;
  /** Our tol ladder: the loosest tol whose fit has F ≤ liblinear's (undefined: none reached it). */
  ours: SingleFitResult | undefined;
  /** F of our fit, by the same function as liblinear's. */
  oursObjective: number;
  /** The tols tried on the way (tol, F). */
  ladder: { tol: number; objective: number }[];
}

/** The liblinear section. */
export interface LiblinearOutcome {
  lambda: number;
  lambdaMax: number;
  C: number;
  fileBytes: number;
  /** Wall-clock ms of `train -e 1e30` (reads the file, one gradient, writes the model): the read cost. */
  readMs: number;
  runs: LiblinearComparison[];
}

/** A glmnet run with its solutions certified by l1l2. */
export interface CertifiedGlmnet {
  run: GlmnetLogisticRun;
  relGaps: Float64Array;
  objectives: Float64Array;
  maxRelGap: number;
  medianRelGap: number;
  lambdaMismatch: number;
}

/** The glmnet section. */
export interface GlmnetOutcome {
  runs: CertifiedGlmnet[];
  /** Our paths (WASM) compared with them: at the default tol, at glmnet's worst gap and at its median gap. */
  ours: { result: PathRunResult; objectives: Float64Array; label: string }[];
  /**
   * The deciding pair timed alternately: glmnet's default path (a fresh R process per run) and our
   * equal-objective path, run after run (ms each).
   */
  decision?: { glmnetTimesMs: number[]; oursTimesMs: number[] };
}

/** Everything one bench run measured. */
export interface LogisticBenchOutcome {
  machine: MachineInfo;
  build: string;
  simdEnabled: boolean;
  quick: boolean;
  label: string;
  description: string;
  nRows: number;
  nCols: number;
  nnz: number;
  positiveRate: number;
  generateMs: number;
  uploadMs: number;
  lambdaMax: number;
  gridLength: number;
  lambdaMinRatio: number;
  singleRatio: number;
  single: SingleFitResult[];
  paths: PathRunResult[];
  jsPathNote: string | undefined;
  liblinear: LiblinearOutcome | undefined;
  liblinearAvailability: LiblinearAvailability;
  glmnet: GlmnetOutcome | undefined;
  glmnetAvailability: GlmnetAvailability;
  totalSeconds: number;
}
