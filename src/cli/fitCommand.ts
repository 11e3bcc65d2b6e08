import { writeFileSync } from 'node:fs';
import { describeData, loadCommandData } from './loadCommandData.js';
import { modelFileJson } from './modelFile.js';
import { coefText, milliseconds, num, table } from './textFormat.js';
import { describeSettings, type CommandContext, type CommandOutput } from './commandOutput.js';
import type { Certificate } from './modelKinds.js';

/** `l1l2 fit <file> --lambda L`: one model, printed and optionally saved. */
export function fitCommand({ commandLine, kind, engine }: CommandContext): CommandOutput {
  const data = loadCommandData(commandLine);
  const lambda = commandLine.lambda!;
  const classes = kind.classesOf?.(data.y, data.targetName);
  const started = performance.now();
  const fit = kind.fit(data.X, data.y, lambda, commandLine.settings);
  const elapsed = performance.now() - started;
  const json = modelFileJson({
    model: kind.name,
    options: optionsOf(lambda, commandLine.settings.l1Ratio ?? kind.defaultL1Ratio, commandLine),
    lambda,
    featureNames: data.featureNames,
    targetName: data.targetName,
    ...(classes ? { classes } : {}),
    coefficients: Array.from(fit.coef),
    intercept: fit.intercept,
    certificate: fit.certificate,
    training: { data: data.label, format: data.format, nSamples: data.X.nRows, command: 'fit' },
  });
  if (commandLine.out) writeFileSync(commandLine.out, json);
  const nonZero = fit.coef.reduce((c, v) => c + (v !== 0 ? 1 : 0), 0);
  const text = [
    `l1l2 fit: ${describeData(data)}`,
    `${describeSettings(kind, commandLine.settings)} · ${engine}`,
    `objective  ${kind.objective}`,
    `λ          ${num(lambda)}`,
    ...(classes ? [`classes    ${classes[0]} (negative), ${classes[1]} (positive): coefficients are on the log-odds of ${classes[1]}`] : []),
    '',
    `coefficients (original scale; ${nonZero} of ${fit.coef.length} non-zero):`,
    table(['feature', 'coefficient'], [...data.featureNames.map((name, j) => [name, coefText(fit.coef[j]!)]), ['(intercept)', fit.intercept.toFixed(6)]]),
    '',
    certificateText(fit.certificate),
    `time       ${milliseconds(elapsed)}`,
    ...(commandLine.out ? [`model written to ${commandLine.out}`] : []),
  ].join('\n');
  return { text, json: JSON.parse(json) };
}

export function optionsOf(lambda: number, l1Ratio: number, commandLine: { settings: { fitIntercept: boolean; standardize: boolean; tol: number | undefined; maxIter: number | undefined } }) {
  const { settings } = commandLine;
  return { lambda, l1Ratio, fitIntercept: settings.fitIntercept, standardize: settings.standardize, tol: settings.tol ?? null, maxIter: settings.maxIter ?? null };
}

export function certificateText(c: Certificate): string {
  const what = c.kind === 'dualityGap' ? 'duality gap' : c.kind === 'kktResidual' ? 'KKT residual' : 'relative gradient ‖∇F‖/‖∇F(0)‖';
  return `certificate ${what} ${c.value.toExponential(3)} (tolerance ${c.tolerance.toExponential(3)}), ${c.converged ? 'converged' : 'NOT converged'} after ${c.iterations} iterations`;
}
