import type { PreparedRidge } from './PreparedRidge.js';
import type { RidgeDecomposition } from './RidgeDecomposition.js';

/**
 * @internal Leave-one-out or generalized cross-validation scores for every λ of a grid from ONE
 * eigendecomposition (scikit-learn's RidgeCV "GCV mode" idea), no refits.
 *
 * Ridge is a linear smoother: the fitted values are ŷ = H·y with H = 1vᵀ + X̃(X̃ᵀVX̃ + λI)⁻¹X̃ᵀV
 * (the 1vᵀ term only with an intercept). Writing the symmetric part through the decomposition,
 * H̃ = Z(ZᵀZ + λI)⁻¹Zᵀ = M·diag(f(λ))·Mᵀ with
 * - primal (ZᵀZ = QΛQᵀ): M = ZQ, f_k = 1/(s_k + λ);
 * - dual (ZZᵀ = UΣUᵀ):   M = U,  f_k = s_k/(s_k + λ),
 * so the diagonal h̃_i = Σ_k f_k·M_ik² and the fitted values ĉ = M·(f ∘ Mᵀc) cost O(n·r) per λ.
 * Exact leave-one-out residuals of a penalized least-squares smoother are (yᵢ − ŷᵢ)/(1 − H_ii), with
 * H_ii = vᵢ·[intercept] + h̃_i, hence
 *
 *   LOO(λ) = Σᵢ vᵢ·((yᵢ − ŷᵢ)/(1 − H_ii))²          (weighted mean squared LOO error)
 *   GCV(λ) = Σᵢ vᵢ·(yᵢ − ŷᵢ)² / (1 − tr(H)/n₊)²     (n₊ = samples with positive weight)
 *
 * averaged over targets. vᵢ(yᵢ − ŷᵢ)² = (cᵢ − ĉᵢ)² in the scaled space. The LOO identity is exact for
 * the refit that drops sample i's term from the objective with λ and the column scaling unchanged: for
 * equal weights, a fit on the other n − 1 samples with λ·n/(n − 1).
 */
export function smootherScores(prep: PreparedRidge, decomposition: RidgeDecomposition, lambdas: Float64Array, mode: 'loo' | 'gcv', v: Float64Array, fitIntercept: boolean): Float64Array {
  const { backend: be, handle, n, p, k } = prep;
  const primal = decomposition.form === 'primal';
  const r = decomposition.m;
  const M = primal ? be.designTimes(handle, decomposition.vectors, p) : decomposition.vectors;
  const c = be.read(prep.c);
  const z = decomposition.projected;
  let nPositive = 0;
  for (let i = 0; i < n; i++) if (v[i]! > 0) nPositive++;
  const scores = new Float64Array(lambdas.length);
  const fz = be.alloc(r);
  const fitted = be.alloc(n);
  lambdas.forEach((lambda, l) => {
    const filter = decomposition.filter(lambda);
    const f = primal ? filter : filter.map((x, q) => x * decomposition.values[q]!);
    const h = be.weightedRowSquares(M, n, r, f);
    let trace = fitIntercept ? 1 : 0;
    for (let i = 0; i < n; i++) trace += h[i]!;
    let total = 0;
    for (let t = 0; t < k; t++) {
      be.write(fz, f.map((x, q) => x * z[t * r + q]!));
      be.matVec(M, n, r, fz, fitted);
      const cHat = be.read(fitted);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const e = c[t * n + i]! - cHat[i]!;
        if (mode === 'loo') {
          const leverage = (fitIntercept ? v[i]! : 0) + h[i]!;
          sum += (e / (1 - leverage)) ** 2;
        } else sum += e * e;
      }
      total += mode === 'loo' ? sum : sum / (1 - trace / nPositive) ** 2;
    }
    scores[l] = total / k;
  });
  return scores;
}
