import { readFileSync } from 'node:fs';

/** The diabetes data (442×10, raw features) shipped in data/diabetes.csv. */
export function loadDiabetes(): { rows: number[][]; y: Float64Array; featureNames: string[] } {
  const lines = readFileSync(new URL('../../data/diabetes.csv', import.meta.url), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const rows: number[][] = [];
  const y: number[] = [];
  for (const line of lines.slice(1)) {
    const values = line.split(',').map(Number);
    y.push(values.pop()!);
    rows.push(values);
  }
  return { rows, y: Float64Array.from(y), featureNames: header.slice(0, -1) };
}
