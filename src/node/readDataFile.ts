/// <reference types="node" preserve="true" />
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import {
  DataTooLargeError, DenseMatrix, InvalidParameterError, SvmlightParser, parseCsvDataset, parseMatrixMarketDataset,
  type CscMatrix, type CsvDatasetOptions, type LabeledData, type SvmlightData, type SvmlightOptions,
} from '../index.js';

/** The file formats {@link readDataFile} reads. */
export type DataFileFormat = 'csv' | 'svmlight' | 'mtx';

/** Options of {@link readDataFile}. */
export interface ReadDataFileOptions {
  /** Default: from the extension (`.csv`/`.tsv`/`.txt` → csv; `.svm`/`.svmlight`/`.libsvm` → svmlight; `.mtx`/`.mm` → mtx). */
  format?: DataFileFormat;
  /** CSV: the target column's name (default the last column). Matrix Market: its 1-based number (default the last). */
  target?: string;
  /** CSV: feature column names (default every other column). */
  features?: readonly string[];
  /** CSV: cell separator (default `','`, or tab for `.tsv`). */
  delimiter?: string;
  /** svmlight: index base (default `'auto'`). */
  indexBase?: 0 | 1 | 'auto';
  /** svmlight: the number of features (default the largest index). */
  nFeatures?: number;
}

/** What {@link readDataFile} returns: the data plus how it was read. */
export interface DataFile extends LabeledData<DenseMatrix | CscMatrix> {
  format: DataFileFormat;
  /** svmlight only: the index base used and the kind of labels. */
  svmlight?: Pick<SvmlightData, 'indexBase' | 'labelKind'>;
}

/**
 * Text formats (CSV, Matrix Market) are read whole into one string, and V8 strings hold at most
 * 2^29 − 24 characters; larger text files get a {@link DataTooLargeError} before any reading.
 */
export const MAX_TEXT_FILE_BYTES = 2 ** 29 - 24;

const CHUNK_BYTES = 1 << 20;

/**
 * Streams an svmlight / libsvm file from disk through {@link SvmlightParser} in 1 MiB chunks: memory
 * holds the parsed entries (12 bytes per non-zero while reading), never the file's text.
 *
 * @throws {DataFormatError} a malformed line (file name, `.line`, `.column`).
 * @throws {DataTooLargeError} the entries do not fit in memory, or exceed 2^31 − 1.
 * @example
 * ```ts
 * import { readSvmlightFile } from 'l1l2/node';
 * const { X, y, labelKind } = readSvmlightFile('rcv1.svm');
 * ```
 */
export function readSvmlightFile(path: string, options: SvmlightOptions = {}): SvmlightData {
  const parser = new SvmlightParser({ source: path, ...options });
  const fd = openSync(path, 'r');
  try {
    if (!fstatSync(fd).isFile()) throw new InvalidParameterError('file', `${path} is not a regular file`);
    const buffer = new Uint8Array(CHUNK_BYTES);
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      parser.push(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return parser.finish();
}

/**
 * Reads a text file whole, refusing (before reading) one larger than {@link MAX_TEXT_FILE_BYTES}.
 * @throws {DataTooLargeError} the file is larger than a string can hold.
 */
export function readTextFile(path: string): string {
  const size = statSync(path).size;
  if (size > MAX_TEXT_FILE_BYTES) {
    throw new DataTooLargeError(path, size, `text formats are read whole, and a JavaScript string holds at most ${MAX_TEXT_FILE_BYTES} characters; convert it to svmlight, which is streamed`);
  }
  return readFileSync(path, 'utf8');
}

/**
 * Reads a CSV file with a header row ({@link parseCsvDataset}).
 * @example
 * ```ts
 * const { X, y, featureNames } = readCsvFile('diabetes.csv', { target: 'progression' });
 * ```
 */
export function readCsvFile(path: string, options: Omit<CsvDatasetOptions, 'source'> = {}): LabeledData<DenseMatrix> {
  const delimiter = options.delimiter ?? (extname(path).toLowerCase() === '.tsv' ? '\t' : ',');
  return parseCsvDataset(readTextFile(path), { ...options, delimiter, source: path });
}

/** The format a file name suggests, or undefined. */
export function formatFromExtension(path: string): DataFileFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.svm' || ext === '.svmlight' || ext === '.libsvm') return 'svmlight';
  if (ext === '.mtx' || ext === '.mm') return 'mtx';
  return undefined;
}

/**
 * Reads features and target from a CSV, svmlight or Matrix Market file.
 * @throws {InvalidParameterError} the format is neither given nor known from the extension; a Matrix Market target that is not a column number.
 * @throws {DataFormatError | EmptyDataError | DataTooLargeError} from the readers.
 * @example
 * ```ts
 * import { readDataFile } from 'l1l2/node';
 * const data = readDataFile('train.svm'); // data.X is a CscMatrix
 * ```
 */
export function readDataFile(path: string, options: ReadDataFileOptions = {}): DataFile {
  const format = options.format ?? formatFromExtension(path);
  if (format === undefined) {
    throw new InvalidParameterError('format', `cannot tell the format of ${basename(path)} from its extension: give the format (csv, svmlight or mtx)`);
  }
  if (format === 'csv') {
    const csvOptions: Omit<CsvDatasetOptions, 'source'> = {};
    if (options.target !== undefined) csvOptions.target = options.target;
    if (options.features !== undefined) csvOptions.features = options.features;
    if (options.delimiter !== undefined) csvOptions.delimiter = options.delimiter;
    return { ...readCsvFile(path, csvOptions), format };
  }
  if (format === 'svmlight') {
    const svmOptions: SvmlightOptions = {};
    if (options.indexBase !== undefined) svmOptions.indexBase = options.indexBase;
    if (options.nFeatures !== undefined) svmOptions.nFeatures = options.nFeatures;
    const data = readSvmlightFile(path, svmOptions);
    return { X: data.X, y: data.y, featureNames: data.featureNames, targetName: 'label', format, svmlight: { indexBase: data.indexBase, labelKind: data.labelKind } };
  }
  let targetColumn: number | undefined;
  if (options.target !== undefined) {
    targetColumn = Number(options.target);
    if (!Number.isInteger(targetColumn) || targetColumn < 1) {
      throw new InvalidParameterError('target', `the target of a Matrix Market file is a 1-based column number, got "${options.target}"`);
    }
  }
  const text = readTextFile(path);
  return { ...parseMatrixMarketDataset(text, { source: path, ...(targetColumn === undefined ? {} : { targetColumn }) }), format };
}
