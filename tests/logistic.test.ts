import { describe, expect, it } from 'vitest';
import {
  CscMatrix, DenseMatrix, InvalidParameterError, LogisticRegression, LogisticRegressionCV, SeparationWarning, ShapeMismatchError,
  EmptyDataError, cvLogisticPath, enetPath, fitConstrained, logisticPath, rocAuc, type L1L2Warning,
} from '../src/index.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';
import { auditLogistic, classificationProblem, lassoLogisticLowerBound } from './helpers/logisticOracle.js';
import { asCsc, asDense, asRows } from './helpers/syntheticRegression.js';
import { snapshot } from './helpers/byteSnapshot.js';
import { computeLogisticPath, resolveLogisticPathOptions } from '../src/logistic/logisticPath.js';
import { selectEngine } from '../src/engine/selectEngine.js';

const dense = classificationProblem(11, 200, 40);
const wide = classificationProblem(12, 60, 300);
const sparse = classificationProblem(13, 300, 150, { density: 0.05 });
const problems = [
  ['dense 200×40', dense],
  ['dense p ≫ n 60×300', wide],
  ['sparse 300×150 (5 %)', sparse],
] as const;

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

describe('LogisticRegression: KKT of returned solutions, dense = CSC, WASM = TS', () => {
  const warnings = simdSuiteRecordingWarnings();
  for (const [name, problem] of problems) {
    for (const alpha of [1, 0.5, 0]) {
      for (const standardize of [false, true]) {
        it(`${name}, α = ${alpha}, standardize ${standardize}`, () => {
          const { columns, n, p, labels } = problem;
          const lambda = 0.05;
          const fits = [
            new LogisticRegression({ lambda, l1Ratio: alpha, standardize, tol: 1e-10 }).fit(asDense(problem), labels),
            new LogisticRegression({ lambda, l1Ratio: alpha, standardize, tol: 1e-10 }).fit(asCsc(problem), labels),
            new LogisticRegression({ lambda, l1Ratio: alpha, standardize, tol: 1e-10, engine: 'js' }).fit(asDense(problem), labels),
          ];
          for (const m of fits) {
            expect(m.converged).toBe(true);
            expect(m.dualGap).toBeGreaterThanOrEqual(0);
            const audit = auditLogistic(columns, n, p, labels, m.coef, m.intercept, lambda, alpha, { standardize });
            expect(audit.relativeKkt).toBeLessThan(1e-5);
            expect(audit.interceptScore).toBeLessThan(1e-12);
            expect(Math.abs(audit.objective - m.objective)).toBeLessThan(1e-12);
          }
          expect(maxDiff(fits[0]!.coef, fits[1]!.coef)).toBeLessThan(1e-7);
          expect(maxDiff(fits[0]!.coef, fits[2]!.coef)).toBeLessThan(1e-7);
          if (alpha > 0) expect(fits[0]!.coef.some((c) => c === 0)).toBe(true);
          expect(warnings).toEqual([]);
        });
      }
    }
  }

  it('without an intercept the solution satisfies KKT with b = 0', () => {
    const { columns, n, p, labels } = dense;
    const m = new LogisticRegression({ lambda: 0.02, fitIntercept: false, tol: 1e-10 }).fit(asDense(dense), labels);
    expect(m.intercept).toBe(0);
    expect(auditLogistic(columns, n, p, labels, m.coef, 0, 0.02, 1).relativeKkt).toBeLessThan(1e-5);
  });

  it('λ = 0 on non-separable data: certified by the KKT residual, the gradient vanishes', () => {
    const problem = classificationProblem(21, 400, 6, { scale: 0.5 });
    const m = new LogisticRegression({ lambda: 0, tol: 1e-10 }).fit(asDense(problem), problem.labels);
    expect(m.certificate).toBe('kkt');
    expect(Number.isNaN(m.dualGap)).toBe(true);
    expect(m.converged).toBe(true);
    const audit = auditLogistic(problem.columns, problem.n, problem.p, problem.labels, m.coef, m.intercept, 0, 1);
    expect(audit.relativeKkt).toBeLessThan(1e-8);
    expect(warnings).toEqual([]);
  });
});

describe('separable classes', () => {
  const warnings = simdSuiteRecordingWarnings();
  // Labels are the sign of x₁ + x₂: perfectly separable.
  const rows = Array.from({ length: 60 }, (_, i) => [Math.sin(i * 1.7) * 3, Math.cos(i * 0.9) * 2, (i % 7) - 3]);
  const labels = rows.map((r) => (r[0]! + r[1]! > 0 ? 1 : 0));
  it('λ = 0: stops with a SeparationWarning and finite coefficients, never NaN', () => {
    warnings.length = 0;
    const m = new LogisticRegression({ lambda: 0 }).fit(rows, labels);
    expect(m.separated).toBe(true);
    expect(m.converged).toBe(false);
    expect(warnings.length).toBe(1);
    expect(warnings[0]).toBeInstanceOf(SeparationWarning);
    expect((warnings[0] as L1L2Warning).message).toMatch(/separated/);
    for (const c of m.coef) expect(Number.isFinite(c)).toBe(true);
    expect(Number.isFinite(m.intercept)).toBe(true);
    expect(m.score(rows, labels)).toBe(1);
    for (const q of m.predictProba(rows)) expect(Number.isNaN(q)).toBe(false);
  });

  it('tiny λ: finite coefficients that separate the data; a non-converged fit always warns', () => {
    for (const lambda of [1e-6, 1e-9, 1e-12]) {
      warnings.length = 0;
      const m = new LogisticRegression({ lambda, maxIter: 30 }).fit(rows, labels);
      for (const c of m.coef) expect(Number.isFinite(c)).toBe(true);
      expect(m.score(rows, labels)).toBe(1);
      expect(warnings.length).toBe(m.converged ? 0 : 1);
    }
  });

  it('a path on separable data: glmnet\'s early stop (explained deviance > 0.999), and λ = 0 ends it with a warning', () => {
    warnings.length = 0;
    const path = logisticPath(rows, labels, { lambdaMinRatio: 1e-8 });
    expect(path.length).toBeLessThan(100);
    expect(path.devRatio[path.length - 1]!).toBeGreaterThan(0.999);
    const withZero = logisticPath(rows, labels, { lambdas: [0.1, 0.01, 0] });
    expect(withZero.length).toBe(3);
    expect(warnings.some((w) => w instanceof SeparationWarning)).toBe(true);
    for (let k = 0; k < withZero.length; k++) for (const c of withZero.coefAt(k)) expect(Number.isFinite(c)).toBe(true);
  });
});

describe('labels, weights and inputs', () => {
  const warnings = simdSuiteRecordingWarnings();
  const { labels } = dense;
  const X = asDense(dense);

  it('booleans, ±1, 0/1 and two strings give the same model; classes and predict map back', () => {
    const base = new LogisticRegression({ lambda: 0.03 }).fit(X, labels);
    const variants: unknown[][] = [
      Array.from(labels, (v) => v === 1),
      Array.from(labels, (v) => (v === 1 ? 1 : -1)),
      Array.from(labels, (v) => (v === 1 ? 'spam' : 'ham')),
    ];
    for (const y of variants) {
      const m = new LogisticRegression({ lambda: 0.03 }).fit(X, y);
      expect(maxDiff(m.coef, base.coef)).toBe(0);
      expect(m.predict(X).every((c, i) => (c === m.classes[1]) === (base.predict(X)[i] === 1))).toBe(true);
    }
    expect(new LogisticRegression({ lambda: 0.03 }).fit(X, variants[2]!).classes).toEqual(['ham', 'spam']);
    expect(new LogisticRegression({ lambda: 0.03 }).fit(X, variants[1]!).classes).toEqual([-1, 1]);
  });

  it('predictProba = σ(decisionFunction); predict thresholds at ½; score is the accuracy', () => {
    const m = new LogisticRegression({ lambda: 0.01 }).fit(X, labels);
    const eta = m.decisionFunction(X);
    const q = m.predictProba(X);
    eta.forEach((e, i) => expect(q[i]).toBeCloseTo(1 / (1 + Math.exp(-e)), 14));
    const predicted = m.predict(X);
    let correct = 0;
    predicted.forEach((c, i) => {
      expect(c).toBe(q[i]! >= 0.5 ? 1 : 0);
      if (c === labels[i]) correct++;
    });
    expect(m.score(X, labels)).toBe(correct / labels.length);
  });

  it('integer sample weights equal duplicated rows', () => {
    const rows = asRows(dense).slice(0, 80);
    const y = Array.from(labels.slice(0, 80));
    const weights = rows.map((_, i) => 1 + (i % 3));
    const dupRows: number[][] = [];
    const dupY: number[] = [];
    rows.forEach((r, i) => {
      for (let k = 0; k < weights[i]!; k++) {
        dupRows.push(r);
        dupY.push(y[i]!);
      }
    });
    const weighted = new LogisticRegression({ lambda: 0.02, l1Ratio: 0.7, tol: 1e-12 }).fit(rows, y, { sampleWeight: weights });
    const duplicated = new LogisticRegression({ lambda: 0.02, l1Ratio: 0.7, tol: 1e-12 }).fit(dupRows, dupY);
    expect(maxDiff(weighted.coef, duplicated.coef)).toBeLessThan(1e-7);
    expect(Math.abs(weighted.intercept - duplicated.intercept)).toBeLessThan(1e-7);
  });

  it('l1Norm is the L1-ball radius whose constrained logistic fit has the same solution and λ* = λ', () => {
    const problem = classificationProblem(31, 150, 8, { scale: 0.7 });
    const X = asDense(problem);
    const lambda = 0.02;
    const penalized = new LogisticRegression({ lambda, tol: 1e-12 }).fit(X, problem.labels);
    const constrained = fitConstrained(X, problem.labels, { norm: 'l1', radius: penalized.l1Norm, loss: 'logistic' });
    expect(constrained.active).toBe(true);
    expect(maxDiff(constrained.coef, penalized.coef)).toBeLessThan(1e-5);
    expect(Math.abs(constrained.lambda - lambda) / lambda).toBeLessThan(1e-4);
    expect(penalized.l2Norm).toBeCloseTo(Math.hypot(...penalized.coef), 12);
  });

  it('a warm start from initialCoef reaches the same solution', () => {
    const cold = new LogisticRegression({ lambda: 0.01, tol: 1e-11 }).fit(X, labels);
    const warm = new LogisticRegression({ lambda: 0.01, tol: 1e-11 }).fit(X, labels, { initialCoef: cold.coef.map((c) => c * 0.5 + 0.01) });
    expect(maxDiff(warm.coef, cold.coef)).toBeLessThan(1e-6);
  });

  it('bad labels are rejected before any work, naming y, and inputs are untouched', () => {
    const rows = asRows(dense).slice(0, 5);
    const before = snapshot(rows);
    const cases: [unknown, RegExp, new (...a: never[]) => Error][] = [
      [[0, 1, 2, 0, 1], /more than two/, InvalidParameterError],
      [[1, 1, 1, 1, 1], /only one class/, InvalidParameterError],
      [[0, 1, '1', 0, 1], /share one type/, InvalidParameterError],
      [[0, 1, NaN, 0, 1], /not a finite label/, InvalidParameterError],
      [[0, 1, 0, 1], /4 labels but X has 5 rows/, ShapeMismatchError],
      [[], /empty/, EmptyDataError],
      [[{}, {}, {}, {}, {}], /not a number, string or boolean/, InvalidParameterError],
    ];
    for (const [y, message, type] of cases) {
      let thrown: unknown;
      try {
        new LogisticRegression({ lambda: 0.1 }).fit(rows, y as number[]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(type);
      expect((thrown as Error).message).toMatch(message);
      expect((thrown as { argument: string }).argument).toBe('y');
    }
    expect(snapshot(rows)).toEqual(before);
    expect(() => new LogisticRegression({ lambda: -1 })).toThrow(InvalidParameterError);
    expect(() => new LogisticRegression({ lambda: 0.1, l1Ratio: 2 })).toThrow(/l1Ratio/);
    expect(warnings).toEqual([]);
  });
});

describe('the certificate is an upper bound on F − F*', () => {
  simdSuiteRecordingWarnings();
  // Loose tolerances make the solver stop right after a Newton step, where the gap may come from
  // its quadratic model's dual point rather than from the gradient at the point itself.
  const cases = [
    ...problems.flatMap(([name, problem]) => (['wasm', 'js'] as const).map((engine) => ({ name, problem, engine, fitIntercept: true }))),
    { name: 'dense 200×40, no intercept', problem: dense, engine: 'wasm' as const, fitIntercept: false },
  ];
  for (const { name, problem, engine, fitIntercept } of cases) {
    it(`${name}, ${engine}: gap ≥ F − F_tight at every λ of a path at tol 1e-4, F_tight certified by an independent dual bound`, () => {
      const { columns, n, p, labels } = problem;
      const path = logisticPath(asCsc(problem), labels, { nLambda: 15, tol: 1e-4, engine, fitIntercept });
      let positive = 0;
      for (let k = 1; k < path.length; k++) {
        const lambda = path.lambdas[k]!;
        const tight = new LogisticRegression({ lambda, tol: 1e-13, fitIntercept }).fit(asDense(problem), labels);
        const fTight = auditLogistic(columns, n, p, labels, tight.coef, tight.intercept, lambda, 1).objective;
        // F* lies in [lower, fTight], and that interval is short: fTight is F* to 1e-10.
        const lower = lassoLogisticLowerBound(columns, n, p, labels, tight.coef, tight.intercept, lambda);
        expect(fTight - lower).toBeLessThan(1e-10);
        const f = auditLogistic(columns, n, p, labels, path.coefAt(k), path.intercepts[k]!, lambda, 1).objective;
        // The gap bounds F − F* ≥ F − fTight (rounding of the objectives aside).
        expect(path.dualGaps[k]!).toBeGreaterThanOrEqual(f - fTight - 1e-14);
        if (f - fTight > 1e-9) positive++;
      }
      // The check has teeth: the path's solutions are measurably suboptimal at some λ.
      expect(positive).toBeGreaterThan(0);
    });
  }
});

describe('logisticPath', () => {
  const warnings = simdSuiteRecordingWarnings();
  for (const [name, problem] of problems) {
    it(`${name}: KKT on the full problem at every λ, dense = CSC`, () => {
      const { columns, n, p, labels } = problem;
      const a = logisticPath(asDense(problem), labels, { nLambda: 30, tol: 1e-9 });
      const b = logisticPath(asCsc(problem), labels, { nLambda: 30, tol: 1e-9 });
      expect(a.length).toBe(b.length);
      for (let k = 0; k < a.length; k++) {
        expect(a.converged[k]).toBe(true);
        const audit = auditLogistic(columns, n, p, labels, a.coefAt(k), a.intercepts[k]!, a.lambdas[k]!, 1);
        expect(audit.relativeKkt).toBeLessThan(1e-4);
        // Dense = CSC: both objectives are within their certified gaps of the same F*.
        const other = auditLogistic(columns, n, p, labels, b.coefAt(k), b.intercepts[k]!, b.lambdas[k]!, 1);
        expect(Math.abs(audit.objective - other.objective)).toBeLessThanOrEqual(Math.max(a.dualGaps[k]!, b.dualGaps[k]!) + 1e-14);
        expect(a.df[k]).toBe(b.df[k]);
      }
      expect(a.df[0]).toBe(0);
      expect(a.df[a.length - 1]).toBeGreaterThan(0);
      // devRatio is non-decreasing along the path (fits improve as λ falls).
      for (let k = 1; k < a.length; k++) expect(a.devRatio[k]!).toBeGreaterThanOrEqual(a.devRatio[k - 1]! - 1e-9);
      expect(warnings).toEqual([]);
    });
  }

  it('onLambdaSolved reports every λ of logisticPath and enetPath in order, with the grid length', () => {
    for (const run of [
      (cb: (k: number, total: number) => void) => logisticPath(asDense(dense), dense.labels, { nLambda: 15, onLambdaSolved: cb }),
      (cb: (k: number, total: number) => void) => enetPath(asDense(dense), dense.y, { nLambda: 15, onLambdaSolved: cb }),
    ]) {
      const seen: [number, number][] = [];
      const path = run((k, total) => seen.push([k, total]));
      expect(seen).toEqual(Array.from({ length: path.length }, (_, k) => [k, 15]));
    }
  });

  it('a tolerance per λ (the benchmark\'s λ-by-λ matching) is met at each λ', () => {
    const lambdas = logisticPath(asDense(dense), dense.labels, { nLambda: 10 }).lambdas;
    const tolerances = Float64Array.from(lambdas, (_, k) => (k % 2 === 0 ? 1e-3 : 1e-10));
    const { resolved, maxPasses } = resolveLogisticPathOptions({ lambdas, tol: 1 });
    const path = computeLogisticPath(asDense(dense), dense.labels, resolved, maxPasses, { tolerances });
    const f0 = path.gapTolerance; // tol 1: gapTolerance = F(0)
    for (let k = 0; k < path.length; k++) expect(path.dualGaps[k]!).toBeLessThanOrEqual(tolerances[k]! * f0);
  });

  it('each λ starts from the last two solutions extrapolated: η stays b + Xw where coefficients leave the support, and Newton steps halve', () => {
    // 300×150 sparse-ish columns, lasso: along this path 14 coefficients leave the support or
    // change sign, which the extrapolation carries past 0 (Newton brings them back).
    const { columns, n, p, labels } = sparse;
    const { resolved, maxPasses } = resolveLogisticPathOptions({ nLambda: 40, tol: 1e-9 });
    let left = 0;
    let previous: Float64Array | undefined;
    let worstEta = 0;
    const path = computeLogisticPath(asDense(sparse), Float64Array.from(labels), resolved, maxPasses, {
      onSolved: (_, solver) => {
        const { coef, intercept } = solver.coefficients();
        const eta = solver.linearPredictor();
        for (let i = 0; i < n; i++) {
          let expected = intercept;
          for (let j = 0; j < p; j++) expected += columns[j * n + i]! * coef[j]!;
          worstEta = Math.max(worstEta, Math.abs(eta[i]! - expected) / (1 + Math.abs(expected)));
        }
        if (previous) for (let j = 0; j < p; j++) if (previous[j] !== 0 && !(Math.sign(coef[j]!) === Math.sign(previous[j]!))) left++;
        previous = coef;
      },
    });
    expect(left).toBeGreaterThan(0);
    expect(worstEta).toBeLessThan(1e-12);
    for (let k = 0; k < path.length; k++) {
      expect(path.converged[k]).toBe(true);
      expect(auditLogistic(columns, n, p, labels, path.coefAt(k), path.intercepts[k]!, path.lambdas[k]!, 1).relativeKkt).toBeLessThan(1e-4);
    }
    // From the last solution alone this path takes 113 Newton steps (3.1 per λ); extrapolated, 56.
    const newton = path.nIters.reduce((a, b) => a + b, 0);
    expect(newton).toBeLessThanOrEqual(2 * path.length);
  });

  it('after a line search the intercept is polished from that sweep: one linearization per Newton step and one per prediction', () => {
    const engine = selectEngine('wasm');
    const open = engine.openBinomialRows;
    let linearizations = 0;
    engine.openBinomialRows = (y01, nu) => {
      const rows = open(y01, nu);
      const linearize = rows.linearize.bind(rows);
      rows.linearize = (...args) => {
        linearizations++;
        return linearize(...args);
      };
      return rows;
    };
    try {
      const { columns, n, p, labels } = sparse;
      const { resolved, maxPasses } = resolveLogisticPathOptions({ nLambda: 40, tol: 1e-9, engine: 'wasm' });
      const path = computeLogisticPath(asDense(sparse), Float64Array.from(labels), resolved, maxPasses);
      const newton = path.nIters.reduce((a, b) => a + b, 0);
      for (let k = 0; k < path.length; k++) {
        expect(path.converged[k]).toBe(true);
        // Polished to the rounding level all the same.
        expect(auditLogistic(columns, n, p, labels, path.coefAt(k), path.intercepts[k]!, path.lambdas[k]!, 1).interceptScore).toBeLessThan(1e-12);
      }
      // Each Newton step is certified after one linearization where Newton's polish of the intercept
      // took two or three, each predicted λ linearizes once more (its model), and some polishes need
      // a second sweep: 140 here for 78 steps over 40 λ; polishing without the line search's terms, 222.
      expect(linearizations).toBeLessThanOrEqual(newton + path.length + newton / 3);
    } finally {
      engine.openBinomialRows = open;
    }
  });

  it('the path equals independent single-λ fits', () => {
    const path = logisticPath(asDense(dense), dense.labels, { nLambda: 12, l1Ratio: 0.5, tol: 1e-11 });
    for (let k = 0; k < path.length; k += 3) {
      const lambda = path.lambdas[k]!;
      const m = new LogisticRegression({ lambda, l1Ratio: 0.5, tol: 1e-11 }).fit(asDense(dense), dense.labels);
      // F is μ-strongly convex in w (μ = λ·(1 − α), after minimizing over b), so a point with gap G
      // lies within √(2G/μ) of the minimizer: the two certified solutions can differ by the sum.
      const mu = lambda * 0.5;
      const bound = Math.sqrt((2 * path.dualGaps[k]!) / mu) + Math.sqrt((2 * m.dualGap) / mu);
      expect(maxDiff(path.coefAt(k), m.coef)).toBeLessThanOrEqual(Math.min(bound, 1e-3) + 1e-9);
    }
  });
});

describe('cross-validation', () => {
  const warnings = simdSuiteRecordingWarnings();
  const { labels, columns, n, p } = dense;
  const X = asDense(dense);

  it('is deterministic given a seed, and a fold error equals an independent fit scored on the held-out rows', () => {
    const a = cvLogisticPath(X, labels, { nFolds: 5, seed: 3, nLambda: 20, tol: 1e-10 });
    const b = cvLogisticPath(X, labels, { nFolds: 5, seed: 3, nLambda: 20, tol: 1e-10 });
    expect(Array.from(a.cvMean)).toEqual(Array.from(b.cvMean));
    expect(a.lambdaMin).toBe(b.lambdaMin);
    expect(a.lambda1se).toBeGreaterThanOrEqual(a.lambdaMin);
    const fold = 2;
    const k = 10;
    const train: number[] = [];
    const held: number[] = [];
    for (let i = 0; i < n; i++) (a.foldId[i] === fold ? held : train).push(i);
    const rows = asRows(dense);
    const m = new LogisticRegression({ lambda: a.lambdas[k]!, tol: 1e-12 }).fit(train.map((i) => rows[i]!), train.map((i) => labels[i]!));
    const q = m.predictProba(held.map((i) => rows[i]!));
    let deviance = 0;
    held.forEach((i, t) => {
      const prob = Math.min(Math.max(q[t]!, 1e-5), 1 - 1e-5);
      deviance += -2 * (labels[i]! * Math.log(prob) + (1 - labels[i]!) * Math.log(1 - prob));
    });
    expect(a.foldErrors[fold]![k]).toBeCloseTo(deviance / held.length, 6);
    expect(a.measure).toBe('deviance');
    expect(warnings).toEqual([]);
  });

  it('misclassification and AUC measures; AUC picks its maximum', () => {
    const foldId = Array.from({ length: n }, (_, i) => i % 4);
    const mis = cvLogisticPath(X, labels, { foldId, measure: 'misclassification', nLambda: 15 });
    for (const e of mis.cvMean) expect(e >= 0 && e <= 1).toBe(true);
    const auc = cvLogisticPath(X, labels, { foldId, measure: 'auc', nLambda: 15, tol: 1e-10 });
    expect(auc.cvMean[auc.indexMin]).toBe(Math.max(...auc.cvMean));
    // Fold 1 at λ #8, from an independent fit on the other folds: error rate and pairwise AUC.
    const rows = asRows(dense);
    const train = foldId.flatMap((f, i) => (f === 1 ? [] : [i]));
    const held = foldId.flatMap((f, i) => (f === 1 ? [i] : []));
    const fit = new LogisticRegression({ lambda: mis.lambdas[8]!, tol: 1e-12 }).fit(train.map((i) => rows[i]!), train.map((i) => labels[i]!));
    const eta = fit.decisionFunction(held.map((i) => rows[i]!));
    const wrong = held.filter((i, t) => (eta[t]! >= 0 ? 1 : 0) !== labels[i]).length;
    expect(mis.foldErrors[1]![8]).toBeCloseTo(wrong / held.length, 12);
    const fitAuc = new LogisticRegression({ lambda: auc.lambdas[8]!, tol: 1e-12 }).fit(train.map((i) => rows[i]!), train.map((i) => labels[i]!));
    const score = fitAuc.decisionFunction(held.map((i) => rows[i]!));
    let pairs = 0;
    let wins = 0;
    held.forEach((i, a) => held.forEach((j, b) => {
      if (labels[i] === 1 && labels[j] === 0) {
        pairs++;
        wins += score[a]! > score[b]! ? 1 : score[a] === score[b] ? 0.5 : 0;
      }
    }));
    expect(auc.foldErrors[1]![8]).toBeCloseTo(wins / pairs, 6);
    expect(auc.cvMean[auc.indexMin]!).toBeGreaterThan(0.6);
    expect(() => cvLogisticPath(X, labels, { foldId: labels.map((v) => v), measure: 'auc' })).toThrow(/both classes/);
    void columns;
    void p;
  });

  it('LogisticRegressionCV keeps the full-data solution at the selected λ', () => {
    const model = new LogisticRegressionCV({ nFolds: 4, seed: 1, nLambda: 15, selection: 'lambda1se' }).fit(X, labels);
    expect(model.lambda).toBe(model.cv.lambda1se);
    expect(maxDiff(model.coef, model.cv.path.coefAt(model.cv.index1se))).toBe(0);
    expect(model.predict(X).length).toBe(n);
  });

  it('rocAuc counts ordered pairs, ties as ½ (checked against brute force)', () => {
    const y = [0, 1, 1, 0, 1, 0, 0, 1];
    const s = [0.1, 0.4, 0.4, 0.4, 0.9, 0.2, 0.7, 0.3];
    let pairs = 0;
    let wins = 0;
    for (let i = 0; i < y.length; i++) for (let j = 0; j < y.length; j++) {
      if (y[i] === 1 && y[j] === 0) {
        pairs++;
        wins += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
      }
    }
    expect(rocAuc(y, s)).toBe(wins / pairs);
    expect(Number.isNaN(rocAuc([1, 1], [0.2, 0.3]))).toBe(true);
  });
});

void CscMatrix;
void DenseMatrix;
