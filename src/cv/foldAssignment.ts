import { InvalidParameterError } from '../errors.js';
import { SeededRandom } from '../random/SeededRandom.js';

/**
 * Assigns each of `nSamples` samples to one of `nFolds` cross-validation folds.
 *
 * The result `folds[i] ∈ {0, …, nFolds − 1}` is the fold of sample i. Fold sizes are
 * balanced: every fold holds ⌊n/K⌋ or ⌈n/K⌉ samples (the first n mod K folds get the extra
 * one). Which samples go where is a seeded shuffle (Fisher–Yates driven by the library's
 * {@link SeededRandom}, mulberry32), so the same `(nSamples, nFolds, seed)` gives the same
 * folds on every machine, engine and run. Sample i is in the test set of fold k when
 * `folds[i] === k`; the other samples form that fold's training set.
 *
 * @param nSamples Number of samples n, an integer ≥ 1.
 * @param nFolds Number of folds K, an integer with 2 ≤ K ≤ n.
 * @param seed Seed of the shuffle, an integer in [0, 2³²).
 * @returns A new Int32Array of length n with the fold id of each sample.
 * @throws {InvalidParameterError} nSamples not an integer ≥ 1; nFolds not an integer in [2, nSamples];
 *   seed not an integer in [0, 2³²).
 * @example
 * ```ts
 * import { assignFolds } from 'l1l2';
 * const folds = assignFolds(10, 3, 42); // e.g. Int32Array [2, 0, 1, 0, 2, 1, 0, 1, 0, 2]: sizes 4, 3, 3
 * const testOfFold0 = [...folds.keys()].filter((i) => folds[i] === 0);
 * ```
 */
export function assignFolds(nSamples: number, nFolds: number, seed: number): Int32Array {
  if (typeof nSamples !== 'number' || !Number.isInteger(nSamples) || nSamples < 1 || nSamples > 2 ** 31 - 1) {
    throw new InvalidParameterError('nSamples', `nSamples must be an integer ≥ 1, got ${String(nSamples)}`);
  }
  if (typeof nFolds !== 'number' || !Number.isInteger(nFolds) || nFolds < 2 || nFolds > nSamples) {
    throw new InvalidParameterError('nFolds', `nFolds must be an integer in [2, nSamples = ${nSamples}], got ${String(nFolds)}`);
  }
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new InvalidParameterError('seed', `seed must be an integer in [0, 2^32), got ${String(seed)}`);
  }
  const random = new SeededRandom(seed);
  const order = new Int32Array(nSamples);
  for (let i = 0; i < nSamples; i++) order[i] = i;
  for (let i = nSamples - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const folds = new Int32Array(nSamples);
  for (let position = 0; position < nSamples; position++) folds[order[position]!] = position % nFolds;
  return folds;
}
