/**
 * What the scene figure shows, from the fully convolutional score map (plain TypeScript): the
 * chosen class's probability at each window of the reader's stride, and the boxes of the windows
 * that pass the threshold, after NMS across classes.
 */
import { BACKGROUND, WINDOW_CLASSES } from '../../engines/detection/background-class.ts';
import { nms } from '../../engines/detection/boxes.ts';
import { WINDOW, windowsAtStride } from '../../engines/detection/fully-convolutional.ts';
import type { ScoredBox } from '../../engines/detection/grid-targets.ts';
import { mapAtStride, softmaxRows, windowBoxes, WINDOW_NMS_IOU } from '../../engines/detection/window-detections.ts';
import type { SceneOverlay } from '../../views/detection/scene-boxes.ts';

/** 'digit' (1 − p(background)), '0' … '9', or 'background'. */
export type ShownClass = string;

export function scenePicture(map: Float32Array, size: number, stride: number, show: ShownClass, threshold: number): { overlay: SceneOverlay; boxes: ScoredBox[] } {
  const probs = softmaxRows(mapAtStride(map, size, stride));
  const perSide = windowsAtStride(size, stride);
  const column = show === 'background' || show === 'digit' ? BACKGROUND : Number(show);
  const values = Float32Array.from({ length: perSide * perSide }, (_, k) => {
    const p = probs[k * WINDOW_CLASSES + column]!;
    return show === 'digit' ? 1 - p : p;
  });
  const candidates = windowBoxes(probs, size, stride, threshold);
  const boxes = nms(candidates, candidates.map((b) => b.score), WINDOW_NMS_IOU).map((i) => candidates[i]!);
  return { overlay: { values, perSide, stride, centre: WINDOW / 2 }, boxes };
}
