// A small static server for the demo page and the browser tests (no dependency: node:http).
// It bundles demo/main.ts with esbuild (importing the package as `l1l2` and `l1l2/worker`,
// i.e. the built dist/ files through package.json's exports — the way a user's bundler does)
// and serves: / → demo/index.html, /app.js → the bundle, /demo/*, /dist/*, /tests/browser/*.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SERVED_DIRS = ['demo', 'dist', 'tests/browser'];
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.map': 'application/json', '.json': 'application/json', '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
};

/** Bundles the demo page's script (a few hundred ms). */
export async function buildDemo() {
  if (!existsSync(join(root, 'dist', 'worker.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const result = await build({
    entryPoints: [join(root, 'demo', 'main.ts')],
    bundle: true, format: 'esm', target: 'es2022', platform: 'browser', sourcemap: 'inline', write: false, logLevel: 'warning',
    absWorkingDir: root,
  });
  return result.outputFiles[0].text;
}

/**
 * Starts the server on 127.0.0.1. `port: 0` picks a free port.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startDemoServer({ port = 0, host = '127.0.0.1' } = {}) {
  const app = await buildDemo();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    try {
      if (path === '/' || path === '/index.html') return send(response, 200, TYPES['.html'], await readFile(join(root, 'demo', 'index.html')));
      if (path === '/app.js') return send(response, 200, TYPES['.js'], app);
      const file = normalize(join(root, path));
      const allowed = SERVED_DIRS.some((dir) => file.startsWith(join(root, dir) + '/'));
      if (!allowed || !existsSync(file)) return send(response, 404, 'text/plain', 'not found');
      return send(response, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch (error) {
      return send(response, 500, 'text/plain', String(error));
    }
  });
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolveListen);
  });
  const address = server.address();
  return {
    url: `http://${host}:${address.port}/`,
    close: () => new Promise((resolveClose) => { server.closeAllConnections?.(); server.close(() => resolveClose()); }),
  };
}

function send(response, status, type, body) {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}
