/**
 * Small images (digits, feature maps, filters) as PNG data URLs, so that an SVG figure can hold
 * them as <image> elements and export as one self-contained file. Colour maps: grey for
 * intensities, viridis for activations and saliency, a red-blue diverging map for signed values
 * (filters, perturbations), and 'ink': white with the value as opacity, to lay a digit's strokes
 * over another image.
 */
import { interpolateRdBu, interpolateViridis } from 'd3';

export type ColorMap = 'grey' | 'viridis' | 'diverging' | 'ink';

export interface Raster {
  /** Row-major values. */
  values: ArrayLike<number>;
  width: number;
  height: number;
  colorMap: ColorMap;
  /** Values mapped to the ends of the colour map: [0, max] (grey, viridis) or [−max, max] (diverging). */
  max: number;
}

const cache = new Map<string, [number, number, number]>();

function parse(css: string): [number, number, number] {
  let rgb = cache.get(css);
  if (!rgb) {
    const hex = /^#([0-9a-f]{6})$/i.exec(css);
    rgb = hex ? ([0, 2, 4].map((k) => parseInt(hex[1]!.slice(k, k + 2), 16)) as [number, number, number]) : ((css.match(/\d+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number) as [number, number, number]);
    if (cache.size < 4096) cache.set(css, rgb);
  }
  return rgb;
}

/** The colour of `value` under the map, as [r, g, b] 0-255. */
export function colorOf(value: number, map: ColorMap, max: number): [number, number, number] {
  const m = max > 0 ? max : 1;
  if (map === 'grey' || map === 'ink') {
    const g = Math.round(255 * Math.min(1, Math.max(0, value / m)));
    return [g, g, g];
  }
  // Quantised to 256 levels: the colour strings repeat, and the parse cache stays small.
  if (map === 'viridis') return parse(interpolateViridis(Math.round(255 * Math.min(1, Math.max(0, value / m))) / 255));
  return parse(interpolateRdBu(Math.round(255 * (0.5 - 0.5 * Math.min(1, Math.max(-1, value / m)))) / 255));
}

/**
 * Several rasters of the same size side by side in one image, `columns` per row with a
 * one-pixel gap (transparent). Returns the data URL and the mosaic's size in pixels.
 */
export function mosaicDataUrl(tiles: readonly Raster[], columns: number): { href: string; width: number; height: number } {
  const first = tiles[0];
  if (!first) return { href: '', width: 0, height: 0 };
  const rows = Math.ceil(tiles.length / columns);
  const width = columns * (first.width + 1) - 1;
  const height = rows * (first.height + 1) - 1;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return { href: '', width, height };
  const image = context.createImageData(width, height);
  tiles.forEach((tile, t) => {
    const ox = (t % columns) * (tile.width + 1);
    const oy = Math.floor(t / columns) * (tile.height + 1);
    for (let y = 0; y < tile.height; y++) {
      for (let x = 0; x < tile.width; x++) {
        const value = tile.values[y * tile.width + x]!;
        const [r, g, b] = tile.colorMap === 'ink' ? [255, 255, 255] : colorOf(value, tile.colorMap, tile.max);
        const alpha = tile.colorMap === 'ink' ? colorOf(value, 'grey', tile.max)[0] : 255;
        image.data.set([r, g, b, alpha], ((oy + y) * width + ox + x) * 4);
      }
    }
  });
  context.putImageData(image, 0, 0);
  return { href: canvas.toDataURL('image/png'), width, height };
}

/** Channel c of an [H, W, C] (NHWC, one image) activation as a row-major H × W array. */
export function channel(values: ArrayLike<number>, height: number, width: number, channels: number, c: number): Float32Array {
  const out = new Float32Array(height * width);
  for (let i = 0; i < height * width; i++) out[i] = values[i * channels + c]!;
  return out;
}

export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]!));
  return m;
}
