// Ridge's 'cd' solver with observation weights (passed on to the elastic net's weighted
// coordinate descent) must find the same solution as the direct and CG solvers.
import { test, expect, beforeAll } from 'vitest';
import { init, Ridge, DenseMatrix, CscMatrix } from '../src/index.js';
import { SeededRandom } from '../src/random/SeededRandom.js';

beforeAll(async () => {
  await init();
});

for (const layout of ['dense', 'csc'] as const) {
  for (const standardize of [false, true]) {
    test(`weighted cd = weighted cholesky/cg (${layout}, standardize ${standardize})`, () => {
      const rng = new SeededRandom(21);
      const n = 80;
      const p = 12;
      const rows = Array.from({ length: n }, () => Array.from({ length: p }, () => (rng.uniform() < 0.3 ? 0 : 2 + rng.normal())));
      const y = rows.map((r) => r[0]! - 2 * r[3]! + rng.normal());
      const sampleWeight = rows.map(() => 0.2 + rng.uniform() * 3);
      const dense = DenseMatrix.fromRows(rows);
      const X = layout === 'dense' ? dense : CscMatrix.fromDense(dense);
      const fit = (solver: 'cd' | 'cholesky' | 'cg') =>
        new Ridge({ lambda: 0.3, standardize, solver: layout === 'csc' && solver === 'cholesky' ? 'cg' : solver, tol: 1e-10 }).fit(X, y, { sampleWeight });
      const reference = fit('cholesky');
      const cd = fit('cd');
      expect(cd.converged).toBe(true);
      const scale = Math.max(...Array.from(reference.coef, Math.abs));
      reference.coef.forEach((c, j) => expect(Math.abs(cd.coef[j]! - c)).toBeLessThanOrEqual(1e-8 * scale));
      expect(Math.abs(cd.intercept - reference.intercept)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(reference.intercept)));
      // And the weights matter: the unweighted fit is different.
      const unweighted = new Ridge({ lambda: 0.3, standardize, solver: 'cd', tol: 1e-10 }).fit(X, y);
      expect(Math.max(...Array.from(unweighted.coef, (c, j) => Math.abs(c - reference.coef[j]!)))).toBeGreaterThan(1e-4 * scale);
    });
  }
}
