import { InvalidParameterError } from '../errors.js';
import { centerTarget } from '../model/centerTarget.js';
import type { DatafitName } from './ProximalProblem.js';

/** @internal The target of a solve, its offset and the null objective F(0). */
export interface PreparedTarget {
  /** ỹ = y − ȳ (squared loss with an intercept), y (squared, no intercept), or the 0/1 labels (logistic). */
  y: Float64Array;
  /** Squared loss: ȳ (added back into the intercept). Logistic: 0. */
  yMean: number;
  /** F(0) of the intercept-only model: ½Σω(y − ȳ)², or −Σω[y log ȳ + (1−y)log(1−ȳ)] (log 2 without an intercept). */
  nullObjective: number;
  /** Starting intercept: logit(ȳ) for the logistic loss with an intercept, else 0. */
  intercept0: number;
}

/**
 * @internal Prepares y for a datafit (y already validated finite, of length n).
 * @throws {InvalidParameterError} logistic labels other than 0/1, or a single class with an intercept.
 */
export function prepareTarget(datafit: DatafitName, y: Float64Array, fitIntercept: boolean, weights: Float64Array | undefined): PreparedTarget {
  if (datafit === 'squared') {
    const { yCentered, mean, nullObjective } = centerTarget(y, fitIntercept, weights);
    return { y: yCentered, yMean: mean, nullObjective, intercept0: 0 };
  }
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v !== 0 && v !== 1) throw new InvalidParameterError('y', `y[${i}] = ${v}: the logistic loss needs labels 0 or 1`);
    mean += (weights ? weights[i]! : 1 / n) * v;
  }
  if (!fitIntercept) return { y, yMean: 0, nullObjective: Math.LN2, intercept0: 0 };
  if (mean <= 0 || mean >= 1) throw new InvalidParameterError('y', 'y has a single class (every label is the same): the logistic fit needs both 0 and 1');
  const nullObjective = -(mean * Math.log(mean) + (1 - mean) * Math.log(1 - mean));
  return { y, yMean: 0, nullObjective, intercept0: Math.log(mean / (1 - mean)) };
}
