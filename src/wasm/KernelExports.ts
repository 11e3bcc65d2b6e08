/**
 * @internal The functions exported by the l1l2 WebAssembly module (assembly/index.ts).
 * Pointers are byte addresses in the module's memory; booleans are passed as 0/1.
 */
export interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  simdEnabled(): number;
  denseDot(x: number, y: number, n: number): number;
  denseCenteredDot(x: number, y: number, n: number, mu: number): number;
  denseCenteredAxpy(a: number, x: number, y: number, n: number, mu: number): void;
  denseWeightedCenteredDot(x: number, v: number, y: number, n: number, mu: number): number;
  denseSum(x: number, n: number): number;
  cscDot(values: number, rows: number, start: number, end: number, v: number): number;
  cscAxpy(a: number, values: number, rows: number, start: number, end: number, v: number): void;
  cscCenteredDot(values: number, rows: number, start: number, end: number, v: number, mu: number): number;
  columnStats(
    layout: number, nRows: number, nCols: number, values: number, indptr: number, rows: number,
    fitIntercept: number, standardize: number, mean: number, invScale: number, colSum: number, normSqOverN: number,
    weights: number, theta: number, corr: number,
  ): void;
  reweightedColumnStats(desc: number, pairs: number, fitIntercept: number, corr: number, columns: number, count: number): void;
  columnCorrelations(desc: number, vectors: number, two: number, corr: number, corr2: number, columns: number, count: number): void;
  elasticNetResidual(desc: number, yc: number, w: number, r: number): void;
  // Binomial row sweeps (assembly/binomialRows.ts).
  binomialLinearize(n: number, y: number, nu: number, eta: number, fitIntercept: number, h: number, yc: number, u: number, t: number, lp: number, out: number): void;
  binomialLossAndKlAt(n: number, y: number, nu: number, eta: number, t: number, s: number, out: number, lp: number): void;
  binomialKlAgainst(n: number, y: number, nu: number, eta: number, t: number, theta: number, s: number, lp: number): number;
  binomialLossAlong(n: number, y: number, nu: number, eta: number, etaNext: number, t: number, out: number): number;
  elasticNetStartFromGradients(
    desc: number, yc: number, w: number, r: number, l1: number, l2: number, g: number, out: number, pen: number, residualHolds: number,
    columns: number, count: number,
  ): number;
  elasticNetEpoch(desc: number, r: number, w: number, l1: number, l2: number): number;
  elasticNetDualGap(desc: number, r: number, w: number, l1: number, l2: number, out: number): number;
  elasticNetGradientAndGap(desc: number, r: number, w: number, l1: number, l2: number, g: number, screened: number, out: number, penalty: number): number;
  elasticNetSolveScreened(
    desc: number, r: number, w: number, l1: number, l2: number, l1Prev: number, gapTol: number, maxPasses: number,
    ws: number, active: number, inWs: number, screened: number, g: number, out: number, anderson: number, gram: number, penalty: number,
    workingSetOnly: number,
  ): number;
  gramColumnInto(desc: number, j: number, column: number, scratch: number): void;
  elasticNetFit(desc: number, yc: number, r: number, w: number, l1: number, l2: number, gapTol: number, maxEpochs: number, out: number): number;
  // Proximal gradient (assembly/proximal/).
  fistaSolve(desc: number, params: number, y: number, w: number, factors: number, lower: number, upper: number, pen: number, g: number, scratch: number, out: number): number;
  designMatvec(desc: number, v: number, b: number, out: number): void;
  designGradient(desc: number, u: number, g: number): number;
  proxElasticNet(v: number, step: number, l1: number, l2: number, factors: number, lower: number, upper: number, invScale: number, p: number, out: number): void;
  projectL1Ball(v: number, radius: number, invScale: number, p: number, sorted: number, out: number): number;
  projectL2Ball(v: number, radius: number, invScale: number, p: number, out: number): void;
  // Stochastic gradient descent (assembly/sgd/).
  sgdFit(layout: number, n: number, p: number, values: number, rowptr: number, cols: number, y: number, w: number, params: number, scratch: number, out: number): number;
}
