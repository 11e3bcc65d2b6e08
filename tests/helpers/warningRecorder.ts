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
