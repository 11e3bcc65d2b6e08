import { readFileSync, writeFileSync } from 'node:fs';
import { DataFormatError, parseCsvDataset } from '../index.js';
import { formatFromExtension, readTextFile } from '../node/index.js';
import { CliDataError } from './cliErrors.js';
import { loadCommandData, type CommandData } from './loadCommandData.js';
import { parseModelFile, type ModelFile } from './modelFile.js';
import type { CommandContext, CommandOutput } from './commandOutput.js';
import { MODEL_KINDS } from './modelKinds.js';

/**
 * `l1l2 predict model.json <file>`: predictions one per line. The data's feature names must be the
 * model's: CSV columns are picked by the model's names (a missing one refuses), svmlight and Matrix
 * Market features are named by position and must agree in number and order.
 */
export function predictCommand({ commandLine }: CommandContext): CommandOutput {
  const modelPath = commandLine.modelPath!;
  let modelText: string;
  try {
    modelText = readFileSync(modelPath, 'utf8');
  } catch (error) {
    throw new CliDataError(`${modelPath}: cannot read the model file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const model = parseModelFile(modelText, modelPath);
  const kind = MODEL_KINDS[model.model];
  const data = loadPredictionData(commandLine, model);
  const mismatch = describeMismatch(model.featureNames, data.featureNames);
  if (mismatch) {
    throw new CliDataError(`refusing to predict: the features of ${data.label} do not match the model ${modelPath}: ${mismatch}`);
  }
  const predictions = kind.predict(data.X, Float64Array.from(model.coefficients), model.intercept);
  const lines = Array.from(predictions, (v) => String(v)).join('\n') + '\n';
  if (commandLine.out) writeFileSync(commandLine.out, lines);
  const classes = model.classes;
  return {
    text: commandLine.out ? `${predictions.length} predictions written to ${commandLine.out}` : lines.trimEnd(),
    json: {
      model: model.model,
      lambda: model.lambda,
      predictions: Array.from(predictions),
      ...(kind.predicts === 'probability' && classes
        ? { predicts: `probability of ${classes[1]}`, classes, predictedClasses: Array.from(predictions, (q) => (q >= 0.5 ? classes[1] : classes[0])) }
        : {}),
      ...(commandLine.out ? { out: commandLine.out } : {}),
    },
  };
}

function loadPredictionData(commandLine: CommandContext['commandLine'], model: ModelFile): CommandData {
  const path = commandLine.dataPath;
  const format = commandLine.data.format ?? (path === undefined ? undefined : formatFromExtension(path));
  if (path === undefined || format !== 'csv') {
    // svmlight: read with the model's width, so a file whose last features happen to be absent still matches.
    return loadCommandData(commandLine, format === 'svmlight' ? { nFeatures: model.featureNames.length } : {});
  }
  // CSV: the model's feature columns by name; the target column, if any, is not needed.
  const features = commandLine.data.features ?? model.featureNames;
  try {
    const table = parseCsvDataset(readTextFile(path), {
      target: null, features, source: path, ...(commandLine.data.delimiter === undefined ? {} : { delimiter: commandLine.data.delimiter }),
    });
    return { X: table.X, y: table.y, featureNames: table.featureNames, targetName: '', label: path, format: 'csv', svmlight: undefined };
  } catch (error) {
    if (error instanceof DataFormatError && error.message.includes('no feature column named')) {
      throw new CliDataError(`refusing to predict: ${path} lacks features of the model ${commandLine.modelPath}: ${error.message}`);
    }
    throw error;
  }
}

function describeMismatch(expected: string[], actual: string[]): string | undefined {
  const missing = expected.filter((name) => !actual.includes(name));
  const extra = actual.filter((name) => !expected.includes(name));
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`missing ${list(missing)}`);
  if (extra.length > 0) parts.push(`not in the model ${list(extra)}`);
  if (parts.length === 0 && expected.some((name, j) => actual[j] !== name)) parts.push(`same names in a different order (model: ${list(expected)})`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function list(names: string[]): string {
  const shown = names.slice(0, 8).map((n) => `"${n}"`).join(', ');
  return names.length > 8 ? `${shown} and ${names.length - 8} more` : shown;
}
