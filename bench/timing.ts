import { performance } from 'node:perf_hooks';

/** The median of a non-empty list of numbers. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Wall-clock milliseconds of one call of `run` (its `setup` runs first, untimed). */
export function timeOnce(run: () => void, setup?: () => void): number {
  setup?.();
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** One side of a side-by-side measurement. */
export interface Contender {
  /** Untimed preparation before every run (e.g. restoring w and r to a saved state). */
  setup?: () => void;
  /** The work being timed. */
  run: () => void;
  /** Untimed runs before the measured ones (lets the JIT and caches settle). Default 1. */
  warmupRuns?: number;
  /**
   * Untimed runs of this contender immediately before each measured run (default 0), so
   * each measured run finds the caches as the same work left them (as consecutive epochs
   * of a fit do), not as the previously timed contender left them.
   */
  primeRuns?: number;
}

/** How many runs a side-by-side measurement takes. */
export interface RepetitionPolicy {
  /** Runs per side at least (unless `singleRunCapMs` cuts a side to one run). */
  minReps: number;
  /** Runs per side at most. */
  maxReps: number;
  /** Stop adding runs to a side once its measured time exceeds this and it has `minReps`. */
  budgetMs: number;
  /** A side whose first measured run exceeds this keeps that single run (no more repetitions). */
  singleRunCapMs?: number;
}

/** Timings of one side. */
export interface Samples {
  samples: number[];
  medianMs: number;
  /** True when `singleRunCapMs` limited this side to one run. */
  capped: boolean;
}

/**
 * Times several contenders side by side in one process: runs alternate a, b, …, a, b, …
 * so that drift (frequency, other load on the machine, GC) hits all alike, and each
 * side's median is reported. Warm-up runs happen first, alternating too, unrecorded.
 * A side stops once it has `minReps` runs and `budgetMs` of measured time (or
 * `maxReps` runs, or one run longer than `singleRunCapMs`); the others carry on.
 */
export function interleaved(contenders: readonly Contender[], policy: RepetitionPolicy): Samples[] {
  const warmups = contenders.map((c) => c.warmupRuns ?? 1);
  for (let k = 0; k < Math.max(0, ...warmups); k++) {
    contenders.forEach((c, i) => {
      if (k < warmups[i]!) timeOnce(c.run, c.setup);
    });
  }
  const state = contenders.map(() => ({ samples: [] as number[], total: 0, capped: false, done: false }));
  while (state.some((s) => !s.done)) {
    contenders.forEach((c, i) => {
      const s = state[i]!;
      if (s.done) return;
      for (let k = 0; k < (c.primeRuns ?? 0); k++) timeOnce(c.run, c.setup);
      const ms = timeOnce(c.run, c.setup);
      s.samples.push(ms);
      s.total += ms;
      if (s.samples.length === 1 && policy.singleRunCapMs !== undefined && ms > policy.singleRunCapMs) {
        s.capped = true;
        s.done = true;
      } else if (s.samples.length >= policy.maxReps || (s.samples.length >= policy.minReps && s.total >= policy.budgetMs)) {
        s.done = true;
      }
    });
  }
  return state.map((s) => ({ samples: s.samples, medianMs: median(s.samples), capped: s.capped }));
}
