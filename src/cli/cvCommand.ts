import { writeFileSync } from 'node:fs';
import { describeData, loadCommandData } from './loadCommandData.js';
import { modelFileJson } from './modelFile.js';
import { coefText, milliseconds, num, table } from './textFormat.js';
import { describeSettings, type CommandContext, type CommandOutput } from './commandOutput.js';
import { certificateText, optionsOf } from './fitCommand.js';
import { sampleIndices } from './pathCommand.js';
import { renderLineChart } from './svgLineChart.js';
import type { CvResult } from './modelKinds.js';

/** `l1l2 cv <file>`: K-fold CV along the path; λ_min, λ_1se, their coefficients, the curve. */
export function cvCommand({ commandLine, kind, progress, engine }: CommandContext): CommandOutput {
  const data = loadCommandData(commandLine);
  const { folds, seed } = commandLine;
  const classes = kind.classesOf?.(data.y, data.targetName);
  const started = performance.now();
  const cv = kind.cv(data.X, data.y, commandLine.settings, {
    nLambda: commandLine.nLambda, lambdaMinRatio: commandLine.lambdaMinRatio, folds, seed,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.finish();
  const fitMin = cv.fitAt(cv.indexMin);
  const fit1se = cv.fitAt(cv.index1se);
  const elapsed = performance.now() - started;
  const lambdaMin = cv.lambdas[cv.indexMin]!;
  const lambda1se = cv.lambdas[cv.index1se]!;
  if (commandLine.plot) writeFileSync(commandLine.plot, cvPlot(cv, kind.name, folds));
  const selected = commandLine.select === 'min' ? { k: cv.indexMin, fit: fitMin } : { k: cv.index1se, fit: fit1se };
  const modelJson = modelFileJson({
    model: kind.name,
    options: optionsOf(cv.lambdas[selected.k]!, commandLine.settings.l1Ratio ?? kind.defaultL1Ratio, commandLine),
    lambda: cv.lambdas[selected.k]!,
    featureNames: data.featureNames,
    targetName: data.targetName,
    ...(classes ? { classes } : {}),
    coefficients: Array.from(selected.fit.coef),
    intercept: selected.fit.intercept,
    certificate: selected.fit.certificate,
    training: { data: data.label, format: data.format, nSamples: data.X.nRows, command: 'cv', cv: { folds, seed, selection: commandLine.select, lambdaMin, lambda1se } },
  });
  if (commandLine.out) writeFileSync(commandLine.out, modelJson);

  const K = cv.lambdas.length;
  const curveRows = sampleIndices(K, 12, [cv.indexMin, cv.index1se]).map((k) => [
    `${k === cv.indexMin ? '*' : k === cv.index1se ? '+' : ' '} ${num(cv.lambdas[k]!)}`,
    num(cv.cvMean[k]!), num(cv.cvStandardError[k]!), String(cv.df[k]),
  ]);
  const nz = (w: Float64Array): number => w.reduce((c, v) => c + (v !== 0 ? 1 : 0), 0);
  const coefRows = data.featureNames.map((name, j) => [name, coefText(fitMin.coef[j]!), coefText(fit1se.coef[j]!)]);
  coefRows.push(['(intercept)', fitMin.intercept.toFixed(6), fit1se.intercept.toFixed(6)]);
  const text = [
    `l1l2 cv: ${describeData(data)}`,
    `${describeSettings(kind, commandLine.settings)} · ${folds} folds (seed ${seed}) · ${engine}`,
    `objective ${kind.objective}; CV measure: ${cv.measureName}`,
    ...(classes ? [`classes ${classes[0]} (negative), ${classes[1]} (positive): coefficients are on the log-odds of ${classes[1]}`] : []),
    '',
    `λ_min = ${num(lambdaMin)}   CV ${num(cv.cvMean[cv.indexMin]!)} ± ${num(cv.cvStandardError[cv.indexMin]!)}   ${nz(fitMin.coef)} non-zero`,
    `λ_1se = ${num(lambda1se)}   CV ${num(cv.cvMean[cv.index1se]!)} ± ${num(cv.cvStandardError[cv.index1se]!)}   ${nz(fit1se.coef)} non-zero`,
    '',
    'coefficients (original scale):',
    table(['feature', 'at λ_min', 'at λ_1se'], coefRows),
    '',
    `CV curve (${curveRows.length} of ${K} λ; * λ_min, + λ_1se):`,
    table(['  λ', `mean ${cv.measureShort}`, 'std. error', 'non-zeros'], curveRows),
    '',
    `refit at λ_min: ${certificateText(fitMin.certificate)}`,
    `time ${milliseconds(elapsed)} (the full-data path and ${folds} fold paths)`,
    ...(commandLine.plot ? [`plot written to ${commandLine.plot}`] : []),
    ...(commandLine.out ? [`model at λ_${commandLine.select} written to ${commandLine.out}`] : []),
  ].join('\n');
  const json = {
    model: kind.name,
    folds,
    seed,
    measure: cv.measureName,
    lambdaMin,
    lambda1se,
    featureNames: data.featureNames,
    coefficientsAtLambdaMin: Array.from(fitMin.coef),
    interceptAtLambdaMin: fitMin.intercept,
    coefficientsAtLambda1se: Array.from(fit1se.coef),
    interceptAtLambda1se: fit1se.intercept,
    lambdas: Array.from(cv.lambdas),
    cvMean: Array.from(cv.cvMean),
    cvStandardError: Array.from(cv.cvStandardError),
    nonZeros: Array.from(cv.df),
    timeMs: elapsed,
    ...(commandLine.plot ? { plot: commandLine.plot } : {}),
  };
  return { text, json };
}

/** The CV curve with ±1 standard error bars and the two selected λ marked (glmnet's plot.cv.glmnet). */
export function cvPlot(cv: CvResult, model: string, folds: number): string {
  return renderLineChart({
    title: `${model}: ${folds}-fold cross-validation`,
    xLabel: 'λ (log scale, decreasing)',
    yLabel: `${cv.measureName} (±1 standard error)`,
    xLogDecreasing: true,
    series: [{ name: 'CV mean', points: Array.from(cv.lambdas, (l, k) => [l, cv.cvMean[k]!] as const), color: '#e15759', dots: true }],
    errorBars: Array.from(cv.lambdas, (l, k) => [l, cv.cvMean[k]! - cv.cvStandardError[k]!, cv.cvMean[k]! + cv.cvStandardError[k]!] as const),
    markers: [
      { x: cv.lambdas[cv.indexMin]!, label: 'λ_min' },
      ...(cv.index1se !== cv.indexMin ? [{ x: cv.lambdas[cv.index1se]!, label: 'λ_1se' }] : []),
    ],
  });
}
