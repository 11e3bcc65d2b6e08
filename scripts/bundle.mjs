// Builds dist/index.js: the library as one ESM file with both kernel builds inlined,
// so the same file runs in Node and in a browser without fetching anything.
// Then the Web Worker API (`l1l2/worker`):
//  - dist/worker-script.js: the code that runs inside the worker (the library included),
//    one self-contained classic script;
//  - dist/worker.js: the page-side client. It embeds that script as a string (started from a
//    Blob, so no bundler has to find a worker file) and imports the shared classes
//    (RegularizationPath, the errors) from ./index.js, so `instanceof` works across both.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { embedAssets } from './esbuildOptions.mjs';

await build({
  ...embedAssets,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  sourcemap: true,
});

const workerScript = await build({
  ...embedAssets,
  entryPoints: ['src/worker/workerHost.ts'],
  format: 'iife',
  platform: 'browser',
  minify: true,
  keepNames: true, // error and warning classes are matched by name on the page
  write: false,
});
const workerSource = workerScript.outputFiles[0].text;
writeFileSync('dist/worker-script.js', workerSource);

await build({
  ...embedAssets,
  entryPoints: ['src/worker/index.ts'],
  outfile: 'dist/worker.js',
  platform: 'neutral',
  sourcemap: true,
  plugins: [
    {
      name: 'worker-client',
      setup(b) {
        // The main API stays in dist/index.js: one copy of its classes on the page.
        b.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: './index.js', external: true }));
        b.onResolve({ filter: /^l1l2:worker-source$/ }, () => ({ path: 'worker-source', namespace: 'l1l2' }));
        b.onLoad({ filter: /.*/, namespace: 'l1l2' }, () => ({ contents: `export default ${JSON.stringify(workerSource)};`, loader: 'js' }));
      },
    },
  ],
});
