// The exported surface of the l1l2 WebAssembly module. Every function takes byte
// addresses into linear memory owned by the TypeScript façade; no kernel
// allocates, so the façade's allocator is the only owner of memory.
export { denseDot, denseCenteredDot, denseCenteredAxpy, denseWeightedCenteredDot, denseSum } from './denseColumn';
export { cscDot, cscAxpy, cscCenteredDot } from './cscColumn';
export { columnStats } from './columnStats';
export { elasticNetResidual } from './elasticNetResidual';
export { elasticNetEpoch } from './elasticNetEpoch';
export { elasticNetDualGap, elasticNetGradientAndGap } from './elasticNetDualGap';
export { elasticNetSolveScreened } from './elasticNetSolveScreened';
export { elasticNetFit } from './elasticNetFit';
export { elasticNetStartFromGradients } from './elasticNetStartFromGradients';
export { gramColumnInto } from './gramPass';

/** First byte after the module's static data: the façade's heap starts here. */
export function heapBase(): usize {
  return __heap_base;
}

/** Whether this build uses f64x2 SIMD in its column kernels. */
export function simdEnabled(): bool {
  return ASC_FEATURE_SIMD;
}

// Ridge (L2): Gram/kernel products, Cholesky, symmetric eigendecomposition, CG (assembly/ridge/).
export { ridgeCrossProduct, ridgeTranspose, ridgeMatVec, ridgeMatTVec, ridgeWeightedRowSquares, ridgeCscWeightedGram, ridgeSymmetricCorrection } from './ridge/products';
export { ridgeDesignMatvec, ridgeDesignTMatvec, ridgeScaledDesign } from './ridge/designOperator';
export { ridgeCholeskyFactor, ridgeCholeskySolve } from './ridge/cholesky';
export { ridgeSymmetricEigen } from './ridge/symmetricEigen';
export { ridgeConjugateGradient, ridgeCgResidualNorm } from './ridge/conjugateGradient';
export { ridgeColumnStats } from './ridge/columnStats';

// Proximal gradient (ISTA/FISTA) and its building blocks (assembly/proximal/).
export { fistaSolve } from './proximal/fistaSolve';
export { designMatvec, designGradient } from './proximal/designProducts';
export { proxElasticNet, projectL1Ball, projectL2Ball } from './proximal/proxOperators';

// Stochastic gradient descent (assembly/sgd/).
export { sgdFit } from './sgd/sgdFit';
export { reweightedColumnStats } from './reweightedColumnStats';
export { columnCorrelations } from './columnCorrelations';
export { binomialLinearize, binomialLossAndKlAt, binomialLossAlong, binomialKlAgainst } from './binomialRows';
