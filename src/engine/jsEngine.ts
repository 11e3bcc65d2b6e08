import type { Engine, ElasticNetRequest, ElasticNetSolution } from './Engine.js';
import { scaleWarmStart } from './Engine.js';
import { columnStats } from '../reference/columnStats.js';
import { elasticNetFit } from '../reference/coordinateDescent.js';
import { openJsSession } from './jsSession.js';
import { openJsBinomialRows } from './jsBinomialRows.js';

/** @internal The pure-TypeScript engine: the reference implementation, also the benchmarks' JS baseline. */
export const jsEngine: Engine = {
  name: 'js',
  solveElasticNet(request: ElasticNetRequest): ElasticNetSolution {
    const stats = columnStats(request.X, request.fitIntercept, request.standardize, request.weights);
    const w = new Float64Array(request.X.nCols);
    scaleWarmStart(request.initialCoef, stats.invScale, w);
    const { epochs, certificate } = elasticNetFit(
      request.X, stats, request.yCentered, w, request.l1, request.l2, request.gapTolerance, request.maxEpochs, request.weights,
    );
    return { coefScaled: w, mean: stats.mean, invScale: stats.invScale, epochs, ...certificate };
  },
  openSession: openJsSession,
  openBinomialRows: openJsBinomialRows,
};
