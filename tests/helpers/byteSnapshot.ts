/**
 * Byte-exact snapshots of caller-owned inputs, to prove a call left them untouched
 * (distinguishes -0 from 0 and keeps NaN payloads, unlike a value comparison).
 */

type Numeric = ArrayLike<number>;

function bytesOf(values: Numeric): Uint8Array {
  if (ArrayBuffer.isView(values)) {
    const view = values as unknown as ArrayBufferView;
    return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
  }
  // A plain array: record the element count and every element as its float64 bit pattern
  // (and its JS type, so a number replaced by a string is noticed).
  const arr = Array.from({ length: values.length }, (_, i) => values[i]);
  const out = new Float64Array(arr.length);
  for (let i = 0; i < arr.length; i++) out[i] = typeof arr[i] === 'number' ? (arr[i] as number) : Number.NaN;
  const types = new TextEncoder().encode(arr.map((v) => typeof v).join(','));
  const bytes = new Uint8Array(out.byteLength + types.length);
  bytes.set(new Uint8Array(out.buffer), 0);
  bytes.set(types, out.byteLength);
  return bytes;
}

/** A snapshot of a vector, a matrix given as rows, or a record of such arrays. */
export function snapshot(input: unknown): unknown {
  if (input === null || typeof input !== 'object') return input;
  if (ArrayBuffer.isView(input)) return { view: (input as object).constructor.name, bytes: bytesOf(input as unknown as Numeric) };
  if (Array.isArray(input)) {
    if (input.every((v) => typeof v !== 'object' || v === null)) return { array: input.length, bytes: bytesOf(input) };
    return { rows: input.map((row) => snapshot(row)) };
  }
  const record: Record<string, unknown> = {};
  for (const key of Object.keys(input).sort()) record[key] = snapshot((input as Record<string, unknown>)[key]);
  return record;
}

/** Deep copy of plain arrays, typed arrays (same type, fresh buffer) and records of them. */
export function deepCopy<T>(input: T): T {
  if (input === null || typeof input !== 'object') return input;
  if (ArrayBuffer.isView(input)) return (input as unknown as { slice(): T }).slice();
  if (Array.isArray(input)) return input.map((v) => deepCopy(v)) as T;
  const record: Record<string, unknown> = {};
  for (const key of Object.keys(input)) record[key] = deepCopy((input as Record<string, unknown>)[key]);
  return record as T;
}
