// The main job (`npm start`): a lasso on the embedded diabetes data, printed with its
// certificate. The full command-line tool (fit/path/cv/predict on files) builds on this.
import { init, Lasso, lambdaMax, loadDiabetes } from '../index.js';

const { engine, build } = await init();
const { X, y, featureNames, targetName } = loadDiabetes();
const lmax = lambdaMax(X, y, { standardize: true });
const lambda = 1;
const options = { lambda, standardize: true, tol: 1e-7, maxIter: 10000 } as const;

const started = performance.now();
const model = new Lasso(options).fit(X, y);
const elapsedMs = performance.now() - started;

const width = Math.max(...featureNames.map((name) => name.length), 'intercept'.length);
const lines = [
  `l1l2 lasso on the diabetes data: ${X.nRows} samples × ${X.nCols} features, target "${targetName}"`,
  `objective  (1/(2n))‖y − b − Xw‖² + λ‖w̃‖₁  (w̃: coefficients of the standardized features)`,
  `engine     ${engine}${build ? ` (${build})` : ''}`,
  `λ          ${lambda}  (λ_max = ${lmax.toFixed(4)}, λ/λ_max = ${(lambda / lmax).toFixed(4)})`,
  ``,
  `coefficients on the original feature scale (${model.coef.filter((c) => c !== 0).length} of ${X.nCols} non-zero):`,
  ...featureNames.map((name, j) => `  ${name.padEnd(width)}  ${formatCoef(model.coef[j]!)}`),
  `  ${'intercept'.padEnd(width)}  ${formatCoef(model.intercept)}`,
  ``,
  `duality gap ${model.dualGap.toExponential(3)}  (tolerance tol·F(0) = ${model.gapTolerance.toExponential(3)}), ` +
    `${model.converged ? 'converged' : 'NOT converged'} after ${model.nIter} epochs`,
  `objective   ${model.objective.toFixed(6)}    R² (training) ${model.score(X, y).toFixed(4)}`,
  `time        ${elapsedMs.toFixed(2)} ms`,
];
console.log(lines.join('\n'));
X.dispose();

function formatCoef(value: number): string {
  if (value === 0) return '0  (exactly)';
  return value.toFixed(6).padStart(12);
}
