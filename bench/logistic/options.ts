/** Command-line settings of `npm run bench:logistic`. */
export interface LogisticBenchOptions {
  /** Smoke run: n and p ÷10 (2000×5000), fewer repetitions. `--quick` or BENCH_QUICK=1. */
  quick: boolean;
  /** Skip R glmnet even where it is installed (`--no-glmnet`). */
  glmnet: boolean;
  /** Skip liblinear even where it is installed (`--no-liblinear`). */
  liblinear: boolean;
  /** Skip the pure-TypeScript engine's path (`--no-js-path`; its single-λ fit always runs). */
  jsPath: boolean;
  /** Where the markdown goes (bench/logistic/results.md; results.quick.md for `--quick`). */
  outFile: string;
}

const USAGE = 'usage: npm run bench:logistic -- [--quick] [--no-glmnet] [--no-liblinear] [--no-js-path]';

/**
 * Parses `npm run bench:logistic -- [--quick] [--no-glmnet] [--no-liblinear] [--no-js-path]`.
 * @throws {Error} on an unknown argument.
 */
export function parseLogisticOptions(argv: readonly string[], env: NodeJS.ProcessEnv): LogisticBenchOptions {
  let quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  let glmnet = true;
  let liblinear = true;
  let jsPath = true;
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg === '--no-glmnet') glmnet = false;
    else if (arg === '--no-liblinear') liblinear = false;
    else if (arg === '--no-js-path') jsPath = false;
    else throw new Error(`unknown argument ${arg} (${USAGE})`);
  }
  return { quick, glmnet, liblinear, jsPath, outFile: quick ? 'bench/logistic/results.quick.md' : 'bench/logistic/results.md' };
}
