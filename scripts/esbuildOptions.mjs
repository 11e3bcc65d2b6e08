// Shared esbuild settings: the .wasm kernels and the demo CSV are embedded in the
// output (binary / text loaders), and the target is es2022 (Node 20 lacks APIs that
// newer targets assume).
export const embedAssets = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  loader: { '.wasm': 'binary', '.csv': 'text' },
  logLevel: 'warning',
};
