// Panel 1: the geometry of L1 vs L2. Loss contours of a 2-feature problem whose unconstrained
// optimum ŵ the user drags, the region of radius t (L1 diamond, L2 disc, elastic-net rounded
// diamond), and the constrained optimum w*(t) computed by the library (constrainedOptimum.ts).
// Contours and shapes are drawn with d3 (contours, geoPath, scales, drag).
import { select, scaleLinear, axisBottom, axisLeft, contours, geoPath, geoTransform, drag, range, line } from 'd3';
import { constrainedOptimum, regionLevel, regionPenalty, twoFeatureProblem, DEFAULT_OPTIMUM, ENET_L1_RATIO, FEATURE_CORRELATION, type RegionKind } from './constrainedOptimum.js';
import { el, formatNumber } from './dom.js';

const SIZE = 480;
const MARGIN = 36;
const DOMAIN = 3;
const GRID = 180;
/** The contour grid reaches past the plot, so d3-contour's closing edges along the grid border fall outside the clip. */
const GRID_EXTENT = DOMAIN * 1.3;
const RHO = FEATURE_CORRELATION;

export function mountGeometryPanel(section: HTMLElement): void {
  section.innerHTML = `
    <h2 id="geometry-title">1. Why L1 gives exact zeros and L2 does not</h2>
    <p class="lead">Ellipses: contour lines of the squared loss of a two-feature problem, centred on its unconstrained optimum ŵ
      (drag the blue point, or focus it and use the arrow keys). Shaded: the region of radius t. The red point is the
      constrained optimum w*(t) — where the contours first touch the region — computed by the library's constrained solver
      <code>fitConstrained</code> (the elastic-net region, for which there is none, by <code>ElasticNet</code> at the multiplier
      λ*(t)). For L1 it lands on a corner (a coordinate exactly 0) for a wide range of t; for L2 it almost never does.</p>
    <div class="controls">
      <fieldset><legend>Region</legend>
        <label><input type="radio" name="geometry-kind" value="l1" checked> L1 diamond</label>
        <label><input type="radio" name="geometry-kind" value="l2"> L2 disc</label>
        <label><input type="radio" name="geometry-kind" value="enet"> Elastic net (α = ${ENET_L1_RATIO})</label>
      </fieldset>
      <label for="geometry-t">Radius t: <output id="geometry-t-value" for="geometry-t"></output>
        <input id="geometry-t" type="range" min="0.02" max="3" step="0.01" value="1"></label>
      <label>ŵ₁ <input id="geometry-w1" type="number" min="-2.8" max="2.8" step="0.1" value="${DEFAULT_OPTIMUM[0]}"></label>
      <label>ŵ₂ <input id="geometry-w2" type="number" min="-2.8" max="2.8" step="0.1" value="${DEFAULT_OPTIMUM[1]}"></label>
    </div>
    <div class="row">
      <div id="geometry-plot"></div>
      <dl class="readout" id="geometry-readout" aria-live="polite"></dl>
    </div>`;

  const plot = el(section, '#geometry-plot');
  const readout = el(section, '#geometry-readout');
  const tInput = el<HTMLInputElement>(section, '#geometry-t');
  const tOutput = el<HTMLOutputElement>(section, '#geometry-t-value');
  const w1Input = el<HTMLInputElement>(section, '#geometry-w1');
  const w2Input = el<HTMLInputElement>(section, '#geometry-w2');
  const state = { optimum: [...DEFAULT_OPTIMUM] as [number, number], kind: 'l1' as RegionKind, t: 1 };

  const x = scaleLinear().domain([-DOMAIN, DOMAIN]).range([MARGIN, SIZE - MARGIN / 2]);
  const y = scaleLinear().domain([-DOMAIN, DOMAIN]).range([SIZE - MARGIN, MARGIN / 2]);
  // Grid cell (i, j) ↦ plot coordinates, for d3-contour's output.
  const gridToPlot = geoPath(geoTransform({
    point(i: number, j: number) {
      this.stream.point(x(-GRID_EXTENT + (2 * GRID_EXTENT * i) / GRID), y(-GRID_EXTENT + (2 * GRID_EXTENT * j) / GRID));
    },
  }));
  const svg = select(plot).append('svg').attr('viewBox', `0 0 ${SIZE} ${SIZE}`).attr('width', SIZE).attr('height', SIZE)
    .attr('role', 'group').attr('aria-label', 'Loss contours, the constraint region and the constrained optimum in the (w1, w2) plane');
  svg.append('g').attr('transform', `translate(0,${y(0)})`).call(axisBottom(x).ticks(6)).attr('color', '#8a939e');
  svg.append('g').attr('transform', `translate(${x(0)},0)`).call(axisLeft(y).ticks(6)).attr('color', '#8a939e');
  svg.append('text').attr('x', SIZE - MARGIN / 2).attr('y', y(0) - 6).attr('text-anchor', 'end').attr('class', 'axis-label').text('w₁');
  svg.append('text').attr('x', x(0) + 6).attr('y', MARGIN / 2 + 10).attr('class', 'axis-label').text('w₂');
  svg.append('clipPath').attr('id', 'geometry-clip').append('rect')
    .attr('x', x(-DOMAIN)).attr('y', y(DOMAIN)).attr('width', x(DOMAIN) - x(-DOMAIN)).attr('height', y(-DOMAIN) - y(DOMAIN));
  const regionLayer = svg.append('g').attr('clip-path', 'url(#geometry-clip)')
    .attr('fill', 'rgba(31, 95, 191, 0.13)').attr('stroke', '#1f5fbf').attr('stroke-width', 1.5);
  const contourLayer = svg.append('g').attr('clip-path', 'url(#geometry-clip)');
  const touchLayer = svg.append('g').attr('clip-path', 'url(#geometry-clip)');
  const handle = svg.append('g').attr('class', 'handle').attr('tabindex', 0).attr('role', 'button')
    .attr('aria-label', 'Unconstrained optimum ŵ: drag, or use the arrow keys to move it');
  handle.append('circle').attr('r', 9).attr('fill', '#1f5fbf').attr('stroke', '#fff').attr('stroke-width', 2);
  handle.append('text').attr('x', 11).attr('y', -9).text('ŵ').style('font-size', '14px');
  const star = svg.append('g');
  star.append('circle').attr('r', 6).attr('fill', '#c0392b').attr('stroke', '#fff').attr('stroke-width', 1.5);
  star.append('text').attr('x', 8).attr('y', -8).text('w*(t)').style('font-size', '13px').style('fill', '#c0392b');

  const loss = (w1: number, w2: number) => {
    const d1 = w1 - state.optimum[0];
    const d2 = w2 - state.optimum[1];
    return 0.5 * (d1 * d1 + 2 * RHO * d1 * d2 + d2 * d2);
  };
  const gridValues = (f: (w1: number, w2: number) => number) => {
    const values = new Float64Array((GRID + 1) * (GRID + 1));
    for (let j = 0; j <= GRID; j++) for (let i = 0; i <= GRID; i++) values[j * (GRID + 1) + i] = f(-GRID_EXTENT + (2 * GRID_EXTENT * i) / GRID, -GRID_EXTENT + (2 * GRID_EXTENT * j) / GRID);
    return values;
  };
  const contourGenerator = contours().size([GRID + 1, GRID + 1]);

  const render = () => {
    const { kind, t } = state;
    const problem = twoFeatureProblem(state.optimum, RHO);
    const result = constrainedOptimum(problem, kind, t);
    const [w1, w2] = result.w;

    // The region {P(w) ≤ P(t·e₁)}: L1 and L2 drawn from their exact shapes, the elastic net as a d3 contour of P.
    regionLayer.selectAll('*').remove();
    if (kind === 'l1') {
      regionLayer.append('path').attr('d', line()([[x(t), y(0)], [x(0), y(t)], [x(-t), y(0)], [x(0), y(-t)]])! + 'Z');
    } else if (kind === 'l2') {
      regionLayer.append('ellipse').attr('cx', x(0)).attr('cy', y(0)).attr('rx', x(t) - x(0)).attr('ry', y(0) - y(t));
    } else {
      const level = regionLevel(kind, t);
      // Contours of −P: d3 fills where the value is ≥ the threshold, i.e. inside the region.
      const [shape] = contourGenerator.thresholds([-level])(Array.from(gridValues((a, b) => -regionPenalty(kind, a, b))));
      regionLayer.append('path').attr('d', gridToPlot(shape!) ?? '');
    }

    // Loss contours (of −loss, so each contour is the inside of an ellipse): levels spaced
    // geometrically, plus the level through w* (highlighted).
    const values = Array.from(gridValues((a, b) => -loss(a, b)));
    const touchLevel = loss(w1, w2);
    const levels = range(1, 14).map((k) => -0.02 * 1.6 ** k).reverse();
    contourLayer.selectAll('path').data(contourGenerator.thresholds(levels)(values)).join('path')
      .attr('d', (c) => gridToPlot(c) ?? '').attr('fill', 'none').attr('stroke', '#9aa3ad').attr('stroke-width', 0.8);
    touchLayer.selectAll('*').remove();
    if (touchLevel > 1e-9) {
      const [touch] = contourGenerator.thresholds([-touchLevel])(values);
      touchLayer.append('path').attr('d', gridToPlot(touch!) ?? '').attr('fill', 'none').attr('stroke', '#c0392b').attr('stroke-dasharray', '5 3');
    }
    handle.attr('transform', `translate(${x(state.optimum[0])},${y(state.optimum[1])})`);
    star.attr('transform', `translate(${x(w1)},${y(w2)})`);

    tOutput.textContent = `${t.toFixed(2)}   (λ*(t) = ${formatNumber(result.lambda)})`;
    const coord = (v: number, name: string) => (v === 0 ? `<span class="zero">${name} = 0 (exactly)</span>` : `${name} = ${v.toPrecision(6)}`);
    readout.innerHTML = `
      <dt>Region</dt><dd>${kind === 'l1' ? '‖w‖₁ ≤ t (diamond)' : kind === 'l2' ? '‖w‖₂ ≤ t (disc)' : `${ENET_L1_RATIO}‖w‖₁ + ${(1 - ENET_L1_RATIO) / 2}‖w‖₂² ≤ ${formatNumber(regionLevel(kind, t))}`}</dd>
      <dt>Radius t</dt><dd>${t.toFixed(2)}</dd>
      <dt>Equivalent penalty λ*(t)</dt><dd id="geometry-lambda">${formatNumber(result.lambda)}</dd>
      <dt>Constrained optimum w*(t)</dt><dd id="geometry-wstar">${coord(w1, 'w₁')}<br>${coord(w2, 'w₂')}</dd>
      <dt>Unconstrained optimum ŵ</dt><dd>(${state.optimum[0].toFixed(2)}, ${state.optimum[1].toFixed(2)})</dd>
      <dt>Computed by</dt><dd style="font-weight:400">${result.method}; duality gap ${result.gap.toExponential(1)}</dd>`;
    section.dataset.w1 = String(w1);
    section.dataset.w2 = String(w2);
    section.dataset.lambda = String(result.lambda);
    section.dataset.kind = kind;
    section.dataset.t = String(t);
  };

  const moveOptimum = (w1: number, w2: number) => {
    const clamp = (v: number) => Math.max(-2.8, Math.min(2.8, Math.round(v * 100) / 100));
    state.optimum = [clamp(w1), clamp(w2)];
    w1Input.value = String(state.optimum[0]);
    w2Input.value = String(state.optimum[1]);
    render();
  };
  handle.call(drag<SVGGElement, unknown>().on('drag', (event: { x: number; y: number }) => moveOptimum(x.invert(event.x), y.invert(event.y))));
  handle.on('keydown', (event: KeyboardEvent) => {
    const step = event.shiftKey ? 0.5 : 0.1;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    moveOptimum(state.optimum[0] + move[0], state.optimum[1] + move[1]);
  });
  for (const input of [w1Input, w2Input]) input.addEventListener('input', () => moveOptimum(Number(w1Input.value), Number(w2Input.value)));
  tInput.addEventListener('input', () => {
    state.t = Number(tInput.value);
    render();
  });
  section.querySelectorAll<HTMLInputElement>('input[name="geometry-kind"]').forEach((radio) => {
    radio.addEventListener('change', () => {
      state.kind = radio.value as RegionKind;
      render();
    });
  });
  render();
}
