/**
 * Turns a drawing into an MNIST-like 28×28 digit, the way MNIST itself was made (LeCun et al.):
 * the digit's bounding box is scaled, keeping its aspect ratio and averaging over each output
 * pixel's area (anti-aliasing), to fit a 20×20 box; the result is placed in a 28×28 field so
 * that its centre of mass falls on pixel (14, 14) counting from 0, moved by whole pixels. (Over
 * the site's 10,000 MNIST digits the centre of mass averages 14.50 in pixel-centre coordinates,
 * where pixel k spans [k, k + 1): that is the centre of pixel 14.)
 * Plain TypeScript on arrays: no DOM, no tfjs.
 */

export const DIGIT_SIZE = 28;
export const DIGIT_BOX = 20;
/** Ink below this (0 to 1) does not count for the bounding box: stray antialiasing. */
const INK_THRESHOLD = 0.05;

export interface PreprocessedDigit {
  /** 28 × 28 intensities in [0, 1], row-major. */
  pixels: Float32Array;
  /** False when nothing was drawn. */
  hasInk: boolean;
  /** The ink's bounding box in the drawing, [x, y, width, height]. */
  box: [number, number, number, number];
}

/** `ink` is width × height intensities in [0, 1] (0 = background), row-major. */
export function preprocessDrawing(ink: ArrayLike<number>, width: number, height: number): PreprocessedDigit {
  const pixels = new Float32Array(DIGIT_SIZE * DIGIT_SIZE);
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x]! > INK_THRESHOLD) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  if (x1 < 0) return { pixels, hasInk: false, box: [0, 0, 0, 0] };
  const [bw, bh] = [x1 - x0 + 1, y1 - y0 + 1];
  const scale = DIGIT_BOX / Math.max(bw, bh);
  const tw = Math.max(1, Math.round(bw * scale));
  const th = Math.max(1, Math.round(bh * scale));
  const small = resampleArea(ink, width, [x0, y0, bw, bh], tw, th);

  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      const v = small[y * tw + x]!;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  const center = DIGIT_SIZE / 2 + 0.5;
  const ox = Math.round(center - mx / mass);
  const oy = Math.round(center - my / mass);
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      const [X, Y] = [x + ox, y + oy];
      if (X >= 0 && X < DIGIT_SIZE && Y >= 0 && Y < DIGIT_SIZE) pixels[Y * DIGIT_SIZE + X] = Math.min(1, small[y * tw + x]!);
    }
  }
  return { pixels, hasInk: true, box: [x0, y0, bw, bh] };
}

/**
 * Area-averaging resample of the region [x, y, w, h] of a width-wide image to tw × th: each
 * output pixel is the mean of the input over its footprint, partial pixels weighted by overlap.
 */
export function resampleArea(source: ArrayLike<number>, width: number, [rx, ry, rw, rh]: [number, number, number, number], tw: number, th: number): Float32Array {
  const out = new Float32Array(tw * th);
  const sx = rw / tw;
  const sy = rh / th;
  for (let j = 0; j < th; j++) {
    const top = j * sy;
    const bottom = top + sy;
    for (let i = 0; i < tw; i++) {
      const left = i * sx;
      const right = left + sx;
      let sum = 0;
      for (let y = Math.floor(top); y < Math.min(rh, Math.ceil(bottom)); y++) {
        const wy = Math.min(bottom, y + 1) - Math.max(top, y);
        for (let x = Math.floor(left); x < Math.min(rw, Math.ceil(right)); x++) {
          const wx = Math.min(right, x + 1) - Math.max(left, x);
          sum += wx * wy * source[(ry + y) * width + rx + x]!;
        }
      }
      out[j * tw + i] = sum / (sx * sy);
    }
  }
  return out;
}

/** Centre of mass (x, y) of a 28×28 image in pixel coordinates (pixel centres at +0.5). */
export function centerOfMass(pixels: ArrayLike<number>, size = DIGIT_SIZE): [number, number] {
  let [mass, mx, my] = [0, 0, 0];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = pixels[y * size + x]!;
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  return mass > 0 ? [mx / mass, my / mass] : [size / 2, size / 2];
}
