import { performance } from 'node:perf_hooks';
import { interleaved, median } from '../timing.js';

/** Timings of one contender: median of the measured runs. */
export interface Timing {
  medianMs: number;
  runs: number;
}

/**
 * Times contenders side by side (runs alternate, so machine drift hits all alike). Each contender is
 * first run once untimed-as-warm-up but measured; one that takes longer than `capMs` keeps that single
 * run (a 40-second pure-TS coordinate descent is not repeated), the others are interleaved.
 */
export function sideBySide(runs: readonly (() => void)[], quick: boolean, capMs = 5000): Timing[] {
  const first = runs.map((run) => {
    const start = performance.now();
    run();
    return performance.now() - start;
  });
  const repeat = runs.map((_, i) => first[i]! <= capMs);
  const repeated = runs.filter((_, i) => repeat[i]);
  const policy = quick ? { minReps: 2, maxReps: 5, budgetMs: 200 } : { minReps: 3, maxReps: 15, budgetMs: 2500 };
  const samples = repeated.length ? interleaved(repeated.map((run) => ({ run, warmupRuns: 0 })), policy) : [];
  let k = 0;
  return runs.map((_, i) => {
    if (!repeat[i]) return { medianMs: first[i]!, runs: 1 };
    const s = samples[k++]!;
    return { medianMs: median(s.samples), runs: s.samples.length };
  });
}
