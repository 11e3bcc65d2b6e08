/** Exact powers of ten 10^0 … 10^22 (every one is a double without rounding). */
const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);
const textDecoder = new TextDecoder();

/**
 * @internal Parses the decimal number in `bytes[start, end)` (ASCII: optional sign, digits, an
 * optional fraction and exponent), giving exactly what `Number()` gives for the same text.
 * Returns NaN when the text is not a number (so the caller can report where).
 *
 * Fast path (Clinger 1990): with at most 15 significant digits the mantissa m is an exact
 * integer below 2^53, and for |e| ≤ 22 so is 10^|e|; m·10^e or m/10^−e is then one correctly
 * rounded operation, i.e. the correctly rounded value of the decimal. Anything else (more
 * digits, huge exponents, `inf`, hex) goes through `Number()` on the decoded text.
 */
export function parseDecimalBytes(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  let c = bytes[i];
  if (c === 45 /* - */) {
    negative = true;
    i++;
  } else if (c === 43 /* + */) {
    i++;
  }
  let mantissa = 0;
  let significant = 0;
  let exponent = 0;
  let digits = 0;
  // Integer part.
  while (i < end) {
    c = bytes[i]! - 48;
    if (c < 0 || c > 9) break;
    digits++;
    if (significant > 0 || c !== 0) {
      if (significant < 15) mantissa = mantissa * 10 + c;
      else exponent++;
      significant++;
    }
    i++;
  }
  if (i < end && bytes[i] === 46 /* . */) {
    i++;
    while (i < end) {
      c = bytes[i]! - 48;
      if (c < 0 || c > 9) break;
      digits++;
      if (significant > 0 || c !== 0) {
        if (significant < 15) {
          mantissa = mantissa * 10 + c;
          exponent--;
        }
        significant++;
      } else {
        exponent--;
      }
      i++;
    }
  }
  if (digits === 0) return slowParse(bytes, start, end);
  if (i < end && (bytes[i] === 101 || bytes[i] === 69) /* e E */) {
    i++;
    let expNegative = false;
    if (bytes[i] === 45) {
      expNegative = true;
      i++;
    } else if (bytes[i] === 43) {
      i++;
    }
    let e = 0;
    const expStart = i;
    while (i < end) {
      c = bytes[i]! - 48;
      if (c < 0 || c > 9) break;
      if (e < 100000) e = e * 10 + c;
      i++;
    }
    if (i === expStart) return NaN;
    exponent += expNegative ? -e : e;
  }
  if (i !== end) return NaN;
  // More than 15 significant digits: the mantissa was truncated, so let Number() round.
  if (significant > 15) return slowParse(bytes, start, end);
  let value: number;
  if (mantissa === 0) value = 0;
  else if (exponent >= 0 && exponent <= 22) value = mantissa * POW10[exponent]!;
  else if (exponent < 0 && exponent >= -22) value = mantissa / POW10[-exponent]!;
  else return slowParse(bytes, start, end);
  return negative ? -value : value;
}

function slowParse(bytes: Uint8Array, start: number, end: number): number {
  const text = textDecoder.decode(bytes.subarray(start, end)).trim();
  // Number('') is 0 and Number('0x10') is 16: neither is a decimal number.
  if (text === '' || /[xXbBoO_]/.test(text)) return NaN;
  return Number(text);
}
