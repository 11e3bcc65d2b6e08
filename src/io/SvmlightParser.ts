import { DataFormatError, DataTooLargeError, EmptyDataError, InvalidParameterError } from '../errors.js';
import { CscMatrix } from '../matrix/CscMatrix.js';
import { scanDecimal } from './parseDecimalBytes.js';

/** Options of {@link parseSvmlight} and {@link SvmlightParser}. */
export interface SvmlightOptions {
  /**
   * Base of the feature indices: `0`, `1`, or `'auto'` (default; scikit-learn's `zero_based="auto"`):
   * 0-based when some index is 0, else 1-based.
   */
  indexBase?: 0 | 1 | 'auto';
  /**
   * Number of features p. Default: the largest index seen (+1 when 0-based). Give it to read a file
   * whose last features happen to be all zero with the width of the data a model was fitted on.
   */
  nFeatures?: number;
  /** A name for the input in error messages (a file name, say). Default `'svmlight'`. */
  source?: string;
}

/**
 * What the labels look like: `'plusMinusOne'` (every label −1 or +1), `'zeroOne'` (every label 0 or 1),
 * or `'real'` (anything else). Binary labels are reported so a caller can map ±1 to 0/1 for logistic models.
 */
export type SvmlightLabelKind = 'plusMinusOne' | 'zeroOne' | 'real';

/** A parsed svmlight / libsvm file. */
export interface SvmlightData {
  /** n × p sparse features, built directly in CSC form. */
  X: CscMatrix;
  /** The n labels, as written. */
  y: Float64Array;
  /** The index base used (declared, or detected). */
  indexBase: 0 | 1;
  labelKind: SvmlightLabelKind;
  /** Feature names `x<index as written in the file>`: x1 … xp for 1-based files, x0 … x(p−1) for 0-based ones. */
  featureNames: string[];
}

const MAX_ENTRIES = 2 ** 31 - 1;

/**
 * An incremental svmlight / libsvm parser: feed it bytes in chunks of any size ({@link push}),
 * then {@link finish}. Lines are `<label> <index>:<value> <index>:<value> … [# comment]`, indices
 * strictly increasing within a line; `qid:<n>` tokens are skipped, and blank or `#` lines ignored.
 *
 * Entries go straight into growable typed arrays in compressed-row order (12 bytes per entry,
 * no object per row or entry), and `finish` transposes them into CSC with one counting pass.
 * Numbers are parsed from the bytes (exactly as `Number()` would), never via strings.
 *
 * @example
 * ```ts
 * const parser = new SvmlightParser({ source: 'train.svm' });
 * for await (const chunk of stream) parser.push(chunk);
 * const { X, y, labelKind } = parser.finish();
 * ```
 */
export class SvmlightParser {
  readonly #source: string;
  readonly #declaredBase: 0 | 1 | 'auto';
  readonly #nFeatures: number | undefined;
  // Compressed rows: entries of row i are at rowStart[i] … rowStart[i+1] − 1 (as written in the file).
  #columns = new Int32Array(1024);
  #values = new Float64Array(1024);
  #rowStart = new Int32Array(256);
  #labels = new Float64Array(256);
  #nnz = 0;
  #nRows = 0;
  #maxIndex = -1;
  #maxIndexLine = 0;
  #firstZeroLine = 0;
  #line = 0;
  #bytesSeen = 0;
  #carry: Uint8Array = new Uint8Array(0);
  #finished = false;

  constructor(options: SvmlightOptions = {}) {
    this.#source = options.source ?? 'svmlight';
    const base = options.indexBase ?? 'auto';
    if (base !== 0 && base !== 1 && base !== 'auto') throw new InvalidParameterError('indexBase', `indexBase must be 0, 1 or 'auto', got ${String(base)}`);
    this.#declaredBase = base;
    if (options.nFeatures !== undefined && !(Number.isInteger(options.nFeatures) && options.nFeatures >= 1)) {
      throw new InvalidParameterError('nFeatures', `nFeatures must be a positive integer, got ${String(options.nFeatures)}`);
    }
    this.#nFeatures = options.nFeatures;
  }

  /**
   * Parses the complete lines in `chunk` (plus what was left over from the previous chunk). Only the
   * line cut by the chunk boundary is copied; the rest is parsed in place.
   */
  push(chunk: Uint8Array): void {
    if (this.#finished) throw new InvalidParameterError('chunk', 'push() after finish()');
    this.#bytesSeen += chunk.length;
    let start = 0;
    if (this.#carry.length > 0) {
      const firstNewline = chunk.indexOf(10);
      const head = firstNewline < 0 ? chunk.length : firstNewline + 1;
      const joined = new Uint8Array(this.#carry.length + head);
      joined.set(this.#carry);
      joined.set(chunk.subarray(0, head), this.#carry.length);
      if (firstNewline < 0) {
        this.#carry = joined;
        return;
      }
      this.#carry = new Uint8Array(0);
      this.#parseLines(joined, joined.length);
      start = head;
    }
    const rest = chunk.subarray(start);
    const lastNewline = rest.lastIndexOf(10);
    if (lastNewline >= 0) this.#parseLines(rest, lastNewline + 1);
    this.#carry = rest.slice(lastNewline + 1);
  }

  /**
   * Parses what is left and builds the result.
   * @throws {EmptyDataError} no data lines.
   * @throws {DataFormatError} an index of 0 in a file declared 1-based, or an index beyond `nFeatures`.
   */
  finish(): SvmlightData {
    if (this.#finished) throw new InvalidParameterError('finish', 'finish() called twice');
    this.#finished = true;
    if (this.#carry.length > 0) {
      this.#parseLines(this.#carry, this.#carry.length);
      this.#carry = new Uint8Array(0);
    }
    const n = this.#nRows;
    if (n === 0) throw new EmptyDataError(this.#source, `${this.#source} has no data lines`);
    const base: 0 | 1 = this.#declaredBase === 'auto' ? (this.#firstZeroLine > 0 ? 0 : 1) : this.#declaredBase;
    if (base === 1 && this.#firstZeroLine > 0) {
      throw new DataFormatError(this.#source, this.#firstZeroLine, 1, 'feature index 0 in a file declared 1-based');
    }
    const widthSeen = this.#maxIndex + 1 - base;
    const p = this.#nFeatures ?? Math.max(widthSeen, 1);
    if (widthSeen > p) {
      throw new DataFormatError(this.#source, this.#maxIndexLine, 1, `feature index ${this.#maxIndex} is beyond the ${p} features expected (indices ${base} … ${p - 1 + base})`);
    }
    return {
      X: this.#toCsc(n, p, base),
      y: this.#labels.slice(0, n),
      indexBase: base,
      labelKind: labelKindOf(this.#labels.subarray(0, n)),
      featureNames: Array.from({ length: p }, (_, j) => `x${j + base}`),
    };
  }

  /** Counting sort of the compressed rows by column: rows come out increasing within each column. */
  #toCsc(n: number, p: number, base: 0 | 1): CscMatrix {
    const nnz = this.#nnz;
    const columns = this.#columns;
    const indptr = new Int32Array(p + 1);
    for (let k = 0; k < nnz; k++) indptr[columns[k]! - base + 1]!++;
    for (let j = 0; j < p; j++) indptr[j + 1]! += indptr[j]!;
    const next = indptr.slice(0, p);
    const indices = new Int32Array(nnz);
    const data = new Float64Array(nnz);
    const rowStart = this.#rowStart;
    const values = this.#values;
    rowStart[n] = nnz;
    for (let i = 0; i < n; i++) {
      for (let k = rowStart[i]!, end = rowStart[i + 1]!; k < end; k++) {
        const at = next[columns[k]! - base]!++;
        indices[at] = i;
        data[at] = values[k]!;
      }
    }
    // Valid by construction: values were checked finite while parsing, rows come out increasing.
    return CscMatrix.adoptValidCsc(n, p, indptr, indices, data);
  }

  /**
   * The hot loop: every line of bytes[0, end). State lives in locals (arrays, counters) and is
   * written back once per chunk, so the per-entry work is a few byte compares and two stores.
   */
  #parseLines(bytes: Uint8Array, end: number): void {
    let columns = this.#columns;
    let values = this.#values;
    let nnz = this.#nnz;
    let row = this.#nRows;
    let line = this.#line;
    let maxIndex = this.#maxIndex;
    let lineStart = 0;
    while (lineStart < end) {
      let lineEnd = bytes.indexOf(10, lineStart);
      if (lineEnd < 0 || lineEnd > end) lineEnd = end;
      line++;
      let stop = lineEnd;
      if (stop > lineStart && bytes[stop - 1] === 13) stop--; // \r\n
      let i = lineStart;
      while (i < stop && (bytes[i] === 32 || bytes[i] === 9)) i++;
      if (i === stop || bytes[i] === 35 /* # */) {
        lineStart = lineEnd + 1;
        continue;
      }
      // Label: a number followed by a separator (or the end of the line).
      if (row + 2 > this.#rowStart.length) this.#growRows(row + 2, line);
      const labelEnd = scanDecimal(bytes, i, stop, this.#labels, row);
      const after = labelEnd < stop ? bytes[labelEnd]! : 32;
      if (labelEnd === i || (after !== 32 && after !== 9 && after !== 35) || !Number.isFinite(this.#labels[row]!)) {
        this.#fail(line, i - lineStart + 1, `label "${text(bytes, i, tokenEndOf(bytes, i, stop))}" is not a finite number`);
      }
      this.#rowStart[row] = nnz;
      let previousIndex = -1;
      i = labelEnd;
      for (;;) {
        while (i < stop && (bytes[i] === 32 || bytes[i] === 9)) i++;
        if (i >= stop || bytes[i] === 35) break;
        const tokenStart = i;
        // Index: digits up to ':'.
        let index = 0;
        let c = bytes[i]! - 48;
        while (c >= 0 && c <= 9 && i < stop) {
          index = index * 10 + c;
          c = bytes[++i]! - 48;
        }
        if (i >= stop || bytes[i] !== 58 /* : */ || i === tokenStart) {
          const token = text(bytes, tokenStart, tokenEndOf(bytes, tokenStart, stop));
          if (/^qid:\d+$/.test(token)) {
            i = tokenEndOf(bytes, tokenStart, stop);
            continue;
          }
          this.#fail(line, tokenStart - lineStart + 1, i === tokenStart && bytes[i] === 58 ? `"${token}" has no feature index before ':'` : `"${token}" is not an index:value pair`);
        }
        if (index > MAX_ENTRIES) this.#fail(line, tokenStart - lineStart + 1, `feature index ${index} is too large`);
        if (index <= previousIndex) {
          this.#fail(line, tokenStart - lineStart + 1, `feature index ${index} does not increase (after ${previousIndex}); indices must be strictly increasing within a line`);
        }
        previousIndex = index;
        const valueStart = ++i; // after ':'
        if (nnz === columns.length) {
          this.#nnz = nnz;
          this.#line = line;
          this.#growEntries();
          columns = this.#columns;
          values = this.#values;
        }
        // Parsed straight into its slot; kept only if non-zero (explicit zeros are not stored).
        i = scanDecimal(bytes, valueStart, stop, values, nnz);
        const value = values[nnz]!;
        if (i === valueStart || (i < stop && bytes[i] !== 32 && bytes[i] !== 9) || !Number.isFinite(value)) {
          this.#fail(line, valueStart - lineStart + 1, `value "${text(bytes, valueStart, tokenEndOf(bytes, valueStart, stop))}" of feature ${index} is not a finite number`);
        }
        if (index === 0 && this.#firstZeroLine === 0) this.#firstZeroLine = line;
        if (index > maxIndex) {
          maxIndex = index;
          this.#maxIndexLine = line;
        }
        if (value === 0) continue;
        columns[nnz++] = index;
      }
      row++;
      lineStart = lineEnd + 1;
    }
    this.#nnz = nnz;
    this.#nRows = row;
    this.#line = line;
    this.#maxIndex = maxIndex;
  }

  #fail(line: number, column: number, reason: string): never {
    throw new DataFormatError(this.#source, line, column, reason);
  }

  #growEntries(): void {
    const size = this.#columns.length;
    if (size >= MAX_ENTRIES) {
      throw new DataTooLargeError(this.#source, this.#bytesSeen, `more than 2^31 − 1 non-zero entries (the limit of a CscMatrix's 32-bit indices); ${this.#nnz} read by line ${this.#line}`);
    }
    const next = Math.min(MAX_ENTRIES, size * 2);
    try {
      const columns = new Int32Array(next);
      columns.set(this.#columns);
      const values = new Float64Array(next);
      values.set(this.#values);
      this.#columns = columns;
      this.#values = values;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new DataTooLargeError(
        this.#source, this.#bytesSeen,
        `out of memory growing the entry arrays to ${next} entries (${((next * 12) / 2 ** 30).toFixed(2)} GiB) at line ${this.#line}`,
      );
    }
  }

  #growRows(needed: number, line: number): void {
    const next = Math.max(needed, this.#rowStart.length * 2);
    try {
      const rowStart = new Int32Array(next);
      rowStart.set(this.#rowStart);
      const labels = new Float64Array(next);
      labels.set(this.#labels);
      this.#rowStart = rowStart;
      this.#labels = labels;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new DataTooLargeError(this.#source, this.#bytesSeen, `out of memory growing the row arrays to ${next} rows at line ${line}`);
    }
  }
}

/**
 * Parses svmlight / libsvm text (a string, or UTF-8 / ASCII bytes) into a CSC matrix and labels.
 * Platform-neutral (browser uploads: pass `new Uint8Array(await file.arrayBuffer())`); for files on
 * disk, `readSvmlightFile` from `l1l2/node` streams them through the same parser.
 *
 * @throws {DataFormatError} a malformed line (`.line`, `.column`): a bad label or value, a token that is
 *   not `index:value`, indices not strictly increasing, index 0 in a file declared 1-based.
 * @throws {EmptyDataError} no data lines.
 * @example
 * ```ts
 * const { X, y, labelKind } = parseSvmlight('+1 1:0.5 3:2\n-1 2:1\n');
 * X.nRows; X.nCols; // 2, 3
 * labelKind;        // 'plusMinusOne'
 * ```
 */
export function parseSvmlight(input: string | Uint8Array, options: SvmlightOptions = {}): SvmlightData {
  const parser = new SvmlightParser(options);
  parser.push(typeof input === 'string' ? new TextEncoder().encode(input) : input);
  return parser.finish();
}

function labelKindOf(labels: Float64Array): SvmlightLabelKind {
  let plusMinus = true;
  let zeroOne = true;
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i]!;
    if (v !== 1 && v !== -1) plusMinus = false;
    if (v !== 1 && v !== 0) zeroOne = false;
  }
  return plusMinus ? 'plusMinusOne' : zeroOne ? 'zeroOne' : 'real';
}

function tokenEndOf(bytes: Uint8Array, start: number, stop: number): number {
  let i = start;
  while (i < stop && bytes[i] !== 32 && bytes[i] !== 9) i++;
  return i;
}

function text(bytes: Uint8Array, start: number, end: number): string {
  const s = new TextDecoder().decode(bytes.subarray(start, end));
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
