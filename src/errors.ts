/**
 * Typed errors. Every error raised on bad input is thrown before any work starts
 * and before any WebAssembly memory is touched; the caller's arrays are never
 * modified. Each carries the name of the offending `argument`.
 *
 * @example
 * ```ts
 * try { new Lasso({ lambda: -1 }); }
 * catch (e) { if (e instanceof InvalidParameterError) console.log(e.argument); } // "lambda"
 * ```
 */
export class L1L2Error extends Error {
  /** The argument (or option) the error is about, e.g. `"X"`, `"lambda"`, `"indptr"`. */
  readonly argument: string;
  constructor(argument: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.argument = argument;
  }
}

/** Two inputs whose shapes must agree do not (e.g. X has 10 rows but y has 9 values). */
export class ShapeMismatchError extends L1L2Error {}

/** An input has no rows, no columns or no values where at least one is required. */
export class EmptyDataError extends L1L2Error {}

/** An input contains NaN, Infinity or −Infinity. `index` is the position of the first one. */
export class NonFiniteValueError extends L1L2Error {
  /** Position of the first non-finite value: `[row, column]` for matrices, `[i]` for vectors. */
  readonly index: readonly number[];
  constructor(argument: string, index: readonly number[], value: number) {
    super(argument, `${argument} contains a non-finite value (${value}) at ${index.length === 2 ? `row ${index[0]}, column ${index[1]}` : `index ${index[0]}`}`);
    this.index = index;
  }
}

/** An option is out of its documented range (negative λ, l1Ratio outside [0, 1], tol ≤ 0, ...). */
export class InvalidParameterError extends L1L2Error {}

/** A compressed-sparse-column matrix is malformed (indptr not monotone, row index out of range or unsorted, ...). */
export class MalformedCscError extends L1L2Error {}

/** `predict`, `score` or a fitted attribute was used before `fit`. */
export class NotFittedError extends L1L2Error {
  constructor(estimator: string, member: string) {
    super(member, `${estimator}.${member} needs a fitted model: call fit(X, y) first`);
  }
}

/** The problem does not fit in the 4 GiB address space of 32-bit WebAssembly. */
export class WasmMemoryLimitError extends L1L2Error {
  /** Bytes that were requested. */
  readonly requestedBytes: number;
  constructor(argument: string, requestedBytes: number, inUseBytes: number, hint = "Use a smaller problem, or engine: 'js'.") {
    super(
      argument,
      `${argument} needs ${formatBytes(requestedBytes)} of WebAssembly memory, but wasm32 memory is limited to 4 GiB ` +
        `(${formatBytes(inUseBytes)} already in use). ${hint}`,
    );
    this.requestedBytes = requestedBytes;
  }
}

/** A data file could not be parsed: `line` and `column` (1-based) locate the problem. */
export class DataFormatError extends L1L2Error {
  readonly line: number;
  readonly column: number;
  constructor(argument: string, line: number, column: number, reason: string) {
    super(argument, `${argument}, line ${line}, column ${column}: ${reason}`);
    this.line = line;
    this.column = column;
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(2)} GiB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  return `${bytes} bytes`;
}

/**
 * A data file is too large to read into memory (or into the 32-bit indices of a CscMatrix).
 * `bytes` is the file's size, or how much of it had been read when memory ran out.
 */
export class DataTooLargeError extends L1L2Error {
  readonly bytes: number;
  constructor(argument: string, bytes: number, reason: string) {
    super(argument, `${argument} (${formatBytes(bytes)}) is too large: ${reason}`);
    this.bytes = bytes;
  }
}
