#!/usr/bin/env node
// The `l1l2` command. The build (`npm run build`, run by `npm install` / `npm ci`) writes dist/cli.js.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('l1l2: dist/cli.js is missing: run `npm run build` in the l1l2 package first\n');
  process.exit(1);
}
await import(cli.href);
