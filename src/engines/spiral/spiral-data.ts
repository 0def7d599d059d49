/**
 * The spiral of the notes' case study: K arms of N points each, radius from 0 to 1 and angle
 * t = 4j .. 4(j+1) plus Gaussian noise, seeded so that a seed always gives the same points.
 * Points the reader adds travel as text "x,y,c;x,y,c" (the URL keeps them).
 */
import { createRandom } from '../random.ts';

export interface SpiralData {
  /** x0, y0, x1, y1, ... (length 2·count). */
  points: Float32Array;
  labels: Int32Array;
  classes: number;
}

export function generateSpiral(options: { perClass: number; classes: number; noise: number; seed: number }): SpiralData {
  const { perClass, classes } = options;
  const random = createRandom(options.seed);
  const points = new Float32Array(perClass * classes * 2);
  const labels = new Int32Array(perClass * classes);
  for (let j = 0; j < classes; j++) {
    for (let i = 0; i < perClass; i++) {
      const index = j * perClass + i;
      const fraction = perClass === 1 ? 0 : i / (perClass - 1);
      const radius = fraction;
      const angle = 4 * j + 4 * fraction + random.normal() * options.noise;
      points[2 * index] = radius * Math.sin(angle);
      points[2 * index + 1] = radius * Math.cos(angle);
      labels[index] = j;
    }
  }
  return { points, labels, classes };
}

export type AddedPoint = readonly [x: number, y: number, label: number];

export const ADDED_POINTS_PATTERN = /^$|^-?\d+(\.\d+)?,-?\d+(\.\d+)?,[0-4](;-?\d+(\.\d+)?,-?\d+(\.\d+)?,[0-4])*$/;

export function parseAddedPoints(text: string): AddedPoint[] {
  if (text === '') return [];
  return text.split(';').map((item) => {
    const [x, y, c] = item.split(',').map(Number);
    return [x!, y!, c!] as const;
  });
}

export function formatAddedPoints(points: readonly AddedPoint[]): string {
  return points.map(([x, y, c]) => `${x.toFixed(2)},${y.toFixed(2)},${c}`).join(';');
}

/** The spiral plus the reader's points (those of a class beyond `classes` are left out). */
export function withAddedPoints(data: SpiralData, added: readonly AddedPoint[]): SpiralData {
  const kept = added.filter(([, , c]) => c < data.classes);
  const count = data.labels.length + kept.length;
  const points = new Float32Array(count * 2);
  const labels = new Int32Array(count);
  points.set(data.points);
  labels.set(data.labels);
  kept.forEach(([x, y, c], k) => {
    const index = data.labels.length + k;
    points[2 * index] = x;
    points[2 * index + 1] = y;
    labels[index] = c;
  });
  return { points, labels, classes: data.classes };
}

/** Classes that have no point at all (the softmax still scores them; they can never be right). */
export function emptyClasses(data: SpiralData): number[] {
  const counts = new Array<number>(data.classes).fill(0);
  for (const label of data.labels) counts[label]! += 1;
  return counts.flatMap((count, label) => (count === 0 ? [label] : []));
}
