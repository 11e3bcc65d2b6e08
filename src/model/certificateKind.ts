/**
 * Which certificate a fit's `dualGap` (a path's `dualGaps`) holds:
 * - `'dualityGap'`: the duality gap, an upper bound on F(w) − min F (tolerance tol·F(0));
 * - `'kktResidual'`: the largest KKT residual max_j dist(g_j − λ(1−α)v_j·w_j, λαv_j·∂|w_j| + N_[L_j,U_j](w_j)),
 *   used when a feature with penalty factor 0 is bounded on one side only (or unpenalized features
 *   are collinear), so that no dual point is at hand (tolerance tol·max_j|g_j(0)|).
 *
 * @example
 * ```ts
 * new Lasso({ lambda: 0.1, penaltyFactor: [0, 1, 1] }).fit(X, y).certificate;                 // 'dualityGap' (projected dual point)
 * new Lasso({ lambda: 0.1, penaltyFactor: [0, 1, 1], positive: true }).fit(X, y).certificate; // 'kktResidual'
 * ```
 */
export type CertificateKind = 'dualityGap' | 'kktResidual';
