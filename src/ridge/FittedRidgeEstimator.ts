import { NotFittedError } from '../errors.js';
import type { MatrixInput } from '../matrix/DesignMatrix.js';
import type { EngineName } from '../engine/selectEngine.js';
import { emitWarning } from '../warnings.js';
import { RidgeConvergenceWarning } from './RidgeConvergenceWarning.js';
import { ridgePredict, ridgeScore } from './ridgePredict.js';
import type { RidgeTargetInput } from './ridgeInputs.js';
import type { RidgeSolution } from './RidgeSolution.js';

/** What every fitted ridge estimator keeps: the final fit on X's original scale and its certificate. */
export interface CertifiedRidgeFit {
  /** p×k column-major. */
  coef: Float64Array;
  /** One per target. */
  intercepts: Float64Array;
  relativeGradient: number;
  converged: boolean;
  engine: EngineName;
}

/**
 * The fitted state and the members shared by {@link Ridge} and {@link RidgeCV}: coefficients,
 * intercepts, the certificate of the final fit, predictions and R².
 */
export abstract class FittedRidgeEstimator<State extends CertifiedRidgeFit> {
  #fitted: State | undefined;

  /**
   * @internal The fitted state (for the member named `member`).
   * @throws {NotFittedError} before `fit`.
   */
  protected fittedState(member: string): State {
    if (!this.#fitted) throw new NotFittedError(this.constructor.name, member);
    return this.#fitted;
  }

  /**
   * @internal Stores the state of a fit whose final solution is `solution`: converged when its relative
   * gradient is ≤ `tol`, otherwise a {@link RidgeConvergenceWarning} is emitted.
   */
  protected certify(solution: RidgeSolution, tol: number, state: Omit<State, 'relativeGradient' | 'converged'>): void {
    const { relativeGradient } = solution.certificate;
    const converged = relativeGradient <= tol;
    this.#fitted = { ...state, relativeGradient, converged } as State;
    if (!converged) emitWarning(new RidgeConvergenceWarning(relativeGradient, tol, solution.nIter, solution.solver));
  }

  /** Coefficients on the original scale of X (a copy): p numbers, or p×k column-major for k targets. */
  get coef(): Float64Array {
    return this.fittedState('coef').coef.slice();
  }

  /** The intercept (of the first target when there are several; see `intercepts`). 0 without fitIntercept. */
  get intercept(): number {
    return this.fittedState('intercept').intercepts[0]!;
  }

  /** One intercept per target (a copy). */
  get intercepts(): Float64Array {
    return this.fittedState('intercepts').intercepts.slice();
  }

  /** Certificate of the final fit: ‖∇F(w)‖₂/‖∇F(0)‖₂ at the returned solution (largest over targets), computed from the data. */
  get relativeGradient(): number {
    return this.fittedState('relativeGradient').relativeGradient;
  }

  /** Whether relativeGradient ≤ tol. */
  get converged(): boolean {
    return this.fittedState('converged').converged;
  }

  /** The engine that ran the fit. */
  get engineUsed(): EngineName {
    return this.fittedState('engineUsed').engine;
  }

  /**
   * Predictions ŷ = b + Xw: n numbers, or n×k column-major for several targets.
   * @throws {NotFittedError} before `fit`.
   * @throws {ShapeMismatchError} X has a different number of columns than the training data.
   */
  predict(X: MatrixInput): Float64Array {
    const state = this.fittedState('predict');
    return ridgePredict(X, state.coef, state.intercepts);
  }

  /**
   * R² of the predictions (scikit-learn's `score`; with several targets, the mean of the per-target R²).
   * @throws {NotFittedError} before `fit`.
   * @throws {ShapeMismatchError} y's shape does not match X's rows or the number of targets.
   */
  score(X: MatrixInput, y: RidgeTargetInput): number {
    const state = this.fittedState('score');
    return ridgeScore(X, y, state.coef, state.intercepts);
  }
}
