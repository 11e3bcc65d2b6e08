import type { Buffer64, DesignHandle, RidgeBackend } from './RidgeBackend.js';
import type { RidgeDesign } from './RidgeDesign.js';
import { CscMatrix } from '../matrix/CscMatrix.js';
import { designMatvec, designTMatvec, scaledDesign } from './referenceDesignOperator.js';
import { crossProduct, cscWeightedGram, matTVec, matVec, symmetricCorrection, transpose, weightedRowSquares } from './referenceProducts.js';
import { choleskyFactor, choleskySolve } from './referenceCholesky.js';
import { symmetricEigen } from './referenceSymmetricEigen.js';
import { conjugateGradient } from './referenceConjugateGradient.js';
import { cscTranspose } from './cscTranspose.js';
import { weightedColumnStats } from './weightedColumnStats.js';
import { dualCorrection, primalCorrection, scaledMeanProduct, squares } from './gramCorrections.js';

interface JsBuffer extends Buffer64 {
  readonly data: Float64Array;
}

const arr = (b: Buffer64): Float64Array => (b as JsBuffer).data;
const wrap = (data: Float64Array): JsBuffer => ({ length: data.length, data });

/** @internal The pure-TypeScript ridge backend: the test oracle and the benchmarks' baseline. */
export function createJsRidgeBackend(): RidgeBackend {
  return {
    name: 'js',
    alloc: (length) => wrap(new Float64Array(length)),
    upload: (data) => wrap(Float64Array.from(data)),
    read: (buffer, offset = 0, length = buffer.length - offset) => arr(buffer).slice(offset, offset + length),
    write: (buffer, data, offset = 0) => arr(buffer).set(data, offset),
    slice: (buffer, offset, length) => wrap(arr(buffer).subarray(offset, offset + length)),
    release: () => {},
    dispose: () => {},
    columnStats: weightedColumnStats,
    bind: (design: RidgeDesign): DesignHandle => ({ design, n: design.X.nRows, p: design.X.nCols }),
    applyZ: (h, u, out) => designMatvec(h.design, arr(u), arr(out)),
    applyZt: (h, v, out) => designTMatvec(h.design, arr(v), arr(out)),
    gram(h) {
      const { design, n, p } = h;
      let G: Float64Array;
      if (design.X instanceof CscMatrix) {
        const { indptr, indices, data } = design.X.storage;
        G = cscWeightedGram(data, indices, indptr, n, p, squares(design.rowScale));
        const c = primalCorrection(design);
        symmetricCorrection(G, p, c.alpha, c.beta, c.gamma, c.delta);
      } else {
        const Z = scaledDesign(design);
        G = crossProduct(Z, Z, n, p, p, true);
      }
      for (let j = 0; j < p; j++) if (design.invScale[j] === 0) G[j * p + j] = 1;
      return wrap(G);
    },
    kernelMatrix(h) {
      const { design, n, p } = h;
      if (design.X instanceof CscMatrix) {
        const t = cscTranspose(design.X);
        const K = cscWeightedGram(t.data, t.indices, t.indptr, p, n, squares(design.invScale));
        const c = dualCorrection(design, scaledMeanProduct(design));
        symmetricCorrection(K, n, c.alpha, c.beta, c.gamma, c.delta);
        return wrap(K);
      }
      const Zt = transpose(scaledDesign(design), n, p);
      return wrap(crossProduct(Zt, Zt, p, n, n, true));
    },
    designTimes(h, Q, r) {
      const { n, p } = h;
      const U = new Float64Array(n * r);
      for (let k = 0; k < r; k++) designMatvec(h.design, arr(Q).subarray(k * p, (k + 1) * p), U.subarray(k * n, (k + 1) * n));
      return wrap(U);
    },
    choleskyFactor(A, m, shift) {
      const R = new Float64Array(m * m);
      return choleskyFactor(arr(A), m, shift, R) < 0 ? wrap(R) : undefined;
    },
    choleskySolve: (R, m, B, k) => choleskySolve(arr(R), m, arr(B), k),
    symmetricEigen(A, m) {
      const values = new Float64Array(m);
      const V = new Float64Array(m * m);
      return symmetricEigen(arr(A), m, values, V) === 0 ? { values, vectors: wrap(V) } : undefined;
    },
    matVec: (A, m, q, x, y) => matVec(arr(A), m, q, arr(x), arr(y)),
    matTVec: (A, m, q, x, y) => matTVec(arr(A), m, q, arr(x), arr(y)),
    weightedRowSquares: (M, m, r, f) => weightedRowSquares(arr(M), m, r, f),
    conjugateGradient: (h, lambda, b, w, precond, tolAbs, maxIter) => conjugateGradient(h.design, lambda, arr(b), arr(w), precond, tolAbs, maxIter),
  };
}
