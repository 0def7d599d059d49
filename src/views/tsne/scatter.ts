/**
 * The t-SNE map: thousands of points on a canvas, coloured by label, redrawn every frame while
 * the embedding moves. The view follows the points (equal scale on both axes) until the reader
 * zooms or pans (wheel, drag, pinch); "Reset view" or a double click gives the view back to the
 * points. Hovering over (or tapping) a point shows its digit.
 *
 * Lifecycle: createTsneScatter builds the canvas and listeners; update(y) redraws; dispose()
 * removes both.
 */
import { quadtree, select, zoom, zoomIdentity, type Quadtree, type ZoomBehavior, type ZoomTransform } from 'd3';
import { digitColor } from '../colors.ts';

export interface ScatterOptions {
  width: number;
  height: number;
  labels: ArrayLike<number>;
  /** The 28 x 28 pixels (0-255) of digit i, for the hover card. */
  pixels: (index: number) => Uint8Array;
  label: string;
}

export interface TsneScatter {
  update(y: Float64Array): void;
  /** The current view as a self-contained SVG (points as an <image>), appended to `host`. */
  exportSvg(host: HTMLElement, title: string): SVGSVGElement;
  dispose(): void;
}

const PADDING = 14;
const HOVER_RADIUS = 12;

export function createTsneScatter(container: HTMLElement, options: ScatterOptions): TsneScatter {
  const { width, height, labels } = options;
  const n = labels.length;
  const ratio = Math.min(2, globalThis.devicePixelRatio || 1);
  const plot = document.createElement('div');
  plot.className = 'tsne-plot';
  plot.style.width = `${width}px`;
  plot.style.height = `${height}px`;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', options.label);
  const card = document.createElement('div');
  card.className = 'tsne-card';
  card.hidden = true;
  const digitCanvas = document.createElement('canvas');
  digitCanvas.width = 28;
  digitCanvas.height = 28;
  const cardText = document.createElement('span');
  card.append(digitCanvas, cardText);
  const reset = document.createElement('button');
  reset.type = 'button';
  reset.className = 'tsne-reset';
  reset.textContent = 'Reset view';
  reset.hidden = true;
  plot.append(canvas, card, reset);
  container.append(plot);
  const context = canvas.getContext('2d');

  let y: Float64Array = new Float64Array(2 * n);
  // The fit maps data to screen: screen = centre + (data - middle) * scale, y pointing up.
  let fit = { midX: 0, midY: 0, scale: 1 };
  let transform: ZoomTransform = zoomIdentity;
  let hovered = -1;
  let finder: Quadtree<number> | undefined;
  const radius = n > 5000 ? 1.4 : n > 1500 ? 1.9 : 2.6;

  const screenX = (i: number) => transform.applyX(width / 2 + (y[2 * i]! - fit.midX) * fit.scale);
  const screenY = (i: number) => transform.applyY(height / 2 - (y[2 * i + 1]! - fit.midY) * fit.scale);

  const refit = () => {
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, y[2 * i]!);
      maxX = Math.max(maxX, y[2 * i]!);
      minY = Math.min(minY, y[2 * i + 1]!);
      maxY = Math.max(maxY, y[2 * i + 1]!);
    }
    if (!Number.isFinite(minX)) return;
    const scale = Math.min((width - 2 * PADDING) / Math.max(maxX - minX, 1e-9), (height - 2 * PADDING) / Math.max(maxY - minY, 1e-9));
    fit = { midX: (minX + maxX) / 2, midY: (minY + maxY) / 2, scale };
  };

  const draw = () => {
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    context.globalAlpha = 0.8;
    for (let label = 0; label < 10; label++) {
      context.beginPath();
      for (let i = 0; i < n; i++) {
        if (labels[i] !== label) continue;
        const sx = screenX(i), sy = screenY(i);
        context.moveTo(sx + radius, sy);
        context.arc(sx, sy, radius, 0, 2 * Math.PI);
      }
      context.fillStyle = digitColor(label);
      context.fill();
    }
    context.globalAlpha = 1;
    if (hovered >= 0) {
      context.beginPath();
      context.arc(screenX(hovered), screenY(hovered), radius + 3, 0, 2 * Math.PI);
      context.strokeStyle = getComputedStyle(plot).color || '#000';
      context.lineWidth = 1.5;
      context.stroke();
    }
  };

  const showCard = (index: number) => {
    hovered = index;
    if (index < 0) {
      card.hidden = true;
      draw();
      return;
    }
    const pixels = options.pixels(index);
    const image = new ImageData(28, 28);
    for (let p = 0; p < 784; p++) {
      const ink = 255 - pixels[p]!;
      image.data.set([ink, ink, ink, 255], 4 * p);
    }
    digitCanvas.getContext('2d')?.putImageData(image, 0, 0);
    // "an 8": the only digit name that starts with a vowel.
    cardText.textContent = `digit ${index + 1}: ${labels[index] === 8 ? 'an' : 'a'} ${labels[index]}`;
    cardText.style.color = digitColor(labels[index]!);
    card.hidden = false;
    const left = Math.min(width - 96, Math.max(0, screenX(index) + 10));
    const top = Math.min(height - 84, Math.max(0, screenY(index) + 10));
    card.style.transform = `translate(${left}px, ${top}px)`;
    draw();
  };

  const nearest = (event: PointerEvent): number => {
    const box = canvas.getBoundingClientRect();
    finder ??= quadtree<number>().x(screenX).y(screenY).addAll(Array.from({ length: n }, (_, i) => i));
    return finder.find(event.clientX - box.left, event.clientY - box.top, HOVER_RADIUS) ?? -1;
  };
  const onPointer = (event: PointerEvent) => showCard(nearest(event));
  const onLeave = () => showCard(-1);
  canvas.addEventListener('pointermove', onPointer);
  canvas.addEventListener('pointerdown', onPointer);
  canvas.addEventListener('pointerleave', onLeave);

  const behaviour: ZoomBehavior<HTMLCanvasElement, unknown> = zoom<HTMLCanvasElement, unknown>()
    .scaleExtent([0.5, 40])
    .on('zoom', (event: { transform: ZoomTransform }) => {
      transform = event.transform;
      reset.hidden = transform.k === 1 && transform.x === 0 && transform.y === 0;
      finder = undefined;
      draw();
    });
  const selection = select(canvas).call(behaviour).on('dblclick.zoom', null);
  const resetView = () => selection.call(behaviour.transform, zoomIdentity);
  canvas.addEventListener('dblclick', resetView);
  reset.addEventListener('click', resetView);

  return {
    update(next) {
      y = next;
      // The view follows the points only while the reader has not zoomed or panned.
      if (transform === zoomIdentity || (transform.k === 1 && transform.x === 0 && transform.y === 0)) refit();
      finder = undefined;
      draw();
      if (hovered >= 0) {
        const left = Math.min(width - 96, Math.max(0, screenX(hovered) + 10));
        const top = Math.min(height - 84, Math.max(0, screenY(hovered) + 10));
        card.style.transform = `translate(${left}px, ${top}px)`;
      }
    },
    exportSvg(host, title) {
      const svgNs = 'http://www.w3.org/2000/svg';
      const legendHeight = 22;
      const svg = document.createElementNS(svgNs, 'svg');
      const total = height + legendHeight + 18;
      svg.setAttribute('viewBox', `0 0 ${width} ${total}`);
      svg.setAttribute('width', String(width));
      svg.setAttribute('height', String(total));
      svg.setAttribute('class', 'demo-svg');
      svg.setAttribute('font-size', '11');
      const heading = document.createElementNS(svgNs, 'text');
      heading.setAttribute('x', '4');
      heading.setAttribute('y', '12');
      heading.setAttribute('fill', 'currentColor');
      heading.textContent = title;
      const image = document.createElementNS(svgNs, 'image');
      image.setAttribute('x', '0');
      image.setAttribute('y', '18');
      image.setAttribute('width', String(width));
      image.setAttribute('height', String(height));
      image.setAttribute('href', canvas.toDataURL('image/png'));
      svg.append(heading, image);
      const step = Math.min(60, (width - 8) / 10);
      for (let label = 0; label < 10; label++) {
        const swatch = document.createElementNS(svgNs, 'circle');
        swatch.setAttribute('cx', String(10 + label * step));
        swatch.setAttribute('cy', String(18 + height + 11));
        swatch.setAttribute('r', '5');
        swatch.setAttribute('fill', digitColor(label));
        const text = document.createElementNS(svgNs, 'text');
        text.setAttribute('x', String(19 + label * step));
        text.setAttribute('y', String(18 + height + 15));
        text.setAttribute('fill', 'currentColor');
        text.textContent = String(label);
        svg.append(swatch, text);
      }
      host.replaceChildren(svg);
      return svg;
    },
    dispose() {
      selection.on('.zoom', null);
      canvas.removeEventListener('pointermove', onPointer);
      canvas.removeEventListener('pointerdown', onPointer);
      canvas.removeEventListener('pointerleave', onLeave);
      canvas.removeEventListener('dblclick', resetView);
      reset.removeEventListener('click', resetView);
      plot.remove();
    },
  };
}
