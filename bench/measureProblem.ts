import type { WasmRuntime } from '../src/wasm/runtime.js';
import { residentCopyOf } from '../src/wasm/residentDesign.js';
import { generateProblem, problemLabel, type Problem, type ProblemSpec } from './problems.js';
import { lambdaMax } from '../src/model/lambdaMax.js';
import { centerTarget } from '../src/model/centerTarget.js';
import { interleaved, timeOnce, type RepetitionPolicy, type Samples } from './timing.js';
import type { EpochState } from './epochState.js';
import { WasmEpochState } from './wasmEpochState.js';
import { JsEpochState } from './jsEpochState.js';
import { streamReadOf } from './streamRead.js';
import { cscGatherReadOf } from './cscGatherRead.js';
import { fullFit, maxAbsDiff, type FitOutcome } from './fullFit.js';

/** Benchmark-wide settings. */
export interface MeasureSettings {
  /** λ = lambdaFraction·λ_max. */
  lambdaFraction: number;
  tol: number;
  maxIter: number;
  epochPolicy: RepetitionPolicy;
  fitPolicy: RepetitionPolicy;
  log: (message: string) => void;
}

/** Epoch timings of both engines from one shared starting point. */
export interface EpochComparison {
  wasm: Samples;
  js: Samples;
  /** max_j |w_wasm − w_js| after one epoch from the shared start: both engines did the same work. */
  coefDiffAfterOneEpoch: number;
  /** Non-zero coefficients at the start. */
  startNonZeros: number;
  /** Coordinates the (WASM) epoch changed: the number of column axpys it performed. */
  moved: number;
}

/** Everything measured on one problem. */
export interface ProblemResult {
  spec: ProblemSpec;
  label: string;
  nnz: number;
  valueBytes: number;
  indexBytes: number;
  lambdaMax: number;
  lambda: number;
  uploadMs: number;
  /** First epoch from w = 0 (many coordinates become non-zero: axpy-heavy). */
  coldEpoch: EpochComparison;
  /** Epoch started at the converged solution (dots over all columns, axpys on the active set only). */
  warmEpoch: EpochComparison;
  /** WASM `denseSum` over X's bytes, timed interleaved with the warm epochs. */
  stream: Samples;
  streamBytes: number;
  /** CSC only: WASM `cscDot` over all stored entries in one call, timed interleaved with the warm epochs. */
  gather: Samples | undefined;
  fit: { wasm: Samples; js: Samples; wasmOutcome: FitOutcome; jsOutcome: FitOutcome; coefDiff: number };
}

/**
 * Times one epoch of each engine, both restored to the same (w, r) before every run,
 * alternating engines (plus any `extra` contenders, e.g. the streaming read).
 */
function compareEpochs(
  wasm: EpochState, js: EpochState, start: Float64Array, policy: RepetitionPolicy, extra: { run: () => void }[] = [],
): { comparison: EpochComparison; extraSamples: Samples[] } {
  // primeRuns: each timed run directly follows an untimed run of the same contender, so it
  // meets the caches as the previous epoch of a fit would leave them (X is 40–160 MB, the L3 32 MB).
  for (const s of [wasm, js]) {
    s.setCoef(start);
    s.snapshot();
  }
  const [w, j, ...rest] = interleaved(
    [
      { setup: () => wasm.restore(), run: () => void wasm.epoch(), warmupRuns: 2, primeRuns: 1 },
      { setup: () => js.restore(), run: () => void js.epoch(), warmupRuns: 2, primeRuns: 1 },
      ...extra.map((e) => ({ run: e.run, warmupRuns: 2, primeRuns: 1 })),
    ],
    policy,
  );
  wasm.restore();
  js.restore();
  wasm.epoch();
  js.epoch();
  const after = wasm.coef();
  let startNonZeros = 0;
  let moved = 0;
  for (let k = 0; k < start.length; k++) {
    if (start[k] !== 0) startNonZeros++;
    if (after[k] !== start[k]) moved++;
  }
  return {
    comparison: { wasm: w!, js: j!, coefDiffAfterOneEpoch: maxAbsDiff(after, js.coef()), startNonZeros, moved },
    extraSamples: rest,
  };
}

/** Generates the problem and runs every measurement on it. */
export function measureProblem(spec: ProblemSpec, runtime: WasmRuntime, settings: MeasureSettings): ProblemResult {
  const label = problemLabel(spec);
  const { log } = settings;
  log(`${label}: generating data`);
  const problem: Problem = generateProblem(spec);
  const lmax = lambdaMax(problem.X, problem.y);
  const lambda = settings.lambdaFraction * lmax;
  const { yCentered: yc } = centerTarget(problem.y, true);
  let nullObjective = 0;
  for (const v of yc) nullObjective += v * v;
  nullObjective /= 2 * yc.length;
  const gapTolerance = settings.tol * nullObjective;

  const uploadMs = timeOnce(() => void residentCopyOf(problem.X, runtime));
  const wasm = new WasmEpochState(runtime, problem.X, yc, lambda, 0);
  const js = new JsEpochState(problem.X, yc, lambda, 0);
  try {
    log(`${label}: first epoch from w = 0`);
    const cold = compareEpochs(wasm, js, new Float64Array(spec.nCols), settings.epochPolicy).comparison;

    log(`${label}: solving once (WASM kernel) for the warm state`);
    wasm.setCoef(new Float64Array(spec.nCols));
    wasm.fit(gapTolerance, settings.maxIter);
    const solution = wasm.coef();

    log(`${label}: epoch at the solution + streaming read`);
    const stream = streamReadOf(problem, runtime);
    const gather = cscGatherReadOf(problem, runtime);
    const warm = compareEpochs(wasm, js, solution, settings.epochPolicy, gather ? [stream, gather] : [stream]);
    gather?.dispose();

    log(`${label}: full fits`);
    let wasmOutcome: FitOutcome | undefined;
    let jsOutcome: FitOutcome | undefined;
    const fitSettings = { lambda, tol: settings.tol, maxIter: settings.maxIter };
    const [fitWasm, fitJs] = interleaved(
      [
        { run: () => void (wasmOutcome = fullFit(problem, 'wasm', fitSettings)), warmupRuns: 0 },
        { run: () => void (jsOutcome = fullFit(problem, 'js', fitSettings)), warmupRuns: 0 },
      ],
      settings.fitPolicy,
    );
    return {
      spec,
      label,
      nnz: problem.nnz,
      valueBytes: problem.valueBytes,
      indexBytes: problem.indexBytes,
      lambdaMax: lmax,
      lambda,
      uploadMs,
      coldEpoch: cold,
      warmEpoch: warm.comparison,
      stream: warm.extraSamples[0]!,
      streamBytes: stream.bytes,
      gather: gather ? warm.extraSamples[1] : undefined,
      fit: {
        wasm: fitWasm!,
        js: fitJs!,
        wasmOutcome: wasmOutcome!,
        jsOutcome: jsOutcome!,
        coefDiff: maxAbsDiff(wasmOutcome!.coef, jsOutcome!.coef),
      },
    };
  } finally {
    wasm.dispose();
    js.dispose();
    problem.X.dispose();
  }
}
