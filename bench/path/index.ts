// `npm run bench:path [-- --quick] [-- --no-glmnet] [-- --cap=SECONDS] [-- --glmnet-tight-csc]`:
// issue 3's benchmark. A 100-λ lasso path (λ_min = 1e-3·λ_max) on a correlated dense 500×20000
// problem and a CSC 50000×200000 problem at density 0.001: time, passes over X per λ, the ratio
// against cold fits at every λ, glmnet on the same data and λ grid (where R + glmnet are
// installed) at matched duality gaps, and the single-λ solvers (screened vs cyclic).
// Prints a markdown report and writes it to bench/path/results.md.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { init, wasmRuntime } from '../../src/wasm/runtime.js';
import { setWarningHandler } from '../../src/warnings.js';
import { lambdaMax as computeLambdaMax } from '../../src/model/lambdaMax.js';
import { lambdaGrid } from '../../src/path/lambdaGrid.js';
import { machineInfo } from '../machine.js';
import { parsePathOptions } from './options.js';
import { correlatedDenseProblem, sparseCscProblem, type PathProblem } from './problems.js';
import { makeResident, timeColdFits, timePath } from './pathRun.js';
import { detectGlmnet, runGlmnet, type GlmnetRunSpec } from './glmnet.js';
import { certifyGlmnet, lambdaMatchedTolerances, strictTolerance, suboptimality } from './glmnetCompare.js';
import { certifyAll } from './certificate.js';
import { compareSolvers } from './singleLambda.js';
import type { GlmnetOutcome, MatchedRun, ProblemOutcome } from './outcome.js';
import { renderPathReport } from './report.js';

const started = performance.now();
const machine = machineInfo();
const options = parsePathOptions(process.argv.slice(2), process.env);
const initResult = await init();
const runtime = wasmRuntime();
if (initResult.engine !== 'wasm' || !runtime) throw new Error(`could not start the WASM build: ${initResult.reason ?? 'unknown reason'}`);

function log(message: string): void {
  const t = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench:path ${t} s] ${message}\n`);
}

// Non-converged fits are reported in the tables; count warnings instead of printing each.
let warnings = 0;
setWarningHandler(() => { warnings++; });

const DEFAULT_TOL = 1e-7;
const N_LAMBDA = 100;
const LAMBDA_MIN_RATIO = 1e-3;
const shrink = options.quick ? 10 : 1;
const capMs = options.capSeconds * 1000;
const glmnet = options.glmnet ? detectGlmnet() : ({ available: false, reason: 'skipped with --no-glmnet' } as const);
if (!glmnet.available) log(`glmnet column skipped: ${glmnet.reason}`);

/** Per-problem settings: repetitions and the cold-fit stride (1 = every λ). */
interface ProblemPlan {
  make: (shrink: number) => PathProblem;
  pathReps: number;
  coldStride: number;
  glmnetReps: number;
  /** thresh values tighter than glmnet's default to also run. */
  tightThresh: number[];
  solverReps: { minReps: number; maxReps: number; budgetMs: number };
  solverWarmups: number;
}

const plans: ProblemPlan[] = [
  {
    make: correlatedDenseProblem,
    pathReps: 3,
    coldStride: options.quick ? 1 : 5,
    glmnetReps: 3,
    tightThresh: [1e-10, 1e-12],
    solverReps: { minReps: 3, maxReps: 5, budgetMs: 5000 },
    solverWarmups: 1,
  },
  {
    make: sparseCscProblem,
    pathReps: 2,
    coldStride: 10,
    glmnetReps: options.quick ? 3 : 2,
    tightThresh: options.glmnetTightCsc ? [1e-10, 1e-12] : options.quick ? [1e-10] : [],
    solverReps: options.quick ? { minReps: 3, maxReps: 5, budgetMs: 2000 } : { minReps: 1, maxReps: 1, budgetMs: 0 },
    solverWarmups: options.quick ? 1 : 0,
  },
];

const outcomes: ProblemOutcome[] = [];
for (const plan of plans) {
  let t0 = performance.now();
  const problem = plan.make(shrink);
  const generateMs = performance.now() - t0;
  log(`${problem.label}: generated in ${(generateMs / 1000).toFixed(1)} s (nnz ${problem.nnz})`);
  const lambdaMax = computeLambdaMax(problem.X, problem.y);
  const grid = lambdaGrid(lambdaMax, N_LAMBDA, LAMBDA_MIN_RATIO);
  const uploadMs = makeResident(problem, lambdaMax);

  log(`${problem.label}: our path at the default tol`);
  const ourDefault = timePath(problem, grid, DEFAULT_TOL, plan.pathReps, capMs, log);
  log(`${problem.label}: cold fits`);
  const cold = timeColdFits(problem, grid.subarray(0, ourDefault.solved), DEFAULT_TOL, plan.coldStride, log);

  let glmnetOutcome: GlmnetOutcome | undefined;
  if (glmnet.available) {
    const specs: GlmnetRunSpec[] = [
      { name: 'thresh_default', thresh: 1e-7, grid: 'explicit', reps: plan.glmnetReps },
      ...plan.tightThresh.map((thresh, i) => ({ name: `thresh_tight${i}`, thresh, grid: 'explicit' as const, reps: 1 })),
      { name: 'own_grid', thresh: 1e-7, grid: 'default', reps: 1 },
    ];
    const runs = runGlmnet(problem, grid, specs, log);
    t0 = performance.now();
    const certified = runs.map((run) => certifyGlmnet(problem, run, grid));
    log(`${problem.label}: certified ${runs.length} glmnet paths in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
      `gaps/F(0) at thresh 1e-7: max ${certified[0]!.maxGap.toExponential(1)}, median ${certified[0]!.medianGap.toExponential(1)}`);
    const base = certified[0]!;
    const strict = strictTolerance(base);

    log(`${problem.label}: our path at glmnet's gap λ by λ`);
    const lambdaMatched = timePath(problem, grid, lambdaMatchedTolerances(base), plan.pathReps, capMs, log);
    log(`${problem.label}: our path at glmnet's worst gap`);
    const worstMatched = timePath(problem, grid, base.maxGap, plan.pathReps, capMs, log);
    let strictMatched: MatchedRun;
    if (!Number.isFinite(strict.tol)) {
      strictMatched = { kind: 'skipped', reason: `no glmnet gap above the exact floor`, lowerBoundMs: NaN };
    } else if (ourDefault.capped && strict.tol <= DEFAULT_TOL) {
      // A tighter tol cannot finish sooner than the looser default, which already hit the cap.
      strictMatched = {
        kind: 'skipped',
        reason: `tol ${strict.tol.toExponential(1)} ≤ ${DEFAULT_TOL}, at which our path had solved only ${ourDefault.solved} of ${N_LAMBDA} λ in the cap`,
        lowerBoundMs: ourDefault.medianMs,
      };
    } else {
      log(`${problem.label}: our path at glmnet's smallest non-trivial gap`);
      strictMatched = { kind: 'run', result: timePath(problem, grid, strict.tol, 1, capMs, log) };
    }
    // Primal suboptimality of every explicit-grid solution set against the best objective reached.
    t0 = performance.now();
    const ours = [ourDefault, worstMatched, lambdaMatched, ...(strictMatched.kind === 'run' ? [strictMatched.result] : [])];
    const oursCertified = ours.map((r) => certifyAll(problem, r.path.lambdas, (k) => r.path.coefAt(k)));
    const explicit = certified.filter((c) => c.run.spec.grid === 'explicit');
    const subopts = suboptimality([...explicit, ...oursCertified]);
    explicit.forEach((c, i) => { c.subopt = subopts[i]; });
    ours.forEach((r, i) => { r.subopt = subopts[explicit.length + i]; });
    log(`${problem.label}: primal suboptimality of ${subopts.length} solution sets in ${((performance.now() - t0) / 1000).toFixed(1)} s ` +
      `(glmnet default max ${subopts[0]!.max.toExponential(1)}, ours at glmnet's worst gap max ${worstMatched.subopt!.max.toExponential(1)}, over ${subopts[0]!.count} λ)`);
    glmnetOutcome = { runs: certified, strict, worstMatched, strictMatched, lambdaMatched };
  }

  log(`${problem.label}: single-λ fits, screened vs cyclic`);
  const solvers = compareSolvers(problem, lambdaMax, [0.1, 0.01], DEFAULT_TOL, plan.solverReps, plan.solverWarmups, log);

  outcomes.push({
    label: problem.label, description: problem.description, nRows: problem.nRows, nCols: problem.nCols, nnz: problem.nnz,
    lambdaMax, gridLength: N_LAMBDA, lambdaMinRatio: LAMBDA_MIN_RATIO, generateMs, uploadMs,
    ourDefault, cold, glmnet: glmnetOutcome, solvers,
  });
  problem.X.dispose();
}

const report = renderPathReport(outcomes, {
  machine,
  build: runtime.build,
  simdEnabled: runtime.kernels.simdEnabled() !== 0,
  quick: options.quick,
  glmnet,
  glmnetRequested: options.glmnet,
  capSeconds: options.capSeconds,
  defaultTol: DEFAULT_TOL,
  totalSeconds: (performance.now() - started) / 1000,
});
process.stdout.write(`${report}\n`);
const outFile = resolve(process.cwd(), options.outFile);
writeFileSync(outFile, `${report}\n`);
log(`wrote ${outFile} (${warnings} convergence warnings during the run; non-converged fits are marked in the tables)`);
