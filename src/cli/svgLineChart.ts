// A small SVG line chart: d3-scale for the scales and tick values, d3-shape for the path strings.
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';

export interface ChartSeries {
  name: string;
  points: ReadonlyArray<readonly [number, number]>;
  color: string;
  /** Write the name at the series' last point. */
  labelAtEnd?: boolean;
  /** Draw a dot at each point. */
  dots?: boolean;
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  /** Log-scale x axis, decreasing from left to right (λ from λ_max down, as glmnet paths are read). */
  xLogDecreasing: boolean;
  series: ChartSeries[];
  /** Vertical error bars (x, low, high). */
  errorBars?: ReadonlyArray<readonly [number, number, number]>;
  /** Dashed vertical lines with a label, e.g. λ_min and λ_1se. */
  markers?: ReadonlyArray<{ x: number; label: string }>;
  width?: number;
  height?: number;
}

/** Ten distinguishable colours (Tableau 10). */
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** Renders the chart as a standalone SVG document (axes, ticks, axis labels, title). */
export function renderLineChart(spec: ChartSpec): string {
  const width = spec.width ?? 760;
  const height = spec.height ?? 460;
  const margin = { top: 40, right: spec.series.some((s) => s.labelAtEnd) ? 110 : 30, bottom: 56, left: 78 };
  const xs = spec.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = [...spec.series.flatMap((s) => s.points.map((p) => p[1])), ...(spec.errorBars ?? []).flatMap((b) => [b[1], b[2]])];
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  let yMin = Math.min(...ys);
  let yMax = Math.max(...ys);
  if (yMin === yMax) {
    yMin -= 1;
    yMax += 1;
  }
  const x = spec.xLogDecreasing
    ? scaleLog().domain([xMax, xMin === xMax ? xMax / 10 : xMin]).range([margin.left, width - margin.right])
    : scaleLinear().domain([xMin, xMax]).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain([yMin, yMax]).nice().range([height - margin.bottom, margin.top]);
  const f = (v: number): string => (Math.round(v * 100) / 100).toString();
  const parts: string[] = [];
  parts.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  parts.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-size="15">${escapeXml(spec.title)}</text>`);
  // Axes with ticks and grid lines.
  const x0 = margin.left;
  const x1 = width - margin.right;
  const y0 = height - margin.bottom;
  const y1 = margin.top;
  const xTicks = x.ticks(spec.xLogDecreasing ? 6 : 8);
  const xFormat = x.tickFormat(spec.xLogDecreasing ? 6 : 8, spec.xLogDecreasing ? '.2~g' : undefined);
  parts.push(`<g class="x-axis" stroke="#333">`);
  parts.push(`<line x1="${x0}" y1="${y0}" x2="${x1}" y2="${y0}"/>`);
  for (const t of xTicks) {
    const label = xFormat(t);
    if (label === '') continue;
    parts.push(`<line x1="${f(x(t))}" y1="${y0}" x2="${f(x(t))}" y2="${y0 + 5}"/>`);
    parts.push(`<text x="${f(x(t))}" y="${y0 + 18}" text-anchor="middle" stroke="none" fill="#333">${escapeXml(label)}</text>`);
  }
  parts.push(`</g>`);
  parts.push(`<text x="${(x0 + x1) / 2}" y="${height - 14}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`);
  const yTicks = y.ticks(8);
  const yFormat = y.tickFormat(8);
  parts.push(`<g class="y-axis" stroke="#333">`);
  parts.push(`<line x1="${x0}" y1="${y0}" x2="${x0}" y2="${y1}"/>`);
  for (const t of yTicks) {
    parts.push(`<line x1="${x0 - 5}" y1="${f(y(t))}" x2="${x0}" y2="${f(y(t))}"/>`);
    parts.push(`<line x1="${x0}" y1="${f(y(t))}" x2="${x1}" y2="${f(y(t))}" stroke="#eee"/>`);
    parts.push(`<text x="${x0 - 8}" y="${f(y(t) + 4)}" text-anchor="end" stroke="none" fill="#333">${escapeXml(yFormat(t))}</text>`);
  }
  parts.push(`</g>`);
  parts.push(`<text transform="translate(18 ${(y0 + y1) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`);
  for (const m of spec.markers ?? []) {
    const mx = f(x(m.x));
    parts.push(`<line x1="${mx}" y1="${y0}" x2="${mx}" y2="${y1}" stroke="#888" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${mx}" y="${y1 - 4}" text-anchor="middle" fill="#555">${escapeXml(m.label)}</text>`);
  }
  for (const [bx, low, high] of spec.errorBars ?? []) {
    parts.push(`<line x1="${f(x(bx))}" y1="${f(y(low))}" x2="${f(x(bx))}" y2="${f(y(high))}" stroke="#bbb"/>`);
  }
  const path = line<readonly [number, number]>().x((p) => x(p[0])).y((p) => y(p[1]));
  for (const s of spec.series) {
    const d = path(s.points);
    if (d) parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="1.6"><title>${escapeXml(s.name)}</title></path>`);
    if (s.dots) for (const p of s.points) parts.push(`<circle cx="${f(x(p[0]))}" cy="${f(y(p[1]))}" r="2.2" fill="${s.color}"/>`);
  }
  // End labels, pushed apart vertically so that none overlap (12 px apart at least).
  const labels = spec.series
    .filter((s) => s.labelAtEnd && s.points.length > 0)
    .map((s) => {
      const last = s.points[s.points.length - 1]!;
      return { s, lx: x(last[0]) + 6, ly: y(last[1]) + 4 };
    })
    .sort((a, b) => a.ly - b.ly);
  for (let k = 1; k < labels.length; k++) labels[k]!.ly = Math.max(labels[k]!.ly, labels[k - 1]!.ly + 12);
  for (const { s, lx, ly } of labels) parts.push(`<text x="${f(lx)}" y="${f(ly)}" fill="${s.color}">${escapeXml(s.name)}</text>`);
  parts.push(`</svg>`);
  return parts.join('\n') + '\n';
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
