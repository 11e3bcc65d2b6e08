import { parseArgs } from 'node:util';
import { UsageError } from './cliErrors.js';
import { MODEL_KINDS, MODEL_NAMES, type ModelName, type ModelSettings } from './modelKinds.js';
import type { DataFileFormat } from '../node/index.js';

export const COMMANDS = ['fit', 'path', 'cv', 'predict'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** The validated command line. */
export interface CommandLine {
  command: CommandName;
  /** predict: the model file. */
  modelPath: string | undefined;
  /** The data file, or undefined with `dataset`. */
  dataPath: string | undefined;
  dataset: 'diabetes' | undefined;
  data: {
    format: DataFileFormat | undefined;
    target: string | undefined;
    features: string[] | undefined;
    delimiter: string | undefined;
    indexBase: 0 | 1 | 'auto' | undefined;
  };
  model: ModelName;
  lambda: number | undefined;
  settings: ModelSettings;
  nLambda: number;
  lambdaMinRatio: number | undefined;
  folds: number;
  seed: number;
  select: 'min' | '1se';
  plot: string | undefined;
  out: string | undefined;
  json: boolean;
  quiet: boolean;
}

export type ParsedArgs = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; commandLine: CommandLine };

const OPTIONS = {
  format: { type: 'string' },
  target: { type: 'string' },
  features: { type: 'string' },
  delimiter: { type: 'string' },
  'index-base': { type: 'string' },
  dataset: { type: 'string' },
  model: { type: 'string' },
  lambda: { type: 'string' },
  'l1-ratio': { type: 'string' },
  standardize: { type: 'boolean' },
  'no-intercept': { type: 'boolean' },
  tol: { type: 'string' },
  'max-iter': { type: 'string' },
  'n-lambda': { type: 'string' },
  'lambda-min-ratio': { type: 'string' },
  folds: { type: 'string' },
  seed: { type: 'string' },
  select: { type: 'string' },
  plot: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** Parses argv (without node and the script) with node:util's parseArgs; every mistake is a UsageError. */
export function parseCommandLine(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('no command given');
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command "${command}" (commands: ${COMMANDS.join(', ')})`);
  const name = command as CommandName;

  const dataset = values.dataset;
  if (dataset !== undefined && dataset !== 'diabetes') throw new UsageError(`unknown dataset "${dataset}" (the embedded dataset is "diabetes")`);
  const wantedFiles = (name === 'predict' ? 2 : 1) - (dataset === undefined ? 0 : 1);
  if (rest.length !== wantedFiles) {
    const what = name === 'predict' ? 'a model file and a data file (or --dataset)' : 'one data file (or --dataset)';
    throw new UsageError(`${name} takes ${what}; got ${rest.length === 0 ? 'none' : rest.map((r) => `"${r}"`).join(' ')}`);
  }
  const modelPath = name === 'predict' ? rest[0] : undefined;
  const dataPath = dataset === undefined ? rest[rest.length - 1] : undefined;

  const model = (values.model ?? 'lasso') as ModelName;
  if (!(MODEL_NAMES as readonly string[]).includes(model)) throw new UsageError(`--model must be one of ${MODEL_NAMES.join(', ')}; got "${values.model}"`);
  if (values['l1-ratio'] !== undefined && !MODEL_KINDS[model].usesL1Ratio) {
    throw new UsageError(`--l1-ratio applies to --model ${MODEL_NAMES.filter((m) => MODEL_KINDS[m].usesL1Ratio).join(' or ')} only (the ${model} fixes α)`);
  }
  const lambda = values.lambda === undefined ? undefined : number('--lambda', values.lambda, { min: 0 });
  if (name === 'fit' && lambda === undefined) throw new UsageError('fit needs --lambda L (use cv to choose one)');
  if (name !== 'fit' && lambda !== undefined) throw new UsageError(`--lambda applies to fit only (${name} uses a grid; see --n-lambda)`);
  const format = values.format;
  if (format !== undefined && format !== 'csv' && format !== 'svmlight' && format !== 'mtx') throw new UsageError(`--format must be csv, svmlight or mtx; got "${format}"`);
  const indexBase = values['index-base'];
  if (indexBase !== undefined && indexBase !== '0' && indexBase !== '1' && indexBase !== 'auto') throw new UsageError(`--index-base must be 0, 1 or auto; got "${indexBase}"`);
  const select = values.select ?? 'min';
  if (select !== 'min' && select !== '1se') throw new UsageError(`--select must be min or 1se; got "${select}"`);
  const delimiter = values.delimiter === '\\t' ? '\t' : values.delimiter;
  if (delimiter !== undefined && delimiter.length !== 1) throw new UsageError(`--delimiter must be one character; got "${values.delimiter}"`);
  if (values.plot !== undefined && (name === 'fit' || name === 'predict')) throw new UsageError(`--plot applies to path and cv, not ${name}`);
  if (values.plot !== undefined && !values.plot.toLowerCase().endsWith('.svg')) throw new UsageError(`--plot writes SVG: give a file name ending in .svg; got "${values.plot}"`);
  if (values.out !== undefined && name === 'path') throw new UsageError('--out applies to fit, cv and predict (use --json for the path)');

  return {
    kind: 'run',
    commandLine: {
      command: name,
      modelPath,
      dataPath,
      dataset: dataset as 'diabetes' | undefined,
      data: {
        format: format as DataFileFormat | undefined,
        target: values.target,
        features: values.features === undefined ? undefined : values.features.split(',').map((s) => s.trim()).filter((s) => s !== ''),
        delimiter,
        indexBase: indexBase === undefined ? undefined : indexBase === 'auto' ? 'auto' : (Number(indexBase) as 0 | 1),
      },
      model,
      lambda,
      settings: {
        l1Ratio: values['l1-ratio'] === undefined ? undefined : number('--l1-ratio', values['l1-ratio'], { min: 0, max: 1 }),
        fitIntercept: !values['no-intercept'],
        standardize: values.standardize ?? false,
        tol: values.tol === undefined ? undefined : number('--tol', values.tol, { min: 0, exclusiveMin: true }),
        maxIter: values['max-iter'] === undefined ? undefined : number('--max-iter', values['max-iter'], { min: 1, integer: true }),
      },
      nLambda: values['n-lambda'] === undefined ? 100 : number('--n-lambda', values['n-lambda'], { min: 1, integer: true }),
      lambdaMinRatio: values['lambda-min-ratio'] === undefined ? undefined : number('--lambda-min-ratio', values['lambda-min-ratio'], { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true }),
      folds: values.folds === undefined ? 10 : number('--folds', values.folds, { min: 2, integer: true }),
      seed: values.seed === undefined ? 0 : number('--seed', values.seed, { min: 0, integer: true }),
      select,
      plot: values.plot,
      out: values.out,
      json: values.json ?? false,
      quiet: values.quiet ?? false,
    },
  };
}

function number(option: string, text: string, range: { min?: number; max?: number; integer?: boolean; exclusiveMin?: boolean; exclusiveMax?: boolean }): number {
  const v = text.trim() === '' ? NaN : Number(text);
  const fail = (): never => {
    const bounds = [
      range.min === undefined ? '' : `${range.exclusiveMin ? '>' : '≥'} ${range.min}`,
      range.max === undefined ? '' : `${range.exclusiveMax ? '<' : '≤'} ${range.max}`,
    ].filter(Boolean).join(' and ');
    throw new UsageError(`${option} must be ${range.integer ? 'an integer' : 'a number'}${bounds ? ` ${bounds}` : ''}; got "${text}"`);
  };
  if (!Number.isFinite(v)) fail();
  if (range.integer && !Number.isInteger(v)) fail();
  if (range.min !== undefined && (v < range.min || (range.exclusiveMin && v === range.min))) fail();
  if (range.max !== undefined && (v > range.max || (range.exclusiveMax && v === range.max))) fail();
  return v;
}
