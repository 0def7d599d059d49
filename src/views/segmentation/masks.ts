/** Label maps (0 background, d + 1 digit d) as PNG data URLs in the digit colours, and a figure showing true and predicted maps of a scene. */
import { digitColor } from '../colors.ts';
import { appendFigureSvg } from '../svg.ts';
import { sceneImage } from '../detection/scene-image.ts';

function maskImage(mask: ArrayLike<number>, size: number): string {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) return '';
  const image = context.createImageData(size, size);
  const rgb = Array.from({ length: 10 }, (_, d) => [1, 3, 5].map((k) => parseInt(digitColor(d).slice(k, k + 2), 16)));
  for (let p = 0; p < size * size; p++) {
    const v = mask[p] ?? 0;
    image.data.set(v === 0 ? [0, 0, 0, 255] : [...rgb[v - 1]!, 255], p * 4);
  }
  context.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}

export function createMaskFigure(container: HTMLElement, options: { width: number }) {
  const side = Math.floor((options.width - 16) / 3);
  const svg = appendFigureSvg(container, options.width, side + 20, 'A held-out scene, its true mask and the predicted mask');
  const images = ['Scene', 'True mask', 'Predicted'].map((title, i) => {
    svg.append('text').attr('x', i * (side + 8)).attr('y', 12).attr('font-size', 11).attr('fill', 'currentColor').text(title);
    return svg.append('image').attr('x', i * (side + 8)).attr('y', 18).attr('width', side).attr('height', side).style('image-rendering', 'pixelated').attr('data-mask', ['scene', 'truth', 'predicted'][i]!);
  });
  return {
    svg: svg.node()!,
    update(pixels: ArrayLike<number>, truth: ArrayLike<number>, predicted: ArrayLike<number> | undefined, size: number) {
      images[0]!.attr('href', sceneImage(pixels, size));
      images[1]!.attr('href', maskImage(truth, size));
      images[2]!.attr('href', predicted ? maskImage(predicted, size) : null);
    },
  };
}
