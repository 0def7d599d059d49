/**
 * The 2-D GAN's picture: the discriminator's output sigma(D(x)) as a background (dark where D
 * says "fake", light where it says "real"), real samples, generated samples, and arrows along
 * the gradient of D at each generated point (where the generator's update pushes it).
 */
import { interpolatePuOr, scaleLinear } from 'd3';
import { appendFigureSvg } from '../svg.ts';

export interface GanPlotData {
  real: Float32Array;
  fake: Float32Array;
  dGrid: Float32Array | undefined;
  gridSize: number;
  arrows: Float32Array | undefined;
  drawn: readonly [number, number][];
}

export interface GanPlot {
  svg: SVGSVGElement;
  update(data: GanPlotData): void;
}

export function createGanPlot(
  container: HTMLElement,
  options: { size: number; extent: number; fakeColor: string; onPick?: (x: number, y: number) => void },
): GanPlot {
  const { size, extent } = options;
  const svg = appendFigureSvg(container, size, size, 'Real points, generated points and the discriminator output over the plane');
  const x = scaleLinear().domain([-extent, extent]).range([0, size]);
  const y = scaleLinear().domain([-extent, extent]).range([size, 0]);
  const image = svg.append('image').attr('width', size).attr('height', size).attr('preserveAspectRatio', 'none');
  const realLayer = svg.append('g');
  const arrowLayer = svg.append('g').style('stroke', options.fakeColor).attr('stroke-width', 1.2).attr('stroke-opacity', 0.8);
  const fakeLayer = svg.append('g').style('fill', options.fakeColor);
  const drawnLayer = svg.append('g');
  svg.append('rect').attr('width', size).attr('height', size).attr('fill', 'none').attr('stroke', 'currentColor').attr('stroke-opacity', 0.4);

  if (options.onPick) {
    const pick = options.onPick;
    svg.style('cursor', 'crosshair').style('touch-action', 'none');
    let drawing = false;
    const add = (event: PointerEvent) => {
      const box = (svg.node() as SVGSVGElement).getBoundingClientRect();
      pick(x.invert(((event.clientX - box.left) / box.width) * size), y.invert(((event.clientY - box.top) / box.height) * size));
    };
    svg.on('pointerdown', (event: PointerEvent) => {
      drawing = true;
      add(event);
    });
    svg.on('pointermove', (event: PointerEvent) => {
      if (drawing && event.buttons) add(event);
    });
    svg.on('pointerup pointerleave', () => {
      drawing = false;
    });
  }

  let shownReal: Float32Array | undefined;
  return {
    svg: svg.node()!,
    update(data) {
      if (data.dGrid) {
        const n = data.gridSize;
        const canvas = document.createElement('canvas');
        canvas.width = n;
        canvas.height = n;
        const context = canvas.getContext('2d');
        if (context) {
          const pixels = context.createImageData(n, n);
          for (let row = 0; row < n; row++) {
            for (let col = 0; col < n; col++) {
              const rgb = interpolatePuOr(1 - data.dGrid[row * n + col]!).match(/\d+/g)?.map(Number) ?? [128, 128, 128];
              pixels.data.set([rgb[0]!, rgb[1]!, rgb[2]!, 150], ((n - 1 - row) * n + col) * 4);
            }
          }
          context.putImageData(pixels, 0, 0);
          image.attr('href', canvas.toDataURL('image/png'));
        }
      } else {
        image.attr('href', null);
      }
      // Real samples change only with the data: redraw them only then (a few hundred circles).
      if (data.real !== shownReal) {
        shownReal = data.real;
        realLayer
          .selectAll('circle')
          .data(pairs(data.real))
          .join('circle')
          .attr('r', 1.8)
          .style('fill', 'currentColor')
          .attr('fill-opacity', 0.45)
          .attr('cx', (p) => x(p[0]))
          .attr('cy', (p) => y(p[1]));
      }
      fakeLayer
        .selectAll('circle')
        .data(pairs(data.fake))
        .join('circle')
        .attr('r', 2.4)
        .attr('cx', (p) => x(p[0]))
        .attr('cy', (p) => y(p[1]));
      const arrows = data.arrows;
      const points = pairs(data.fake);
      const scale = arrows ? 0.25 / Math.max(1e-6, ...points.map((_, i) => Math.hypot(arrows[2 * i]!, arrows[2 * i + 1]!))) : 0;
      arrowLayer
        .selectAll('line')
        .data(arrows ? points.filter((_, i) => i % 2 === 0).map((p, k) => [p, [arrows[4 * k]!, arrows[4 * k + 1]!]] as const) : [])
        .join('line')
        .attr('x1', ([p]) => x(p[0]))
        .attr('y1', ([p]) => y(p[1]))
        .attr('x2', ([p, a]) => x(p[0] + scale * a[0]))
        .attr('y2', ([p, a]) => y(p[1] + scale * a[1]));
      drawnLayer
        .selectAll('circle')
        .data(data.drawn)
        .join('circle')
        .attr('r', 3)
        .style('fill', 'none')
        .style('stroke', 'currentColor')
        .attr('cx', (p) => x(p[0]))
        .attr('cy', (p) => y(p[1]));
    },
  };
}

function pairs(values: Float32Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < values.length; i += 2) out.push([values[i]!, values[i + 1]!]);
  return out;
}
