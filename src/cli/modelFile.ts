// The model file written by `fit --out` / `cv --out` and read by `predict`: plain JSON. Numbers are
// written by JSON.stringify, whose shortest round-trip form gives every double back exactly.
import { VERSION } from '../index.js';
import { MODEL_NAMES, type Certificate, type ModelName } from './modelKinds.js';
import { CliDataError } from './cliErrors.js';

export interface ModelFile {
  format: 'l1l2-model';
  formatVersion: 1;
  libraryVersion: string;
  model: ModelName;
  /** The options the model was fitted with. */
  options: { lambda: number; l1Ratio: number; fitIntercept: boolean; standardize: boolean; tol: number | null; maxIter: number | null };
  lambda: number;
  featureNames: string[];
  targetName: string;
  /** Binary models: the label values [negative, positive]; predictions are P(y = positive). */
  classes?: [number, number];
  coefficients: number[];
  intercept: number;
  certificate: Certificate;
  /** Where the model came from: the data and, for `cv`, how λ was selected. */
  training: {
    data: string;
    format: string;
    nSamples: number;
    command: 'fit' | 'cv';
    cv?: { folds: number; seed: number; selection: 'min' | '1se'; lambdaMin: number; lambda1se: number };
  };
}

/** JSON has no −0: write 0 so that reading gives back the same bits. */
function plainZero(v: number): number {
  return v === 0 ? 0 : v;
}

export function modelFileJson(model: Omit<ModelFile, 'format' | 'formatVersion' | 'libraryVersion'>): string {
  const file: ModelFile = {
    format: 'l1l2-model',
    formatVersion: 1,
    libraryVersion: VERSION,
    ...model,
    coefficients: model.coefficients.map(plainZero),
    intercept: plainZero(model.intercept),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/** Parses and checks a model file; every problem is a CliDataError naming the file. */
export function parseModelFile(text: string, path: string): ModelFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliDataError(`${path}: not a JSON model file (${(error as Error).message})`);
  }
  const bad = (what: string): never => {
    throw new CliDataError(`${path}: not an l1l2 model file: ${what}`);
  };
  if (typeof value !== 'object' || value === null) bad('not a JSON object');
  const m = value as Partial<ModelFile>;
  if (m.format !== 'l1l2-model') bad('"format" is not "l1l2-model"');
  if (m.formatVersion !== 1) bad(`unsupported formatVersion ${String(m.formatVersion)}`);
  if (typeof m.model !== 'string' || !(MODEL_NAMES as readonly string[]).includes(m.model)) bad(`unknown model "${String(m.model)}"`);
  if (!Array.isArray(m.featureNames) || !m.featureNames.every((s) => typeof s === 'string')) bad('"featureNames" is not an array of strings');
  if (!Array.isArray(m.coefficients) || !m.coefficients.every((v) => typeof v === 'number' && Number.isFinite(v))) bad('"coefficients" is not an array of finite numbers');
  if (m.coefficients!.length !== m.featureNames!.length) bad(`${m.coefficients!.length} coefficients for ${m.featureNames!.length} feature names`);
  if (typeof m.intercept !== 'number' || !Number.isFinite(m.intercept)) bad('"intercept" is not a finite number');
  if (typeof m.lambda !== 'number') bad('"lambda" is not a number');
  if (typeof m.targetName !== 'string') bad('"targetName" is not a string');
  return m as ModelFile;
}
