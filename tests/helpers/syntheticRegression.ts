import { CscMatrix, DenseMatrix } from '../../src/index.js';
import { SeededRandom } from '../../src/random/SeededRandom.js';

/**
 * A seeded regression problem held as plain arrays, so tests can compute everything
 * (residuals, gradients, objectives) without going through the library.
 */
export interface SyntheticProblem {
  n: number;
  p: number;
  /** X column-major: entry (i, j) at j·n + i. Zeros are real zeros (sparse problems). */
  columns: Float64Array;
  y: Float64Array;
  /** The coefficients y was generated from. */
  trueCoef: Float64Array;
  /** Whether the generator meant X to be sparse (CSC arrays are built from the exact zeros). */
  sparse: boolean;
}

export interface GeneratorOptions {
  /** Number of non-zero true coefficients. Default min(p, 5). */
  support?: number;
  /** Standard deviation of the noise. Default 0.5. */
  noise?: number;
  /** Intercept added to y. Default 3. */
  offset?: number;
  /** Give columns varied means and scales (so centring and standardization matter). Default true. */
  heterogeneous?: boolean;
}

function finishProblem(rng: SeededRandom, n: number, p: number, columns: Float64Array, sparse: boolean, o: GeneratorOptions): SyntheticProblem {
  const support = rng.sample(p, Math.min(p, o.support ?? 5));
  const trueCoef = new Float64Array(p);
  for (const j of support) trueCoef[j] = (rng.uniform() < 0.5 ? -1 : 1) * (1 + 2 * rng.uniform());
  const y = new Float64Array(n);
  const noise = o.noise ?? 0.5;
  const offset = o.offset ?? 3;
  for (let i = 0; i < n; i++) y[i] = offset + noise * rng.normal();
  for (let j = 0; j < p; j++) {
    const wj = trueCoef[j]!;
    if (wj === 0) continue;
    for (let i = 0; i < n; i++) y[i]! += wj * columns[j * n + i]!;
  }
  return { n, p, columns, y, trueCoef, sparse };
}

/** Dense Gaussian design; with `heterogeneous`, column j is mean_j + scale_j·N(0,1). */
export function denseProblem(seed: number, n: number, p: number, o: GeneratorOptions = {}): SyntheticProblem {
  const rng = new SeededRandom(seed);
  const columns = new Float64Array(n * p);
  const heterogeneous = o.heterogeneous ?? true;
  for (let j = 0; j < p; j++) {
    const mean = heterogeneous ? 4 * rng.normal() : 0;
    const scale = heterogeneous ? Math.exp(rng.normal()) : 1;
    for (let i = 0; i < n; i++) columns[j * n + i] = mean + scale * rng.normal();
  }
  return finishProblem(rng, n, p, columns, false, o);
}

/**
 * Sparse design: each entry is non-zero with probability `density` (at least two
 * non-zeros per column), values mean_j + scale_j·N(0,1) with positive column means.
 */
export function sparseProblem(seed: number, n: number, p: number, density: number, o: GeneratorOptions = {}): SyntheticProblem {
  const rng = new SeededRandom(seed);
  const columns = new Float64Array(n * p);
  const heterogeneous = o.heterogeneous ?? true;
  for (let j = 0; j < p; j++) {
    const mean = heterogeneous ? 1 + 2 * rng.uniform() : 0;
    const scale = heterogeneous ? Math.exp(0.5 * rng.normal()) : 1;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (rng.uniform() < density) {
        columns[j * n + i] = mean + scale * rng.normal();
        count++;
      }
    }
    while (count < 2) {
      const i = rng.int(n);
      if (columns[j * n + i] === 0) {
        columns[j * n + i] = mean + scale * rng.normal();
        count++;
      }
    }
  }
  return finishProblem(rng, n, p, columns, true, o);
}

/**
 * Strongly correlated columns: column j = factor_(j mod k) + `spread`·N(0,1), so the
 * columns sharing a factor have correlation about 1/(1 + spread²).
 */
export function correlatedProblem(seed: number, n: number, p: number, factors = 3, spread = 0.05, o: GeneratorOptions = {}): SyntheticProblem {
  const rng = new SeededRandom(seed);
  const latent = Array.from({ length: factors }, () => Float64Array.from({ length: n }, () => rng.normal()));
  const columns = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const f = latent[j % factors]!;
    const mean = rng.normal();
    for (let i = 0; i < n; i++) columns[j * n + i] = mean + f[i]! + spread * rng.normal();
  }
  return finishProblem(rng, n, p, columns, false, o);
}

/** The problem's X as a DenseMatrix (built from the column-major array). */
export function asDense(problem: SyntheticProblem): DenseMatrix {
  return DenseMatrix.fromColumnMajor(problem.columns, problem.n, problem.p);
}

/** The problem's X as a CscMatrix, with CSC arrays built here from the exact zeros (not via CscMatrix.fromDense). */
export function asCsc(problem: SyntheticProblem): CscMatrix {
  return cscFromColumns(problem.columns, problem.n, problem.p);
}

/** A CscMatrix from column-major values, CSC arrays built here from the exact zeros. */
export function cscFromColumns(columns: Float64Array, n: number, p: number): CscMatrix {
  const indptr = [0];
  const indices: number[] = [];
  const data: number[] = [];
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) {
      const v = columns[j * n + i]!;
      if (v !== 0) {
        indices.push(i);
        data.push(v);
      }
    }
    indptr.push(indices.length);
  }
  return CscMatrix.fromCsc({ nRows: n, nCols: p, indptr, indices, data });
}

/** Rows of X as arrays (the plainest input form). */
export function asRows(problem: SyntheticProblem): number[][] {
  const { n, p, columns } = problem;
  return Array.from({ length: n }, (_, i) => Array.from({ length: p }, (_, j) => columns[j * n + i]!));
}
