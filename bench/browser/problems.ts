// The problems of bench:browser, generated identically in Node and in the page (this file is
// bundled into the page): the demo's sparse generator and a dense one on the same PRNG idea.
import { generateSparseProblem, uniformGenerator, type SparseProblemSpec } from '../../demo/sparseProblem.js';

export { generateSparseProblem, type SparseProblemSpec };

export interface DenseProblem {
  nRows: number;
  nCols: number;
  /** Column-major X. */
  data: Float64Array;
  y: Float64Array;
}

/** Dense N(0, 1) X (column-major) with y = X·w_true + N(0, 1) noise, w_true on `nSignal` columns. Seeded. */
export function generateDenseProblem(nRows: number, nCols: number, nSignal: number, seed: number): DenseProblem {
  const uniform = uniformGenerator(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const data = new Float64Array(nRows * nCols);
  for (let k = 0; k < data.length; k++) data[k] = normal();
  const y = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) y[i] = normal();
  for (let s = 0; s < nSignal; s++) {
    const j = Math.floor(uniform() * nCols);
    const w = (uniform() < 0.5 ? -1 : 1) * (1 + 2 * uniform());
    for (let i = 0; i < nRows; i++) y[i]! += w * data[j * nRows + i]!;
  }
  return { nRows, nCols, data, y };
}
