// Number and table formatting for the command's text output.

/** A number for humans: 6 significant digits, exponent form outside [1e-4, 1e6). */
export function num(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return v.toExponential(4);
  return Number(v.toPrecision(6)).toString();
}

/** A coefficient: exact zeros are shown as such (that is the point of L1). */
export function coefText(v: number): string {
  return v === 0 ? '0' : v.toFixed(6);
}

/** A right-aligned text table (first column left-aligned). */
export function table(header: string[], rows: string[][], indent = '  '): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    indent + cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function milliseconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/** `{ name: value }` over the non-zero coefficients, plus the intercept, for JSON output. */
export function namedCoefficients(names: string[], coef: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  names.forEach((name, j) => {
    if (coef[j] !== 0) out[name] = coef[j]!;
  });
  return out;
}
