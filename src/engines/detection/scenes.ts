/**
 * Scenes of digits for detection and segmentation: a blank square canvas with 1 to 5 of the
 * site's MNIST digits pasted at random positions and scales, seeded. Each digit's ground truth
 * comes from its own pixels: its mask is its pixels above half intensity, its box the tightest
 * box around that mask. Digits never overlap (their squares are kept apart), so every mask pixel
 * lies inside the box of its digit and a pixel belongs to at most one digit.
 *
 * Train and test scenes draw their digits from disjoint ranges of the MNIST assets (the first
 * 8,000 digits are the training split, the rest the test split), so a detector is judged on
 * digits it never saw.
 */
import { createRandom } from '../random.ts';
import type { Box } from './boxes.ts';
import type { Tf } from '../../tf/types.ts';

export const SCENE_SIZE = 96;
export const DIGIT_CLASSES = 10;

export interface SceneObject extends Box {
  label: number;
  /** Index of the MNIST digit it was made from. */
  digit: number;
}

export interface Scene {
  size: number;
  /** size × size intensities in [0, 1], row-major. */
  pixels: Float32Array;
  /** Per pixel: 0 for background, label + 1 for a digit's pixel above half intensity. */
  mask: Uint8Array;
  objects: SceneObject[];
}

export interface SceneOptions {
  images: Uint8Array;
  labels: Uint8Array;
  /** The digits to draw from: MNIST indices [start, end). */
  digits: { start: number; end: number };
  count: number;
  seed: number;
  size?: number;
  minDigits?: number;
  maxDigits?: number;
  /** Side of a pasted digit's 28×28 square after scaling, in pixels. */
  minScale?: number;
  maxScale?: number;
}

/** Bilinear resampling of a 28×28 digit (0-255) to side × side intensities in [0, 1]. */
export function scaleDigit(images: Uint8Array, index: number, side: number): Float32Array {
  const out = new Float32Array(side * side);
  const at = (r: number, c: number) => (r < 0 || r > 27 || c < 0 || c > 27 ? 0 : images[index * 784 + r * 28 + c]! / 255);
  for (let y = 0; y < side; y++) {
    const sy = ((y + 0.5) * 28) / side - 0.5;
    const r = Math.floor(sy);
    const fy = sy - r;
    for (let x = 0; x < side; x++) {
      const sx = ((x + 0.5) * 28) / side - 0.5;
      const c = Math.floor(sx);
      const fx = sx - c;
      out[y * side + x] = (1 - fy) * ((1 - fx) * at(r, c) + fx * at(r, c + 1)) + fy * ((1 - fx) * at(r + 1, c) + fx * at(r + 1, c + 1));
    }
  }
  return out;
}

const overlaps = (a: Box, b: Box, gap: number) => a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;

export function generateScene(options: SceneOptions, sceneIndex: number): Scene {
  const size = options.size ?? SCENE_SIZE;
  const minScale = options.minScale ?? 24;
  const maxScale = options.maxScale ?? 40;
  const minDigits = options.minDigits ?? 1;
  const maxDigits = options.maxDigits ?? 5;
  // Each scene has its own stream: scene k is the same whatever the count asked for.
  const random = createRandom(options.seed * 100003 + sceneIndex * 7919 + 17);
  const wanted = minDigits + random.int(maxDigits - minDigits + 1);
  const pixels = new Float32Array(size * size);
  const mask = new Uint8Array(size * size);
  const squares: Box[] = [];
  const objects: SceneObject[] = [];
  const range = options.digits.end - options.digits.start;
  for (let k = 0; k < wanted; k++) {
    const side = minScale + random.int(maxScale - minScale + 1);
    const digit = options.digits.start + random.int(range);
    let placed: Box | undefined;
    for (let attempt = 0; attempt < 40 && !placed; attempt++) {
      const x0 = random.int(size - side + 1);
      const y0 = random.int(size - side + 1);
      const square = { x0, y0, x1: x0 + side, y1: y0 + side };
      if (!squares.some((s) => overlaps(s, square, 0))) placed = square;
    }
    if (!placed) continue;
    squares.push(placed);
    const label = options.labels[digit]!;
    const ink = scaleDigit(options.images, digit, side);
    const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const value = ink[y * side + x]!;
        const p = (placed.y0 + y) * size + placed.x0 + x;
        pixels[p] = value;
        if (value <= 0.5) continue;
        mask[p] = label + 1;
        box.x0 = Math.min(box.x0, placed.x0 + x);
        box.y0 = Math.min(box.y0, placed.y0 + y);
        box.x1 = Math.max(box.x1, placed.x0 + x + 1);
        box.y1 = Math.max(box.y1, placed.y0 + y + 1);
      }
    }
    if (box.x1 > box.x0) objects.push({ ...box, label, digit });
  }
  return { size, pixels, mask, objects };
}

export function generateScenes(options: SceneOptions): Scene[] {
  return Array.from({ length: options.count }, (_, i) => generateScene(options, i));
}

/** The scenes' pixels as one Float32Array [count, size, size] (for a tensor). */
export function stackPixels(scenes: readonly Scene[]): Float32Array {
  const size = scenes[0]?.size ?? SCENE_SIZE;
  const out = new Float32Array(scenes.length * size * size);
  scenes.forEach((s, i) => out.set(s.pixels, i * size * size));
  return out;
}

/** The MNIST split a scene set draws from: training scenes never share a digit with test scenes. */
export const SPLITS = { train: { start: 0, end: 8000 }, test: { start: 8000, end: 10000 } } as const;

/** The held-out scenes of the detection and segmentation demos (page and worker make the same ones). */
export function heldOutScenes(images: Uint8Array, labels: Uint8Array, seed: number, count: number, maxDigits: number): Scene[] {
  return generateScenes({ images, labels, digits: SPLITS.test, count, seed: seed + 1, minDigits: Math.min(1, maxDigits), maxDigits });
}

/** The options both scene trainers (detector, segmenter) take. */
export interface SceneTrainerOptions {
  tf: Tf;
  /** Scenes for training: `count` is ignored, scene k of step t is scene t·batch + k. */
  train: Omit<SceneOptions, 'count'>;
  test: Scene[];
  seed: number;
  batchSize: number;
  learningRate: () => number;
  signal?: AbortSignal | undefined;
}
