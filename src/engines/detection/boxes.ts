/**
 * Boxes, their intersection over union, and non-maximum suppression, in plain TypeScript (the
 * detector demo draws and steps through these; the detector's evaluation uses them too).
 * A box is [x0, y0) × [x1, y1) in pixels: its area is (x1 − x0)(y1 − y0), so two boxes that only
 * touch along an edge share no area.
 */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const area = (b: Box): number => Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);

/** Why a box cannot take part in IoU (reversed or zero-area), or undefined when it can. */
export function boxProblem(b: Box, name = 'The box'): string | undefined {
  const values = [b.x0, b.y0, b.x1, b.y1];
  if (!values.every(Number.isFinite)) return `${name} has a coordinate that is not a number.`;
  if (b.x1 <= b.x0 || b.y1 <= b.y0) return `${name} has zero area (${b.x1 - b.x0} × ${b.y1 - b.y0} pixels): IoU divides by the area of the union, so it needs boxes with width and height above 0.`;
  return undefined;
}

export function intersection(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/** IoU = |A ∩ B| / |A ∪ B|; throws with boxProblem's message for a zero-area box. */
export function iou(a: Box, b: Box): number {
  const problem = boxProblem(a, 'The first box') ?? boxProblem(b, 'The second box');
  if (problem) throw new RangeError(problem);
  const inter = intersection(a, b);
  return inter / (area(a) + area(b) - inter);
}

/** Why a threshold cannot be used, or undefined (thresholds are fractions of overlap or score). */
export function thresholdProblem(value: number, name: string): string | undefined {
  if (!Number.isFinite(value) || value < 0 || value > 1) return `${name} must lie in [0, 1]; ${value} does not.`;
  return undefined;
}

export interface NmsStep {
  /** The box kept at this step: the highest-scoring one still in play. */
  kept: number;
  /** Boxes removed at this step because their IoU with the kept box exceeds the threshold. */
  suppressed: { index: number; iou: number }[];
}

/**
 * Greedy non-maximum suppression, step by step: take the highest-scoring box left, keep it,
 * remove every remaining box whose IoU with it is above `threshold`; repeat until none is left.
 * Ties in score go to the lower index, so the result does not depend on sort stability. With
 * `labels`, only boxes of the same label suppress each other (per-class NMS).
 */
export function nmsSteps(boxes: readonly Box[], scores: readonly number[], threshold: number, labels?: readonly number[]): NmsStep[] {
  const problem = thresholdProblem(threshold, 'The NMS IoU threshold');
  if (problem) throw new RangeError(problem);
  if (boxes.length !== scores.length) throw new RangeError(`${boxes.length} boxes but ${scores.length} scores.`);
  boxes.forEach((b, i) => {
    const bad = boxProblem(b, `Box ${i + 1}`);
    if (bad) throw new RangeError(bad);
  });
  let left = boxes.map((_, i) => i).sort((i, j) => scores[j]! - scores[i]! || i - j);
  const steps: NmsStep[] = [];
  while (left.length > 0) {
    const kept = left[0]!;
    const suppressed: NmsStep['suppressed'] = [];
    const rest: number[] = [];
    for (const index of left.slice(1)) {
      const overlap = labels && labels[index] !== labels[kept] ? 0 : iou(boxes[kept]!, boxes[index]!);
      if (overlap > threshold) suppressed.push({ index, iou: overlap });
      else rest.push(index);
    }
    steps.push({ kept, suppressed });
    left = rest;
  }
  return steps;
}

/** The indices NMS keeps, best first. */
export function nms(boxes: readonly Box[], scores: readonly number[], threshold: number): number[] {
  return nmsSteps(boxes, scores, threshold).map((s) => s.kept);
}
