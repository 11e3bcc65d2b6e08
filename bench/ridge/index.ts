// `npm run bench:ridge [-- --quick]`: the ridge solvers (Cholesky, eigendecomposition, CG, CD) on dense
// 2000×500, dense 500×5000 and CSC 50000×20000 (density 0.001), WASM vs the pure-TS reference; and a
// 50-λ ridge path from one eigendecomposition vs 50 separate solves. Prints a markdown report and
// writes bench/ridge/results.md (results.quick.md with --quick).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { init, wasmRuntime } from '../../src/wasm/runtime.js';
import { setWarningHandler } from '../../src/warnings.js';
import { Ridge, type RidgeOptions } from '../../src/ridge/Ridge.js';
import { ridgePath } from '../../src/ridge/ridgePath.js';
import type { RidgeSolverName } from '../../src/ridge/RidgeSolution.js';
import { machineInfo } from '../machine.js';
import { markdownTable } from '../table.js';
import { formatMs, formatRatio, formatSci } from '../format.js';
import { ridgeBenchProblems } from './problems.js';
import { sideBySide, type Timing } from './measure.js';

const started = performance.now();
const args = process.argv.slice(2);
for (const a of args) if (a !== '--quick') throw new Error(`unknown argument ${a} (usage: npm run bench:ridge -- [--quick])`);
const quick = args.includes('--quick') || process.env.BENCH_QUICK === '1';
await init({ build: 'simd' });
const runtime = wasmRuntime();
if (!runtime || runtime.build !== 'simd') throw new Error('the SIMD WebAssembly build could not be started');
const seen: string[] = [];
setWarningHandler((w) => {
  seen.push(w.message);
  log(`warning: ${w.message}`);
});

function log(message: string): void {
  process.stderr.write(`[bench:ridge ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
}

const fmt = (t: Timing) => `${formatMs(t.medianMs)} (n=${t.runs})`;
const solvers: RidgeSolverName[] = ['cholesky', 'eigen', 'cg', 'cd'];
const machine = machineInfo();
const loadAtStart = machine.loadAverage.map((x) => x.toFixed(2)).join(' / ');

// ---- 1. One fit per solver, WASM vs pure TS. ----
const solverRows: string[][] = [];
const problems = ridgeBenchProblems(quick);
for (const problem of problems) {
  const wasmTimes = new Map<RidgeSolverName, number>();
  for (const solver of solvers) {
    if (problem.directSkipped && (solver === 'cholesky' || solver === 'eigen')) {
      solverRows.push([problem.label, solver, 'n/a', 'n/a', '—', '—', '—', '—', `skipped: ${problem.directSkipped}`]);
      continue;
    }
    log(`${problem.label}: ${solver}`);
    const options = (engine: 'wasm' | 'js'): RidgeOptions => ({ lambda: problem.lambda, solver, engine, maxIter: 100000 });
    const fitted: Record<string, Ridge> = {};
    const [wasm, js] = sideBySide([
      () => (fitted.wasm = new Ridge(options('wasm')).fit(problem.X, problem.y)),
      () => (fitted.js = new Ridge(options('js')).fit(problem.X, problem.y)),
    ], quick, quick ? 2000 : 5000);
    const model = fitted.wasm!;
    wasmTimes.set(solver, wasm!.medianMs);
    solverRows.push([
      problem.label, solver + (model.form ? ` (${model.form})` : ''), fmt(wasm!), fmt(js!), `**${formatRatio(js!.medianMs / wasm!.medianMs)}**`,
      formatSci(model.relativeGradient), String(model.nIter), '', '',
    ]);
  }
  const fastest = Math.min(...wasmTimes.values());
  for (const row of solverRows.filter((r) => r[0] === problem.label && r[2] !== 'n/a')) {
    const solver = row[1]!.split(' ')[0] as RidgeSolverName;
    row[7] = formatRatio(wasmTimes.get(solver)! / fastest);
  }
  problem.X.dispose();
}

// ---- 2. A 50-λ path: one eigendecomposition vs 50 solves. ----
const pathRows: string[][] = [];
for (const problem of ridgeBenchProblems(quick).slice(0, 2)) {
  const lambdas = Float64Array.from({ length: 50 }, (_, l) => 100 * problem.lambda * 10 ** ((-5 * l) / 49));
  const ways: [string, (engine: 'wasm' | 'js') => number][] = [
    ['one eigendecomposition (ridgePath)', (engine) => Math.max(...ridgePath(problem.X, problem.y, { lambdas, engine, solver: 'eigen' }).relativeGradients)],
    ['50 Cholesky factorizations, one XᵀX (ridgePath)', (engine) => Math.max(...ridgePath(problem.X, problem.y, { lambdas, engine, solver: 'cholesky' }).relativeGradients)],
    ['50 separate Ridge fits (Cholesky)', (engine) => {
      let worst = 0;
      for (const lambda of lambdas) worst = Math.max(worst, new Ridge({ lambda, engine, solver: 'cholesky' }).fit(problem.X, problem.y).relativeGradient);
      return worst;
    }],
  ];
  let eigenWasm = 0;
  let eigenJs = 0;
  for (const [name, run] of ways) {
    log(`${problem.label}: 50-λ path, ${name}`);
    let certificate = 0;
    const [wasm, js] = sideBySide([() => (certificate = run('wasm')), () => run('js')], quick, quick ? 2000 : 5000);
    if (name.startsWith('one')) [eigenWasm, eigenJs] = [wasm!.medianMs, js!.medianMs];
    pathRows.push([
      problem.label, name, fmt(wasm!), fmt(js!), `**${formatRatio(js!.medianMs / wasm!.medianMs)}**`,
      formatRatio(wasm!.medianMs / eigenWasm), formatRatio(js!.medianMs / eigenJs), formatSci(certificate),
    ]);
  }
  problem.X.dispose();
}

const report = [
  `# Ridge benchmark${quick ? ' (--quick: every dimension ÷10)' : ''}`,
  '',
  `- Machine: ${machine.cpu}, ${machine.cores} logical cores, ${machine.memoryGB} GiB RAM, ${machine.platform}`,
  `- Node ${machine.node} (V8 ${machine.v8}); run ${machine.date}; total ${((performance.now() - started) / 1000).toFixed(0)} s; load average at start ${loadAtStart} (1/5/15 min; other processes share the cores)`,
  `- WASM build: **${runtime.build}**. Medians of n runs; WASM and pure TS alternate in one process (a run over the cap is not repeated).`,
  '- Objective (1/(2n))‖y − b − Xw‖² + (λ/2)‖w‖² with an intercept, λ = 0.1 × the mean column variance; X entries N(0, 1); 20 true non-zeros.',
  `- Every fit is certified: relative gradient ‖∇F(w)‖/‖∇F(0)‖ computed from the data (tol 1e-10).`,
  '',
  '## One fit per solver',
  '',
  markdownTable(
    ['Problem', 'Solver', 'WASM', 'Pure TS', 'Speed-up', 'Rel. gradient', 'Iterations', 'WASM time / fastest solver', 'Note'],
    solverRows,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  ),
  '',
  'Iterations: refinement steps (cholesky, eigen), CG iterations, CD epochs.',
  '',
  '## A 50-λ ridge path (λ from 10 down to 1e-4, log-spaced)',
  '',
  markdownTable(
    ['Problem', 'How', 'WASM', 'Pure TS', 'Speed-up', 'WASM / eigen path', 'Pure TS / eigen path', 'Worst rel. gradient'],
    pathRows,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
  ),
  '',
  seen.length ? `Warnings during the run: ${seen.length} (see stderr).` : 'No warnings were emitted (every fit converged).',
].join('\n');
process.stdout.write(`${report}\n`);
const outFile = resolve(process.cwd(), quick ? 'bench/ridge/results.quick.md' : 'bench/ridge/results.md');
writeFileSync(outFile, `${report}\n`);
log(`wrote ${outFile}`);
