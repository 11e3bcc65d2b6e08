import type { PreparedRidge } from './PreparedRidge.js';
import type { Buffer64 } from './RidgeBackend.js';
import { primalCoefficients } from './primalCoefficients.js';
import { refineRidgeSolution } from './refineRidgeSolution.js';
import type { MAX_REFINEMENTS, RidgeForm, RidgeSolution, RidgeSolverName } from './RidgeSolution.js';

/**
 * @internal One symmetric eigendecomposition that serves every λ of a grid:
 * - primal: ZᵀZ = QΛQᵀ (p×p), w̃(λ) = Q·diag(1/(Λ + λ))·Qᵀb;
 * - dual:   ZZᵀ = UΣUᵀ (n×n), α(λ) = U·diag(1/(Σ + λ))·Uᵀc, w̃ = Zᵀα.
 * Each λ then costs O(m²k) (+ one Zᵀ product per target in the dual) instead of a factorization.
 * Eigenvalues with s + λ ≤ m·ε·max|s| are treated as zero (minimum-norm solution), which only
 * matters at λ = 0 with a rank-deficient Z.
 */
export class RidgeDecomposition {
  readonly form: RidgeForm;
  readonly values: Float64Array;
  readonly vectors: Buffer64;
  readonly m: number;
  /** Vᵀ·rhs (m×k): rhs = b (primal) or c (dual). */
  readonly projected: Float64Array;
  readonly #prep: PreparedRidge;
  readonly #floor: number;

  private constructor(prep: PreparedRidge, form: RidgeForm, values: Float64Array, vectors: Buffer64) {
    this.#prep = prep;
    this.form = form;
    this.values = values;
    this.vectors = vectors;
    const m = values.length;
    this.m = m;
    let top = 0;
    for (const s of values) top = Math.max(top, Math.abs(s));
    this.#floor = m * 2.220446049250313e-16 * top;
    const be = prep.backend;
    const rhs = form === 'primal' ? be.upload(prep.b) : prep.c;
    const out = be.alloc(m * prep.k);
    for (let t = 0; t < prep.k; t++) be.matTVec(vectors, m, m, be.slice(rhs, t * m, m), be.slice(out, t * m, m));
    this.projected = be.read(out);
    be.release(out);
    if (rhs !== prep.c) be.release(rhs);
  }

  /** Decomposes ZᵀZ (primal) or ZZᵀ (dual). */
  static of(prep: PreparedRidge, form: RidgeForm): RidgeDecomposition {
    const be = prep.backend;
    const A = form === 'primal' ? be.gram(prep.handle) : be.kernelMatrix(prep.handle);
    const decomposition = RidgeDecomposition.fromMatrix(prep, A, form);
    be.release(A);
    return decomposition;
  }

  /** Decomposes an already formed ZᵀZ or ZZᵀ (left to the caller to release). */
  static fromMatrix(prep: PreparedRidge, A: Buffer64, form: RidgeForm): RidgeDecomposition {
    const m = form === 'primal' ? prep.p : prep.n;
    const eig = prep.backend.symmetricEigen(A, m);
    if (!eig) throw new Error('l1l2 internal error: the symmetric eigensolver did not converge');
    return new RidgeDecomposition(prep, form, eig.values, eig.vectors);
  }

  /** The spectral filter 1/(s + λ), 0 below the rank floor. */
  filter(lambda: number): Float64Array {
    return this.values.map((s) => (s + lambda > this.#floor ? 1 / (s + lambda) : 0));
  }

  /** Applies (A + λI)⁻¹ = V·diag(filter)·Vᵀ to the k columns of `rhs` (m×k). */
  applyInverse(rhs: Float64Array, lambda: number): Float64Array {
    const { m } = this;
    const k = rhs.length / m;
    const f = this.filter(lambda);
    const z = this.#multiply(rhs, k, true);
    for (let t = 0; t < k; t++) for (let i = 0; i < m; i++) z[t * m + i]! *= f[i]!;
    return this.#multiply(z, k, false);
  }

  /** V·Y, or Vᵀ·Y when `transposed`, for Y m×k (one matrix–vector product per column). */
  #multiply(Y: Float64Array, k: number, transposed: boolean): Float64Array {
    const be = this.#prep.backend;
    const { m } = this;
    const inBuf = be.upload(Y);
    const out = be.alloc(m * k);
    for (let t = 0; t < k; t++) {
      const x = be.slice(inBuf, t * m, m);
      const y = be.slice(out, t * m, m);
      if (transposed) be.matTVec(this.vectors, m, m, x, y);
      else be.matVec(this.vectors, m, m, x, y);
    }
    const result = be.read(out);
    be.release(inBuf);
    be.release(out);
    return result;
  }

  /** Primal w̃ (p×k) from the state (w̃ itself, or α in the dual). */
  coefficientsOf(state: Float64Array): Float64Array {
    return primalCoefficients(this.#prep, this.form, state);
  }

  /** The state (w̃ or α) at λ: V·diag(filter)·(Vᵀ rhs). */
  stateAt(lambda: number): Float64Array {
    const { m } = this;
    const k = this.#prep.k;
    const f = this.filter(lambda);
    const z = this.projected.slice();
    for (let t = 0; t < k; t++) for (let i = 0; i < m; i++) z[t * m + i]! *= f[i]!;
    return this.#multiply(z, k, false);
  }

  /** Solves at λ with the certificate and up to {@link MAX_REFINEMENTS} refinement steps. */
  solve(lambda: number, tol: number, solver: RidgeSolverName = 'eigen'): RidgeSolution {
    return refineRidgeSolution(this.#prep, this.form, lambda, tol, this.stateAt(lambda), (rhs) => this.applyInverse(rhs, lambda), solver);
  }
}
