// `npm run bench [-- --quick] [-- --build=scalar]`: WASM kernels vs the pure-TS reference
// on three seeded problems; prints a markdown report and writes it to bench/results.md.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { init, wasmRuntime } from '../src/wasm/runtime.js';
import { setWarningHandler } from '../src/warnings.js';
import { parseOptions } from './options.js';
import { machineInfo } from './machine.js';
import { benchmarkSpecs } from './problems.js';
import { measureProblem, type MeasureSettings, type ProblemResult } from './measureProblem.js';
import { renderReport } from './report.js';

const started = performance.now();
const options = parseOptions(process.argv.slice(2), process.env);
const initResult = await init({ build: options.build });
const runtime = wasmRuntime();
if (initResult.engine !== 'wasm' || !runtime || runtime.build !== options.build) {
  throw new Error(`could not start the ${options.build} WASM build: ${initResult.reason ?? 'unknown reason'}`);
}
// A non-converged fit is reported in the table ("Converged: no"); keep stderr for progress.
setWarningHandler((w) => log(`warning: ${w.message}`));

function log(message: string): void {
  const t = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${t} s] ${message}\n`);
}

const settings: MeasureSettings = {
  lambdaFraction: 0.1,
  tol: 1e-6,
  maxIter: 100_000,
  epochPolicy: options.quick
    ? { minReps: 3, maxReps: 10, budgetMs: 50 }
    : { minReps: 15, maxReps: 200, budgetMs: 3000 },
  fitPolicy: options.quick
    ? { minReps: 1, maxReps: 3, budgetMs: 100, singleRunCapMs: 60_000 }
    : { minReps: 5, maxReps: 40, budgetMs: 8000, singleRunCapMs: 60_000 },
  log,
};

const results: ProblemResult[] = [];
for (const spec of benchmarkSpecs(options.quick ? 10 : 1)) results.push(measureProblem(spec, runtime, settings));

const report = renderReport(results, {
  machine: machineInfo(),
  build: runtime.build,
  simdEnabled: runtime.kernels.simdEnabled() !== 0,
  quick: options.quick,
  lambdaFraction: settings.lambdaFraction,
  tol: settings.tol,
  maxIter: settings.maxIter,
  totalSeconds: (performance.now() - started) / 1000,
});
process.stdout.write(`${report}\n`);
const outFile = resolve(process.cwd(), options.outFile);
writeFileSync(outFile, `${report}\n`);
log(`wrote ${outFile}`);
