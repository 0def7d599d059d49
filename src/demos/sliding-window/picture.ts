/**
 * What the scene figure shows, from the fully convolutional score map (plain TypeScript): the
 * chosen class's probability at each window of the reader's stride, and the boxes of the windows
 * that pass the threshold, after per-class NMS.
 */
import { BACKGROUND, WINDOW_CLASSES } from '../../engines/detection/background-class.ts';
import { suppressPerClass } from '../../engines/detection/evaluate-detections.ts';
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
  const boxes = suppressPerClass(windowBoxes(probs, size, stride, threshold), WINDOW_NMS_IOU);
  return { overlay: { values, perSide, stride, centre: WINDOW / 2 }, boxes };
}
