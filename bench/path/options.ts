/** Command-line settings of `npm run bench:path`. */
export interface PathBenchOptions {
  /** Smoke run: every dimension ÷10, fewer repetitions. `--quick` or BENCH_QUICK=1. */
  quick: boolean;
  /** Skip the glmnet column even where R is installed (`--no-glmnet`). */
  glmnet: boolean;
  /**
   * Wall-clock cap (seconds) of one run of our path at a given tolerance (`--cap=SECONDS`,
   * default 90, 10 with `--quick`; `--cap=0` for none). A path that hits it is reported on the prefix of the λ
   * grid it finished (a path's first K λ are exactly the path on those K λ).
   */
  capSeconds: number;
  /**
   * Also time glmnet at thresh 1e-10 and 1e-12 on the sparse problem (`--glmnet-tight-csc`):
   * minutes each at full size, so off by default (always on for the dense problem).
   */
  glmnetTightCsc: boolean;
  /** Where the markdown goes (bench/path/results.md; results.quick.md for `--quick`). */
  outFile: string;
}

const USAGE = 'usage: npm run bench:path -- [--quick] [--no-glmnet] [--cap=SECONDS] [--glmnet-tight-csc]';

/**
 * Parses `npm run bench:path -- [--quick] [--no-glmnet] [--cap=SECONDS] [--glmnet-tight-csc]`.
 * @throws {Error} on an unknown argument or a bad cap.
 */
export function parsePathOptions(argv: readonly string[], env: NodeJS.ProcessEnv): PathBenchOptions {
  let quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  let glmnet = true;
  let capSeconds: number | undefined;
  let glmnetTightCsc = false;
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg === '--no-glmnet') glmnet = false;
    else if (arg === '--glmnet-tight-csc') glmnetTightCsc = true;
    else if (arg.startsWith('--cap=')) {
      capSeconds = Number(arg.slice('--cap='.length));
      if (!Number.isFinite(capSeconds) || capSeconds < 0) throw new Error(`--cap must be a number of seconds ≥ 0, got ${arg}`);
    } else throw new Error(`unknown argument ${arg} (${USAGE})`);
  }
  return { quick, glmnet, capSeconds: capSeconds ?? (quick ? 10 : 90), glmnetTightCsc, outFile: quick ? 'bench/path/results.quick.md' : 'bench/path/results.md' };
}
