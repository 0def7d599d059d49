/**
 * What the semantic-gap demo does to a digit: rotate, shift, change brightness and contrast,
 * occlude a patch, add noise. Plain TypeScript on 28 × 28 intensities in [0, 1] (0 = background),
 * so every backend computes the same picture and the distances are exact.
 */
import { createRandom } from '../random.ts';

export const SIDE = 28;
export const PIXELS = SIDE * SIDE;

export interface DigitTransform {
  /** Degrees, counter-clockwise, about the image centre (bilinear, background outside). */
  rotate: number;
  /** Whole pixels; positive moves right and down; what comes in is background. */
  shiftX: number;
  shiftY: number;
  /** Added to every pixel after the contrast: v ← c·(v − ½) + ½ + b, then clipped to [0, 1]. */
  brightness: number;
  contrast: number;
  /** Side of a grey (0.5) square patch; 0 for none. Its top-left corner is (patchX, patchY). */
  patch: number;
  patchX: number;
  patchY: number;
  /** Standard deviation of Gaussian noise added to every pixel (seeded), before clipping. */
  noise: number;
  seed: number;
}

export const IDENTITY: DigitTransform = { rotate: 0, shiftX: 0, shiftY: 0, brightness: 0, contrast: 1, patch: 0, patchX: 0, patchY: 0, noise: 0, seed: 1 };

const at = (pixels: ArrayLike<number>, x: number, y: number) => (x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0 : pixels[y * SIDE + x]!);

/** Rotation by `degrees` about the centre (13.5, 13.5), bilinear; exact copy at 0. */
export function rotate(pixels: ArrayLike<number>, degrees: number): Float32Array {
  const out = Float32Array.from(pixels);
  if (degrees % 360 === 0) return out;
  const radians = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  const c = (SIDE - 1) / 2;
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      // The source of output pixel (x, y): the inverse rotation (y points down, so a
      // counter-clockwise turn on screen is a clockwise one in these coordinates).
      const sx = cos * (x - c) - sin * (y - c) + c;
      const sy = sin * (x - c) + cos * (y - c) + c;
      const [x0, y0] = [Math.floor(sx), Math.floor(sy)];
      const [fx, fy] = [sx - x0, sy - y0];
      out[y * SIDE + x] =
        (1 - fx) * (1 - fy) * at(pixels, x0, y0) + fx * (1 - fy) * at(pixels, x0 + 1, y0) +
        (1 - fx) * fy * at(pixels, x0, y0 + 1) + fx * fy * at(pixels, x0 + 1, y0 + 1);
    }
  }
  return out;
}

/** Moves the image by whole pixels; background comes in at the edges. */
export function shift(pixels: ArrayLike<number>, dx: number, dy: number): Float32Array {
  const out = new Float32Array(PIXELS);
  for (let y = 0; y < SIDE; y++) for (let x = 0; x < SIDE; x++) out[y * SIDE + x] = at(pixels, x - dx, y - dy);
  return out;
}

/** Applies `t` in a fixed order: rotate, shift, contrast and brightness, patch, noise, clip. */
export function transformDigit(pixels: ArrayLike<number>, t: DigitTransform): Float32Array {
  const out = shift(rotate(pixels, t.rotate), Math.round(t.shiftX), Math.round(t.shiftY));
  for (let i = 0; i < PIXELS; i++) out[i] = t.contrast * (out[i]! - 0.5) + 0.5 + t.brightness;
  for (let y = t.patchY; y < Math.min(SIDE, t.patchY + t.patch); y++) {
    for (let x = t.patchX; x < Math.min(SIDE, t.patchX + t.patch); x++) if (x >= 0 && y >= 0) out[y * SIDE + x] = 0.5;
  }
  if (t.noise > 0) {
    const random = createRandom(t.seed);
    for (let i = 0; i < PIXELS; i++) out[i] = out[i]! + t.noise * random.normal();
  }
  for (let i = 0; i < PIXELS; i++) out[i] = Math.min(1, Math.max(0, out[i]!));
  return out;
}

/** The changes `t` makes, in words ("shifted 2 px right, rotated 10°"), or "unchanged". */
export function describeTransform(t: DigitTransform): string {
  const parts: string[] = [];
  if (t.rotate % 360 !== 0) parts.push(`rotated ${t.rotate}°`);
  const moves = [t.shiftX && `${Math.abs(t.shiftX)} px ${t.shiftX > 0 ? 'right' : 'left'}`, t.shiftY && `${Math.abs(t.shiftY)} px ${t.shiftY > 0 ? 'down' : 'up'}`].filter(Boolean);
  if (moves.length > 0) parts.push(`shifted ${moves.join(' and ')}`);
  if (t.contrast !== 1) parts.push(`contrast ×${t.contrast}`);
  if (t.brightness !== 0) parts.push(`brightness ${t.brightness > 0 ? '+' : '−'}${Math.abs(t.brightness)}`);
  if (t.patch > 0) parts.push(`a ${t.patch}×${t.patch} grey patch at (${t.patchX}, ${t.patchY})`);
  if (t.noise > 0) parts.push(`noise σ = ${t.noise}`);
  return parts.length > 0 ? parts.join(', ') : 'unchanged';
}
