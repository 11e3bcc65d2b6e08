import { describe, expect, it } from 'vitest';
import { assignFolds } from '../src/cv/foldAssignment.js';
import { InvalidParameterError } from '../src/errors.js';

describe('assignFolds(nSamples, nFolds, seed)', () => {
  it.each([[10, 3], [100, 7], [5, 5], [1001, 10], [2, 2]])('n = %i, K = %i: ids in [0, K), sizes ⌊n/K⌋ or ⌈n/K⌉', (n, K) => {
    const folds = assignFolds(n, K, 123);
    expect(folds).toBeInstanceOf(Int32Array);
    expect(folds.length).toBe(n);
    const sizes = new Array<number>(K).fill(0);
    for (const f of folds) {
      expect(Number.isInteger(f) && f >= 0 && f < K).toBe(true);
      sizes[f]!++;
    }
    for (const s of sizes) expect([Math.floor(n / K), Math.ceil(n / K)]).toContain(s);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
  });

  it('is deterministic in the seed, and different seeds shuffle differently', () => {
    expect(Array.from(assignFolds(50, 5, 7))).toEqual(Array.from(assignFolds(50, 5, 7)));
    expect(Array.from(assignFolds(50, 5, 7))).not.toEqual(Array.from(assignFolds(50, 5, 8)));
  });

  it('is a shuffle, not consecutive blocks', () => {
    const folds = assignFolds(60, 3, 1);
    let changes = 0;
    for (let i = 1; i < folds.length; i++) if (folds[i] !== folds[i - 1]) changes++;
    expect(changes).toBeGreaterThan(10);
  });

  it('gives the same fold sizes per seed: the first n mod K folds get the extra sample', () => {
    const folds = assignFolds(11, 4, 99);
    const sizes = [0, 0, 0, 0];
    for (const f of folds) sizes[f]!++;
    expect(sizes).toEqual([3, 3, 3, 2]);
  });

  it.each([
    ['nSamples', () => assignFolds(0, 2, 0)],
    ['nSamples', () => assignFolds(2.5, 2, 0)],
    ['nSamples', () => assignFolds(Number.NaN, 2, 0)],
    ['nFolds', () => assignFolds(10, 1, 0)],
    ['nFolds', () => assignFolds(10, 11, 0)],
    ['nFolds', () => assignFolds(10, 2.5, 0)],
    ['seed', () => assignFolds(10, 2, -1)],
    ['seed', () => assignFolds(10, 2, 2 ** 32)],
    ['seed', () => assignFolds(10, 2, 0.5)],
  ] as const)('rejects a bad %s with InvalidParameterError', (argument, call) => {
    expect(call).toThrow(InvalidParameterError);
    try {
      call();
    } catch (e) {
      expect((e as InvalidParameterError).argument).toBe(argument);
    }
  });
});
