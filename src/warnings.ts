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
 * Coordinate descent stopped at `maxIter` epochs before the duality gap reached
 * `tol · F(0)`. The returned model is usable but not certified optimal.
 */
export class ConvergenceWarning extends L1L2Warning {
  constructor(
    /** The duality gap reached. */
    readonly dualGap: number,
    /** The gap required (tol · F(0)). */
    readonly gapTolerance: number,
    /** Passes (epochs) run. */
    readonly nIter: number,
    /** The λ of the fit, when the warning comes from a path. */
    readonly lambda?: number,
    /** What `dualGap` is: the duality gap (default) or, with an unbounded unpenalized feature, the KKT residual. */
    readonly certificate: 'dualityGap' | 'kktResidual' = 'dualityGap',
  ) {
    super(
      `coordinate descent did not converge${lambda === undefined ? '' : ` at λ = ${lambda.toPrecision(6)}`}: ${certificate === 'dualityGap' ? 'duality gap' : 'KKT residual'} ${dualGap.toExponential(3)} > tolerance ` +
        `${gapTolerance.toExponential(3)} after ${nIter} passes; increase maxIter, loosen tol, or scale the features (standardize: true)`,
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
