import { CscMatrix } from '../../src/matrix/CscMatrix.js';
import { SeededRandom } from '../../src/random/SeededRandom.js';

/** The synthetic bag-of-words problem of the logistic benchmark. */
export interface TextProblem {
  /** "text 20000×50000, Zipf 1.1". */
  label: string;
  X: CscMatrix;
  /** Labels in {0, 1}. */
  y: Float64Array;
  nRows: number;
  nCols: number;
  nnz: number;
  /** The same matrix by rows (CSR), for writing svmlight files: row i's entries are rowPtr[i] … rowPtr[i+1] − 1. */
  rowPtr: Int32Array;
  /** Column (term) of each row-major entry, increasing within a row. */
  rowCols: Int32Array;
  rowVals: Float64Array;
  /** Terms of the true model. */
  nTrue: number;
  /** Fraction of documents labelled 1. */
  positiveRate: number;
  /** How the data were made, for the report. */
  description: string;
}

/** Zipf exponent of the term distribution. */
export const ZIPF_EXPONENT = 1.1;
/** Distinct terms per document: uniform on [MIN, MAX] (mean 100). */
const MIN_TERMS = 50;
const MAX_TERMS = 150;
/** Terms of the true logistic model and the pool of most frequent terms they are drawn from. */
const TRUE_TERMS = 300;
const TRUE_POOL = 1000;
/** Standard deviation of the true linear predictor (signal strength). */
const SIGNAL_SD = 4;

/**
 * A seeded text-like problem, generated row by row and transposed into CSC by counting (no
 * dense intermediate at any point).
 *
 * - Vocabulary of p terms; term k (0-based) has probability ∝ (k+1)^{−1.1} (Zipf).
 * - Each of the n documents draws tokens from that distribution until it holds d distinct
 *   terms, d uniform on [50, 150] (≈ 100 non-zeros per row); x_ij = log(1 + tf_ij), tf the
 *   token count of term j in document i (the usual sublinear tf weighting).
 * - True model: 300 terms drawn uniformly from the 1000 most frequent, coefficients N(0, 1)
 *   rescaled so that the linear predictor η = Xw_true − mean has standard deviation 4;
 *   y_i ~ Bernoulli(σ(η_i)).
 *
 * `shrink` divides n and p (the `--quick` size); the per-row sparsity stays.
 */
export function textProblem(shrink: number, seed = 41): TextProblem {
  const n = Math.max(10, Math.round(20000 / shrink));
  const p = Math.max(200, Math.round(50000 / shrink));
  const random = new SeededRandom(seed);
  // Zipf CDF for inverse-transform sampling by binary search.
  const cdf = new Float64Array(p);
  let total = 0;
  for (let k = 0; k < p; k++) {
    total += Math.pow(k + 1, -ZIPF_EXPONENT);
    cdf[k] = total;
  }
  for (let k = 0; k < p; k++) cdf[k] = cdf[k]! / total;
  const drawTerm = (): number => {
    const u = random.uniform();
    let lo = 0;
    let hi = p - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  // Rows (CSR): distinct terms of each document, increasing, with log(1 + tf).
  const rowPtr = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const tf = new Map<number, number>();
  const maxDistinct = Math.min(MAX_TERMS, p);
  const minDistinct = Math.min(MIN_TERMS, maxDistinct);
  for (let i = 0; i < n; i++) {
    const distinct = minDistinct + random.int(maxDistinct - minDistinct + 1);
    tf.clear();
    while (tf.size < distinct) {
      const t = drawTerm();
      tf.set(t, (tf.get(t) ?? 0) + 1);
    }
    const terms = [...tf.keys()].sort((a, b) => a - b);
    for (const t of terms) {
      cols.push(t);
      vals.push(Math.log1p(tf.get(t)!));
    }
    rowPtr[i + 1] = cols.length;
  }
  const nnz = cols.length;
  const rowCols = Int32Array.from(cols);
  const rowVals = Float64Array.from(vals);

  // Transpose to CSC by counting: row indices come out increasing within each column.
  const indptr = new Int32Array(p + 1);
  for (let t = 0; t < nnz; t++) indptr[rowCols[t]! + 1]!++;
  for (let j = 0; j < p; j++) indptr[j + 1]! += indptr[j]!;
  const next = indptr.slice(0, p);
  const indices = new Int32Array(nnz);
  const data = new Float64Array(nnz);
  for (let i = 0; i < n; i++) {
    for (let t = rowPtr[i]!; t < rowPtr[i + 1]!; t++) {
      const at = next[rowCols[t]!]!++;
      indices[at] = i;
      data[at] = rowVals[t]!;
    }
  }

  // The true sparse logistic model.
  const nTrue = Math.min(TRUE_TERMS, p);
  const pool = Math.min(TRUE_POOL, p);
  const trueTerms = random.sample(pool, nTrue);
  const wTrue = new Float64Array(p);
  for (const j of trueTerms) wTrue[j] = random.normal();
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = rowPtr[i]!; t < rowPtr[i + 1]!; t++) s += wTrue[rowCols[t]!]! * rowVals[t]!;
    eta[i] = s;
  }
  let mean = 0;
  for (let i = 0; i < n; i++) mean += eta[i]!;
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (eta[i]! - mean) ** 2;
  const scale = SIGNAL_SD / Math.sqrt(variance / n);
  const y = new Float64Array(n);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const e = (eta[i]! - mean) * scale;
    y[i] = random.uniform() < 1 / (1 + Math.exp(-e)) ? 1 : 0;
    positives += y[i]!;
  }

  const X = CscMatrix.fromCsc({ nRows: n, nCols: p, indptr, indices, data });
  return {
    label: `text ${n}×${p}, Zipf ${ZIPF_EXPONENT}`,
    X, y, nRows: n, nCols: p, nnz, rowPtr, rowCols, rowVals, nTrue, positiveRate: positives / n,
    description:
      `term k has probability ∝ (k+1)^−${ZIPF_EXPONENT}; each document draws tokens until it holds d distinct terms, ` +
      `d ~ U{${minDistinct}…${maxDistinct}}; x_ij = log(1 + tf_ij) (tf = token count); built row by row and transposed to CSC by counting (never dense); ` +
      `true model: ${nTrue} terms drawn from the ${pool} most frequent, coefficients N(0,1) rescaled so that η = Xw − mean has sd ${SIGNAL_SD}; ` +
      `y ~ Bernoulli(σ(η)); seed ${seed}`,
  };
}
