/**
 * Independent ridge computations for the ridge tests: plain loops on raw column-major arrays,
 * never calling the library, so a test compares the library's answers with numbers it did not produce.
 *
 * Objective (README, "Ridge (L2)"), weights v normalized to Σv = 1 (v = 1/n without weights):
 *   F(w, b) = ½·Σᵢ vᵢ(yᵢ − b − xᵢᵀw)² + (λ/2)·‖w̃‖²,  w̃_j = w_j·sd_j with standardization, else w_j,
 * sd_j = sqrt(Σᵢ vᵢ(x_ij − x̄_j)²) (weighted, centred, also without an intercept).
 */

export interface RidgeOracleOptions {
  fitIntercept: boolean;
  standardize: boolean;
  weights?: ArrayLike<number> | undefined;
}

function normalized(n: number, weights: ArrayLike<number> | undefined): Float64Array {
  const v = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights ? weights[i]! : 1;
  for (let i = 0; i < n; i++) v[i] = (weights ? weights[i]! : 1) / sum;
  return v;
}

/** Scale of each column (sd_j with standardization, else 1); 0 marks an excluded column. */
export function oracleScales(columns: Float64Array, n: number, p: number, o: RidgeOracleOptions): Float64Array {
  const v = normalized(n, o.weights);
  const scales = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += v[i]! * columns[j * n + i]!;
    let ss = 0;
    let allEqual = true;
    let allZero = true;
    let first = NaN;
    for (let i = 0; i < n; i++) {
      if (v[i] === 0) continue;
      const x = columns[j * n + i]!;
      ss += v[i]! * (x - mean) ** 2;
      if (Number.isNaN(first)) first = x;
      if (x !== first) allEqual = false;
      if (x !== 0) allZero = false;
    }
    const excluded = o.fitIntercept || o.standardize ? allEqual : allZero;
    scales[j] = excluded ? 0 : o.standardize ? Math.sqrt(ss) : 1;
  }
  return scales;
}

/**
 * The relative gradient ‖∇_w̃ F‖₂ / ‖∇_w̃ F(0)‖₂ at (coef, intercept), with the intercept's derivative
 * Σvᵢrᵢ reported separately (relative to Σvᵢ|yᵢ|), and the largest |coef_j| of an excluded column.
 */
export function oracleGradient(
  columns: Float64Array, n: number, p: number, y: ArrayLike<number>, coef: ArrayLike<number>, intercept: number, lambda: number, o: RidgeOracleOptions,
): { relative: number; interceptDerivative: number; excludedCoef: number } {
  const v = normalized(n, o.weights);
  const scales = oracleScales(columns, n, p, o);
  let yMean = 0;
  if (o.fitIntercept) for (let i = 0; i < n; i++) yMean += v[i]! * y[i]!;
  const r = new Float64Array(n);
  const r0 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    r[i] = y[i]! - intercept;
    r0[i] = y[i]! - yMean;
  }
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) r[i]! -= coef[j]! * columns[j * n + i]!;
  let g2 = 0;
  let g02 = 0;
  let excludedCoef = 0;
  for (let j = 0; j < p; j++) {
    const sd = scales[j]!;
    if (sd === 0) {
      excludedCoef = Math.max(excludedCoef, Math.abs(coef[j]!));
      continue;
    }
    let dot = 0;
    let dot0 = 0;
    for (let i = 0; i < n; i++) {
      dot += v[i]! * r[i]! * columns[j * n + i]!;
      dot0 += v[i]! * r0[i]! * columns[j * n + i]!;
    }
    const penalized = coef[j]! * sd;
    g2 += (-dot / sd + lambda * penalized) ** 2;
    g02 += (dot0 / sd) ** 2;
  }
  let sumR = 0;
  let sumAbsY = 0;
  for (let i = 0; i < n; i++) {
    sumR += v[i]! * r[i]!;
    sumAbsY += v[i]! * Math.abs(y[i]!);
  }
  return { relative: Math.sqrt(g2) / Math.sqrt(g02), interceptDerivative: o.fitIntercept ? Math.abs(sumR) / sumAbsY : 0, excludedCoef };
}

/** max|a − b| / max|b|. */
export function relativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return scale === 0 ? diff : diff / scale;
}

/** The rows of column-major X with row `skip` removed, as arrays. */
export function rowsWithout(columns: Float64Array, n: number, p: number, skip: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (i === skip) continue;
    rows.push(Array.from({ length: p }, (_, j) => columns[j * n + i]!));
  }
  return rows;
}
