import { expect } from 'vitest';
import type { RegularizationPath } from '../../src/index.js';
import type { SyntheticProblem } from './syntheticRegression.js';
import { lambdaMaxOf } from './kktOracle.js';
import { KktAuditor } from './pathOracle.js';

/** What {@link expectPathKkt} measured over a path. */
export interface PathKktSummary {
  /** Worst KKT violation / its bound over all λ and features (≤ 1 when the check passed). */
  worstRatio: number;
  /** Worst independent duality gap / the path's gap tolerance. */
  worstGapRatio: number;
  /** Gradients (penalized scale) at every λ, computed here, for rules that look back one λ. */
  gradients: Float64Array[];
}

/**
 * Asserts, at every λ of `path`, with everything recomputed from the problem's raw arrays:
 * - `converged[k]`, 0 ≤ reported gap ≤ gapTolerance, and gapTolerance = tol·F(0);
 * - the duality gap G of a dual point built here is ≤ 2·gapTolerance (+1e-13·F(0) of rounding);
 * - the KKT conditions of the full problem, per feature, within the bounds of `auditKkt` for
 *   the suboptimality max(G, reported gap) + 1e-13·F(0) (the rounding of F − D), plus 1e-10·λ_max·α
 *   for the rounding of the gradient sums;
 * - excluded (constant) columns have exactly zero coefficients.
 */
export function expectPathKkt(
  problem: SyntheticProblem, path: RegularizationPath, l1Ratio: number, fitIntercept: boolean, standardize: boolean, tol: number,
): PathKktSummary {
  const { n, p, columns, y } = problem;
  const l1Max = lambdaMaxOf(columns, n, p, y, l1Ratio, fitIntercept, standardize) * l1Ratio;
  const auditor = new KktAuditor(columns, n, p, y, fitIntercept, standardize);
  let worstRatio = 0;
  let worstGapRatio = 0;
  const gradients: Float64Array[] = [];
  for (let k = 0; k < path.length; k++) {
    const lambda = path.lambdas[k]!;
    expect(path.converged[k], `λ[${k}] converged`).toBe(true);
    expect(path.dualGaps[k]!, `λ[${k}] reported gap`).toBeLessThanOrEqual(path.gapTolerance);
    expect(path.dualGaps[k]!).toBeGreaterThanOrEqual(0);
    let F0 = 0;
    let G = 0;
    const audit = auditor.audit(path.coefAt(k), path.intercepts[k]!, lambda, l1Ratio, (a) => {
      F0 = a.nullObjective;
      G = a.dualityGap;
      return Math.max(G, path.dualGaps[k]!) + 1e-13 * F0;
    }, 1e-10 * l1Max);
    if (k === 0) expect(Math.abs(path.gapTolerance - tol * F0)).toBeLessThanOrEqual(1e-12 * tol * F0);
    expect(G, `λ[${k}]: independent gap ${G} vs tolerance ${path.gapTolerance}`).toBeLessThanOrEqual(2 * path.gapTolerance + 1e-13 * F0);
    expect(audit.nonZeroExcluded).toEqual([]);
    expect(
      audit.worstRatio,
      `λ[${k}] = ${lambda}: feature ${audit.worstFeature} violates KKT by ${audit.worstViolation} > ${audit.worstBound}`,
    ).toBeLessThanOrEqual(1);
    worstRatio = Math.max(worstRatio, audit.worstRatio);
    worstGapRatio = Math.max(worstGapRatio, G / path.gapTolerance);
    gradients.push(audit.analysis.gradient);
  }
  return { worstRatio, worstGapRatio, gradients };
}
