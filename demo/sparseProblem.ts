// A seeded random sparse regression problem in CSC form: each column has about
// `perColumn` non-zeros at random rows with N(0, 1) values, and y = X·w_true + noise with
// `nSignal` non-zero true coefficients. Shared by the demo page, its tests and bench:browser,
// so the Node and browser sides fit exactly the same data.

export interface SparseProblemSpec {
  nRows: number;
  nCols: number;
  perColumn: number;
  nSignal: number;
  noise: number;
  seed: number;
}

export interface SparseProblem {
  nRows: number;
  nCols: number;
  indptr: Int32Array;
  indices: Int32Array;
  data: Float64Array;
  y: Float64Array;
}

/** splitmix32: a small, fast, seeded generator of uniform numbers in [0, 1). */
export function uniformGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 4294967296;
  };
}

export function generateSparseProblem(spec: SparseProblemSpec): SparseProblem {
  const { nRows, nCols, perColumn, nSignal, noise, seed } = spec;
  const uniform = uniformGenerator(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const capacity = nCols * Math.min(perColumn, nRows);
  const indptr = new Int32Array(nCols + 1);
  let indices = new Int32Array(capacity);
  let data = new Float64Array(capacity);
  const rows = new Int32Array(Math.min(perColumn, nRows));
  let nnz = 0;
  for (let j = 0; j < nCols; j++) {
    for (let t = 0; t < rows.length; t++) rows[t] = Math.floor(uniform() * nRows);
    rows.sort();
    let last = -1;
    for (let t = 0; t < rows.length; t++) {
      if (rows[t] === last) continue;
      last = rows[t]!;
      indices[nnz] = last;
      data[nnz++] = normal();
    }
    indptr[j + 1] = nnz;
  }
  indices = indices.slice(0, nnz);
  data = data.slice(0, nnz);
  const y = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) y[i] = noise * normal();
  for (let s = 0; s < nSignal; s++) {
    const j = Math.floor(uniform() * nCols);
    const w = (uniform() < 0.5 ? -1 : 1) * (1 + 2 * uniform());
    for (let k = indptr[j]!; k < indptr[j + 1]!; k++) y[indices[k]!]! += w * data[k]!;
  }
  return { nRows, nCols, indptr, indices, data, y };
}
