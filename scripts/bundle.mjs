// Builds dist/index.js: the library as one ESM file with both kernel builds inlined,
// so the same file runs in Node and in a browser without fetching anything.
// Then the Web Worker API (`l1l2/worker`):
//  - dist/worker-script.js: the code that runs inside the worker (the library included),
//    one self-contained classic script;
//  - dist/worker.js: the page-side client. It embeds that script as a string (started from a
//    Blob, so no bundler has to find a worker file) and imports the shared classes
//    (RegularizationPath, the errors) from ./index.js, so `instanceof` works across both.
// Then the Node-only parts, which import the library instead of inlining a second copy of it
// (one copy of every class, so `instanceof` holds across entry points):
//   dist/node.js — the l1l2/node export (readers that stream files from disk);
//   dist/cli.js  — the `l1l2` command (bin/l1l2.js runs it).
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
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

const src = resolve('src');
const sharedEntries = new Map([
  [resolve(src, 'index.ts'), './index.js'],
  [resolve(src, 'node', 'index.ts'), './node.js'],
]);

/** Maps imports of the library's entry points to the built files; refuses imports of library internals. */
function entryPointsAsExternal(ownFolder) {
  return {
    name: 'entry-points-as-external',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
        const external = sharedEntries.get(target);
        if (external && !target.startsWith(ownFolder + sep)) return { path: external, external: true };
        if (!target.startsWith(ownFolder + sep)) {
          return { errors: [{ text: `${args.importer} imports ${args.path}: code in ${ownFolder} may import the library only through src/index.ts (or src/node/index.ts)` }] };
        }
        return undefined;
      });
    },
  };
}

for (const [entry, outfile, folder] of [
  ['src/node/index.ts', 'dist/node.js', resolve(src, 'node')],
  ['src/cli/main.ts', 'dist/cli.js', resolve(src, 'cli')],
]) {
  await build({
    ...embedAssets,
    entryPoints: [entry],
    outfile,
    platform: 'node',
    sourcemap: true,
    plugins: [entryPointsAsExternal(folder)],
  });
}
