// Runs a TypeScript entry point (bench, CLI) from source: bundles it with esbuild into
// .cache/ (wasm and CSV embedded as in the library build) and imports the result.
// Usage: node scripts/run-ts.mjs <entry.ts> [args...]
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { embedAssets } from './esbuildOptions.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
mkdirSync('.cache', { recursive: true });
// Named after the entry's whole path, so concurrent runs of different entries never collide.
const outfile = resolve('.cache', relative('.', resolve(entry)).replace(/[\\/]/g, '__').replace(/\.ts$/, '.mjs'));
await build({ ...embedAssets, entryPoints: [entry], outfile, platform: 'node', packages: 'external' });
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
