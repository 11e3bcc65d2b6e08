/** Milliseconds with about three significant digits ("0.412 ms", "12.3 ms", "4.56 s"). */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toPrecision(3)} s`;
  return `${ms.toPrecision(3)} ms`;
}

/** A speed-up or ratio ("7.4×"). */
export function formatRatio(x: number): string {
  return `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`;
}

/** Bytes per millisecond as GB/s (10⁹ bytes per second). */
export function formatGBs(bytes: number, ms: number): string {
  return `${(bytes / ms / 1e6).toFixed(2)} GB/s`;
}

/** Bytes as MB (10⁶). */
export function formatMB(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** A small positive number in scientific notation ("3.2e-9"). */
export function formatSci(x: number): string {
  return x === 0 ? '0' : x.toExponential(1);
}

/** "PASS" when the measured value meets the target, "MISS" otherwise. */
export function verdict(ok: boolean): string {
  return ok ? 'PASS' : '**MISS**';
}
