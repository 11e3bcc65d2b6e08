import type { WasmRuntime } from './runtime.js';
import { residentCopyOf, uploadBytes, type ResidentCopy } from './residentDesign.js';
import type { DesignMatrix } from '../matrix/DesignMatrix.js';
import { WASM32_MAX_BYTES } from './WasmHeap.js';
import { WasmMemoryLimitError } from '../errors.js';
import { usesGramMode } from '../engine/gramModeRule.js';

/** Doubles in a kernel's `out` block (see assembly/elasticNetSolveScreened.ts). */
export const OUT_LENGTH = 10;
/** Indices into the `out` block. */
/** Depth of Anderson acceleration (assembly/andersonAcceleration.ts). */
export const ANDERSON_DEPTH = 5;
export const OUT = { primal: 0, dual: 1, gap: 2, corrMax: 3, gap1: 4, visits: 5, workingSet: 6, screened: 7, weightedRss: 8, dualScale: 9 } as const;

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/** A CSC column storing at least this share of the rows is heavy: a weighted workspace keeps a dense copy. */
const HEAVY_DENSITY = 0.25;
/** The dense copies take at most this many bytes per byte of X's stored values, and at most HEAVY_BYTES_MAX. */
const HEAVY_BYTES_RATIO = 0.5;
const HEAVY_BYTES_MAX = 64 * 1024 * 1024;

/**
 * @internal The heavy columns of a CSC matrix (storing ≥ 25 % of the rows), heaviest first, as
 * many as fit in half the bytes of its stored values (and 64 MiB): the columns a weighted
 * workspace copies densely. Coordinate descent then reads them sequentially (SIMD) instead of
 * gathering two rows' values per entry; on the logistic text problem 16 columns of density
 * ≥ 0.5 hold half the non-zeros of the final support. None for dense X.
 */
export function heavyColumns(X: DesignMatrix): Int32Array {
  const storage = X.storage;
  if (storage instanceof Float64Array) return new Int32Array(0);
  const { indptr } = storage;
  const n = X.nRows;
  const candidates: number[] = [];
  for (let j = 0; j < X.nCols; j++) if (indptr[j + 1]! - indptr[j]! >= HEAVY_DENSITY * n) candidates.push(j);
  candidates.sort((a, b) => indptr[b + 1]! - indptr[b]! - (indptr[a + 1]! - indptr[a]!) || a - b);
  const budget = Math.min(HEAVY_BYTES_RATIO * storage.data.length * 8, HEAVY_BYTES_MAX);
  const count = Math.min(candidates.length, Math.floor(budget / (n * 8)));
  return Int32Array.from(candidates.slice(0, count)).sort();
}

/**
 * @internal One fit's working memory in a runtime, as a single 16-byte-aligned block:
 * the 52-byte design descriptor (pointing at the resident X, its column statistics for
 * the chosen setting and the observation weights, if any), the `out` block, w, ỹ, r,
 * the gradient g, and the screened solver's scratch (working set, active list, flags).
 *
 * Without weights the column statistics are the resident copy's cached ones; with
 * weights (a cross-validation fold, or user weights) they depend on the weights, so the
 * workspace holds its own and computes them once.
 */
export class FitWorkspace {
  readonly n: number;
  readonly p: number;
  readonly desc: number;
  readonly out: number;
  readonly w: number;
  readonly yc: number;
  readonly r: number;
  readonly g: number;
  readonly ws: number;
  readonly active: number;
  readonly inWs: number;
  readonly screened: number;
  readonly anderson: number;
  /** The G̃ column cache and its filled flags (0 in naive mode; see usesGramMode). */
  readonly gram: number;
  /** Observation weights (0 when uniform). */
  readonly weights: number;
  /** Addresses of the column statistics in use. */
  readonly mean: number;
  readonly invScale: number;
  readonly normSqOverN: number;
  /** With weights: 2n doubles of row scratch (see assembly/designDescriptor.ts), else 0. */
  readonly rowScratch: number;
  /** With weights: p doubles for the second correlations of `correlate` (Xᵀv'), else 0. */
  readonly correlation2: number;
  readonly #copy: ResidentCopy;
  /** The dense copies of heavy columns: the table of their addresses (p u32) and the copies (0 when none). */
  readonly #copyTable: number;
  readonly #copies: number;
  readonly #runtime: WasmRuntime;
  readonly #base: number;

  /**
   * Bytes a workspace for an n×p problem takes (with weights: plus n weights, a 2n row scratch,
   * 5p statistics and correlations, and the dense copies of `heavy` heavy columns with their table).
   */
  static bytes(n: number, p: number, weighted = false, heavy = 0): number {
    return FitWorkspace.#sizes(n, p, weighted, heavy).reduce((sum, [, bytes]) => sum + align(bytes), 0);
  }

  static #sizes(n: number, p: number, weighted: boolean, heavy: number): [string, number][] {
    const sizes: [string, number][] = [
      ['desc', 64], ['out', OUT_LENGTH * 8], ['w', p * 8], ['yc', n * 8], ['r', n * 8], ['g', p * 8],
      ['ws', p * 4], ['active', p * 4], ['inWs', p], ['screened', p],
      // Anderson block: K×K system + right side, a saved residual, K + 1 iterates of the active set.
      ['anderson', (ANDERSON_DEPTH * ANDERSON_DEPTH + ANDERSON_DEPTH + n + (ANDERSON_DEPTH + 1) * p) * 8],
    ];
    if (usesGramMode(n, p)) sizes.push(['gram', p * p * 8 + p]);
    // With weights: the weights, their column statistics, and 2n doubles of row scratch (ρ = v∘r
    // in gradient passes; the interleaved pairs of a reweight or a correlate), and correlate's second correlations.
    if (weighted) sizes.push(['weights', n * 8], ['stats', p * 32], ['rowScratch', 2 * n * 8], ['correlation2', p * 8]);
    if (heavy > 0) sizes.push(['copyTable', p * 4], ['copies', heavy * n * 8]);
    return sizes;
  }

  /**
   * The workspace of a fit on X: checks the whole need first (X's first upload, its column
   * statistics, the workspace) against wasm32's 4 GiB, so nothing is copied when it cannot fit,
   * then makes X resident (once per matrix) and builds the workspace.
   * @throws {WasmMemoryLimitError} the fit cannot fit in WebAssembly memory.
   */
  static open(runtime: WasmRuntime, X: DesignMatrix, fitIntercept: boolean, standardize: boolean, weights?: Float64Array): FitWorkspace {
    const { heap } = runtime;
    const heavy = weights !== undefined ? heavyColumns(X) : undefined;
    const needed = uploadBytes(X, runtime, fitIntercept, standardize) + FitWorkspace.bytes(X.nRows, X.nCols, weights !== undefined, heavy?.length ?? 0);
    if (needed > WASM32_MAX_BYTES - heap.bytesInUse) throw new WasmMemoryLimitError('X', needed, heap.bytesInUse);
    const workspace = new FitWorkspace(runtime, residentCopyOf(X, runtime), fitIntercept, standardize, weights, heavy?.length ?? 0);
    if (heavy && heavy.length > 0) workspace.#copyHeavyColumns(X, heavy);
    return workspace;
  }

  /**
   * @param weights observation weights, normalized to sum 1 by the caller, or undefined.
   */
  constructor(runtime: WasmRuntime, copy: ResidentCopy, fitIntercept: boolean, standardize: boolean, weights?: Float64Array, heavy = 0) {
    const n = copy.nRows;
    const p = copy.nCols;
    const weighted = weights !== undefined;
    const { heap, kernels } = runtime;
    const base = heap.allocate(FitWorkspace.bytes(n, p, weighted, heavy), 'X');
    const at: Record<string, number> = {};
    let offset = base;
    for (const [part, bytes] of FitWorkspace.#sizes(n, p, weighted, heavy)) {
      at[part] = offset;
      offset += align(bytes);
    }
    this.#runtime = runtime;
    this.#base = base;
    this.n = n;
    this.p = p;
    this.desc = at.desc!;
    this.out = at.out!;
    this.w = at.w!;
    this.yc = at.yc!;
    this.r = at.r!;
    this.g = at.g!;
    this.ws = at.ws!;
    this.active = at.active!;
    this.inWs = at.inWs!;
    this.screened = at.screened!;
    this.anderson = at.anderson!;
    this.gram = at.gram ?? 0;
    this.rowScratch = at.rowScratch ?? 0;
    this.correlation2 = at.correlation2 ?? 0;
    // No column of G̃ is cached yet.
    if (this.gram !== 0) heap.u8(this.gram + p * p * 8, p).fill(0);
    let stats: number;
    if (weighted) {
      this.weights = at.weights!;
      heap.f64(this.weights, n).set(weights);
      stats = at.stats!;
      const p8 = p * 8;
      kernels.columnStats(
        copy.layout, n, p, copy.values, copy.indptr, copy.rows, fitIntercept ? 1 : 0, standardize ? 1 : 0,
        stats, stats + p8, stats + 2 * p8, stats + 3 * p8, this.weights, 0, 0,
      );
    } else {
      this.weights = 0;
      stats = copy.statistics(fitIntercept, standardize);
    }
    // Statistics block: mean | invScale | colSum | normSqOverN, p doubles each.
    const [mean, invScale, colSum, normSqOverN] = [0, 1, 2, 3].map((k) => stats + k * p * 8) as [number, number, number, number];
    this.mean = mean;
    this.invScale = invScale;
    this.normSqOverN = normSqOverN;
    this.#copy = copy;
    this.#copyTable = at.copyTable ?? 0;
    this.#copies = at.copies ?? 0;
    if (this.#copyTable !== 0) heap.i32(this.#copyTable, p).fill(0);
    heap.i32(this.desc, 13).set([
      copy.layout, n, p, copy.values, copy.indptr, copy.rows, mean, invScale, colSum, normSqOverN, this.weights, weighted ? at.rowScratch! : 0, this.#copyTable,
    ]);
  }

  /**
   * New observation weights (Σ = 1) for a workspace built with weights: recomputes its own column
   * statistics under them and empties the Gram cache (G̃ depends on the weights). With `theta`
   * and `corr` (addresses of n and p doubles) it also writes corr_j = Σ_i theta_i·x_ij in the same sweep.
   */
  reweight(weights: Float64Array, fitIntercept: boolean, standardize: boolean, theta = 0, corr = 0): void {
    if (this.weights === 0) throw new Error('internal: reweight needs a workspace built with weights');
    const { heap, kernels } = this.#runtime;
    const copy = this.#copy;
    const { n, p } = this;
    heap.f64(this.weights, n).set(weights);
    kernels.columnStats(
      copy.layout, n, p, copy.values, copy.indptr, copy.rows, fitIntercept ? 1 : 0, standardize ? 1 : 0,
      this.mean, this.invScale, this.mean + 2 * p * 8, this.normSqOverN, this.weights, theta, corr,
    );
    this.#emptyGramCache();
  }

  /**
   * New observation weights (Σ = 1, positive on exactly the rows the current ones are) with the
   * column scales kept: recomputes the means and ‖x̃_j‖² under them and corr = Xᵀθ in one sweep
   * (assembly/reweightedColumnStats.ts), for every column or only the listed ones (the others'
   * statistics are then stale). `theta` may be undefined (corr is then Xᵀ0 = 0).
   */
  reweightKeepingScales(weights: Float64Array, fitIntercept: boolean, theta: Float64Array | undefined, corr: number, columns?: Int32Array): void {
    if (this.weights === 0) throw new Error('internal: reweight needs a workspace built with weights');
    const { heap, kernels } = this.#runtime;
    const { n } = this;
    heap.f64(this.weights, n).set(weights);
    const pairs = heap.f64(this.rowScratch, 2 * n);
    for (let i = 0; i < n; i++) {
      pairs[2 * i] = weights[i]!;
      pairs[2 * i + 1] = theta ? theta[i]! : 0;
    }
    // The list goes to the solver's `active` scratch, idle between solves.
    if (columns) heap.i32(this.active, columns.length).set(columns);
    kernels.reweightedColumnStats(this.desc, this.rowScratch, fitIntercept ? 1 : 0, corr, columns ? this.active : 0, columns?.length ?? 0);
    this.#emptyGramCache();
  }

  /**
   * corr = Xᵀv (and corr2 = Xᵀv' when v2 is given) over the raw columns, every column or only the
   * listed ones (the others' entries untouched), in one sweep (assembly/columnCorrelations.ts);
   * p doubles at corr and corr2.
   */
  correlate(v: Float64Array, corr: number, v2?: Float64Array, corr2 = 0, columns?: Int32Array): void {
    if (this.rowScratch === 0) throw new Error('internal: correlate needs a workspace built with weights');
    const { heap, kernels } = this.#runtime;
    const { n } = this;
    if (v2) {
      const pairs = heap.f64(this.rowScratch, 2 * n);
      for (let i = 0; i < n; i++) {
        pairs[2 * i] = v[i]!;
        pairs[2 * i + 1] = v2[i]!;
      }
    } else heap.f64(this.rowScratch, n).set(v);
    // The list goes to the solver's `active` scratch, idle between solves.
    if (columns) heap.i32(this.active, columns.length).set(columns);
    kernels.columnCorrelations(this.desc, this.rowScratch, v2 ? 1 : 0, corr, corr2, columns ? this.active : 0, columns?.length ?? 0);
  }

  /** Writes the dense copies of X's `heavy` columns (implicit zeros written out) and their table. */
  #copyHeavyColumns(X: DesignMatrix, heavy: Int32Array): void {
    const storage = X.storage;
    if (storage instanceof Float64Array) return;
    const { heap } = this.#runtime;
    const { n } = this;
    const table = heap.i32(this.#copyTable, this.p);
    heavy.forEach((j, k) => {
      const address = this.#copies + k * n * 8;
      const column = heap.f64(address, n);
      column.fill(0);
      for (let q = storage.indptr[j]!; q < storage.indptr[j + 1]!; q++) column[storage.indices[q]!] = storage.data[q]!;
      table[j] = address; // (an Int32Array stores the address bits; the kernels read them as u32)
    });
  }

  #emptyGramCache(): void {
    if (this.gram !== 0) this.#runtime.heap.u8(this.gram + this.p * this.p * 8, this.p).fill(0);
  }

  free(): void {
    this.#runtime.heap.free(this.#base);
  }
}
