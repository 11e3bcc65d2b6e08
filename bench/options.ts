import type { WasmBuild } from '../src/wasm/runtime.js';

/** Command-line settings of `npm run bench`. */
export interface BenchOptions {
  /** Smoke run: every dimension ÷10, fewer repetitions. `--quick` or BENCH_QUICK=1. */
  quick: boolean;
  /** Kernel build to measure: `--build=simd` (default) or `--build=scalar`. */
  build: WasmBuild;
  /** Where the markdown goes (bench/results.md; bench/results.quick.md for `--quick`). */
  outFile: string;
}

/**
 * Parses `npm run bench -- [--quick] [--build=simd|scalar]` (and BENCH_QUICK=1).
 * @throws {Error} on an unknown argument.
 */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  let quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  let build: WasmBuild = 'simd';
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--build' || arg.startsWith('--build=')) {
      const value = arg === '--build' ? argv[++k] : arg.slice('--build='.length);
      if (value !== 'simd' && value !== 'scalar') throw new Error(`--build must be simd or scalar, got ${value}`);
      build = value;
    } else throw new Error(`unknown argument ${arg} (usage: npm run bench -- [--quick] [--build=simd|scalar])`);
  }
  return { quick, build, outFile: quick ? 'bench/results.quick.md' : 'bench/results.md' };
}
