import { writeFileSync } from 'node:fs';
import { describeData, loadCommandData } from './loadCommandData.js';
import { milliseconds, num, table } from './textFormat.js';
import { describeSettings, type CommandContext, type CommandOutput } from './commandOutput.js';
import { PALETTE, renderLineChart } from './svgLineChart.js';
import type { PathResult } from './modelKinds.js';

/** `l1l2 path <file>`: the regularization path as a table, JSON and an SVG plot. */
export function pathCommand({ commandLine, kind, progress, engine }: CommandContext): CommandOutput {
  const data = loadCommandData(commandLine);
  kind.classesOf?.(data.y, data.targetName); // a binary model checks its target before any work
  const started = performance.now();
  const path = kind.path(data.X, data.y, commandLine.settings, {
    nLambda: commandLine.nLambda, lambdaMinRatio: commandLine.lambdaMinRatio, onProgress: (done, total) => progress.update(done, total),
  });
  progress.finish();
  const elapsed = performance.now() - started;
  if (commandLine.plot) writeFileSync(commandLine.plot, pathPlot(path, data.featureNames, kind.name));
  const K = path.lambdas.length;
  const rows = sampleIndices(K, 12).map((k) => [
    String(k + 1), num(path.lambdas[k]!), String(path.df[k]), path.devRatio[k]!.toFixed(4), path.certificates[k]!.toExponential(2),
  ]);
  const text = [
    `l1l2 path: ${describeData(data)}`,
    `${describeSettings(kind, commandLine.settings)} · ${engine}`,
    `${K} λ from ${num(path.lambdas[0]!)} down to ${num(path.lambdas[K - 1]!)}${K < commandLine.nLambda ? ` (stopped early: the fit saturated)` : ''}`,
    '',
    table(['#', 'λ', 'non-zeros', kind.predicts === 'probability' ? 'dev. ratio' : 'R²', { dualityGap: 'duality gap', kktResidual: 'KKT residual', relativeGradient: 'rel. gradient' }[path.certificateKind]], rows),
    K > rows.length ? `  (${rows.length} of ${K} rows; --json gives all)` : '',
    `${path.converged ? 'every λ converged' : 'NOT every λ converged'} · time ${milliseconds(elapsed)}`,
    ...(commandLine.plot ? [`plot written to ${commandLine.plot}`] : []),
  ].filter((line, i, all) => line !== '' || all[i - 1] !== '').join('\n');
  const json = {
    model: kind.name,
    featureNames: data.featureNames,
    lambdas: Array.from(path.lambdas),
    intercepts: Array.from(path.intercepts),
    coefficients: path.coefs.map((w) => Array.from(w)),
    nonZeros: Array.from(path.df),
    devRatio: Array.from(path.devRatio),
    certificate: { kind: path.certificateKind, values: Array.from(path.certificates), converged: path.converged },
    timeMs: elapsed,
  };
  return { text, json };
}

/** Up to `count` indices spread over 0 … K−1, always with the first and last. */
export function sampleIndices(K: number, count: number, always: number[] = []): number[] {
  if (K <= count) return Array.from({ length: K }, (_, k) => k);
  const picked = new Set<number>(always);
  for (let t = 0; t < count; t++) picked.add(Math.round((t * (K - 1)) / (count - 1)));
  return [...picked].sort((a, b) => a - b);
}

/** Coefficient paths against λ (log scale, decreasing), one line per feature that is ever non-zero. */
export function pathPlot(path: PathResult, featureNames: string[], model: string): string {
  const p = featureNames.length;
  const series = [];
  for (let j = 0; j < p; j++) {
    if (!path.coefs.some((w) => w[j] !== 0)) continue;
    series.push({
      name: featureNames[j]!,
      points: path.coefs.map((w, k) => [path.lambdas[k]!, w[j]!] as const),
      color: PALETTE[series.length % PALETTE.length]!,
      labelAtEnd: p <= 20,
    });
  }
  if (series.length === 0) series.push({ name: 'all zero', points: path.coefs.map((_, k) => [path.lambdas[k]!, 0] as const), color: '#999' });
  return renderLineChart({
    title: `${model} coefficient paths (${series.length} of ${p} features ever non-zero)`,
    xLabel: 'λ (log scale, decreasing)',
    yLabel: 'coefficient (original scale)',
    xLogDecreasing: true,
    series,
  });
}
