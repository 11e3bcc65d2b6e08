/**
 * Which certificate a fit's `dualGap` (a path's `dualGaps`) holds:
 * - `'dualityGap'`: the duality gap, an upper bound on F(w) − min F (tolerance tol·F(0));
 * - `'kktResidual'`: the largest KKT residual max_j dist(g_j − λ(1−α)v_j·w_j, λαv_j·∂|w_j| + N_[L_j,U_j](w_j)),
 *   used when a feature with penalty factor 0 has an unbounded side, so that no scaled residual is a
 *   feasible dual point (tolerance tol·max_j|g_j(0)|).
 *
 * @example
 * ```ts
 * const model = new Lasso({ lambda: 0.1, penaltyFactor: [0, 1, 1] }).fit(X, y);
 * model.certificate; // 'kktResidual' (feature 0 is unpenalized and unbounded)
 * ```
 */
export type CertificateKind = 'dualityGap' | 'kktResidual';
