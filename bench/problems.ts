import { DenseMatrix } from '../src/matrix/DenseMatrix.js';
import { CscMatrix } from '../src/matrix/CscMatrix.js';
import type { DesignMatrix } from '../src/matrix/DesignMatrix.js';
import { SeededRandom } from '../src/random/SeededRandom.js';

/** What to generate: a dense Gaussian design, or a CSC design with Bernoulli(density) sparsity. */
export interface ProblemSpec {
  name: string;
  storage: 'dense' | 'csc';
  nRows: number;
  nCols: number;
  /** Fraction of stored entries (CSC only). */
  density?: number;
  /** Non-zeros of the true coefficient vector. */
  nTrue: number;
  /** Standard deviation of the Gaussian noise added to y. */
  noise: number;
  seed: number;
  /** The target for WASM's speed-up over the pure-TS reference (none for the extra cache-resident case). */
  speedupTarget?: number;
}

/** A generated regression problem y = X·wTrue + noise. */
export interface Problem {
  spec: ProblemSpec;
  X: DesignMatrix;
  y: Float64Array;
  wTrue: Float64Array;
  /** Stored entries of X (n·p when dense). */
  nnz: number;
  /** Bytes of X's stored f64 values. */
  valueBytes: number;
  /** Bytes of X's i32 row indices (0 when dense). */
  indexBytes: number;
}

/**
 * The three benchmark problems of the issue, plus a small dense problem whose X (1.6 MB)
 * stays in cache, where the speed-up is bound by arithmetic instead of memory bandwidth.
 * `shrink` divides every dimension (10 for `--quick`).
 */
export function benchmarkSpecs(shrink = 1): ProblemSpec[] {
  const d = (k: number) => Math.max(1, Math.round(k / shrink));
  return [
    { name: 'dense', storage: 'dense', nRows: d(1000), nCols: d(5000), nTrue: 20, noise: 1, seed: 1, speedupTarget: 5 },
    { name: 'dense', storage: 'dense', nRows: d(10000), nCols: d(2000), nTrue: 20, noise: 1, seed: 2, speedupTarget: 3 },
    { name: 'CSC', storage: 'csc', nRows: d(50000), nCols: d(100000), density: 0.001, nTrue: 20, noise: 1, seed: 3, speedupTarget: 2 },
    { name: 'dense, cache-resident', storage: 'dense', nRows: d(200), nCols: d(1000), nTrue: 20, noise: 1, seed: 4 },
  ];
}

/** "dense 1000×5000" / "CSC 50000×100000, density 0.001". */
export function problemLabel(spec: ProblemSpec): string {
  const dims = `${spec.nRows}×${spec.nCols}`;
  return spec.storage === 'dense' ? `${spec.name} ${dims}` : `${spec.name} ${dims} (density ${spec.density})`;
}

/**
 * Generates a problem from its seed: X with i.i.d. N(0,1) stored entries; wTrue with
 * `nTrue` non-zeros at random positions, magnitudes uniform in [1, 3] with random signs;
 * y = X·wTrue + N(0, noise²). Same seed, same problem, on every machine.
 */
export function generateProblem(spec: ProblemSpec): Problem {
  const random = new SeededRandom(spec.seed);
  const uniform = () => random.uniform();
  const normal = () => random.normal();
  const { nRows: n, nCols: p } = spec;
  const wTrue = new Float64Array(p);
  for (let placed = 0; placed < Math.min(spec.nTrue, p); ) {
    const j = Math.floor(uniform() * p);
    if (wTrue[j] !== 0) continue;
    wTrue[j] = (uniform() < 0.5 ? -1 : 1) * (1 + 2 * uniform());
    placed++;
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = spec.noise * normal();

  if (spec.storage === 'dense') {
    const values = new Float64Array(n * p);
    for (let k = 0; k < values.length; k++) values[k] = normal();
    for (let j = 0; j < p; j++) {
      const wj = wTrue[j]!;
      if (wj === 0) continue;
      for (let i = 0; i < n; i++) y[i]! += wj * values[j * n + i]!;
    }
    const X = DenseMatrix.fromColumnMajor(values, n, p);
    return { spec, X, y, wTrue, nnz: n * p, valueBytes: n * p * 8, indexBytes: 0 };
  }

  const { indptr, indices, data } = bernoulliCsc(n, p, spec.density ?? 0.001, uniform, normal);
  for (let j = 0; j < p; j++) {
    const wj = wTrue[j]!;
    if (wj === 0) continue;
    for (let k = indptr[j]!; k < indptr[j + 1]!; k++) y[indices[k]!]! += wj * data[k]!;
  }
  const X = CscMatrix.fromCsc({ nRows: n, nCols: p, indptr, indices, data });
  const nnz = data.length;
  return { spec, X, y, wTrue, nnz, valueBytes: nnz * 8, indexBytes: nnz * 4 };
}

/**
 * CSC arrays where each entry is stored independently with probability `density`
 * (geometric skips between stored rows, so rows come out sorted), values N(0,1).
 * Built directly in CSC form: the dense matrix is never materialized.
 */
function bernoulliCsc(n: number, p: number, density: number, uniform: () => number, normal: () => number) {
  const expected = Math.ceil(n * p * density * 1.01 + 1024);
  let indices = new Int32Array(expected);
  let data = new Float64Array(expected);
  const indptr = new Int32Array(p + 1);
  const logSkip = Math.log1p(-density);
  let nnz = 0;
  for (let j = 0; j < p; j++) {
    let i = -1;
    for (;;) {
      i += 1 + Math.floor(Math.log(1 - uniform()) / logSkip);
      if (i >= n) break;
      if (nnz === indices.length) {
        const grownIdx = new Int32Array(indices.length * 2);
        grownIdx.set(indices);
        indices = grownIdx;
        const grownData = new Float64Array(data.length * 2);
        grownData.set(data);
        data = grownData;
      }
      indices[nnz] = i;
      data[nnz] = normal();
      nnz++;
    }
    indptr[j + 1] = nnz;
  }
  return { indptr, indices: indices.subarray(0, nnz), data: data.subarray(0, nnz) };
}
