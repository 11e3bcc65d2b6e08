// The data readers: exact number parsing, svmlight straight into CSC (any chunking), CSV with a
// header, Matrix Market, the typed errors with their locations, and the Node disk readers.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CscMatrix, DataFormatError, DataTooLargeError, DenseMatrix, EmptyDataError, SvmlightParser, VERSION,
  parseCsvDataset, parseMatrixMarket, parseMatrixMarketDataset, parseSvmlight,
} from '../src/index.js';
import { parseDecimalBytes } from '../src/io/parseDecimalBytes.js';
import { MAX_TEXT_FILE_BYTES, readDataFile, readSvmlightFile, readTextFile } from '../src/node/index.js';
import { SeededRandom } from '../src/random/SeededRandom.js';

const encoder = new TextEncoder();

function dense(X: CscMatrix | DenseMatrix): number[][] {
  return Array.from({ length: X.nRows }, (_, i) => Array.from({ length: X.nCols }, (_, j) => X.get(i, j)));
}

/** Bitwise equality of two CSC matrices (fast on large ones, unlike a deep toEqual). */
function expectSameCsc(a: CscMatrix, b: CscMatrix): void {
  expect([a.nRows, a.nCols, a.nnz]).toEqual([b.nRows, b.nCols, b.nnz]);
  const bytes = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  const x = a.toCsc();
  const y = b.toCsc();
  expect(bytes(x.indptr).equals(bytes(y.indptr))).toBe(true);
  expect(bytes(x.indices).equals(bytes(y.indices))).toBe(true);
  expect(bytes(x.data).equals(bytes(y.data))).toBe(true);
}

function expectError<E extends Error>(run: () => unknown, type: new (...args: never[]) => E, check: (e: E) => void): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(type);
  check(caught as E);
}

describe('parseDecimalBytes', () => {
  test('gives exactly what Number() gives, bit for bit', () => {
    const rng = new SeededRandom(3);
    const texts = [
      '0', '-0', '+1', '1.', '.5', '-.5', '1e5', '1E-5', '2.5e+10', '123456789012345', '1234567890123456789', '0.1', '0.3',
      '9007199254740993', '1e22', '1e23', '1e-22', '1e-23', '4.9e-324', '1.7976931348623157e308', '0.000001234', '00012.5000',
      '3.14159265358979323846', '-2.2250738585072014e-308',
    ];
    for (let k = 0; k < 20000; k++) {
      const v = (rng.uniform() - 0.5) * 10 ** Math.floor(rng.uniform() * 40 - 20);
      texts.push(String(v), v.toFixed(Math.floor(rng.uniform() * 12)), v.toExponential(Math.floor(rng.uniform() * 17)), v.toPrecision(1 + Math.floor(rng.uniform() * 20)));
    }
    for (const text of texts) {
      const bytes = encoder.encode(` ${text} `);
      expect(Object.is(parseDecimalBytes(bytes, 1, bytes.length - 1), Number(text)), text).toBe(true);
    }
  });

  test('rejects what is not a decimal number', () => {
    for (const text of ['', '-', '.', 'e5', '1e', '1.2.3', '0x10', 'abc', '1,5', '1e+', 'nan']) {
      const bytes = encoder.encode(text);
      expect(Number.isNaN(parseDecimalBytes(bytes, 0, bytes.length)), text).toBe(true);
    }
  });
});

/** A reference svmlight reader written the obvious way, for agreement. */
function referenceSvmlight(text: string): { rows: number[][]; labels: number[]; width: number } {
  const entries: Array<Array<[number, number]>> = [];
  const labels: number[] = [];
  let maxIndex = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const [label, ...tokens] = line.split(/\s+/);
    labels.push(Number(label));
    const row: Array<[number, number]> = [];
    for (const token of tokens) {
      if (token.startsWith('qid:')) continue;
      const [index, value] = token.split(':').map(Number) as [number, number];
      row.push([index, value]);
      maxIndex = Math.max(maxIndex, index);
    }
    entries.push(row);
  }
  const rows = entries.map((row) => {
    const out = new Array<number>(maxIndex).fill(0);
    for (const [index, value] of row) out[index - 1] = value;
    return out;
  });
  return { rows, labels, width: maxIndex };
}

function randomSvmlight(seed: number, nRows: number, nFeatures: number): string {
  const rng = new SeededRandom(seed);
  const lines: string[] = ['# a comment line', ''];
  for (let i = 0; i < nRows; i++) {
    const k = 1 + rng.int(Math.min(8, nFeatures));
    const indices = rng.sample(nFeatures, k).sort((a, b) => a - b);
    const parts = [rng.uniform() < 0.5 ? '-1' : '+1'];
    if (i % 7 === 3) parts.push(`qid:${i}`);
    for (const j of indices) parts.push(`${j + 1}:${rng.uniform() < 0.1 ? 0 : rng.normal() * 10 ** rng.int(4)}`);
    let line = parts.join(i % 3 === 0 ? '\t' : ' ');
    if (i % 11 === 5) line += ' # trailing comment';
    lines.push(line);
  }
  return lines.join(rng.uniform() < 2 ? '\r\n' : '\n') + '\n';
}

describe('svmlight', () => {
  test('a small file: CSC, labels, base and names', () => {
    const data = parseSvmlight('+1 1:0.5 3:2\n-1 2:1 # comment\n\n+1 qid:3 3:-4\n');
    expect(data.X).toBeInstanceOf(CscMatrix);
    expect(dense(data.X)).toEqual([[0.5, 0, 2], [0, 1, 0], [0, 0, -4]]);
    expect(Array.from(data.y)).toEqual([1, -1, 1]);
    expect(data.indexBase).toBe(1);
    expect(data.labelKind).toBe('plusMinusOne');
    expect(data.featureNames).toEqual(['x1', 'x2', 'x3']);
    expect(data.X.toCsc().indptr).toEqual(Int32Array.from([0, 1, 2, 4]));
  });

  test('agrees with a reference reader on a seeded file, for any chunking', () => {
    const text = randomSvmlight(11, 400, 50);
    const expected = referenceSvmlight(text);
    const whole = parseSvmlight(text);
    expect(whole.X.nCols).toBe(expected.width);
    expect(dense(whole.X)).toEqual(expected.rows);
    expect(Array.from(whole.y)).toEqual(expected.labels);
    const bytes = encoder.encode(text);
    const rng = new SeededRandom(5);
    for (let trial = 0; trial < 5; trial++) {
      const parser = new SvmlightParser();
      for (let at = 0; at < bytes.length;) {
        const size = 1 + rng.int(trial === 0 ? 3 : 500);
        parser.push(bytes.subarray(at, at + size));
        at += size;
      }
      const chunked = parser.finish();
      expectSameCsc(chunked.X, whole.X);
      expect(chunked.y).toEqual(whole.y);
    }
  });

  test('index base: detected from a 0, or declared; 0/1 labels reported', () => {
    const zeroBased = parseSvmlight('1 0:1 2:3\n0 1:2\n');
    expect(zeroBased.indexBase).toBe(0);
    expect(zeroBased.labelKind).toBe('zeroOne');
    expect(zeroBased.featureNames).toEqual(['x0', 'x1', 'x2']);
    expect(dense(zeroBased.X)).toEqual([[1, 0, 3], [0, 2, 0]]);
    const declared = parseSvmlight('1.5 1:1\n2 2:2\n', { indexBase: 0 });
    expect(declared.X.nCols).toBe(3);
    expect(declared.labelKind).toBe('real');
    expectError(() => parseSvmlight('1 1:1\n1 0:2\n', { indexBase: 1 }), DataFormatError, (e) => {
      expect(e.line).toBe(2);
      expect(e.message).toContain('index 0');
    });
    const wide = parseSvmlight('1 2:1\n', { nFeatures: 5 });
    expect(wide.X.nCols).toBe(5);
    expectError(() => parseSvmlight('1 2:1\n-1 7:1\n', { nFeatures: 5, source: 'f.svm' }), DataFormatError, (e) => {
      expect(e.line).toBe(2);
      expect(e.message).toMatch(/^f\.svm, line 2/);
    });
  });

  test('malformed lines: typed errors with line and column', () => {
    const cases: Array<[string, number, number, RegExp]> = [
      ['1 1:1\n1 2:abc\n', 2, 5, /value "abc"/],
      ['1 1:1\nx 2:1\n', 2, 1, /label "x"/],
      ['1 3:1 2:1\n', 1, 7, /does not increase/],
      ['1 2:1 2:1\n', 1, 7, /does not increase/],
      ['1 1:1 foo\n', 1, 7, /not an index:value pair/],
      ['1 :5\n', 1, 3, /no feature index/],
      ['1 -1:5\n', 1, 3, /not an index:value pair/],
      ['1 1:inf\n', 1, 5, /not a finite number/],
      ['1 1:1e999\n', 1, 5, /not a finite number/],
    ];
    for (const [text, line, column, reason] of cases) {
      expectError(() => parseSvmlight(text, { source: 'data.svm' }), DataFormatError, (e) => {
        expect([e.line, e.column], text).toEqual([line, column]);
        expect(e.message).toMatch(reason);
        expect(e.argument).toBe('data.svm');
      });
    }
    expectError(() => parseSvmlight('# only a comment\n\n'), EmptyDataError, (e) => expect(e.message).toContain('no data lines'));
    expectError(() => parseSvmlight(''), EmptyDataError, () => {});
  });
});

describe('CSV with a header', () => {
  const text = 'a,"b, quoted",c,y\n1,2,3,4\n\n5,6,7,8\r\n9,10,11,12\n';

  test('target by name, features selected and ordered, quoted names', () => {
    const all = parseCsvDataset(text);
    expect(all.targetName).toBe('y');
    expect(all.featureNames).toEqual(['a', 'b, quoted', 'c']);
    expect(dense(all.X)).toEqual([[1, 2, 3], [5, 6, 7], [9, 10, 11]]);
    expect(Array.from(all.y)).toEqual([4, 8, 12]);
    const some = parseCsvDataset(text, { target: 'a', features: ['c', 'y'] });
    expect(some.featureNames).toEqual(['c', 'y']);
    expect(dense(some.X)).toEqual([[3, 4], [7, 8], [11, 12]]);
    expect(Array.from(some.y)).toEqual([1, 5, 9]);
    // Unused columns are not parsed: text there is fine.
    const withId = parseCsvDataset('id,x,y\nabc,1,2\ndef,3,4\n', { features: ['x'] });
    expect(dense(withId.X)).toEqual([[1], [3]]);
    const tabs = parseCsvDataset('x\ty\n1\t2\n', { delimiter: '\t' });
    expect(Array.from(tabs.y)).toEqual([2]);
  });

  test('errors name the source, line and column', () => {
    const cases: Array<[string, object, number, number, RegExp]> = [
      ['a,b,y\n1,2,3\n4,5\n', {}, 3, 3, /expected 3 cells/],
      ['a,b,y\n1,2,3\n4,5,6,7\n', {}, 3, 4, /expected 3 cells/],
      ['a,b,y\n1,x,3\n', {}, 2, 2, /"x" in column "b" is not a finite number/],
      ['a,b,y\n1,,3\n', {}, 2, 2, /empty cell in column "b"/],
      ['a,b,y\n1,2,NaN\n', {}, 2, 3, /not a finite number/],
      ['a,b,y\n1,2,0x10\n', {}, 2, 3, /not a finite number/],
      ['a,b,y\n1,2,3\n', { target: 'z' }, 1, 1, /no target column named "z"/],
      ['a,b,y\n1,2,3\n', { features: ['a', 'q'] }, 1, 1, /no feature column named "q"/],
      ['a,a,y\n1,2,3\n', {}, 1, 2, /repeats column 1/],
      ['a,"b,y\n1,2,3\n', {}, 1, 2, /unterminated/],
    ];
    for (const [input, options, line, column, reason] of cases) {
      expectError(() => parseCsvDataset(input, { ...options, source: 't.csv' }), DataFormatError, (e) => {
        expect([e.line, e.column], input).toEqual([line, column]);
        expect(e.message).toMatch(reason);
        expect(e.message.startsWith(`t.csv, line ${line}, column ${column}`)).toBe(true);
      });
    }
    expectError(() => parseCsvDataset('', { source: 't.csv' }), EmptyDataError, (e) => expect(e.message).toBe('t.csv is empty'));
    expectError(() => parseCsvDataset('a,y\n\n'), EmptyDataError, (e) => expect(e.message).toContain('no data rows'));
  });
});

describe('Matrix Market', () => {
  test('coordinate general, symmetric, skew-symmetric and pattern; array', () => {
    const general = parseMatrixMarket('%%MatrixMarket matrix coordinate real general\n% comment\n3 2 3\n1 1 1.5\n3 2 -2\n2 1 4\n');
    expect(general.matrix).toBeInstanceOf(CscMatrix);
    expect(dense(general.matrix)).toEqual([[1.5, 0], [4, 0], [0, -2]]);
    const symmetric = parseMatrixMarket('%%MatrixMarket matrix coordinate real symmetric\n2 2 2\n1 1 1\n2 1 3\n');
    expect(dense(symmetric.matrix)).toEqual([[1, 3], [3, 0]]);
    const skew = parseMatrixMarket('%%MatrixMarket matrix coordinate integer skew-symmetric\n2 2 1\n2 1 3\n');
    expect(dense(skew.matrix)).toEqual([[0, -3], [3, 0]]);
    const pattern = parseMatrixMarket('%%MatrixMarket matrix coordinate pattern general\n2 2 2\n1 2\n2 1\n');
    expect(dense(pattern.matrix)).toEqual([[0, 1], [1, 0]]);
    const array = parseMatrixMarket('%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n');
    expect(array.matrix).toBeInstanceOf(DenseMatrix);
    expect(dense(array.matrix)).toEqual([[1, 3], [2, 4]]);
  });

  test('as a dataset: the target column split off (default the last), sparse stays sparse', () => {
    const text = '%%MatrixMarket matrix coordinate real general\n3 3 5\n1 1 1\n2 2 2\n1 3 7\n3 3 9\n3 1 5\n';
    const data = parseMatrixMarketDataset(text);
    expect(data.X).toBeInstanceOf(CscMatrix);
    expect(dense(data.X)).toEqual([[1, 0], [0, 2], [5, 0]]);
    expect(Array.from(data.y)).toEqual([7, 0, 9]);
    expect(data.featureNames).toEqual(['x1', 'x2']);
    const first = parseMatrixMarketDataset(text, { targetColumn: 1 });
    expect(dense(first.X)).toEqual([[0, 7], [2, 0], [0, 9]]);
    expect(Array.from(first.y)).toEqual([1, 0, 5]);
    expect(first.featureNames).toEqual(['x2', 'x3']);
  });

  test('errors with line numbers', () => {
    const head = '%%MatrixMarket matrix coordinate real general\n';
    const cases: Array<[string, number, RegExp]> = [
      ['%%NotMatrixMarket\n', 1, /banner/],
      [`${head}2 2\n`, 2, /size line/],
      [`${head}2 2 2\n1 1 1\n3 1 1\n`, 4, /row index "3"/],
      [`${head}2 2 2\n1 1 1\n1 0 1\n`, 4, /column index "0"/],
      [`${head}2 2 2\n1 1 1\n1 2 x\n`, 4, /"x" is not a finite number/],
      [`${head}2 2 2\n1 1 1\n`, 3, /expected 2 entries, found 1/],
      [`${head}2 2 1\n1 1 1\n2 2 2\n`, 4, /more than the 1 entries/],
      [`${head}2 2 1\n1 1\n`, 3, /expected 3 numbers/],
    ];
    for (const [text, line, reason] of cases) {
      expectError(() => parseMatrixMarket(text, 'm.mtx'), DataFormatError, (e) => {
        expect(e.line, text).toBe(line);
        expect(e.message).toMatch(reason);
      });
    }
    expectError(() => parseMatrixMarket('\n\n', 'm.mtx'), EmptyDataError, () => {});
  });
});

describe('Node disk readers (l1l2/node)', () => {
  test('readSvmlightFile streams a multi-chunk file to the same result as parseSvmlight', () => {
    const dir = mkdtempSync(join(tmpdir(), 'l1l2-readers-'));
    try {
      const text = randomSvmlight(21, 30000, 200); // > 1 MiB: several chunks, lines cut at chunk edges
      expect(text.length).toBeGreaterThan(1 << 20);
      const path = join(dir, 'big.svm');
      writeFileSync(path, text);
      const fromDisk = readSvmlightFile(path);
      const fromText = parseSvmlight(text);
      expectSameCsc(fromDisk.X, fromText.X);
      expect(Buffer.from(fromDisk.y.buffer).equals(Buffer.from(fromText.y.buffer))).toBe(true);
      const viaFormat = readDataFile(path);
      expect(viaFormat.format).toBe('svmlight');
      expect((viaFormat.X as CscMatrix).nnz).toBe(fromText.X.nnz);
      writeFileSync(join(dir, 'bad.svm'), '1 1:1\n1 1:2 1:3\n');
      expectError(() => readSvmlightFile(join(dir, 'bad.svm')), DataFormatError, (e) => {
        expect(e.message.startsWith(`${join(dir, 'bad.svm')}, line 2, column 7`)).toBe(true);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a text file too large for a string is refused before reading', () => {
    const dir = mkdtempSync(join(tmpdir(), 'l1l2-readers-'));
    try {
      const path = join(dir, 'huge.csv');
      writeFileSync(path, 'a,y\n');
      truncateSync(path, MAX_TEXT_FILE_BYTES + 1); // sparse: no disk space used
      expectError(() => readTextFile(path), DataTooLargeError, (e) => {
        expect(e.bytes).toBe(MAX_TEXT_FILE_BYTES + 1);
        expect(e.message).toContain('convert it to svmlight');
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('VERSION is package.json’s version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  expect(VERSION).toBe(pkg.version);
});
