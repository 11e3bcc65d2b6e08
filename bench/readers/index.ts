// svmlight parsing speed (npm run bench:readers [-- --mb 100 | -- --quick (20 MB)]): writes a seeded svmlight file of at
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
const targetMB = mbArg >= 0 ? Number(args[mbArg + 1]) : args.includes('--quick') ? 20 : 100;
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
        // k distinct indices by rejection (k ≤ 80 of 100000: collisions are rare).
        const picked = new Set<number>();
        while (picked.size < k) picked.add(random.int(nFeatures));
        const indices = [...picked].sort((a, b) => a - b);
        let line = random.uniform() < 0.5 ? '-1' : '+1';
        for (const j of indices) {
          const value = (random.normal() * 3).toFixed(6);
          line += ` ${j + 1}:${value}`;
          if (Number(value) !== 0) nnz++; // explicit zeros are not stored
        }
        lines.push(line);
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
      if (Number(value) === 0) continue;
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

/** Median wall time and median CPU time (user + system of this process) over `repeats` runs, in ms. */
function time(run: () => unknown, repeats: number): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const written = writeFile();
try {
  const size = statSync(path).size;
  const mb = size / 1e6;
  const machine = machineInfo();
  console.log(`svmlight reader benchmark: ${mb.toFixed(1)} MB, ${written.rows} rows, ${written.nnz} non-zeros, 100000 features`);
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GiB; Node ${machine.node}; ${machine.date}; load ${machine.loadAverage.map((v) => v.toFixed(2)).join(' / ')}`);
  const rows: [string, { wall: number; cpu: number }][] = [];
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
  const naive = time(() => {
    check = naiveParse(text).nnz;
  }, 1);
  if (check !== written.nnz) throw new Error(`naive parser found ${check} non-zeros, expected ${written.nnz}`);
  rows.push(['naive split + Number() + fromCoo (string in memory; n=1)', naive]);
  const stream = rows[1]![1];
  console.log('');
  console.log('Wall time is what a user waits; CPU time (user + system of this process, which includes GC threads) is less');
  console.log('sensitive to other processes competing for the two cores.');
  console.log('');
  console.log('| Reader | Wall time (median of 3) | MB/s (wall) | CPU time | MB/s (CPU) | Time vs readSvmlightFile |');
  console.log('|:--|--:|--:|--:|--:|--:|');
  for (const [name, t] of rows) {
    console.log(`| ${name} | ${t.wall.toFixed(0)} ms | ${(mb / (t.wall / 1000)).toFixed(0)} | ${t.cpu.toFixed(0)} ms | ${(mb / (t.cpu / 1000)).toFixed(0)} | ${(t.wall / stream.wall).toFixed(2)}× |`);
  }
  const rate = mb / (stream.wall / 1000);
  console.log('');
  console.log(`target ≥ 100 MB/s for readSvmlightFile (wall): ${rate.toFixed(0)} MB/s — ${rate >= 100 ? 'PASS' : 'MISS'}`);
} finally {
  rmSync(path, { force: true });
}
