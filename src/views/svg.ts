/** The root SVG of a demo figure: sized in user units, scaling down with CSS, labelled for screen readers. */
import { select, type Selection } from 'd3';

export function appendFigureSvg(container: HTMLElement, width: number, height: number, label: string): Selection<SVGSVGElement, unknown, null, undefined> {
  return select(container)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('class', 'demo-svg')
    .attr('role', 'img')
    .attr('aria-label', label);
}
