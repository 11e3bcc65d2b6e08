/**
 * Warnings: a fit that did not reach its tolerance, or a fallback from WASM to the
 * pure-TypeScript engine. By default a warning goes to `process.emitWarning` in
 * Node and to `console.warn` elsewhere; {@link setWarningHandler} redirects them.
 */
export class L1L2Warning extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * An iterative fit stopped (at `maxIter`, or for logistic regression also when no step made
 * progress) before its certificate reached the tolerance: the duality gap `tol · F(0)`, or for an
 * unpenalized logistic fit the KKT residual. The returned model is usable but not certified optimal.
 */
export class ConvergenceWarning extends L1L2Warning {
  constructor(
    /** The duality gap reached (the KKT residual when `certificate` is `'kkt'`). */
    readonly dualGap: number,
    /** The gap required (tol · F(0)), or the KKT residual required. */
    readonly gapTolerance: number,
    /** Passes (epochs) run; Newton iterations for the proximal Newton solver. */
    readonly nIter: number,
    /** The λ of the fit, when the warning comes from a path. */
    readonly lambda?: number,
    /** The solver that stopped. Default `'coordinate descent'`. */
    readonly solver: string = 'coordinate descent',
    /** What `dualGap` measures. Default `'gap'`. */
    readonly certificate: 'gap' | 'kkt' = 'gap',
  ) {
    const measured = certificate === 'gap' ? 'duality gap' : 'KKT residual';
    const unit = solver === 'coordinate descent' ? 'passes' : 'iterations';
    super(
      `${solver} did not converge${lambda === undefined ? '' : ` at λ = ${lambda.toPrecision(6)}`}: ${measured} ${dualGap.toExponential(3)} > tolerance ` +
        `${gapTolerance.toExponential(3)} after ${nIter} ${unit}; increase maxIter, loosen tol, or scale the features (standardize: true)`,
    );
  }
}

/**
 * Logistic regression stopped because the classes are (numerically) separated: every fitted
 * probability is within 1e-9 of its label, and with a penalty this weak the coefficients grow
 * without bound (the unpenalized optimum does not exist). The returned coefficients are finite
 * and separate the training data; increase λ for a meaningful fit.
 */
export class SeparationWarning extends L1L2Warning {
  constructor(
    /** ‖w‖₁ of the returned coefficients (original scale). */
    readonly coefL1Norm: number,
    /** The mean loss reached, Σν·ℓ. */
    readonly meanLoss: number,
    /** The λ of the fit. */
    readonly lambda: number,
  ) {
    super(
      `logistic regression at λ = ${lambda.toPrecision(6)}: the classes are separated (every fitted probability is within 1e-9 of its label; ` +
        `mean loss ${meanLoss.toExponential(3)}), so the coefficients grow without bound as λ → 0; stopped at ‖w‖₁ = ${coefL1Norm.toPrecision(6)}. Increase lambda.`,
    );
  }
}

/** The WebAssembly engine could not be used, so the pure-TypeScript engine ran instead. */
export class EngineFallbackWarning extends L1L2Warning {}

/** Receives every warning the library emits. */
export type WarningHandler = (warning: L1L2Warning) => void;

const defaultHandler: WarningHandler = (warning) => {
  const proc = (globalThis as { process?: { emitWarning?: (w: Error) => void } }).process;
  if (proc && typeof proc.emitWarning === 'function') proc.emitWarning(warning);
  else console.warn(`${warning.name}: ${warning.message}`);
};

let handler: WarningHandler = defaultHandler;

/**
 * Redirects warnings; pass `undefined` to restore the default. Returns the previous handler.
 * @example
 * ```ts
 * const seen: L1L2Warning[] = [];
 * setWarningHandler((w) => seen.push(w));
 * ```
 */
export function setWarningHandler(next: WarningHandler | undefined): WarningHandler {
  const previous = handler;
  handler = next ?? defaultHandler;
  return previous;
}

/** @internal Emits a warning through the current handler. */
export function emitWarning(warning: L1L2Warning): void {
  handler(warning);
}
