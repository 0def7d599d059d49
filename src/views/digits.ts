/**
 * Digits as PNG data URLs (white ink on black, as MNIST stores them), so an SVG figure holds
 * them as <image> elements and exports as one self-contained file. Many digits go into one
 * mosaic image: one <image> per figure section, not one per digit.
 */

export interface Mosaic {
  href: string;
  /** Size in image pixels (28 per digit plus the gaps). */
  width: number;
  height: number;
}

/**
 * `count` digits of 28×28 pixels in [0, 1] (rows of 784 values), `columns` per row, `gap`
 * transparent pixels between them.
 */
export function digitMosaic(pixels: ArrayLike<number>, count: number, columns: number, gap = 1): Mosaic {
  const rows = Math.max(1, Math.ceil(count / columns));
  const width = columns * (28 + gap) - gap;
  const height = rows * (28 + gap) - gap;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context || count === 0) return { href: '', width, height };
  const image = context.createImageData(width, height);
  for (let d = 0; d < count; d++) {
    const ox = (d % columns) * (28 + gap);
    const oy = Math.floor(d / columns) * (28 + gap);
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++) {
        const v = Math.round(255 * Math.min(1, Math.max(0, pixels[d * 784 + y * 28 + x] ?? 0)));
        image.data.set([v, v, v, 255], ((oy + y) * width + ox + x) * 4);
      }
    }
  }
  context.putImageData(image, 0, 0);
  return { href: canvas.toDataURL('image/png'), width, height };
}
