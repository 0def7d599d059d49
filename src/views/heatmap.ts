/**
 * A loss-landscape heatmap: the grid's values as colour (log scale, viridis), contour lines, a
 * colour bar, axes in direction coordinates, and an optional path drawn over it. The raster is
 * an <image> inside the SVG, so the figure exports as one self-contained SVG.
 */
import { contours, geoPath, interpolateViridis, line, scaleLinear } from 'd3';
import { appendFigureSvg } from './svg.ts';

export interface HeatmapData {
  alphas: readonly number[];
  betas: readonly number[];
  /** values[j * alphas.length + i] at (alphas[i], betas[j]). */
  values: Float32Array;
  path?: readonly [number, number][];
  xLabel: string;
  yLabel: string;
}

export interface Heatmap {
  svg: SVGSVGElement;
  update(data: HeatmapData): void;
}

const MARGIN = { top: 10, right: 64, bottom: 36, left: 44 };

export function createHeatmap(container: HTMLElement, options: { width: number; height: number; label: string }): Heatmap {
  const { width, height } = options;
  const svg = appendFigureSvg(container, width, height, options.label);
  const plot = { x0: MARGIN.left, x1: width - MARGIN.right, y0: MARGIN.top, y1: height - MARGIN.bottom };
  const image = svg.append('image').attr('x', plot.x0).attr('y', plot.y0).attr('width', plot.x1 - plot.x0).attr('height', plot.y1 - plot.y0).attr('preserveAspectRatio', 'none');
  const contourLayer = svg.append('g');
  const axes = svg.append('g').attr('font-size', 11).attr('fill', 'currentColor');
  const pathLayer = svg.append('g');
  const bar = svg.append('g').attr('font-size', 10).attr('fill', 'currentColor');

  return {
    svg: svg.node()!,
    update(data) {
      const n = data.alphas.length;
      const m = data.betas.length;
      const finite = Array.from(data.values).filter(Number.isFinite);
      const lo = Math.min(...finite);
      const hi = Math.max(...finite);
      // Colour by log(loss - min + small): the basin gets as much colour as the walls.
      const offset = (hi - lo) * 1e-3 + 1e-12;
      const toUnit = (v: number) => Math.log((v - lo + offset) / offset) / Math.log((hi - lo + offset) / offset);

      const canvas = document.createElement('canvas');
      canvas.width = n;
      canvas.height = m;
      const context = canvas.getContext('2d');
      if (context) {
        const pixels = context.createImageData(n, m);
        for (let j = 0; j < m; j++) {
          for (let i = 0; i < n; i++) {
            const value = data.values[j * n + i]!;
            const color = Number.isFinite(value) ? rgb(interpolateViridis(toUnit(value))) : [128, 128, 128];
            const k = ((m - 1 - j) * n + i) * 4; // row 0 of the image is the top: the largest beta
            pixels.data.set([color[0]!, color[1]!, color[2]!, 255], k);
          }
        }
        context.putImageData(pixels, 0, 0);
        image.attr('href', canvas.toDataURL('image/png')).style('image-rendering', n < 24 ? 'pixelated' : 'auto');
      }

      // Each grid value is a cell of the image; axes map a coordinate to its cell's centre.
      const cw = (plot.x1 - plot.x0) / n;
      const ch = (plot.y1 - plot.y0) / m;
      const x = scaleLinear().domain([data.alphas[0]!, data.alphas[n - 1]!]).range([plot.x0 + cw / 2, plot.x1 - cw / 2]);
      const y = scaleLinear().domain([data.betas[0]!, data.betas[m - 1]!]).range([plot.y1 - ch / 2, plot.y0 + ch / 2]);

      // Contours in grid units, flipped so that grid row 0 (smallest beta) is at the bottom.
      const levels = Array.from({ length: 10 }, (_, k) => lo - offset + offset * Math.exp(((k + 1) / 11) * Math.log((hi - lo + offset) / offset)));
      const cells = Array.from({ length: n * m }, (_, k) => data.values[k]!);
      contourLayer
        .attr('transform', `translate(${plot.x0},${plot.y1}) scale(${cw},${-ch})`)
        .selectAll('path')
        .data(contours().size([n, m]).thresholds(levels)(cells))
        .join('path')
        .attr('d', (d) => geoPath()(d) ?? '')
        .attr('fill', 'none')
        .attr('vector-effect', 'non-scaling-stroke')
        .attr('stroke', 'white')
        .attr('stroke-opacity', 0.55)
        .attr('stroke-width', 0.8);

      axes.selectAll('*').remove();
      for (const tick of x.ticks(5)) axes.append('text').attr('x', x(tick)).attr('y', plot.y1 + 14).attr('text-anchor', 'middle').text(tick);
      for (const tick of y.ticks(5)) axes.append('text').attr('x', plot.x0 - 5).attr('y', y(tick) + 4).attr('text-anchor', 'end').text(tick);
      axes.append('text').attr('x', (plot.x0 + plot.x1) / 2).attr('y', height - 4).attr('text-anchor', 'middle').text(data.xLabel);
      axes.append('text').attr('transform', `translate(11,${(plot.y0 + plot.y1) / 2}) rotate(-90)`).attr('text-anchor', 'middle').text(data.yLabel);

      pathLayer.selectAll('*').remove();
      if (data.path && data.path.length > 1) {
        const points = data.path.map(([a, b]) => [x(a), y(b)] as [number, number]);
        pathLayer.append('path').attr('d', line()(points) ?? '').attr('fill', 'none').attr('stroke', '#ff6b6b').attr('stroke-width', 2);
        pathLayer.selectAll('circle').data(points).join('circle').attr('cx', (d) => d[0]).attr('cy', (d) => d[1]).attr('r', 2.5).attr('fill', '#ff6b6b');
        pathLayer.append('circle').attr('cx', points[0]![0]).attr('cy', points[0]![1]).attr('r', 5).attr('fill', 'none').attr('stroke', '#ff6b6b').attr('stroke-width', 2);
      }

      bar.selectAll('*').remove();
      const barX = width - MARGIN.right + 14;
      const steps = 40;
      const barHeight = plot.y1 - plot.y0;
      for (let k = 0; k < steps; k++) {
        bar.append('rect').attr('x', barX).attr('y', plot.y0 + (barHeight * (steps - 1 - k)) / steps).attr('width', 12).attr('height', barHeight / steps + 0.5).attr('fill', interpolateViridis(k / (steps - 1)));
      }
      for (const [t, label] of [[0, lo], [0.5, fromUnit(0.5, lo, hi, offset)], [1, hi]] as const) {
        bar.append('text').attr('x', barX + 16).attr('y', plot.y1 - t * barHeight + 3).text(format(label));
      }
    },
  };
}

function fromUnit(t: number, lo: number, hi: number, offset: number): number {
  return lo - offset + offset * Math.exp(t * Math.log((hi - lo + offset) / offset));
}

function format(value: number): string {
  return Math.abs(value) >= 100 || (Math.abs(value) < 0.01 && value !== 0) ? value.toExponential(1) : value.toPrecision(3);
}

function rgb(css: string): number[] {
  const hex = /^#([0-9a-f]{6})$/i.exec(css);
  if (hex) return [0, 2, 4].map((k) => parseInt(hex[1]!.slice(k, k + 2), 16));
  return (css.match(/\d+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
}
