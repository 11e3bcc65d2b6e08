// The Node-only entry points: l1l2/node (disk readers) and the bin. They import the library's
// bundle instead of inlining a second copy, so its classes are the same objects everywhere.
import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

describe('l1l2/node and the bin', () => {
  test('package.json: the ./node export, the bin, and the files that ship them', () => {
    expect(pkg.exports['./node']).toEqual({ types: './dist/types/node/index.d.ts', import: './dist/node.js' });
    expect(pkg.bin).toEqual({ l1l2: 'bin/l1l2.js' });
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'bin']));
    expect(readFileSync(`${root}/bin/l1l2.js`, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    for (const file of ['dist/node.js', 'dist/cli.js', 'dist/types/node/index.d.ts']) expect(existsSync(`${root}/${file}`), file).toBe(true);
  });

  test('dist/node.js and dist/cli.js import the library bundle rather than inlining it', () => {
    for (const file of ['dist/node.js', 'dist/cli.js']) {
      const code = readFileSync(`${root}/${file}`, 'utf8');
      expect(code).toMatch(/from "\.\/index\.js"/);
      expect(code).not.toMatch(/class CscMatrix\b/);
      expect(code).not.toMatch(/class DataFormatError\b/);
    }
  });

  test('an error thrown by l1l2/node is an instance of the class exported by l1l2', () => {
    const script = `
      import { writeFileSync } from 'node:fs';
      import { DataFormatError, CscMatrix } from 'l1l2';
      import { readDataFile } from 'l1l2/node';
      const path = process.env.TMPDIR_FILE;
      writeFileSync(path, '1 1:1\\n1 2:x\\n');
      try { readDataFile(path); } catch (e) { console.log(JSON.stringify({ same: e instanceof DataFormatError, line: e.line })); }
      writeFileSync(path, '1 1:1\\n');
      console.log(JSON.stringify({ csc: readDataFile(path).X instanceof CscMatrix }));
    `;
    // A fresh clone has no .cache/: the data file goes to a temp dir of its own.
    const dir = mkdtempSync(join(tmpdir(), 'l1l2-node-entry-'));
    let out: string;
    try {
      out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: root, encoding: 'utf8', env: { ...process.env, TMPDIR_FILE: join(dir, 'node-entry-test.svm') },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const [first, second] = out.trim().split('\n').map((line) => JSON.parse(line));
    expect(first).toEqual({ same: true, line: 2 });
    expect(second).toEqual({ csc: true });
  });
});
