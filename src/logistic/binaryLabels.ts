import { EmptyDataError, InvalidParameterError, ShapeMismatchError } from '../errors.js';

/** A class label as accepted by the logistic estimators. */
export type ClassLabel = number | string | boolean;

/** Labels mapped to {0, 1} and the two classes in the order [negative, positive]. */
export interface BinaryLabels {
  y01: Float64Array;
  classes: [ClassLabel, ClassLabel];
}

/**
 * Maps two-valued labels to y ∈ {0, 1}, the coding of the binomial objective:
 * - booleans: false → 0, true → 1;
 * - numbers: the smaller value → 0, the larger → 1 ({0, 1} stays as it is, {−1, +1} → {0, 1});
 * - strings: in sorted (code-unit) order, the first → 0, the second → 1 (scikit-learn's `classes_`).
 * The positive class (y = 1) is `classes[1]`; predicted probabilities are P(y = classes[1]).
 * Mixed types, NaN, ±Infinity, one class only or more than two are errors.
 * @throws {EmptyDataError} no labels.
 * @throws {ShapeMismatchError} a length other than n.
 * @throws {InvalidParameterError} not exactly two distinct finite labels of one type.
 */
export function toBinaryLabels(y: unknown, n: number, argument = 'y'): BinaryLabels {
  if (y === null || typeof y !== 'object' || typeof (y as ArrayLike<unknown>).length !== 'number') {
    throw new InvalidParameterError(argument, `${argument} must be an array of two-valued labels (0/1, −1/+1, booleans or two strings)`);
  }
  const values = y as ArrayLike<unknown>;
  if (values.length === 0) throw new EmptyDataError(argument, `${argument} is empty`);
  if (values.length !== n) throw new ShapeMismatchError(argument, `${argument} has ${values.length} labels but X has ${n} rows`);
  const kind = typeof values[0];
  if (kind !== 'number' && kind !== 'string' && kind !== 'boolean') {
    throw new InvalidParameterError(argument, `${argument}[0] = ${String(values[0])} is not a number, string or boolean label`);
  }
  const distinct: ClassLabel[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== kind) {
      throw new InvalidParameterError(argument, `${argument}[${i}] = ${String(v)} is a ${typeof v}, but ${argument}[0] is a ${kind}: labels must share one type`);
    }
    if (kind === 'number' && !Number.isFinite(v as number)) {
      throw new InvalidParameterError(argument, `${argument}[${i}] = ${String(v)} is not a finite label`);
    }
    if (!distinct.includes(v as ClassLabel)) {
      distinct.push(v as ClassLabel);
      if (distinct.length > 2) {
        throw new InvalidParameterError(argument, `${argument} has more than two distinct labels (${distinct.map(String).join(', ')}, …): logistic regression here is binary`);
      }
    }
  }
  if (distinct.length < 2) {
    throw new InvalidParameterError(argument, `${argument} has only one class (${String(distinct[0])}): logistic regression needs two`);
  }
  const classes = (kind === 'boolean' ? [false, true] : [...distinct].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) as [ClassLabel, ClassLabel];
  const y01 = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) y01[i] = values[i] === classes[1] ? 1 : 0;
  return { y01, classes };
}
