/** Exact powers of ten 10^0 … 10^22 (every one is a double without rounding). */
const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);
const textDecoder = new TextDecoder();
const scratch = new Float64Array(1);

/**
 * @internal Parses the decimal number in `bytes[start, end)` (ASCII: optional sign, digits, an
 * optional fraction and exponent), giving exactly what `Number()` gives for the same text.
 * Returns NaN when the text is not a number (so the caller can report where).
 */
export function parseDecimalBytes(bytes: Uint8Array, start: number, end: number): number {
  const stop = scanDecimal(bytes, start, end, scratch, 0);
  return stop === end && stop > start ? scratch[0]! : NaN;
}

/**
 * @internal The hot-loop form: parses the longest decimal number starting at `start` (not beyond
 * `limit`), stores its value in `out[at]` and returns the index just after it (`start` when there
 * is no number there). The caller checks that a separator follows. Storing into a Float64Array
 * instead of returning a double avoids boxing it on the heap when V8 does not inline the call,
 * and scanning and converting in one pass reads each byte once.
 *
 * Fast path (Clinger 1990): with at most 15 significant digits the mantissa m is an exact integer
 * below 2^53, and for |e| ≤ 22 so is 10^|e|; m·10^e or m/10^−e is then one correctly rounded
 * operation, i.e. the correctly rounded value of the decimal. Otherwise (more digits, larger
 * exponents) the scanned text goes through `Number()`.
 */
export function scanDecimal(bytes: Uint8Array, start: number, limit: number, out: Float64Array, at: number): number {
  let i = start;
  let negative = false;
  let c = i < limit ? bytes[i]! : 0;
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
  while (i < limit) {
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
  if (i < limit && bytes[i] === 46 /* . */) {
    i++;
    while (i < limit) {
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
  if (digits === 0) return start;
  if (i < limit && (bytes[i] === 101 || bytes[i] === 69) /* e E */) {
    let j = i + 1;
    let expNegative = false;
    if (j < limit && bytes[j] === 45) {
      expNegative = true;
      j++;
    } else if (j < limit && bytes[j] === 43) {
      j++;
    }
    let e = 0;
    const expStart = j;
    while (j < limit) {
      c = bytes[j]! - 48;
      if (c < 0 || c > 9) break;
      if (e < 100000) e = e * 10 + c;
      j++;
    }
    // "1e" or "1e+" is not a number: stop before the 'e' so the caller sees a bad character.
    if (j === expStart) return i;
    exponent += expNegative ? -e : e;
    i = j;
  }
  let value: number;
  if (significant > 15 || exponent > 22 || exponent < -22) {
    // The mantissa was truncated or the power of ten is inexact: let Number() round.
    out[at] = Number(textDecoder.decode(bytes.subarray(start, i)));
    return i;
  } else if (mantissa === 0) {
    value = 0;
  } else if (exponent >= 0) {
    value = mantissa * POW10[exponent]!;
  } else {
    value = mantissa / POW10[-exponent]!;
  }
  out[at] = negative ? -value : value;
  return i;
}
