import type { CertificateKind } from '../model/certificateKind.js';
import { RegularizationPath } from './RegularizationPath.js';

/** glmnet's early-stopping constants (fdev, devmax, mnlam). */
const DEVIANCE_CHANGE = 1e-5;
const DEVIANCE_MAX = 0.999;
const MIN_LAMBDAS_BEFORE_STOP = 5;

/** @internal What a path solver reports for one λ. */
export interface PathStep {
  /** Coefficients on the original scale (stored sparsely; the array may be reused after `record`). */
  coef: Float64Array;
  /** The j with coef_j ≠ 0, increasing, when the solver knows them (else coef is scanned). */
  support?: Int32Array | undefined;
  intercept: number;
  /** Fraction of the null deviance explained, clamped to [0, 1]. */
  devRatio: number;
  /** The certificate's value (duality gap, or KKT residual). */
  certificate: number;
  iterations: number;
  passesOverX: number;
  converged: boolean;
}

/**
 * @internal Collects a regularization path λ by λ — sparse coefficients and the per-λ reports —
 * and applies glmnet's early stop on generated grids: after the 5th λ, stop once the explained
 * deviance changes by less than 1e-5 (relative) or exceeds 0.999. Shared by the Gaussian and the
 * logistic paths.
 */
export class PathRecorder {
  readonly #lambdas: Float64Array;
  readonly #earlyStop: boolean;
  readonly #intercepts: Float64Array;
  readonly #df: Int32Array;
  readonly #devRatio: Float64Array;
  readonly #certificates: Float64Array;
  readonly #iterations: Int32Array;
  readonly #passes: Float64Array;
  readonly #converged: boolean[] = [];
  readonly #indices: Int32Array[] = [];
  readonly #values: Float64Array[] = [];

  /** @param earlyStop whether glmnet's early stop applies (a generated grid with `earlyStop`). */
  constructor(lambdas: Float64Array, earlyStop: boolean) {
    const K = lambdas.length;
    this.#lambdas = lambdas;
    this.#earlyStop = earlyStop;
    this.#intercepts = new Float64Array(K);
    this.#df = new Int32Array(K);
    this.#devRatio = new Float64Array(K);
    this.#certificates = new Float64Array(K);
    this.#iterations = new Int32Array(K);
    this.#passes = new Float64Array(K);
  }

  /** Number of λ recorded so far. */
  get count(): number {
    return this.#converged.length;
  }

  /** Records the next λ's solution; returns its number of non-zero coefficients. */
  record(step: PathStep): number {
    const k = this.count;
    const coef = step.coef;
    let indices: Int32Array;
    if (step.support) indices = step.support.slice();
    else {
      let count = 0;
      for (let j = 0; j < coef.length; j++) if (coef[j] !== 0) count++;
      indices = new Int32Array(count);
      for (let j = 0, q = 0; j < coef.length; j++) if (coef[j] !== 0) indices[q++] = j;
    }
    const count = indices.length;
    const values = new Float64Array(count);
    for (let q = 0; q < count; q++) values[q] = coef[indices[q]!]!;
    this.#indices.push(indices);
    this.#values.push(values);
    this.#intercepts[k] = step.intercept;
    this.#df[k] = count;
    this.#devRatio[k] = step.devRatio;
    this.#certificates[k] = step.certificate;
    this.#iterations[k] = step.iterations;
    this.#passes[k] = step.passesOverX;
    this.#converged.push(step.converged);
    return count;
  }

  /** Whether glmnet's early stop ends the path after the λ just recorded. */
  shouldStopEarly(): boolean {
    const k = this.count - 1;
    if (!this.#earlyStop || k + 1 < MIN_LAMBDAS_BEFORE_STOP || k + 1 >= this.#lambdas.length) return false;
    const change = this.#devRatio[k]! - this.#devRatio[k - 1]!;
    return change < DEVIANCE_CHANGE * this.#devRatio[k]! || this.#devRatio[k]! > DEVIANCE_MAX;
  }

  /** The path over the λ recorded. */
  build(fields: { l1Ratio: number; lambdaMax: number; gapTolerance: number; nFeatures: number; certificate?: CertificateKind }): RegularizationPath {
    const done = this.count;
    return new RegularizationPath({
      ...fields,
      lambdas: this.#lambdas.slice(0, done), intercepts: this.#intercepts.slice(0, done), df: this.#df.slice(0, done),
      devRatio: this.#devRatio.slice(0, done), dualGaps: this.#certificates.slice(0, done), nIters: this.#iterations.slice(0, done),
      passesOverX: this.#passes.slice(0, done), converged: this.#converged, indices: this.#indices, values: this.#values,
    });
  }
}
