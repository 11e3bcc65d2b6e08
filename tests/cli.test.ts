// The `l1l2` command, run as a child process of the built bin (bin/l1l2.js → dist/cli.js), on
// small CSV, svmlight and Matrix Market files; results checked against the library's API.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import {
  CscMatrix, DenseMatrix, ElasticNet, Lasso, LogisticRegression, Ridge, RidgeCV, VERSION, cvLogisticPath, cvPath, init, lassoPath,
  logisticPath, parseCsvDataset, parseSvmlight,
} from '../src/index.js';
import { SeededRandom } from '../src/random/SeededRandom.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'l1l2.js');
let dir = '';
const n = 80;
const p = 6;
const names = Array.from({ length: p }, (_, j) => `x${j + 1}`);
let rows: number[][] = [];
let y: number[] = [];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function l1l2(...args: string[]): Run {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(run: Run): any {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) {
    expect(Math.abs(actual[k]! - expected[k]!), `entry ${k}: ${actual[k]} vs ${expected[k]}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected[k]!)));
  }
}

function expectNoStackTrace(run: Run): void {
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toContain('internal error');
}

beforeAll(async () => {
  expect(existsSync(join(root, 'dist', 'cli.js')), 'run `npm run build` first').toBe(true);
  await init();
  dir = mkdtempSync(join(tmpdir(), 'l1l2-cli-'));
  const rng = new SeededRandom(42);
  const beta = [3, 0, -2, 0, 1.5, 0];
  rows = Array.from({ length: n }, () => Array.from({ length: p }, () => (rng.uniform() < 0.4 ? 0 : rng.normal() * 2 + 1)));
  y = rows.map((r) => 5 + r.reduce((s, v, j) => s + v * beta[j]!, 0) + rng.normal());
  // The same numbers in three formats (String(v) round-trips every double exactly).
  file('data.csv', `${[...names, 'target'].join(',')}\n${rows.map((r, i) => [...r, y[i]].join(',')).join('\n')}\n`);
  file('data.svm', rows.map((r, i) => `${y[i]} ${r.map((v, j) => (v === 0 ? '' : `${j + 1}:${v}`)).filter(Boolean).join(' ')}`).join('\n') + '\n');
  const entries: string[] = [];
  rows.forEach((r, i) => r.forEach((v, j) => v !== 0 && entries.push(`${i + 1} ${j + 1} ${v}`)));
  y.forEach((v, i) => entries.push(`${i + 1} ${p + 1} ${v}`));
  file('data.mtx', `%%MatrixMarket matrix coordinate real general\n${n} ${p + 1} ${entries.length}\n${entries.join('\n')}\n`);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('fit', () => {
  test('lasso, elastic net and ridge on CSV equal the library fits; svmlight and mtx give the same model', () => {
    const X = DenseMatrix.fromRows(rows);
    const lambda = 0.05;
    const expected = {
      lasso: new Lasso({ lambda, standardize: true }).fit(X, y),
      elasticnet: new ElasticNet({ lambda, l1Ratio: 0.3, standardize: true }).fit(X, y),
      ridge: new Ridge({ lambda, standardize: true }).fit(X, y),
    };
    for (const model of ['lasso', 'elasticnet', 'ridge'] as const) {
      const extra = model === 'elasticnet' ? ['--l1-ratio', '0.3'] : [];
      const fromCsv = json(l1l2('fit', 'data.csv', '--model', model, '--lambda', String(lambda), '--standardize', '--json', ...extra));
      expect(fromCsv.model).toBe(model);
      expect(fromCsv.featureNames).toEqual(names);
      expect(fromCsv.targetName).toBe('target');
      expect(fromCsv.libraryVersion).toBe(VERSION);
      expect(fromCsv.certificate.converged).toBe(true);
      // Same data, same code path: the same doubles.
      expect(fromCsv.coefficients).toEqual(Array.from(expected[model].coef, (v) => (v === 0 ? 0 : v)));
      expect(fromCsv.intercept).toBe(expected[model].intercept);
      for (const other of ['data.svm', 'data.mtx']) {
        const sparse = json(l1l2('fit', other, '--model', model, '--lambda', String(lambda), '--standardize', '--json', ...extra));
        expect(sparse.featureNames).toEqual(names);
        // CSC and dense solvers agree to the certificate's accuracy.
        expectClose(sparse.coefficients, fromCsv.coefficients, 1e-5);
        expectClose([sparse.intercept], [fromCsv.intercept], 1e-5);
      }
    }
    X.dispose();
  });

  test('text output names the features and the certificate; --out writes the model file', () => {
    const run = l1l2('fit', 'data.csv', '--lambda', '0.1', '--out', 'model.json');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('coefficients (original scale;');
    expect(run.stdout).toMatch(/x1\s+\S+/);
    expect(run.stdout).toContain('duality gap');
    expect(run.stdout).toContain('model written to model.json');
    expect(existsSync(join(dir, 'model.json'))).toBe(true);
  });
});

describe('model file', () => {
  test('round-trips exactly: the coefficients are the library fit’s doubles, and predict uses them', () => {
    const X = DenseMatrix.fromRows(rows);
    const model = new Lasso({ lambda: 0.02 }).fit(X, y);
    expect(l1l2('fit', 'data.csv', '--lambda', '0.02', '--out', 'rt.json').code).toBe(0);
    const text = readFileSync(join(dir, 'rt.json'), 'utf8');
    const saved = JSON.parse(text);
    expect(saved.coefficients.length).toBe(p);
    saved.coefficients.forEach((c: number, j: number) => expect(Object.is(c, model.coef[j] === 0 ? 0 : model.coef[j])).toBe(true));
    expect(Object.is(saved.intercept, model.intercept)).toBe(true);
    expect(saved.options).toMatchObject({ lambda: 0.02, l1Ratio: 1, fitIntercept: true, standardize: false });
    expect(saved.certificate).toMatchObject({ kind: 'dualityGap', converged: true });
    expect(saved.certificate.value).toBe(model.dualGap);
    expect(JSON.stringify(JSON.parse(text), null, 2) + '\n').toBe(text);
    const predicted = json(l1l2('predict', 'rt.json', 'data.csv', '--json')).predictions;
    expectClose(predicted, model.predict(X), 1e-12);
    // Plain output: one number per line, every digit (parses back to the same doubles).
    const lines = l1l2('predict', 'rt.json', 'data.csv').stdout.trim().split('\n').map(Number);
    expect(lines).toEqual(predicted);
    // A model fitted on svmlight predicts on the CSV with the same feature names, and vice versa.
    expect(l1l2('fit', 'data.svm', '--lambda', '0.02', '--out', 'svm.json').code).toBe(0);
    expectClose(json(l1l2('predict', 'svm.json', 'data.csv', '--json')).predictions, model.predict(X), 1e-6);
    expectClose(json(l1l2('predict', 'rt.json', 'data.svm', '--json')).predictions, model.predict(X), 1e-12);
    // --out writes the predictions instead.
    expect(l1l2('predict', 'rt.json', 'data.csv', '--out', 'pred.txt').stdout).toContain(`${n} predictions written to pred.txt`);
    expect(readFileSync(join(dir, 'pred.txt'), 'utf8').trim().split('\n').map(Number)).toEqual(predicted);
    X.dispose();
  });

  test('predict refuses data whose feature names do not match the model', () => {
    expect(l1l2('fit', 'data.csv', '--lambda', '0.1', '--out', 'm.json').code).toBe(0);
    file('renamed.csv', readFileSync(join(dir, 'data.csv'), 'utf8').replace('x3', 'z3'));
    const renamed = l1l2('predict', 'm.json', 'renamed.csv');
    expect(renamed.code).toBe(1);
    expect(renamed.stderr).toContain('refusing to predict');
    expect(renamed.stderr).toContain('"x3"');
    expectNoStackTrace(renamed);
    // svmlight features are named x<index>: a file with more features than the model has is refused.
    file('wide.svm', '1 1:1 9:2\n');
    const wide = l1l2('predict', 'm.json', 'wide.svm');
    expect(wide.code).toBe(1);
    expect(wide.stderr).toMatch(/wide\.svm, line 1/);
    // A 0-based svmlight file names its features x0 …: refused by name.
    file('zero.svm', '1 0:1 3:2\n');
    const zero = l1l2('predict', 'm.json', 'zero.svm');
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain('refusing to predict');
    // Not a model file.
    const notModel = l1l2('predict', 'data.csv', 'data.csv');
    expect(notModel.code).toBe(1);
    expect(notModel.stderr).toContain('not a JSON model file');
  });
});

describe('path', () => {
  test('--json equals lassoPath; --plot writes valid SVG with axes and labels', () => {
    const X = DenseMatrix.fromRows(rows);
    const expected = lassoPath(X, y, { nLambda: 30, standardize: true });
    const out = json(l1l2('path', 'data.csv', '--n-lambda', '30', '--standardize', '--json'));
    expect(out.lambdas).toEqual(Array.from(expected.lambdas));
    expect(out.nonZeros).toEqual(Array.from(expected.df));
    out.coefficients.forEach((w: number[], k: number) => expect(w).toEqual(Array.from(expected.coefAt(k))));
    const text = l1l2('path', 'data.csv', '--n-lambda', '30', '--standardize', '--plot', 'path.svg');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('plot written to path.svg');
    expect(text.stderr).toBe(''); // no progress bar: stderr is not a terminal
    const svg = readFileSync(join(dir, 'path.svg'), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('λ (log scale, decreasing)');
    expect(svg).toContain('coefficient (original scale)');
    expect(svg).toContain('class="x-axis"');
    for (const name of names.filter((_, j) => expected.df[expected.length - 1]! > 0 && expected.coefAt(expected.length - 1)[j] !== 0)) {
      expect(svg).toContain(`>${name}</text>`);
    }
    // Ridge paths run on glmnet's ridge grid; each point certified.
    const ridge = json(l1l2('path', 'data.svm', '--model', 'ridge', '--n-lambda', '10', '--json'));
    expect(ridge.lambdas.length).toBe(10);
    expect(ridge.certificate.kind).toBe('relativeGradient');
    expect(ridge.certificate.converged).toBe(true);
    X.dispose();
  });
});

describe('cv', () => {
  test('λ_min, λ_1se and the curve equal cvPath; coefficients printed by name; plot valid', () => {
    const X = DenseMatrix.fromRows(rows);
    const expected = cvPath(X, y, { l1Ratio: 1, nFolds: 5, seed: 3, nLambda: 40 });
    const out = json(l1l2('cv', 'data.csv', '--folds', '5', '--seed', '3', '--n-lambda', '40', '--json'));
    expect(out.lambdaMin).toBe(expected.lambdaMin);
    expect(out.lambda1se).toBe(expected.lambda1se);
    expect(out.cvMean).toEqual(Array.from(expected.cvMean));
    expect(out.cvStandardError).toEqual(Array.from(expected.cvStandardError));
    expect(out.coefficientsAtLambdaMin).toEqual(Array.from(expected.path.coefAt(expected.indexMin)));
    const text = l1l2('cv', 'data.csv', '--folds', '5', '--seed', '3', '--n-lambda', '40', '--plot', 'cv.svg', '--out', 'cv.json', '--select', '1se');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/λ_min = \S+/);
    expect(text.stdout).toMatch(/λ_1se = \S+/);
    expect(text.stdout).toMatch(/x1\s+-?[\d.]+\s+-?[\d.]+/);
    expect(text.stdout).toContain('CV curve');
    expect(text.stdout).toContain('plot written to cv.svg');
    const svg = readFileSync(join(dir, 'cv.svg'), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('λ_min');
    expect(svg).toContain('mean squared error');
    const saved = JSON.parse(readFileSync(join(dir, 'cv.json'), 'utf8'));
    expect(saved.lambda).toBe(expected.lambda1se);
    expect(saved.training.cv).toMatchObject({ folds: 5, seed: 3, selection: '1se' });
    expect(saved.coefficients).toEqual(Array.from(expected.path.coefAt(expected.index1se), (v) => (v === 0 ? 0 : v)));
    // Sparse input: the same CV (CSC and dense agree to solver accuracy).
    const sparse = json(l1l2('cv', 'data.svm', '--folds', '5', '--seed', '3', '--n-lambda', '40', '--json'));
    expectClose(sparse.cvMean, out.cvMean, 1e-6);
    const sparseMtx = CscMatrix.fromDense(X);
    expect(cvPath(sparseMtx, y, { l1Ratio: 1, nFolds: 5, seed: 3, nLambda: 40 }).indexMin).toBe(expected.indexMin);
    X.dispose();
  });

  test('ridge cv selects RidgeCV’s λ on the same grid and folds', () => {
    const out = json(l1l2('cv', 'data.mtx', '--model', 'ridge', '--folds', '4', '--n-lambda', '20', '--json'));
    const X = DenseMatrix.fromRows(rows);
    const reference = new RidgeCV({ lambdas: out.lambdas, cv: 4, seed: 0 }).fit(X, y);
    expect(out.lambdaMin).toBe(reference.lambda);
    expectClose(out.cvMean, reference.cvScores, 1e-9);
    expect(out.lambda1se).toBeGreaterThanOrEqual(out.lambdaMin);
    X.dispose();
  });

  test('the embedded diabetes data (the main job)', () => {
    const run = l1l2('cv', '--dataset', 'diabetes', '--standardize', '--plot', 'd.svg');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('diabetes (embedded): 442 samples × 10 features');
    for (const name of ['age', 'sex', 'bmi', 'bp', 's1', 's5']) expect(run.stdout).toContain(name);
    expect(run.stdout).toMatch(/time \d/);
  });
});

describe('--model logistic', () => {
  test('fit, path, cv (deviance) and predict on ±1 svmlight labels equal the library API', () => {
    // Labels from a noisy linear score, written as −1/+1 (libsvm's convention).
    const rng = new SeededRandom(9);
    const labels = rows.map((r) => (r[0]! - r[2]! + 0.8 * rng.normal() > 0.5 ? 1 : -1));
    const svm = file('binary.svm', rows.map((r, i) => `${labels[i]! > 0 ? '+1' : '-1'} ${r.map((v, j) => (v === 0 ? '' : `${j + 1}:${v}`)).filter(Boolean).join(' ')}`).join('\n') + '\n');
    const { X } = parseSvmlight(readFileSync(svm, 'utf8'));
    const lambda = 0.02;
    const model = new LogisticRegression({ lambda, standardize: true }).fit(X, labels);
    const fitted = json(l1l2('fit', 'binary.svm', '--model', 'logistic', '--lambda', String(lambda), '--standardize', '--out', 'logit.json', '--json'));
    expect(fitted.classes).toEqual([-1, 1]);
    expect(fitted.coefficients).toEqual(Array.from(model.coef, (v) => (v === 0 ? 0 : v)));
    expect(fitted.intercept).toBe(model.intercept);
    expect(fitted.certificate).toMatchObject({ kind: 'dualityGap', converged: true, value: model.dualGap });
    const predicted = json(l1l2('predict', 'logit.json', 'binary.svm', '--json'));
    expectClose(predicted.predictions, model.predictProba(X), 1e-12);
    expect(predicted.predictedClasses).toEqual(model.predict(X));

    const path = logisticPath(X, labels, { nLambda: 20, standardize: true });
    const pathOut = json(l1l2('path', 'binary.svm', '--model', 'logistic', '--n-lambda', '20', '--standardize', '--json'));
    expect(pathOut.lambdas).toEqual(Array.from(path.lambdas));
    pathOut.coefficients.forEach((w: number[], k: number) => expect(w).toEqual(Array.from(path.coefAt(k))));

    const cv = cvLogisticPath(X, labels, { nFolds: 4, seed: 1, nLambda: 20, measure: 'deviance' });
    const cvOut = json(l1l2('cv', 'binary.svm', '--model', 'logistic', '--folds', '4', '--seed', '1', '--n-lambda', '20', '--json'));
    expect(cvOut.measure).toBe('binomial deviance');
    expect(cvOut.lambdaMin).toBe(cv.lambdaMin);
    expect(cvOut.lambda1se).toBe(cv.lambda1se);
    expect(cvOut.cvMean).toEqual(Array.from(cv.cvMean));
    const text = l1l2('cv', 'binary.svm', '--model', 'logistic', '--folds', '4', '--n-lambda', '20');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('mean deviance');
  });

  test('a target with more than two values is bad data (exit 1)', () => {
    for (const args of [['fit', '--lambda', '0.1'], ['path'], ['cv', '--folds', '3']]) {
      const run = l1l2(args[0]!, 'data.csv', '--model', 'logistic', ...args.slice(1));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('--model logistic needs a binary target, but "target" has more than two values');
      expectNoStackTrace(run);
    }
  });
});

describe('bad data: exit 1 with file, line and reason, no stack trace', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['ragged.csv', 'a,b,y\n1,2,3\n4,5\n', 'fit', /ragged\.csv, line 3, column 3: expected 3 cells/],
    ['badnum.csv', 'a,b,y\n1,2,3\n4,five,6\n', 'cv', /badnum\.csv, line 3, column 2: "five" in column "b" is not a finite number/],
    ['empty.csv', '', 'path', /empty\.csv is empty/],
    ['headeronly.csv', 'a,b,y\n', 'fit', /headeronly\.csv has a header but no data rows/],
    ['badindex.svm', '1 1:1 2:2\n-1 3:1 2:5\n', 'fit', /badindex\.svm, line 2, column 8: feature index 2 does not increase/],
    ['badtoken.svm', '1 1:1\n-1 abc\n', 'path', /badtoken\.svm, line 2, column 4: "abc" is not an index:value pair/],
    ['badvalue.svm', '1 1:1\n-1 2:1.2.3\n', 'cv', /badvalue\.svm, line 2, column 6: value "1\.2\.3"/],
    ['empty.svm', '\n\n', 'fit', /empty\.svm has no data lines/],
    ['badindex.mtx', '%%MatrixMarket matrix coordinate real general\n2 3 2\n1 1 1\n3 1 2\n', 'fit', /badindex\.mtx, line 4, column 1: row index "3"/],
    ['short.mtx', '%%MatrixMarket matrix coordinate real general\n2 3 3\n1 1 1\n', 'fit', /short\.mtx, line 3, column 1: expected 3 entries, found 1/],
    ['empty.mtx', '', 'fit', /empty\.mtx is empty/],
  ];
  for (const [name, content, command, message] of cases) {
    test(`${command} ${name}`, () => {
      file(name, content);
      const options: Record<string, string[]> = { fit: ['--lambda', '0.1'], cv: ['--folds', '2'], path: [] };
      const run = l1l2(command, name, ...options[command]!);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
      expectNoStackTrace(run);
    });
  }

  test('a missing file, a constant target and an unknown column name', () => {
    const missing = l1l2('fit', 'nope.csv', '--lambda', '1');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot access nope.csv: no such file');
    const unwritable = l1l2('fit', 'data.csv', '--lambda', '1', '--out', join(dir, 'no-such-dir', 'm.json'));
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/cannot access .*no-such-dir.*: no such file/);
    expectNoStackTrace(unwritable);
    expectNoStackTrace(missing);
    const unknown = l1l2('fit', 'data.csv', '--lambda', '1', '--target', 'nothere');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no target column named "nothere"');
  });
});

describe('bad usage: exit 2 with the usage text', () => {
  const cases: Array<[string[], RegExp]> = [
    [[], /no command given/],
    [['frobnicate', 'data.csv'], /unknown command "frobnicate"/],
    [['fit', 'data.csv'], /fit needs --lambda/],
    [['fit', 'data.csv', '--lambda', 'abc'], /--lambda must be a number ≥ 0; got "abc"/],
    [['fit', 'data.csv', '--lambda=-1'], /--lambda must be a number ≥ 0; got "-1"/],
    [['fit', 'data.csv', '--lambda', '-1'], /Option '--lambda' argument is ambiguous/],
    [['fit', 'data.csv', '--lambda', '1', '--model', 'svm'], /--model must be one of lasso, elasticnet, ridge, logistic/],
    [['fit', 'data.csv', '--lambda', '1', '--bogus'], /Unknown option '--bogus'/],
    [['fit', '--lambda', '1'], /fit takes one data file/],
    [['cv', 'data.csv', '--folds', '1'], /--folds must be an integer ≥ 2/],
    [['cv', 'data.csv', '--folds', '1000'], /nFolds must be at most the number of samples 80/],
    [['fit', 'data.csv', '--lambda', '1', '--l1-ratio', '0.5'], /--l1-ratio applies to --model elasticnet or logistic only/],
    [['fit', 'data.csv', '--model', 'elasticnet', '--lambda', '1', '--l1-ratio', '2'], /--l1-ratio must be a number ≥ 0 and ≤ 1/],
    [['path', 'data.csv', '--plot', 'x.png'], /--plot writes SVG/],
    [['predict', 'model.json'], /predict takes a model file and a data file/],
    [['fit', 'data.unknown', '--lambda', '1'], /cannot tell the format/],
    [['fit', 'data.csv', '--lambda', '1', '--dataset', 'iris'], /unknown dataset "iris"/],
  ];
  for (const [args, message] of cases) {
    test(args.join(' ') || '(nothing)', () => {
      const run = l1l2(...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('usage: l1l2 <command>');
      expectNoStackTrace(run);
    });
  }

  test('--help and --version exit 0', () => {
    const help = l1l2('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: l1l2 <command>');
    expect(l1l2('--version').stdout.trim()).toBe(VERSION);
  });
});

test('CSV parsed by the library is what the CLI fitted on (the fixture itself is sane)', () => {
  const parsed = parseCsvDataset(readFileSync(join(dir, 'data.csv'), 'utf8'));
  expect(parsed.X.nRows).toBe(n);
  expect(Array.from(parsed.y)).toEqual(y);
});
