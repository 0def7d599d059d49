/**
 * One bar per layer of a network, in order from input to output, its height the chosen quantity
 * (multiply-adds, parameters or activations), coloured by the kind of layer. Two networks share
 * the y scale, so their bars compare directly.
 */
import { format, max, scaleBand, scaleLinear } from 'd3';
import type { LayerRow } from '../../engines/architectures/analyze.ts';
import { appendFigureSvg } from '../svg.ts';

export type LayerMetric = 'macs' | 'params' | 'activations';

export const KIND_COLORS: Record<LayerRow['kind'], string> = {
  input: '#999999', conv: '#0072B2', fc: '#D55E00', pool: '#009E73', lrn: '#CC79A7', concat: '#E69F00', add: '#56B4E9',
};

export interface BarsPanel {
  title: string;
  rows: readonly LayerRow[];
}

const MARGIN = { top: 22, right: 10, bottom: 16, left: 52 };
const PANEL = 150;

export function drawLayerBars(container: HTMLElement, panels: readonly BarsPanel[], metric: LayerMetric, width: number, label: string): SVGSVGElement {
  container.replaceChildren();
  const height = panels.length * PANEL + 24;
  const svg = appendFigureSvg(container, width, height, label);
  const top = max(panels.flatMap((p) => p.rows.map((r) => r[metric]))) ?? 1;
  const y = scaleLinear().domain([0, top || 1]).range([PANEL - MARGIN.bottom, MARGIN.top]).nice();
  const short = format('.2~s');
  panels.forEach((panel, p) => {
    const g = svg.append('g').attr('transform', `translate(0,${p * PANEL})`).attr('font-size', 11).attr('fill', 'currentColor');
    g.append('text').attr('x', MARGIN.left).attr('y', 14).attr('font-weight', 600).text(panel.title);
    const x = scaleBand<number>().domain(panel.rows.map((_, i) => i)).range([MARGIN.left, width - MARGIN.right]).paddingInner(panel.rows.length > 60 ? 0 : 0.15);
    for (const tick of y.ticks(3)) {
      g.append('text').attr('x', MARGIN.left - 5).attr('y', y(tick) + 4).attr('text-anchor', 'end').text(short(tick));
      g.append('line').attr('x1', MARGIN.left).attr('x2', width - MARGIN.right).attr('y1', y(tick)).attr('y2', y(tick)).attr('stroke', 'currentColor').attr('stroke-opacity', 0.12);
    }
    g.selectAll('rect')
      .data(panel.rows)
      .join('rect')
      .attr('x', (_, i) => x(i)!)
      .attr('width', Math.max(0.8, x.bandwidth()))
      .attr('y', (r) => y(r[metric]))
      .attr('height', (r) => Math.max(0, y(0) - y(r[metric])))
      .attr('fill', (r) => KIND_COLORS[r.kind])
      .append('title')
      .text((r) => `${r.name}: ${r[metric].toLocaleString('en-US')}`);
  });
  const legend = svg.append('g').attr('transform', `translate(${MARGIN.left},${height - 8})`).attr('font-size', 10).attr('fill', 'currentColor');
  let at = 0;
  for (const [kind, color] of Object.entries(KIND_COLORS)) {
    legend.append('rect').attr('x', at).attr('y', -8).attr('width', 9).attr('height', 9).attr('fill', color);
    legend.append('text').attr('x', at + 12).attr('y', 0).text(kind);
    at += 18 + kind.length * 6.5;
  }
  return svg.node()!;
}
