// Builds dist/index.js: the library as one ESM file with both kernel builds inlined,
// so the same file runs in Node and in a browser without fetching anything.
import { build } from 'esbuild';
import { embedAssets } from './esbuildOptions.mjs';

await build({
  ...embedAssets,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  sourcemap: true,
});
