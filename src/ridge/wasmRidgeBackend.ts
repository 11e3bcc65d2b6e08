import type { Buffer64, DesignHandle, RidgeBackend } from './RidgeBackend.js';
import type { RidgeDesign } from './RidgeDesign.js';
import type { RidgeKernels } from './RidgeKernels.js';
import type { WasmRuntime } from '../wasm/runtime.js';
import { residentCopyOf, LAYOUT_CSC } from '../wasm/residentDesign.js';
import { CscMatrix } from '../matrix/CscMatrix.js';
import { cscTranspose } from './cscTranspose.js';
import { dualCorrection, primalCorrection, scaledMeanProduct, squares } from './gramCorrections.js';

interface WasmBuffer extends Buffer64 {
  readonly ptr: number;
}

interface WasmDesignHandle extends DesignHandle {
  readonly desc: number;
  readonly layout: number;
  readonly values: number;
  readonly indptr: number;
  readonly rows: number;
}

const ptrOf = (b: Buffer64): number => (b as WasmBuffer).ptr;

/**
 * @internal The ridge backend over the WebAssembly kernels. X is the matrix's resident copy (uploaded
 * once per dataset, shared with the other estimators); everything this backend allocates (statistics,
 * descriptors, Gram matrices, factors, vectors) is freed by `dispose()`, and temporaries (a materialized
 * Z, a transposed copy) as soon as they are consumed.
 */
export function createWasmRidgeBackend(runtime: WasmRuntime): RidgeBackend {
  const kernels = runtime.kernels as RidgeKernels;
  const { heap } = runtime;
  const owned = new Set<number>();

  const allocBytes = (bytes: number): number => {
    const ptr = heap.allocate(Math.max(16, bytes), 'X');
    owned.add(ptr);
    return ptr;
  };
  const release = (ptr: number): void => {
    if (owned.delete(ptr)) heap.free(ptr);
  };
  const alloc = (length: number): WasmBuffer => {
    const ptr = allocBytes(length * 8);
    heap.f64(ptr, length).fill(0);
    return { ptr, length };
  };
  const upload = (data: ArrayLike<number>): WasmBuffer => {
    const ptr = allocBytes(data.length * 8);
    heap.f64(ptr, data.length).set(data);
    return { ptr, length: data.length };
  };
  const uploadI32 = (data: Int32Array): number => {
    const ptr = allocBytes(data.length * 4);
    heap.i32(ptr, data.length).set(data);
    return ptr;
  };
  const wh = (h: DesignHandle) => h as WasmDesignHandle;

  /** Z (n×p) materialized from a dense design; the caller releases it. */
  const scaledDesign = (h: WasmDesignHandle): WasmBuffer => {
    const Z = alloc(h.n * h.p);
    kernels.ridgeScaledDesign(h.desc, Z.ptr);
    return Z;
  };
  const transposed = (A: WasmBuffer, m: number, q: number): WasmBuffer => {
    const T = alloc(m * q);
    kernels.ridgeTranspose(A.ptr, m, q, T.ptr);
    return T;
  };
  const correct = (G: WasmBuffer, q: number, c: { alpha: Float64Array; beta: Float64Array; gamma: Float64Array; delta: number }) => {
    const [a, b, g] = [upload(c.alpha), upload(c.beta), upload(c.gamma)];
    kernels.ridgeSymmetricCorrection(G.ptr, q, a.ptr, b.ptr, g.ptr, c.delta);
    for (const x of [a, b, g]) release(x.ptr);
  };

  const backend: RidgeBackend = {
    name: 'wasm',
    alloc,
    upload,
    read: (buffer, offset = 0, length = buffer.length - offset) => heap.f64(ptrOf(buffer) + offset * 8, length).slice(),
    write: (buffer, data, offset = 0) => heap.f64(ptrOf(buffer) + offset * 8, data.length).set(data),
    slice: (buffer, offset, length): WasmBuffer => ({ ptr: ptrOf(buffer) + offset * 8, length }),
    release: (buffer) => release(ptrOf(buffer)),
    dispose() {
      for (const ptr of owned) heap.free(ptr);
      owned.clear();
    },

    columnStats(X, v, fitIntercept, standardize) {
      const copy = residentCopyOf(X, runtime);
      const p = X.nCols;
      let positiveRows = 0;
      for (const vi of v) if (vi > 0) positiveRows++;
      const vBuf = upload(v);
      const out = alloc(3 * p);
      kernels.ridgeColumnStats(
        copy.layout, X.nRows, p, copy.values, copy.indptr, copy.rows, vBuf.ptr, positiveRows, fitIntercept ? 1 : 0, standardize ? 1 : 0,
        out.ptr, out.ptr + 8 * p, out.ptr + 16 * p,
      );
      const all = heap.f64(out.ptr, 3 * p).slice();
      release(vBuf.ptr);
      release(out.ptr);
      return { mean: all.subarray(0, p), invScale: all.subarray(p, 2 * p), diagGram: all.subarray(2 * p) };
    },
    bind(design: RidgeDesign): DesignHandle {
      const copy = residentCopyOf(design.X, runtime);
      const n = design.X.nRows;
      const p = design.X.nCols;
      const mean = upload(design.mean);
      const invScale = upload(design.invScale);
      const rowScale = upload(design.rowScale);
      const desc = allocBytes(36);
      heap.i32(desc, 9).set([copy.layout, n, p, copy.values, copy.indptr, copy.rows, mean.ptr, invScale.ptr, rowScale.ptr]);
      const handle: WasmDesignHandle = { design, n, p, desc, layout: copy.layout, values: copy.values, indptr: copy.indptr, rows: copy.rows };
      return handle;
    },
    applyZ: (h, u, out) => kernels.ridgeDesignMatvec(wh(h).desc, ptrOf(u), ptrOf(out)),
    applyZt(h, v, out) {
      const work = alloc(h.n);
      kernels.ridgeDesignTMatvec(wh(h).desc, ptrOf(v), ptrOf(out), work.ptr);
      release(work.ptr);
    },
    gram(handle) {
      const h = wh(handle);
      const { n, p, design } = h;
      const G = alloc(p * p);
      if (h.layout === LAYOUT_CSC) {
        const rho = upload(squares(design.rowScale));
        const work = alloc(n);
        kernels.ridgeCscWeightedGram(h.values, h.rows, h.indptr, n, p, rho.ptr, work.ptr, G.ptr);
        release(rho.ptr);
        release(work.ptr);
        correct(G, p, primalCorrection(design));
      } else {
        const Z = scaledDesign(h);
        kernels.ridgeCrossProduct(Z.ptr, Z.ptr, n, p, p, G.ptr, 1);
        release(Z.ptr);
      }
      const view = heap.f64(G.ptr, p * p);
      for (let j = 0; j < p; j++) if (design.invScale[j] === 0) view[j * p + j] = 1;
      return G;
    },
    kernelMatrix(handle) {
      const h = wh(handle);
      const { n, p, design } = h;
      const K = alloc(n * n);
      if (h.layout === LAYOUT_CSC) {
        const t = cscTranspose(design.X as CscMatrix);
        const values = upload(t.data);
        const rows = uploadI32(t.indices);
        const indptr = uploadI32(t.indptr);
        const rho = upload(squares(design.invScale));
        const work = alloc(p);
        kernels.ridgeCscWeightedGram(values.ptr, rows, indptr, p, n, rho.ptr, work.ptr, K.ptr);
        for (const ptr of [values.ptr, rows, indptr, rho.ptr, work.ptr]) release(ptr);
        correct(K, n, dualCorrection(design, scaledMeanProduct(design)));
      } else {
        const Z = scaledDesign(h);
        const Zt = transposed(Z, n, p);
        release(Z.ptr);
        kernels.ridgeCrossProduct(Zt.ptr, Zt.ptr, p, n, n, K.ptr, 1);
        release(Zt.ptr);
      }
      return K;
    },
    designTimes(handle, Q, r) {
      const h = wh(handle);
      const { n, p } = h;
      const U = alloc(n * r);
      if (h.layout === LAYOUT_CSC || !(h.design.X.storage instanceof Float64Array)) {
        for (let k = 0; k < r; k++) kernels.ridgeDesignMatvec(h.desc, ptrOf(Q) + k * p * 8, U.ptr + k * n * 8);
      } else {
        const Z = scaledDesign(h);
        const Zt = transposed(Z, n, p);
        release(Z.ptr);
        kernels.ridgeCrossProduct(Zt.ptr, ptrOf(Q), p, n, r, U.ptr, 0);
        release(Zt.ptr);
      }
      return U;
    },
    choleskyFactor(A, m, shift) {
      const R = alloc(m * m);
      if (kernels.ridgeCholeskyFactor(ptrOf(A), m, shift, R.ptr) < 0) return R;
      release(R.ptr);
      return undefined;
    },
    choleskySolve: (R, m, B, k) => kernels.ridgeCholeskySolve(ptrOf(R), m, ptrOf(B), k),
    symmetricEigen(A, m) {
      const d = alloc(m);
      const e = alloc(3 * m);
      const V = alloc(m * m);
      const status = kernels.ridgeSymmetricEigen(ptrOf(A), m, d.ptr, e.ptr, V.ptr);
      const values = heap.f64(d.ptr, m).slice();
      release(d.ptr);
      release(e.ptr);
      if (status !== 0) {
        release(V.ptr);
        return undefined;
      }
      return { values, vectors: V };
    },
    matVec: (A, m, q, x, y) => kernels.ridgeMatVec(ptrOf(A), m, q, ptrOf(x), ptrOf(y)),
    matTVec: (A, m, q, x, y) => kernels.ridgeMatTVec(ptrOf(A), m, q, ptrOf(x), ptrOf(y)),
    weightedRowSquares(M, m, r, f) {
      const fb = upload(f);
      const h = alloc(m);
      kernels.ridgeWeightedRowSquares(ptrOf(M), m, r, fb.ptr, h.ptr);
      const out = heap.f64(h.ptr, m).slice();
      release(fb.ptr);
      release(h.ptr);
      return out;
    },
    conjugateGradient(handle, lambda, b, w, precond, tolAbs, maxIter) {
      const h = wh(handle);
      const pc = upload(precond);
      const work = alloc(2 * h.n + 4 * h.p);
      const iterations = kernels.ridgeConjugateGradient(h.desc, lambda, ptrOf(b), ptrOf(w), pc.ptr, tolAbs, maxIter, work.ptr);
      release(pc.ptr);
      release(work.ptr);
      const g = kernels.ridgeCgResidualNorm;
      return { iterations, residualNorm: typeof g === 'number' ? g : (g.value as number) };
    },
  };
  return backend;
}
