import { beforeAll, afterAll } from 'vitest';
import { init, setWarningHandler, type L1L2Warning } from '../../src/index.js';

/**
 * Collects the warnings a library instance emits while a block runs, and always
 * restores the previous handler (the handler is module state shared by every test).
 * Takes `setWarningHandler` as a parameter so it also works with a freshly imported
 * module instance (after `vi.resetModules()`).
 */
export async function withRecordedWarnings<W, T>(
  setWarningHandler: (next: ((warning: W) => void) | undefined) => (warning: W) => void,
  body: (seen: W[]) => T | Promise<T>,
): Promise<T> {
  const seen: W[] = [];
  const previous = setWarningHandler((warning) => {
    seen.push(warning);
  });
  try {
    return await body(seen);
  } finally {
    setWarningHandler(previous);
  }
}

/**
 * Suite setup shared by the numerical test files: initializes the SIMD kernels before
 * the file's tests and records every warning they emit into the returned array
 * (restoring the previous handler, and the SIMD build, after the file).
 */
export function simdSuiteRecordingWarnings(): L1L2Warning[] {
  const warnings: L1L2Warning[] = [];
  let previous: ReturnType<typeof setWarningHandler>;
  beforeAll(async () => {
    await init({ build: 'simd' });
    previous = setWarningHandler((w) => warnings.push(w));
  });
  afterAll(async () => {
    await init({ build: 'simd' });
    setWarningHandler(previous);
  });
  return warnings;
}
