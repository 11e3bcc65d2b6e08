// svmlight parsing speed (npm run bench:readers [-- --mb 100]): writes a seeded svmlight file of at
// least the given size to the temp folder, then measures, side by side in one run (median of 3):
//   disk read       reading the file in 1 MiB chunks, no parsing (the ceiling);
//   readSvmlightFile streaming from disk through SvmlightParser into a CscMatrix (what the CLI does);
//   parseSvmlight   the same parser on bytes already in memory;
//   naive split     decode to a string, split lines and tokens, Number() each, then CscMatrix.fromCoo —
//                   the obvious JavaScript implementation, for the ratio.
import { closeSync, openSync, readSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CscMatrix, parseSvmlight } from '../../src/index.js';
import { readSvmlightFile } from '../../src/node/index.js';
import { SeededRandom } from '../../src/random/SeededRandom.js';
import { machineInfo } from '../machine.js';

const args = process.argv.slice(2);
const mbArg = args.indexOf('--mb');
const targetMB = mbArg >= 0 ? Number(args[mbArg + 1]) : 100;
const path = join(tmpdir(), `l1l2-bench-${process.pid}.svm`);

function writeFile(): { bytes: number; rows: number; nnz: number } {
  const random = new SeededRandom(7);
  const fd = openSync(path, 'w');
  let bytes = 0;
  let rows = 0;
  let nnz = 0;
  const nFeatures = 100_000;
  try {
    while (bytes < targetMB * 1e6) {
      const lines: string[] = [];
      for (let r = 0; r < 1000; r++) {
        const k = 20 + random.int(60);
        const indices = random.sample(nFeatures, k).sort((a, b) => a - b);
        let line = random.uniform() < 0.5 ? '-1' : '+1';
        for (const j of indices) line += ` ${j + 1}:${(random.normal() * 3).toFixed(6)}`;
        lines.push(line);
        nnz += k;
      }
      const chunk = lines.join('\n') + '\n';
      bytes += writeSync(fd, chunk);
      rows += 1000;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, rows, nnz };
}

function naiveParse(text: string): CscMatrix {
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  const labels: number[] = [];
  let maxCol = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const tokens = line.trim().split(/\s+/);
    labels.push(Number(tokens[0]));
    for (let t = 1; t < tokens.length; t++) {
      const [index, value] = tokens[t]!.split(':');
      const j = Number(index) - 1;
      rows.push(labels.length - 1);
      cols.push(j);
      values.push(Number(value));
      if (j > maxCol) maxCol = j;
    }
  }
  return CscMatrix.fromCoo({ nRows: labels.length, nCols: maxCol + 1, rows, cols, values });
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(run: () => unknown, repeats: number): number {
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const written = writeFile();
try {
  const size = statSync(path).size;
  const mb = size / 1e6;
  const machine = machineInfo();
  console.log(`svmlight reader benchmark: ${mb.toFixed(1)} MB, ${written.rows} rows, ${written.nnz} non-zeros, 100000 features`);
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GiB; Node ${machine.node}; ${machine.date}; load ${machine.loadAverage.map((v) => v.toFixed(2)).join(' / ')}`);
  const rows: [string, number][] = [];
  rows.push(['disk read (1 MiB chunks, no parsing)', time(() => {
    const fd = openSync(path, 'r');
    const buffer = new Uint8Array(1 << 20);
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
    closeSync(fd);
  }, 3)]);
  let check = 0;
  rows.push(['readSvmlightFile (stream from disk → CSC)', time(() => {
    check = readSvmlightFile(path).X.nnz;
  }, 3)]);
  if (check !== written.nnz) throw new Error(`readSvmlightFile found ${check} non-zeros, expected ${written.nnz}`);
  const bytes = new Uint8Array(readFileSync(path));
  rows.push(['parseSvmlight (bytes in memory → CSC)', time(() => parseSvmlight(bytes), 3)]);
  const text = new TextDecoder().decode(bytes);
  const naiveMs = time(() => {
    check = naiveParse(text).nnz;
  }, 1);
  if (check !== written.nnz) throw new Error(`naive parser found ${check} non-zeros, expected ${written.nnz}`);
  rows.push(['naive split + Number() + fromCoo (string in memory; n=1)', naiveMs]);
  const streamMs = rows[1]![1];
  console.log('');
  console.log('| Reader | Time (median of 3) | MB/s | vs readSvmlightFile |');
  console.log('|:--|--:|--:|--:|');
  for (const [name, ms] of rows) {
    console.log(`| ${name} | ${ms.toFixed(0)} ms | ${(mb / (ms / 1000)).toFixed(0)} | ${(ms / streamMs).toFixed(2)}× time |`);
  }
  const streamRate = mb / (streamMs / 1000);
  console.log('');
  console.log(`target ≥ 100 MB/s for readSvmlightFile: ${streamRate.toFixed(0)} MB/s — ${streamRate >= 100 ? 'PASS' : 'MISS'}`);
} finally {
  rmSync(path, { force: true });
}
