import { DataFormatError, EmptyDataError, InvalidParameterError } from '../errors.js';
import { DenseMatrix } from '../matrix/DenseMatrix.js';
import { splitCsvLine } from './splitCsvLine.js';

/** Options of {@link parseCsvDataset}. */
export interface CsvDatasetOptions {
  /** Name of the target column. Default: the last column. `null`: the table has no target (y is empty; for predictions). */
  target?: string | null;
  /** Names of the feature columns, in the order wanted. Default: every column but the target. Other columns are not parsed. */
  features?: readonly string[];
  /** Cell separator, one character. Default `','`. */
  delimiter?: string;
  /** A name for the input in error messages (a file name, say). Default `'csv'`. */
  source?: string;
}

/** Features, target and names read from a table. */
export interface LabeledData<M = DenseMatrix> {
  X: M;
  y: Float64Array;
  featureNames: string[];
  targetName: string;
}

/**
 * Reads a numeric CSV table with a header row into a design matrix and a target: the target
 * column by name (default the last), the feature columns by name (default all the others).
 * Cells may be quoted (`"…"`, with `""` for a quote); blank lines are skipped; `\r\n` is accepted.
 * Platform-neutral (`readCsvFile` in `l1l2/node` reads a file with it).
 *
 * @throws {EmptyDataError} no header, or no data rows.
 * @throws {DataFormatError} a row with the wrong number of cells, an empty or non-numeric cell in a used
 *   column, a duplicated or unknown column name (`.line`, `.column`: 1-based line and cell number).
 * @example
 * ```ts
 * const { X, y, featureNames } = parseCsvDataset('a,b,y\n1,2,3\n4,5,6\n', { target: 'y' });
 * featureNames; // ['a', 'b']
 * ```
 */
export function parseCsvDataset(text: string, options: CsvDatasetOptions = {}): LabeledData {
  const source = options.source ?? 'csv';
  const delimiter = options.delimiter ?? ',';
  if (typeof delimiter !== 'string' || delimiter.length !== 1 || delimiter === '"' || delimiter === '\n') {
    throw new InvalidParameterError('delimiter', `delimiter must be one character other than a quote or newline, got ${JSON.stringify(delimiter)}`);
  }
  const separator = delimiter.charCodeAt(0);
  let position = 0;
  let lineNumber = 0;
  const nextLine = (): string | undefined => {
    while (position < text.length) {
      let end = text.indexOf('\n', position);
      if (end < 0) end = text.length;
      let line = text.slice(position, end);
      position = end + 1;
      lineNumber++;
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (line.trim() !== '') return line;
    }
    return undefined;
  };
  const headerLine = nextLine();
  if (headerLine === undefined) throw new EmptyDataError(source, `${source} is empty`);
  const headerAt = lineNumber;
  const header = splitCsvLine(headerLine, separator, source, headerAt).map((h) => h.trim());
  header.forEach((name, j) => {
    if (name === '') throw new DataFormatError(source, headerAt, j + 1, 'empty column name in the header');
    const first = header.indexOf(name);
    if (first !== j) throw new DataFormatError(source, headerAt, j + 1, `column name "${name}" repeats column ${first + 1}`);
  });
  const columnOf = (name: string, role: string): number => {
    const j = header.indexOf(name);
    if (j < 0) throw new DataFormatError(source, headerAt, 1, `no ${role} column named "${name}" (columns: ${header.join(', ')})`);
    return j;
  };
  const targetColumn = options.target === undefined ? header.length - 1 : options.target === null ? -1 : columnOf(options.target, 'target');
  const featureColumns = options.features === undefined
    ? header.map((_, j) => j).filter((j) => j !== targetColumn)
    : options.features.map((name) => columnOf(name, 'feature'));
  if (featureColumns.includes(targetColumn)) {
    throw new DataFormatError(source, headerAt, targetColumn + 1, `column "${header[targetColumn]}" cannot be both the target and a feature`);
  }
  if (featureColumns.length === 0) throw new EmptyDataError(source, `${source} has no feature columns`);

  const p = featureColumns.length;
  let values = new Float64Array(1024 * p); // row-major
  const targets: number[] = [];
  const parseCell = (cells: string[], j: number, line: number): number => {
    const trimmed = cells[j]!.trim();
    const v = trimmed === '' ? NaN : Number(trimmed);
    if (!Number.isFinite(v) || /^0[xbo]/i.test(trimmed)) {
      throw new DataFormatError(source, line, j + 1, trimmed === '' ? `empty cell in column "${header[j]}"` : `"${trimmed}" in column "${header[j]}" is not a finite number`);
    }
    return v;
  };
  for (let line = nextLine(); line !== undefined; line = nextLine()) {
    const cells = splitCsvLine(line, separator, source, lineNumber);
    if (cells.length !== header.length) {
      throw new DataFormatError(source, lineNumber, Math.min(cells.length, header.length) + 1, `expected ${header.length} cells (as in the header), found ${cells.length}`);
    }
    const i = targets.length;
    if ((i + 1) * p > values.length) {
      const grown = new Float64Array(values.length * 2);
      grown.set(values);
      values = grown;
    }
    for (let k = 0; k < p; k++) values[i * p + k] = parseCell(cells, featureColumns[k]!, lineNumber);
    targets.push(targetColumn < 0 ? NaN : parseCell(cells, targetColumn, lineNumber));
  }
  if (targets.length === 0) throw new EmptyDataError(source, `${source} has a header but no data rows`);
  return {
    X: DenseMatrix.fromRowMajor(values.subarray(0, targets.length * p), targets.length, p, source),
    y: targetColumn < 0 ? new Float64Array(0) : Float64Array.from(targets),
    featureNames: featureColumns.map((j) => header[j]!),
    targetName: targetColumn < 0 ? '' : header[targetColumn]!,
  };
}
