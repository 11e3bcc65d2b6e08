import { loadDiabetes, type CscMatrix, type DenseMatrix } from '../index.js';
import { readDataFile, type DataFileFormat, type ReadDataFileOptions, type DataFile } from '../node/index.js';
import type { CommandLine } from './parseCommandLine.js';

export interface CommandData {
  X: DenseMatrix | CscMatrix;
  y: Float64Array;
  featureNames: string[];
  targetName: string;
  /** The file as given, or "diabetes (embedded)". */
  label: string;
  format: DataFileFormat | 'embedded';
  svmlight: DataFile['svmlight'];
}

/** Reads the command's data: the file (any reader error propagates), or the embedded dataset. */
export function loadCommandData(commandLine: CommandLine, extra: { nFeatures?: number } = {}): CommandData {
  if (commandLine.dataset === 'diabetes') {
    const { X, y, featureNames, targetName } = loadDiabetes();
    return { X, y, featureNames, targetName, label: 'diabetes (embedded)', format: 'embedded', svmlight: undefined };
  }
  const path = commandLine.dataPath!;
  const { format, target, features, delimiter, indexBase } = commandLine.data;
  const options: ReadDataFileOptions = {};
  if (format !== undefined) options.format = format;
  if (target !== undefined) options.target = target;
  if (features !== undefined) options.features = features;
  if (delimiter !== undefined) options.delimiter = delimiter;
  if (indexBase !== undefined) options.indexBase = indexBase;
  if (extra.nFeatures !== undefined) options.nFeatures = extra.nFeatures;
  const data = readDataFile(path, options);
  return { X: data.X, y: data.y, featureNames: data.featureNames, targetName: data.targetName, label: path, format: data.format, svmlight: data.svmlight };
}

/** One line describing the data, e.g. `data.csv: 442 samples × 10 features (dense), target "y"`. */
export function describeData(data: CommandData): string {
  const layout = 'nnz' in data.X ? `sparse, ${data.X.nnz} non-zeros` : 'dense';
  const labels = data.svmlight
    ? `, labels ${data.svmlight.labelKind === 'plusMinusOne' ? '±1' : data.svmlight.labelKind === 'zeroOne' ? '0/1' : 'real'}, ${data.svmlight.indexBase}-based indices`
    : '';
  return `${data.label}: ${data.X.nRows} samples × ${data.X.nCols} features (${layout}${labels}), target "${data.targetName}"`;
}
