import { CscMatrix } from '../../src/matrix/CscMatrix.js';
import { DenseMatrix } from '../../src/matrix/DenseMatrix.js';
import type { DesignMatrix } from '../../src/matrix/DesignMatrix.js';
import { SeededRandom } from '../../src/random/SeededRandom.js';

/** One benchmark problem: X (dense or CSC, generated directly in its storage form), y and the λ used. */
export interface RidgeBenchProblem {
  label: string;
  X: DesignMatrix;
  y: Float64Array;
  /** λ = 0.1 × the mean column variance, so the penalty matters equally on every problem. */
  lambda: number;
  /** Why the direct solvers are skipped, when they are. */
  directSkipped?: string;
}

/** y = Xw* + N(0, 0.5²) with 20 non-zero coefficients ±(1 … 3). */
function target(X: DesignMatrix, rng: SeededRandom): Float64Array {
  const n = X.nRows;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = 0.5 * rng.normal();
  const s = X.storage;
  for (const j of rng.sample(X.nCols, Math.min(20, X.nCols))) {
    const w = (rng.uniform() < 0.5 ? -1 : 1) * (1 + 2 * rng.uniform());
    if (s instanceof Float64Array) for (let i = 0; i < n; i++) y[i]! += w * s[j * n + i]!;
    else for (let k = s.indptr[j]!; k < s.indptr[j + 1]!; k++) y[s.indices[k]!]! += w * s.data[k]!;
  }
  return y;
}

/** Dense n×p with N(0, 1) entries, column-major. */
export function denseBenchProblem(n: number, p: number, seed: number): RidgeBenchProblem {
  const rng = new SeededRandom(seed);
  const data = new Float64Array(n * p);
  for (let k = 0; k < data.length; k++) data[k] = rng.normal();
  const X = DenseMatrix.fromColumnMajor(data, n, p);
  return { label: `dense ${n}×${p}`, X, y: target(X, rng), lambda: 0.1 };
}

/**
 * CSC n×p with each entry non-zero with probability `density` (values N(0, 1)), generated column by
 * column in CSC form (never dense): a column's count is drawn around n·density, its rows sampled
 * without replacement and sorted.
 */
export function cscBenchProblem(n: number, p: number, density: number, seed: number): RidgeBenchProblem {
  const rng = new SeededRandom(seed);
  const expected = n * density;
  const indptr = new Int32Array(p + 1);
  const indices: number[] = [];
  const data: number[] = [];
  for (let j = 0; j < p; j++) {
    const count = Math.min(n, Math.max(1, Math.round(expected + Math.sqrt(expected) * rng.normal())));
    const rows = new Set<number>();
    while (rows.size < count) rows.add(rng.int(n));
    for (const i of [...rows].sort((a, b) => a - b)) {
      indices.push(i);
      data.push(rng.normal());
    }
    indptr[j + 1] = indices.length;
  }
  const X = CscMatrix.fromCsc({ nRows: n, nCols: p, indptr, indices, data });
  const gib = (m: number) => ((m * m * 8) / 2 ** 30).toFixed(1);
  return {
    label: `CSC ${n}×${p} (density ${density})`,
    X,
    y: target(X, rng),
    lambda: 0.1 * density,
    directSkipped: `a direct solver needs the ${p}×${p} XᵀX (${gib(p)} GiB) or the ${n}×${n} XXᵀ (${gib(n)} GiB); CG is the sparse solver`,
  };
}

/**
 * The three problems of the issue (÷10 in each dimension with `quick`, at 10× the density for CSC).
 * Direct solvers are not run on the CSC problem (its Gram matrices would take gigabytes).
 */
export function ridgeBenchProblems(quick: boolean): RidgeBenchProblem[] {
  const s = quick ? 10 : 1;
  return [
    denseBenchProblem(2000 / s, 500 / s, 1),
    denseBenchProblem(500 / s, 5000 / s, 2),
    cscBenchProblem(50000 / s, 20000 / s, 0.001 * s, 3),
  ];
}
