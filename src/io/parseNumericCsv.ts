import { DataFormatError, EmptyDataError } from '../errors.js';

/** A CSV table of numbers with a header row. */
export interface NumericTable {
  /** Column names from the header row. */
  header: string[];
  /** One array per data row. */
  rows: number[][];
}

/**
 * Parses comma-separated numbers with a header row (no quoting: the simple numeric CSV
 * that scikit-learn's and R's writers produce for numeric data). Blank lines are skipped.
 *
 * @param source A name for the input used in error messages (a file name, say).
 * @throws {EmptyDataError} no header or no data rows.
 * @throws {DataFormatError} a row with the wrong number of cells, or a cell that is not a finite number
 *   (the error carries the 1-based line and column).
 * @example
 * ```ts
 * parseNumericCsv('a,b\n1,2\n3,4\n'); // { header: ['a', 'b'], rows: [[1, 2], [3, 4]] }
 * ```
 */
export function parseNumericCsv(text: string, source = 'csv'): NumericTable {
  const lines = text.split(/\r?\n/);
  let lineIndex = lines.findIndex((l) => l.trim() !== '');
  if (lineIndex < 0) throw new EmptyDataError(source, `${source} is empty`);
  const header = lines[lineIndex]!.split(',').map((h) => h.trim());
  const rows: number[][] = [];
  for (lineIndex++; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex]!;
    if (line.trim() === '') continue;
    const cells = line.split(',');
    if (cells.length !== header.length) {
      throw new DataFormatError(source, lineIndex + 1, Math.min(cells.length, header.length) + 1, `expected ${header.length} cells, found ${cells.length}`);
    }
    const row = cells.map((cell, j) => {
      const trimmed = cell.trim();
      const v = trimmed === '' ? NaN : Number(trimmed);
      if (!Number.isFinite(v)) throw new DataFormatError(source, lineIndex + 1, j + 1, `"${trimmed}" is not a finite number`);
      return v;
    });
    rows.push(row);
  }
  if (rows.length === 0) throw new EmptyDataError(source, `${source} has a header but no data rows`);
  return { header, rows };
}
