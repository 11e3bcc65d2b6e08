// Line charts drawn with d3 (scales, axes, line generator): the paths, CV and sparse panels use it.
import { select, scaleLinear, axisBottom, axisLeft, line, extent } from 'd3';

export interface Series {
  name: string;
  color: string;
  points: Array<[number, number]>;
  /** Optional ± band drawn as error bars at each point. */
  errors?: number[];
  /** Draw markers instead of only a line. */
  markers?: boolean;
}

export interface VerticalLine {
  x: number;
  label: string;
}

export interface LineChartSpec {
  width?: number;
  height?: number;
  xLabel: string;
  yLabel: string;
  series: Series[];
  verticalLines?: VerticalLine[];
  /** Label each series at its last point (coefficient paths). */
  endLabels?: boolean;
  /** Accessible description of the chart. */
  title: string;
  xDomain?: [number, number];
}

/** Replaces the contents of `container` by an SVG chart of the series. */
export function drawLineChart(container: HTMLElement, spec: LineChartSpec): void {
  const width = spec.width ?? 560;
  const height = spec.height ?? 340;
  const margin = { top: 14, right: spec.endLabels ? 62 : 16, bottom: 42, left: 64 };
  const xs = spec.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = spec.series.flatMap((s) => s.points.flatMap((p, i) => {
    const e = s.errors?.[i] ?? 0;
    return [p[1] - e, p[1] + e];
  }));
  const xDomain = spec.xDomain ?? (extent(xs) as [number, number]);
  const [yMin, yMax] = extent(ys) as [number, number];
  const pad = (yMax - yMin || 1) * 0.05;
  const x = scaleLinear().domain(xDomain).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain([yMin - pad, yMax + pad]).nice().range([height - margin.bottom, margin.top]);

  const root = select(container);
  root.selectAll('*').remove();
  const svg = root.append('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height)
    .attr('role', 'img').attr('aria-label', spec.title);
  svg.append('g').attr('transform', `translate(0,${height - margin.bottom})`).call(axisBottom(x).ticks(8));
  svg.append('g').attr('transform', `translate(${margin.left},0)`).call(axisLeft(y).ticks(6));
  svg.append('text').attr('class', 'axis-label').attr('x', (margin.left + width - margin.right) / 2).attr('y', height - 8)
    .attr('text-anchor', 'middle').text(spec.xLabel);
  svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${(margin.top + height - margin.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle').text(spec.yLabel);
  if (yMin - pad < 0 && yMax + pad > 0) {
    svg.append('line').attr('x1', margin.left).attr('x2', width - margin.right).attr('y1', y(0)).attr('y2', y(0)).attr('stroke', '#c8ced6');
  }
  for (const v of spec.verticalLines ?? []) {
    svg.append('line').attr('x1', x(v.x)).attr('x2', x(v.x)).attr('y1', margin.top).attr('y2', height - margin.bottom)
      .attr('stroke', '#555').attr('stroke-dasharray', '4 3');
    svg.append('text').attr('x', x(v.x) + 3).attr('y', margin.top + 10).text(v.label);
  }
  const path = line<[number, number]>().x((p) => x(p[0])).y((p) => y(p[1]));
  for (const s of spec.series) {
    if (s.errors) {
      svg.append('g').selectAll('line').data(s.points).join('line')
        .attr('x1', (p) => x(p[0])).attr('x2', (p) => x(p[0]))
        .attr('y1', (p, i) => y(p[1] - s.errors![i]!)).attr('y2', (p, i) => y(p[1] + s.errors![i]!))
        .attr('stroke', '#b8c0ca');
    }
    svg.append('path').attr('d', path(s.points)).attr('fill', 'none').attr('stroke', s.color).attr('stroke-width', 1.6)
      .append('title').text(s.name);
    if (s.markers) {
      svg.append('g').selectAll('circle').data(s.points).join('circle')
        .attr('cx', (p) => x(p[0])).attr('cy', (p) => y(p[1])).attr('r', 2.2).attr('fill', s.color);
    }
    if (spec.endLabels && s.points.length > 0) {
      const last = s.points[s.points.length - 1]!;
      svg.append('text').attr('x', x(last[0]) + 4).attr('y', y(last[1]) + 4).attr('fill', s.color).style('fill', s.color).text(s.name);
    }
  }
}
