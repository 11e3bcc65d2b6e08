import { describe, expect, it } from 'vitest';
import { DenseMatrix, LogisticRegression, logisticPath } from '../src/index.js';
import { CertificateSweepBounds } from '../src/logistic/certificateSweepBounds.js';
import { selectEngine } from '../src/engine/selectEngine.js';
import type { Engine } from '../src/engine/Engine.js';
import { SeededRandom } from '../src/random/SeededRandom.js';
import { simdSuiteRecordingWarnings } from './helpers/warningRecorder.js';
import { auditLogistic, lassoLogisticLowerBound } from './helpers/logisticOracle.js';
import { cscFromColumns } from './helpers/syntheticRegression.js';

/**
 * A logistic certificate sweeps only the columns whose correlation with its dual points may reach
 * 0.9·l1, bounded from the last full sweep by Cauchy–Schwarz (src/logistic/certificateSweepBounds.ts).
 * Checked here: the bound against direct correlations, the plan's choices, and a text-like path
 * whose certificates skip columns yet satisfy KKT and bound F − F* from above.
 */

/** A text-like problem: column j stores ~ min(0.8, 3·(j+1)^−1.1) of the rows, log(1 + count) values. */
function textLike(seed: number, n: number, p: number) {
  const rng = new SeededRandom(seed);
  const columns = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const density = Math.min(0.8, 3 * (j + 1) ** -1.1);
    for (let i = 0; i < n; i++) if (rng.uniform() < density) columns[j * n + i] = Math.log(2 + Math.floor(3 * rng.uniform()));
  }
  // Labels from a sparse model on frequent columns.
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = -0.2;
    for (let j = 0; j < 30; j += 3) eta += (j % 2 === 0 ? 1.5 : -1.5) * columns[j * n + i]!;
    labels[i] = rng.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { n, p, columns, labels, y: labels };
}

describe('CertificateSweepBounds', () => {
  const n = 60;
  const p = 40;
  const problem = textLike(3, n, p);
  // Observation weights with zeros (a fold's held-out rows), Σν = 1.
  const rng = new SeededRandom(4);
  const raw = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : 0.5 + rng.uniform()));
  const total = raw.reduce((a, b) => a + b, 0);
  const nu = raw.map((v) => v / total);
  // x̃_j = (x_j − ν-mean_j)·s_j with arbitrary scales s_j, and Σν x̃²: what the session gives.
  const scale = Float64Array.from({ length: p }, () => 0.5 + rng.uniform());
  const xt = (j: number, i: number) => {
    let mean = 0;
    for (let r = 0; r < n; r++) mean += nu[r]! * problem.columns[j * n + r]!;
    return (problem.columns[j * n + i]! - mean) * scale[j]!;
  };
  const normSq = Float64Array.from({ length: p }, (_, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += nu[i]! * xt(j, i) ** 2;
    return s;
  });
  const correlation = (theta: Float64Array, j: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += xt(j, i) * theta[i]!;
    return s;
  };
  const dualPoint = (spread: number) => Float64Array.from({ length: n }, (_, i) => (nu[i] === 0 ? 0 : nu[i]! * spread * (rng.uniform() - 0.5)));

  for (const [name, X] of [['dense', DenseMatrix.fromColumnMajor(problem.columns, n, p)], ['CSC', cscFromColumns(problem.columns, n, p)]] as const) {
    it(`${name}: |x̃ᵀθ| ≤ |x̃ᵀθ_a| + ‖x̃‖_ν·‖θ − θ_a‖_{1/ν} for every column and dual point`, () => {
      const anchor = dualPoint(1);
      let tight = 0;
      for (const spread of [0.01, 0.3, 2]) {
        // (A fresh object for each point: with the anchor alone, no recent point.)
        const bounds = new CertificateSweepBounds(X, normSq, nu);
        bounds.anchorAt(anchor, Float64Array.from({ length: p }, (_, j) => correlation(anchor, j)));
        const theta = dualPoint(spread);
        for (let i = 0; i < n; i++) theta[i] = theta[i]! + anchor[i]!;
        const { anchor: d, recent: noRecent } = bounds.distance(theta);
        let expectedSq = 0;
        for (let i = 0; i < n; i++) if (nu[i]! > 0) expectedSq += (theta[i]! - anchor[i]!) ** 2 / nu[i]!;
        expect(d).toBeCloseTo(Math.sqrt(expectedSq), 14);
        // (No recent point yet.)
        expect(noRecent).toBe(Infinity);
        // A scaled point, and the larger distance of two points in one pass.
        expect(bounds.distance(theta.map((t) => t / 4), 4).anchor).toBeCloseTo(d, 14);
        expect(bounds.distance(anchor, 1, theta).anchor).toBeCloseTo(d, 14);
        expect(bounds.distance(theta, 1, anchor).anchor).toBeCloseTo(d, 14);
        expect(bounds.distance(anchor).anchor).toBe(0);
        const { columns, share, skippedMax } = bounds.plan({ anchor: d, recent: Infinity }, new Float64Array(p), new Float64Array(p).fill(1), 1e9);
        // (The sweep of no column, remembered: the plan's bounds are then what is known at θ.)
        bounds.remember(theta, 1, new Float64Array(p), columns);
        // A cutoff no bound reaches: nothing to sweep; skippedMax bounds every column's bound, and a
        // column's bound (its block's here: the 40 columns make one block, skipped whole) at least
        // the Cauchy–Schwarz bound, which holds.
        expect(columns?.length).toBe(0);
        expect(share).toBe(0);
        let largest = 0;
        for (let j = 0; j < p; j++) {
          const bound = Math.abs(correlation(anchor, j)) + Math.sqrt(normSq[j]!) * d;
          expect(bounds.skippedBound(j)).toBeGreaterThanOrEqual(bound * (1 - 1e-12));
          largest = Math.max(largest, bounds.skippedBound(j));
          const exact = Math.abs(correlation(theta, j));
          expect(exact).toBeLessThanOrEqual(bound * (1 + 1e-12) + 1e-15);
          if (exact > 0.5 * bound) tight++;
        }
        expect(skippedMax).toBeGreaterThanOrEqual(largest);
        expect(skippedMax).toBeLessThanOrEqual(Math.max(...Array.from({ length: p }, (_, j) => Math.abs(correlation(anchor, j)))) + Math.sqrt(Math.max(...normSq)) * d);
      }
      // Not vacuous: some bounds are within a factor 2.
      expect(tight).toBeGreaterThan(0);
    });

    it(`${name}: a recent point's known correlations bound the next dual points more tightly, and every bound holds`, () => {
      const bounds = new CertificateSweepBounds(X, normSq, nu);
      const anchor = dualPoint(1);
      bounds.anchorAt(anchor, Float64Array.from({ length: p }, (_, j) => correlation(anchor, j)));
      const w = new Float64Array(p);
      const invScale = new Float64Array(p).fill(1);
      const norm = (j: number) => Math.sqrt(normSq[j]!);
      const dist = (a: Float64Array, b: Float64Array) => Math.sqrt(a.reduce((sum, x, i) => sum + (nu[i]! > 0 ? (x - b[i]!) ** 2 / nu[i]! : 0), 0));
      // A recent point far from the anchor, certified by a planned sweep (its columns computed
      // exactly into the gradient array; the others bounded by the plan), then remembered.
      const recent = anchor.map((a, i) => a + (nu[i] === 0 ? 0 : nu[i]! * 0.8 * Math.sin(i)));
      const sorted = Array.from({ length: p }, (_, j) => Math.abs(correlation(recent, j))).sort((a, b) => a - b);
      const l1 = sorted[Math.floor(0.75 * p)]! / 0.9;
      const first = bounds.plan(bounds.distance(recent.map((r) => r / 2), 2), w, invScale, l1);
      const sweptFirst = first.columns === undefined ? Array.from({ length: p }, (_, j) => j) : Array.from(first.columns);
      const g = new Float64Array(p);
      for (const j of sweptFirst) g[j] = correlation(recent, j);
      bounds.remember(recent.map((r) => r / 2), 2, g, first.columns);
      // What is known at the recent point holds there.
      for (let j = 0; j < p; j++) {
        if (sweptFirst.includes(j)) continue;
        expect(Math.abs(correlation(recent, j))).toBeLessThanOrEqual(bounds.skippedBound(j) * (1 + 1e-12) + 1e-15);
      }
      // Two dual points near the recent one.
      const theta = recent.map((r, i) => r + (nu[i] === 0 ? 0 : nu[i]! * 0.01 * Math.cos(3 * i)));
      const other = recent.map((r, i) => r - (nu[i] === 0 ? 0 : nu[i]! * 0.02 * Math.sin(5 * i)));
      const d = bounds.distance(theta, 1, other);
      expect(d.anchor).toBeCloseTo(Math.max(dist(theta, anchor), dist(other, anchor)), 12);
      expect(d.recent).toBeCloseTo(Math.max(dist(theta, recent), dist(other, recent)), 12);
      expect(d.recent).toBeLessThan(0.2 * d.anchor);
      const known = (j: number) => (sweptFirst.includes(j) ? Math.abs(g[j]!) : bounds.skippedBound(j));
      const bound = (j: number) => Math.min(Math.abs(correlation(anchor, j)) + norm(j) * d.anchor, known(j) + norm(j) * d.recent);
      const plan = bounds.plan(d, w, invScale, l1);
      const expected = Array.from({ length: p }, (_, j) => j).filter((j) => bound(j) >= 0.9 * l1);
      expect(Array.from(plan.columns!)).toEqual(expected);
      const exact = (j: number) => Math.max(Math.abs(correlation(theta, j)), Math.abs(correlation(other, j)));
      let helped = 0;
      for (let j = 0; j < p; j++) {
        if (expected.includes(j)) continue;
        // Both dual points' correlations stay below the bound, and so below skippedMax < 0.9·l1.
        expect(exact(j)).toBeLessThanOrEqual(bound(j) * (1 + 1e-12) + 1e-15);
        expect(bound(j)).toBeLessThanOrEqual(plan.skippedMax * (1 + 1e-12));
        if (Math.abs(correlation(anchor, j)) + norm(j) * d.anchor >= 0.9 * l1) helped++;
      }
      expect(plan.skippedMax).toBeLessThan(0.9 * l1);
      // Not vacuous: the recent point let some column go unswept that the anchor alone would sweep.
      expect(helped).toBeGreaterThan(0);
    });

    it(`${name}: the plan sweeps the support and the columns whose bound reaches 0.9·l1, or everything past 70 % of the entries`, () => {
      const bounds = new CertificateSweepBounds(X, normSq, nu);
      // No anchor yet, or l1 = 0: a full sweep.
      expect(bounds.plan({ anchor: 0, recent: Infinity }, new Float64Array(p), new Float64Array(p).fill(1), 1).columns).toBeUndefined();
      const anchor = dualPoint(1);
      const gA = Float64Array.from({ length: p }, (_, j) => correlation(anchor, j));
      bounds.anchorAt(anchor, gA);
      expect(bounds.plan({ anchor: 0, recent: Infinity }, new Float64Array(p), new Float64Array(p).fill(1), 0).columns).toBeUndefined();
      const w = new Float64Array(p);
      w[p - 1] = 0.3; // a rare column in the support
      const invScale = new Float64Array(p).fill(1);
      invScale[5] = 0; // an excluded column
      const l1 = 0.5 * Math.max(...gA.map(Math.abs));
      const d = 0.01;
      const { columns, share, skippedMax } = bounds.plan({ anchor: d, recent: Infinity }, w, invScale, l1);
      bounds.remember(anchor, 1, gA, columns);
      const stored = (j: number) => (X.storage instanceof Float64Array ? n : X.storage.indptr[j + 1]! - X.storage.indptr[j]!);
      const expected = Array.from({ length: p }, (_, j) => j).filter(
        (j) => w[j] !== 0 || (invScale[j] !== 0 && Math.abs(gA[j]!) + Math.sqrt(normSq[j]!) * d >= 0.9 * l1),
      );
      const totalStored = Array.from({ length: p }, (_, j) => stored(j)).reduce((a, b) => a + b, 0);
      const expectedShare = expected.reduce((a, j) => a + stored(j), 0) / totalStored;
      // (A restricted sweep here: the case under test.)
      expect(expectedShare).toBeLessThanOrEqual(0.7);
      expect(Array.from(columns!)).toEqual(expected);
      expect(share).toBeCloseTo(expectedShare, 14);
      expect(columns!.includes(p - 1)).toBe(true);
      // skippedMax bounds every unswept column's bound and stays below the cutoff.
      let largest = 0;
      for (let j = 0; j < p; j++) {
        if (expected.includes(j) || invScale[j] === 0) continue;
        const bound = Math.abs(gA[j]!) + Math.sqrt(normSq[j]!) * d;
        expect(bounds.skippedBound(j)).toBeCloseTo(bound, 14);
        largest = Math.max(largest, bound);
      }
      expect(skippedMax).toBeGreaterThanOrEqual(largest);
      expect(skippedMax).toBeLessThan(0.9 * l1);
      // A huge distance makes every bound reach the cutoff: a full sweep.
      expect(bounds.plan({ anchor: 1e6, recent: Infinity }, w, invScale, l1).columns).toBeUndefined();
    });
  }
});

describe('CertificateSweepBounds over blocks of columns', () => {
  it('skips whole blocks only where every column would be skipped; the plan equals the per-column rule', () => {
    const n = 30;
    const p = 300; // five blocks of 64, the last partial
    const rng = new SeededRandom(21);
    const columns = Float64Array.from({ length: n * p }, () => (rng.uniform() < 0.2 ? rng.uniform() : 0));
    const X = cscFromColumns(columns, n, p);
    // Large norms and correlations in blocks 0 and 3 only; block 2 holds one support column.
    const normSq = Float64Array.from({ length: p }, (_, j) => ((j < 64 || (j >= 192 && j < 256)) ? 1 : 1e-4) * (0.5 + rng.uniform()));
    const gA = Float64Array.from({ length: p }, (_, j) => ((j < 64 || (j >= 192 && j < 256)) ? 1 : 0.01) * (rng.uniform() - 0.5));
    const nu = new Float64Array(n).fill(1 / n);
    const bounds = new CertificateSweepBounds(X, normSq, nu);
    bounds.anchorAt(new Float64Array(n), gA);
    const w = new Float64Array(p);
    w[150] = -0.2;
    const invScale = new Float64Array(p).fill(1);
    for (const l1 of [0.05, 0.3, 0.6]) {
      for (const d of [0, 0.05, 0.5]) {
        const plan = bounds.plan({ anchor: d, recent: Infinity }, w, invScale, l1);
        const bound = (j: number) => Math.abs(gA[j]!) + Math.sqrt(normSq[j]!) * d;
        const expected = Array.from({ length: p }, (_, j) => j).filter((j) => w[j] !== 0 || bound(j) >= 0.9 * l1);
        if (plan.columns === undefined) {
          // (A full sweep: only when the restricted one would read over 70 % of the entries.)
          expect(plan.share).toBe(1);
          continue;
        }
        expect(Array.from(plan.columns)).toEqual(expected);
        const skipped = Array.from({ length: p }, (_, j) => j).filter((j) => !expected.includes(j));
        expect(plan.skippedMax).toBeGreaterThanOrEqual(Math.max(0, ...skipped.map(bound)));
        expect(plan.skippedMax).toBeLessThan(0.9 * l1);
      }
    }
    // A new anchor whose correlations are large in block 1: its columns are swept again.
    const gB = gA.map((g, j) => (j >= 64 && j < 128 && j % 5 === 0 ? 0.4 : g));
    bounds.anchorAt(new Float64Array(n), gB);
    const plan = bounds.plan({ anchor: 0, recent: Infinity }, w, invScale, 0.3);
    expect(Array.from(plan.columns!)).toEqual(Array.from({ length: p }, (_, j) => j).filter((j) => w[j] !== 0 || Math.abs(gB[j]!) >= 0.27));
    expect(plan.columns!.some((j) => j >= 64 && j < 128)).toBe(true);
  });
});

describe('a logistic path on text-like data certifies with restricted sweeps', () => {
  const warnings = simdSuiteRecordingWarnings();
  const problem = textLike(7, 300, 1500);

  it('sweeps skip columns, yet every λ satisfies KKT and its gap bounds F − F* from above', () => {
    const { columns, n, p, labels } = problem;
    const engine: Engine = selectEngine('wasm');
    const open = engine.openSession.bind(engine);
    let restricted = 0;
    let full = 0;
    engine.openSession = (request) => {
      const session = open(request);
      const correlate = session.correlate.bind(session);
      session.correlate = (vectors, into, cols) => {
        if (cols) restricted++;
        else full++;
        return correlate(vectors, into, cols);
      };
      return session;
    };
    let path: ReturnType<typeof logisticPath>;
    try {
      path = logisticPath(cscFromColumns(columns, n, p), labels, { nLambda: 40, tol: 1e-9 });
    } finally {
      engine.openSession = open;
    }
    expect(restricted).toBeGreaterThan(full);
    for (let k = 0; k < path.length; k++) {
      expect(path.converged[k]).toBe(true);
      const audit = auditLogistic(columns, n, p, labels, path.coefAt(k), path.intercepts[k]!, path.lambdas[k]!, 1);
      expect(audit.relativeKkt).toBeLessThan(1e-4);
    }
    // F − F* ≤ gap at a few λ, F* pinned by a tight fit and an independent dual bound.
    for (const k of [5, 20, path.length - 1]) {
      const lambda = path.lambdas[k]!;
      const tight = new LogisticRegression({ lambda, tol: 1e-13 }).fit(DenseMatrix.fromColumnMajor(columns, n, p), labels);
      const fTight = auditLogistic(columns, n, p, labels, tight.coef, tight.intercept, lambda, 1).objective;
      expect(fTight - lassoLogisticLowerBound(columns, n, p, labels, tight.coef, tight.intercept, lambda)).toBeLessThan(1e-10);
      const f = auditLogistic(columns, n, p, labels, path.coefAt(k), path.intercepts[k]!, lambda, 1).objective;
      expect(path.dualGaps[k]!).toBeGreaterThanOrEqual(f - fTight - 1e-14);
    }
    expect(warnings).toEqual([]);
  });
});
