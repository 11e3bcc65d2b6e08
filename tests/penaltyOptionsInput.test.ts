/**
 * Bad penalty options: a typed error naming the option, thrown before any work (the model stays
 * unfitted), with the caller's arrays untouched.
 */
import { describe, expect, it } from 'vitest';
import {
  DenseMatrix, ElasticNet, Lasso, lassoPath, cvPath, lambdaMax, LassoCV,
  InvalidParameterError, NonFiniteValueError, ShapeMismatchError, NotFittedError,
} from '../src/index.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';

simdSuiteRecordingWarnings();

const X = DenseMatrix.fromRows([[1, 2, 0], [0, 1, 3], [2, 0, 1], [1, 1, 1], [3, 2, 2]]);
const y = [1, 2, 3, 2, 5];

type Case = { name: string; options: Record<string, unknown>; error: new (...args: never[]) => Error; argument: string; atConstruction: boolean };

const cases: Case[] = [
  { name: 'penaltyFactor of the wrong length', options: { penaltyFactor: [1, 1] }, error: ShapeMismatchError, argument: 'penaltyFactor', atConstruction: false },
  { name: 'a negative factor', options: { penaltyFactor: [1, -0.5, 1] }, error: InvalidParameterError, argument: 'penaltyFactor', atConstruction: true },
  { name: 'a NaN factor', options: { penaltyFactor: [1, NaN, 1] }, error: NonFiniteValueError, argument: 'penaltyFactor', atConstruction: true },
  { name: 'all factors 0', options: { penaltyFactor: [0, 0, 0] }, error: InvalidParameterError, argument: 'penaltyFactor', atConstruction: false },
  { name: 'penaltyFactor as a number', options: { penaltyFactor: 2 }, error: InvalidParameterError, argument: 'penaltyFactor', atConstruction: true },
  { name: 'a lower limit > 0', options: { lowerLimits: [0, 0.5, -1] }, error: InvalidParameterError, argument: 'lowerLimits', atConstruction: true },
  { name: 'a scalar lower limit > 0', options: { lowerLimits: 1 }, error: InvalidParameterError, argument: 'lowerLimits', atConstruction: true },
  { name: 'an upper limit < 0', options: { upperLimits: [1, -0.1, 1] }, error: InvalidParameterError, argument: 'upperLimits', atConstruction: true },
  { name: 'a NaN upper limit', options: { upperLimits: NaN }, error: InvalidParameterError, argument: 'upperLimits', atConstruction: true },
  { name: 'a NaN lower limit in an array', options: { lowerLimits: [-1, NaN, -1] }, error: NonFiniteValueError, argument: 'lowerLimits', atConstruction: true },
  { name: 'lowerLimits of the wrong length', options: { lowerLimits: [-1, -1, -1, -1] }, error: ShapeMismatchError, argument: 'lowerLimits', atConstruction: false },
  { name: 'upperLimits of the wrong length', options: { upperLimits: [1] }, error: ShapeMismatchError, argument: 'upperLimits', atConstruction: false },
  { name: 'exclude out of range', options: { exclude: [3] }, error: InvalidParameterError, argument: 'exclude', atConstruction: false },
  { name: 'a negative exclude index', options: { exclude: [-1] }, error: InvalidParameterError, argument: 'exclude', atConstruction: true },
  { name: 'a fractional exclude index', options: { exclude: [0.5] }, error: InvalidParameterError, argument: 'exclude', atConstruction: true },
  { name: 'positive not a boolean', options: { positive: 'yes' }, error: InvalidParameterError, argument: 'positive', atConstruction: true },
  { name: 'positive with lowerLimits', options: { positive: true, lowerLimits: -1 }, error: InvalidParameterError, argument: 'positive', atConstruction: true },
];

function expectTyped(run: () => unknown, c: Case): void {
  let caught: unknown;
  try {
    run();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(c.error);
  expect((caught as { argument: string }).argument).toBe(c.argument);
}

describe('bad penalty options', () => {
  for (const c of cases) {
    it(`${c.name}: ${c.error.name} naming ${c.argument}, before any work, caller data untouched`, () => {
      const snapshot = structuredClone(c.options);
      if (c.atConstruction) {
        expectTyped(() => new Lasso({ lambda: 0.1, ...c.options }), c);
      } else {
        const model = new Lasso({ lambda: 0.1, ...c.options });
        expectTyped(() => model.fit(X, y), c);
        expect(() => model.coef).toThrow(NotFittedError);
      }
      expectTyped(() => lassoPath(X, y, c.options), c);
      expectTyped(() => cvPath(X, y, { nFolds: 2, ...c.options }), c);
      expectTyped(() => lambdaMax(X, y, c.options), c);
      if (c.atConstruction) expectTyped(() => new LassoCV(c.options), c);
      else expectTyped(() => new LassoCV({ nFolds: 2, ...c.options }).fit(X, y), c);
      expect(c.options).toEqual(snapshot);
    });
  }

  it("the 'cyclic' solver refuses penalty options (it runs the plain elastic net)", () => {
    expectTyped(() => new ElasticNet({ lambda: 0.1, solver: 'cyclic', positive: true }), {
      name: '', options: {}, error: InvalidParameterError, argument: 'solver', atConstruction: true,
    });
  });

  it('a generated λ grid needs a penalized feature free to leave 0', () => {
    for (const options of [{ exclude: [0, 1, 2] }, { positive: true, upperLimits: 0 }, { penaltyFactor: [0, 0, 1], exclude: [2] }]) {
      expectTyped(() => lassoPath(X, y, options), { name: '', options: {}, error: InvalidParameterError, argument: 'penaltyFactor', atConstruction: false });
      // With explicit λ the fit is well defined.
      expect(lassoPath(X, y, { ...options, lambdas: [0.1] }).length).toBe(1);
    }
  });

  it('a warm start outside the bounds is clipped into them', () => {
    const m = new Lasso({ lambda: 0.01, positive: true, upperLimits: 0.5, tol: 1e-12 }).fit(X, y, { initialCoef: [-3, 7, 2] });
    const cold = new Lasso({ lambda: 0.01, positive: true, upperLimits: 0.5, tol: 1e-12 }).fit(X, y);
    for (let j = 0; j < 3; j++) {
      expect(m.coef[j]!).toBeGreaterThanOrEqual(0);
      expect(m.coef[j]!).toBeLessThanOrEqual(0.5);
      expect(Math.abs(m.coef[j]! - cold.coef[j]!)).toBeLessThan(1e-6);
    }
  });

  it('valid options are not modified by a fit', () => {
    const penaltyFactor = [0, 1, 2];
    const lowerLimits = [-1, -Infinity, 0];
    const exclude = [2];
    new Lasso({ lambda: 0.1, penaltyFactor, lowerLimits, exclude }).fit(X, y);
    expect(penaltyFactor).toEqual([0, 1, 2]);
    expect(lowerLimits).toEqual([-1, -Infinity, 0]);
    expect(exclude).toEqual([2]);
  });
});
