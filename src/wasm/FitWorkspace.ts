import type { WasmRuntime } from './runtime.js';
import type { ResidentCopy } from './residentDesign.js';

const PARTS = ['desc', 'out', 'w', 'yc', 'r'] as const;
const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

function partBytes(part: (typeof PARTS)[number], n: number, p: number): number {
  switch (part) {
    case 'desc': return 40; // the design descriptor, assembly/designDescriptor.ts
    case 'out': return 24; // primal, dual, gap
    case 'w': return p * 8;
    case 'yc': return n * 8;
    case 'r': return n * 8;
  }
}

/**
 * @internal One fit's working memory in a runtime, as a single 16-byte-aligned block:
 * the 40-byte design descriptor (pointing at the resident X and its column statistics
 * for the chosen setting), the certificate output, w, ỹ and r. Freed with `free()`.
 */
export class FitWorkspace {
  readonly n: number;
  readonly p: number;
  /** Addresses of the parts. */
  readonly desc: number;
  readonly out: number;
  readonly w: number;
  readonly yc: number;
  readonly r: number;
  /** Addresses of the column statistics (held by the resident copy, not by the workspace). */
  readonly mean: number;
  readonly invScale: number;
  readonly #runtime: WasmRuntime;
  readonly #base: number;

  /** Bytes a workspace for an n×p problem takes. */
  static bytes(n: number, p: number): number {
    return PARTS.reduce((sum, part) => sum + align(partBytes(part, n, p)), 0);
  }

  constructor(runtime: WasmRuntime, copy: ResidentCopy, fitIntercept: boolean, standardize: boolean) {
    const n = copy.nRows;
    const p = copy.nCols;
    const stats = copy.statistics(fitIntercept, standardize);
    const base = runtime.heap.allocate(FitWorkspace.bytes(n, p), 'X');
    const at: Record<string, number> = {};
    let offset = base;
    for (const part of PARTS) {
      at[part] = offset;
      offset += align(partBytes(part, n, p));
    }
    this.#runtime = runtime;
    this.#base = base;
    this.n = n;
    this.p = p;
    [this.desc, this.out, this.w, this.yc, this.r] = PARTS.map((part) => at[part]!) as [number, number, number, number, number];
    // Statistics block: mean | invScale | colSum | normSqOverN, p doubles each.
    const [mean, invScale, colSum, normSqOverN] = [0, 1, 2, 3].map((k) => stats + k * p * 8) as [number, number, number, number];
    this.mean = mean;
    this.invScale = invScale;
    runtime.heap.i32(this.desc, 10).set([copy.layout, n, p, copy.values, copy.indptr, copy.rows, mean, invScale, colSum, normSqOverN]);
  }

  free(): void {
    this.#runtime.heap.free(this.#base);
  }
}
