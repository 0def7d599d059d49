/**
 * The one-stage grid detector's encoding of boxes (YOLO-style): the scene is cut into G×G cells
 * of side s = size / G; the cell that holds a box's centre is responsible for it and predicts
 *
 *   objectness o (1 there, 0 in every other cell),
 *   the centre's offset in the cell: cx = s·(col + σ(tx)), cy = s·(row + σ(ty)),
 *   the size against an anchor a: w = a·exp(tw), h = a·exp(th),
 *   the class scores (softmax over the 10 digits).
 *
 * Plain TypeScript, shared by training (targets) and by decoding predictions into boxes.
 */
import type { Box } from './boxes.ts';
import { DIGIT_CLASSES, type Scene } from './scenes.ts';

export const GRID = 12;
export const ANCHOR = 20;
/** Channels per cell: objectness, tx, ty, tw, th, then one score per class. */
export const CELL_CHANNELS = 5 + DIGIT_CLASSES;

export interface GridTargets {
  /** [n, G, G, 1]: 1 in a responsible cell. */
  objectness: Float32Array;
  /** [n, G, G, 4]: σ(tx), σ(ty) targets (offsets in [0, 1)) and tw, th targets. */
  geometry: Float32Array;
  /** [n, G, G, 10]: one-hot class of the responsible cell's box (zeros elsewhere). */
  classes: Float32Array;
}

export function encodeTargets(scenes: readonly Scene[], size: number): GridTargets {
  const cells = scenes.length * GRID * GRID;
  const objectness = new Float32Array(cells);
  const geometry = new Float32Array(cells * 4);
  const classes = new Float32Array(cells * DIGIT_CLASSES);
  const side = size / GRID;
  scenes.forEach((scene, n) => {
    for (const o of scene.objects) {
      const cx = (o.x0 + o.x1) / 2 / side;
      const cy = (o.y0 + o.y1) / 2 / side;
      const col = Math.min(GRID - 1, Math.floor(cx));
      const row = Math.min(GRID - 1, Math.floor(cy));
      const cell = (n * GRID + row) * GRID + col;
      objectness[cell] = 1;
      geometry.set([cx - col, cy - row, Math.log((o.x1 - o.x0) / ANCHOR), Math.log((o.y1 - o.y0) / ANCHOR)], cell * 4);
      classes.fill(0, cell * DIGIT_CLASSES, (cell + 1) * DIGIT_CLASSES);
      classes[cell * DIGIT_CLASSES + o.label] = 1;
    }
  });
  return { objectness, geometry, classes };
}

export interface ScoredBox extends Box {
  label: number;
  /** σ(objectness) × the class's softmax probability. */
  score: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Every cell's box for one scene from its raw outputs [G, G, CELL_CHANNELS], with the score of
 * its best class; boxes below `minScore` are dropped (they could never be ranked usefully).
 */
export function decodeCells(raw: Float32Array, offset: number, size: number, minScore: number): ScoredBox[] {
  const side = size / GRID;
  const boxes: ScoredBox[] = [];
  for (let row = 0; row < GRID; row++) {
    for (let col = 0; col < GRID; col++) {
      const at = offset + (row * GRID + col) * CELL_CHANNELS;
      const object = sigmoid(raw[at]!);
      let best = 0;
      let most = -Infinity;
      for (let c = 0; c < DIGIT_CLASSES; c++) if (raw[at + 5 + c]! > most) { most = raw[at + 5 + c]!; best = c; }
      let total = 0;
      for (let c = 0; c < DIGIT_CLASSES; c++) total += Math.exp(raw[at + 5 + c]! - most);
      const score = object / total;
      if (score < minScore) continue;
      const cx = side * (col + sigmoid(raw[at + 1]!));
      const cy = side * (row + sigmoid(raw[at + 2]!));
      const w = ANCHOR * Math.exp(Math.min(4, raw[at + 3]!));
      const h = ANCHOR * Math.exp(Math.min(4, raw[at + 4]!));
      boxes.push({ x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2, label: best, score });
    }
  }
  return boxes;
}
