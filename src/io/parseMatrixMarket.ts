import { DataFormatError, EmptyDataError } from '../errors.js';
import { CscMatrix } from '../matrix/CscMatrix.js';
import { DenseMatrix } from '../matrix/DenseMatrix.js';

/** A parsed Matrix Market file. */
export interface MatrixMarketData {
  /** The matrix: a CscMatrix for the `coordinate` format, a DenseMatrix for `array`. */
  matrix: CscMatrix | DenseMatrix;
  /** `'coordinate'` or `'array'`. */
  format: 'coordinate' | 'array';
  /** The field: `'real'`, `'integer'` or `'pattern'` (every stored entry is 1). */
  field: 'real' | 'integer' | 'pattern';
  /** `'general'`, `'symmetric'` or `'skew-symmetric'` (stored triangles are mirrored). */
  symmetry: 'general' | 'symmetric' | 'skew-symmetric';
}

/**
 * Parses a Matrix Market file (NIST's exchange format, as scipy.io.mmwrite writes it): the banner
 * `%%MatrixMarket matrix coordinate|array real|integer|pattern general|symmetric|skew-symmetric`,
 * `%` comment lines, the size line (`rows cols entries` for coordinate, `rows cols` for array), then
 * 1-based `row col value` triplets (coordinate) or the values column by column (array).
 * Coordinate matrices go straight to CSC (duplicates are summed, as scipy does). Platform-neutral.
 *
 * @throws {DataFormatError} a bad banner or size line, an index out of range, a non-numeric value,
 *   a wrong number of entries; `.line` and `.column` locate it.
 * @throws {EmptyDataError} an empty input.
 * @example
 * ```ts
 * const { matrix } = parseMatrixMarket('%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 3.5\n2 2 -1\n');
 * matrix.nRows; // 2
 * ```
 */
export function parseMatrixMarket(text: string, source = 'matrix market'): MatrixMarketData {
  const lines = text.split('\n');
  // The last line of the file (for "entries missing" errors): a final newline does not start a line.
  const lastLine = text.endsWith('\n') ? lines.length - 1 : lines.length;
  let at = 0;
  const fail = (line: number, column: number, reason: string): never => {
    throw new DataFormatError(source, line, column, reason);
  };
  if (lines.every((l) => l.trim() === '')) throw new EmptyDataError(source, `${source} is empty`);
  const banner = lines[0]!.trim().toLowerCase().split(/\s+/);
  if (banner[0] !== '%%matrixmarket' || banner[1] !== 'matrix') {
    fail(1, 1, 'the first line must be the banner "%%MatrixMarket matrix <format> <field> <symmetry>"');
  }
  if (banner[2] !== 'coordinate' && banner[2] !== 'array') fail(1, 1, `format "${banner[2]}" is not "coordinate" or "array"`);
  if (banner[3] !== 'real' && banner[3] !== 'integer' && banner[3] !== 'pattern') fail(1, 1, `field "${banner[3]}" is not supported (real, integer or pattern)`);
  if (banner[4] !== 'general' && banner[4] !== 'symmetric' && banner[4] !== 'skew-symmetric') {
    fail(1, 1, `symmetry "${banner[4]}" is not supported (general, symmetric or skew-symmetric)`);
  }
  const format = banner[2] as MatrixMarketData['format'];
  const field = banner[3] as MatrixMarketData['field'];
  const symmetry = banner[4] as MatrixMarketData['symmetry'];
  if (format === 'array' && field === 'pattern') fail(1, 1, 'the array format cannot have the pattern field');
  at = 1;
  const nextDataLine = (): number => {
    while (at < lines.length) {
      const t = lines[at]!.trim();
      if (t !== '' && !t.startsWith('%')) return at++;
      at++;
    }
    return -1;
  };
  const sizeAt = nextDataLine();
  if (sizeAt < 0) fail(lastLine, 1, 'the size line is missing');
  const size = lines[sizeAt]!.trim().split(/\s+/).map(Number);
  const expectedSize = format === 'coordinate' ? 3 : 2;
  if (size.length !== expectedSize || !size.every((v) => Number.isInteger(v) && v >= 0)) {
    fail(sizeAt + 1, 1, `the size line must be ${expectedSize} non-negative integers (${format === 'coordinate' ? 'rows cols entries' : 'rows cols'})`);
  }
  const [nRows, nCols] = size as [number, number];
  if (nRows === 0 || nCols === 0) throw new EmptyDataError(source, `${source} declares a ${nRows} × ${nCols} matrix`);
  const mirror = symmetry !== 'general';
  if (mirror && nRows !== nCols) fail(sizeAt + 1, 1, `a ${symmetry} matrix must be square, not ${nRows} × ${nCols}`);
  const sign = symmetry === 'skew-symmetric' ? -1 : 1;

  if (format === 'array') {
    const data = new Float64Array(nRows * nCols);
    // Column by column; symmetric: the lower triangle only (skew: strictly lower).
    let k = 0;
    const expected = !mirror ? nRows * nCols : symmetry === 'symmetric' ? (nRows * (nRows + 1)) / 2 : (nRows * (nRows - 1)) / 2;
    for (let j = 0; j < nCols; j++) {
      for (let i = mirror ? (symmetry === 'symmetric' ? j : j + 1) : 0; i < nRows; i++) {
        const lineAt = nextDataLine();
        if (lineAt < 0) fail(lastLine, 1, `expected ${expected} values, found ${k}`);
        const v = Number(lines[lineAt]!.trim());
        if (!Number.isFinite(v)) fail(lineAt + 1, 1, `"${lines[lineAt]!.trim()}" is not a finite number`);
        data[j * nRows + i] = v;
        if (mirror) data[i * nRows + j] = sign * v;
        k++;
      }
    }
    const extra = nextDataLine();
    if (extra >= 0) fail(extra + 1, 1, `more than the ${expected} values the size line declares`);
    return { matrix: DenseMatrix.fromColumnMajor(data, nRows, nCols, source), format, field, symmetry };
  }

  const nEntries = size[2]!;
  const capacity = mirror ? 2 * nEntries : nEntries;
  const rows = new Int32Array(capacity);
  const cols = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  const perEntry = field === 'pattern' ? 2 : 3;
  let m = 0;
  for (let e = 0; e < nEntries; e++) {
    const lineAt = nextDataLine();
    if (lineAt < 0) fail(lastLine, 1, `expected ${nEntries} entries, found ${e}`);
    const cells = lines[lineAt]!.trim().split(/\s+/);
    if (cells.length !== perEntry) fail(lineAt + 1, 1, `expected ${perEntry} numbers (${field === 'pattern' ? 'row col' : 'row col value'}), found ${cells.length}`);
    const i = Number(cells[0]);
    const j = Number(cells[1]);
    if (!Number.isInteger(i) || i < 1 || i > nRows) fail(lineAt + 1, 1, `row index "${cells[0]}" is not an integer in 1 … ${nRows}`);
    if (!Number.isInteger(j) || j < 1 || j > nCols) fail(lineAt + 1, 2, `column index "${cells[1]}" is not an integer in 1 … ${nCols}`);
    const v = field === 'pattern' ? 1 : Number(cells[2]);
    if (!Number.isFinite(v)) fail(lineAt + 1, 3, `"${cells[2]}" is not a finite number`);
    if (field === 'integer' && !Number.isInteger(v)) fail(lineAt + 1, 3, `"${cells[2]}" is not an integer (field "integer")`);
    if (mirror && j > i) fail(lineAt + 1, 1, `entry (${i}, ${j}) is above the diagonal of a ${symmetry} matrix (only the lower triangle is stored)`);
    if (symmetry === 'skew-symmetric' && i === j) fail(lineAt + 1, 1, `entry (${i}, ${j}) is on the diagonal of a skew-symmetric matrix`);
    rows[m] = i - 1;
    cols[m] = j - 1;
    values[m++] = v;
    if (mirror && i !== j) {
      rows[m] = j - 1;
      cols[m] = i - 1;
      values[m++] = sign * v;
    }
  }
  const extra = nextDataLine();
  if (extra >= 0) fail(extra + 1, 1, `more than the ${nEntries} entries the size line declares`);
  const matrix = CscMatrix.fromCoo({ nRows, nCols, rows: rows.subarray(0, m), cols: cols.subarray(0, m), values: values.subarray(0, m) }, source);
  return { matrix, format, field, symmetry };
}
