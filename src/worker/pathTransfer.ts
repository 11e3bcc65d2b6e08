import type { RegularizationPath } from '../path/RegularizationPath.js';
import type { EncodedPath } from './protocol.js';

/** @internal A path as flat typed arrays (and the buffers to transfer), for postMessage. */
export function encodePath(path: RegularizationPath): { path: EncodedPath; transfer: ArrayBuffer[] } {
  const K = path.length;
  const offsets = new Int32Array(K + 1);
  for (let k = 0; k < K; k++) offsets[k + 1] = offsets[k]! + path.df[k]!;
  const indices = new Int32Array(offsets[K]!);
  const values = new Float64Array(offsets[K]!);
  for (let k = 0; k < K; k++) {
    const nz = path.nonZerosAt(k);
    indices.set(nz.indices, offsets[k]!);
    values.set(nz.values, offsets[k]!);
  }
  const encoded: EncodedPath = {
    lambdas: path.lambdas.slice(), l1Ratio: path.l1Ratio, lambdaMax: path.lambdaMax, intercepts: path.intercepts.slice(), df: path.df.slice(),
    devRatio: path.devRatio.slice(), dualGaps: path.dualGaps.slice(), gapTolerance: path.gapTolerance, nIters: path.nIters.slice(),
    passesOverX: path.passesOverX.slice(), converged: Uint8Array.from(path.converged, (c) => (c ? 1 : 0)), nFeatures: path.nFeatures,
    offsets, indices, values,
  };
  const transfer = [encoded.lambdas, encoded.intercepts, encoded.df, encoded.devRatio, encoded.dualGaps, encoded.nIters, encoded.passesOverX,
    encoded.converged, offsets, indices, values].map((a) => a.buffer as ArrayBuffer);
  return { path: encoded, transfer };
}
