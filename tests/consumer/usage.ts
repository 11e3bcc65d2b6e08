// Compiled by tests/package.test.ts against the published type declarations
// (resolved through package.json "exports" by self-reference), in strict mode.
import { init, Lasso, ElasticNet, DenseMatrix, CscMatrix, InvalidParameterError, type ElasticNetOptions } from 'l1l2';

export async function usage(): Promise<number> {
  await init();
  const X = DenseMatrix.fromRows([[0, 1], [1, 0], [2, 2], [3, 1]]);
  const options: ElasticNetOptions = { lambda: 0.1, l1Ratio: 0.5 };
  const model = new ElasticNet(options).fit(X, [1, 2, 5, 5]);
  const sparse = CscMatrix.fromDense(X);
  const lasso = new Lasso({ lambda: 0.1, engine: 'js' }).fit(sparse, Float64Array.of(1, 2, 5, 5));
  const coef: Float64Array = model.coef;
  const converged: boolean = lasso.converged;
  try {
    new Lasso({ lambda: -1 });
  } catch (e) {
    if (e instanceof InvalidParameterError) return e.argument.length;
  }
  X.dispose();
  return coef.length + (converged ? 1 : 0) + lasso.predict(sparse).length;
}
