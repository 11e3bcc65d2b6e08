import { describe, test, expect } from 'vitest';
import { parseNumericCsv, loadDiabetes, softThreshold, r2Score, DataFormatError, EmptyDataError } from '../src/index.js';

describe('parseNumericCsv', () => {
  test('parses a header and numeric rows, skipping blank lines and CRLF', () => {
    expect(parseNumericCsv('a,b\r\n1,2.5\r\n\r\n-3,4e2\n')).toEqual({ header: ['a', 'b'], rows: [[1, 2.5], [-3, 400]] });
  });
  test('a ragged row is a DataFormatError with its line', () => {
    const error = (() => { try { parseNumericCsv('a,b\n1,2\n3\n', 'f.csv'); } catch (e) { return e; } })() as DataFormatError;
    expect(error).toBeInstanceOf(DataFormatError);
    expect(error.line).toBe(3);
    expect(error.message).toContain('f.csv, line 3');
  });
  test('a non-numeric or empty cell is a DataFormatError with line and column', () => {
    for (const [text, line, column] of [['a,b\n1,2\n3,x\n', 3, 2], ['a,b,c\n1,,2\n', 2, 2], ['a\nNaN\n', 2, 1]] as const) {
      const error = (() => { try { parseNumericCsv(text); } catch (e) { return e; } })() as DataFormatError;
      expect(error).toBeInstanceOf(DataFormatError);
      expect([error.line, error.column]).toEqual([line, column]);
    }
  });
  test('empty input and header-only input are EmptyDataError', () => {
    expect(() => parseNumericCsv('')).toThrow(EmptyDataError);
    expect(() => parseNumericCsv('a,b\n')).toThrow(EmptyDataError);
  });
});

describe('loadDiabetes', () => {
  test('is the 442×10 Efron et al. data with named features', () => {
    const { X, y, featureNames, targetName } = loadDiabetes();
    expect([X.nRows, X.nCols, y.length]).toEqual([442, 10, 442]);
    expect(featureNames).toEqual(['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6']);
    expect(targetName).toBe('progression');
    // First row of the published data: 59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87 → 151.
    expect(Array.from(X.row(0))).toEqual([59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87]);
    expect(y[0]).toBe(151);
  });
});

describe('softThreshold and r2Score', () => {
  test('soft-thresholding zeroes |z| ≤ t exactly and shrinks the rest by t', () => {
    expect(softThreshold(3, 1)).toBe(2);
    expect(softThreshold(-3, 1)).toBe(-2);
    expect(softThreshold(1, 1)).toBe(0);
    expect(softThreshold(-0.5, 1)).toBe(0);
  });
  test('R² follows scikit-learn, including the constant-target convention', () => {
    expect(r2Score(Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3))).toBe(1);
    expect(r2Score(Float64Array.of(1, 2, 3), Float64Array.of(2, 2, 2))).toBe(0);
    expect(r2Score(Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 4))).toBeCloseTo(0.5, 15);
    expect(r2Score(Float64Array.of(5, 5), Float64Array.of(5, 5))).toBe(1);
    expect(r2Score(Float64Array.of(5, 5), Float64Array.of(5, 6))).toBe(0);
  });
});
