import { DataFormatError } from '../errors.js';
import { CscMatrix } from '../matrix/CscMatrix.js';
import { DenseMatrix } from '../matrix/DenseMatrix.js';
import type { LabeledData } from './parseCsvDataset.js';
import { parseMatrixMarket } from './parseMatrixMarket.js';

/** Options of {@link parseMatrixMarketDataset}. */
export interface MatrixMarketDatasetOptions {
  /** 1-based column holding the target. Default: the last column. */
  targetColumn?: number;
  /** A name for the input in error messages. */
  source?: string;
}

/**
 * A Matrix Market file as features and target: one column (default the last) is the target,
 * the others the features, named `x1 … x(m)` after their 1-based column numbers in the file.
 * A coordinate file stays sparse (CSC); an array file is dense.
 *
 * @throws {DataFormatError} as {@link parseMatrixMarket}; also a target column outside the matrix, or a matrix with one column.
 * @example
 * ```ts
 * const { X, y, featureNames } = parseMatrixMarketDataset(text); // target: the last column
 * ```
 */
export function parseMatrixMarketDataset(text: string, options: MatrixMarketDatasetOptions = {}): LabeledData<CscMatrix | DenseMatrix> {
  const source = options.source ?? 'matrix market';
  const { matrix } = parseMatrixMarket(text, source);
  const m = matrix.nCols;
  const target = options.targetColumn ?? m;
  if (m < 2) throw new DataFormatError(source, 1, 1, 'the matrix needs at least two columns (features and a target)');
  if (!Number.isInteger(target) || target < 1 || target > m) {
    throw new DataFormatError(source, 1, 1, `target column ${target} is not a column number in 1 … ${m}`);
  }
  const t = target - 1;
  const featureNames: string[] = [];
  for (let j = 0; j < m; j++) if (j !== t) featureNames.push(`x${j + 1}`);
  const n = matrix.nRows;
  if (matrix instanceof DenseMatrix) {
    const all = matrix.toColumnMajor();
    const y = all.slice(t * n, (t + 1) * n);
    const features = new Float64Array(n * (m - 1));
    features.set(all.subarray(0, t * n));
    features.set(all.subarray((t + 1) * n), t * n);
    return { X: DenseMatrix.fromColumnMajor(features, n, m - 1, source), y, featureNames, targetName: `x${target}` };
  }
  const { indptr, indices, data } = matrix.toCsc();
  const y = new Float64Array(n);
  for (let k = indptr[t]!; k < indptr[t + 1]!; k++) y[indices[k]!] = data[k]!;
  const removed = indptr[t + 1]! - indptr[t]!;
  const nnz = data.length - removed;
  const outIndptr = new Int32Array(m);
  for (let j = 0, out = 0; j < m; j++) {
    if (j === t) continue;
    out++;
    outIndptr[out] = outIndptr[out - 1]! + indptr[j + 1]! - indptr[j]!;
  }
  const outIndices = new Int32Array(nnz);
  const outData = new Float64Array(nnz);
  outIndices.set(indices.subarray(0, indptr[t]!));
  outIndices.set(indices.subarray(indptr[t + 1]!), indptr[t]!);
  outData.set(data.subarray(0, indptr[t]!));
  outData.set(data.subarray(indptr[t + 1]!), indptr[t]!);
  return {
    X: CscMatrix.fromCsc({ nRows: n, nCols: m - 1, indptr: outIndptr, indices: outIndices, data: outData }, source),
    y,
    featureNames,
    targetName: `x${target}`,
  };
}
