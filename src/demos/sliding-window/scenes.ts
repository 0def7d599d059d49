/** The sliding-window demo's scenes: digits drawn at 24 to 32 pixels, near the window's 28, from disjoint MNIST splits. */
import { generateScenes, SPLITS, type Scene } from '../../engines/detection/scenes.ts';
import type { MnistData } from '../../data/mnist-format.ts';

const SCALES = { minScale: 24, maxScale: 32 };
/** Scenes whose windows train the background class. */

export const trainingScenes = (data: MnistData, seed: number, count: number): Scene[] =>
  generateScenes({ images: data.images, labels: data.labels, digits: SPLITS.train, count, seed, maxDigits: 4, ...SCALES });

export const heldOutScenes = (data: MnistData, seed: number, count: number, maxDigits: number): Scene[] =>
  generateScenes({ images: data.images, labels: data.labels, digits: SPLITS.test, count, seed: seed + 1, minDigits: Math.min(1, maxDigits), maxDigits, ...SCALES });

/** Why a scene gives the detector nothing to find, or undefined. */
export function emptySceneProblem(pixels: Float32Array, drawn: boolean): string | undefined {
  if (pixels.some((v) => v > 0.5)) return undefined;
  return drawn
    ? 'The scene is blank: draw a digit or two on it (about as tall as the window, 28 pixels), or pick a held-out scene.'
    : 'This scene has no digits (digits per scene is 0): every window should score as background, so no box appears. Set digits per scene to 1 or more.';
}
