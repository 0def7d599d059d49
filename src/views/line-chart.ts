/**
 * A small multi-series line chart (loss curves). `createLineChart` builds the frame once;
 * `update` redraws axes and lines from the current series.
 */
import { line, max, min, scaleLinear, scaleLog } from 'd3';
import { appendFigureSvg } from './svg.ts';

export interface Series {
  label: string;
  color: string;
  values: readonly number[];
  /** The x value of each point (default: its index, mapped through `xExtent`). */
  xs?: readonly number[];
  dashed?: boolean;
}

export interface LineChart {
  svg: SVGSVGElement;
  update(series: readonly Series[]): void;
}

const MARGIN = { top: 8, right: 12, bottom: 30, left: 48 };

export function createLineChart(
  container: HTMLElement,
  options: { width: number; height: number; xLabel: string; yLabel: string; log?: boolean; label: string; /** Values of the first and last point on the x axis (default: step numbers). */ xExtent?: [number, number] },
): LineChart {
  const { width, height } = options;
  const svg = appendFigureSvg(container, width, height, options.label);
  const axes = svg.append('g').attr('font-size', 11).attr('fill', 'currentColor');
  const lines = svg.append('g');
  svg.append('text').attr('x', (MARGIN.left + width - MARGIN.right) / 2).attr('y', height - 3).attr('text-anchor', 'middle').attr('font-size', 11).attr('fill', 'currentColor').text(options.xLabel);
  svg.append('text').attr('transform', `translate(11,${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('font-size', 11).attr('fill', 'currentColor').text(options.yLabel);

  return {
    svg: svg.node()!,
    update(series) {
      const all = series.flatMap((s) => s.values.filter((v) => Number.isFinite(v) && (!options.log || v > 0)));
      const steps = Math.max(2, max(series, (s) => s.values.length) ?? 2);
      const lo = min(all) ?? (options.log ? 1e-3 : 0);
      const hi = max(all) ?? 1;
      const given = series.flatMap((s) => s.xs ?? []);
      const [xFirst, xLast] = given.length > 0 ? [min(given) ?? 0, Math.max(max(given) ?? 1, (min(given) ?? 0) + 1)] : (options.xExtent ?? [0, steps - 1]);
      const x = scaleLinear().domain([xFirst, xLast]).range([MARGIN.left, width - MARGIN.right]);
      const xAt = (index: number) => xFirst + ((xLast - xFirst) * index) / Math.max(1, steps - 1);
      const y = (options.log ? scaleLog().domain([Math.max(lo, 1e-8), Math.max(hi, lo * 10, 1e-7)]) : scaleLinear().domain([Math.min(0, lo), hi === lo ? lo + 1 : hi]))
        .range([height - MARGIN.bottom, MARGIN.top])
        .clamp(true);
      axes.selectAll('*').remove();
      for (const tick of x.ticks(5)) axes.append('text').attr('x', x(tick)).attr('y', height - 16).attr('text-anchor', 'middle').text(tick);
      const yTicks = options.log ? powersOfTen(y.domain() as [number, number]) : y.ticks(4);
      for (const tick of yTicks) {
        axes.append('text').attr('x', MARGIN.left - 6).attr('y', y(tick) + 4).attr('text-anchor', 'end').text(options.log ? tick.toExponential(0) : String(Number(tick.toPrecision(3))));
        axes.append('line').attr('x1', MARGIN.left).attr('x2', width - MARGIN.right).attr('y1', y(tick)).attr('y2', y(tick)).attr('stroke', 'currentColor').attr('stroke-opacity', 0.12);
      }
      const path = (s: Series) => line<[number, number]>()
        .defined(([, v]) => Number.isFinite(v) && (!options.log || v > 0))
        .x(([i]) => x(s.xs ? (s.xs[i] ?? 0) : xAt(i)))
        .y(([, v]) => y(v))(thin(s.values));
      lines
        .selectAll<SVGPathElement, Series>('path')
        .data(series, (d) => d.label)
        .join('path')
        .attr('fill', 'none')
        .attr('stroke-width', 1.6)
        .style('stroke', (d) => d.color)
        .attr('stroke-dasharray', (d) => (d.dashed ? '4 3' : null))
        .attr('d', (d) => path(d) ?? '');
    },
  };
}

/** At most ~600 points per line, as [step, value]: every k-th value (a chart, not a record). */
function thin(values: readonly number[]): [number, number][] {
  const k = Math.max(1, Math.ceil(values.length / 600));
  const points: [number, number][] = [];
  for (let i = 0; i < values.length; i += k) points.push([i, values[i]!]);
  return points;
}

/** At most five powers of ten spanning the domain, for a readable log axis. */
function powersOfTen([lo, hi]: [number, number]): number[] {
  const from = Math.ceil(Math.log10(lo));
  const to = Math.floor(Math.log10(hi));
  const stride = Math.max(1, Math.ceil((to - from + 1) / 5));
  const ticks: number[] = [];
  for (let e = from; e <= to; e += stride) ticks.push(10 ** e);
  return ticks;
}
