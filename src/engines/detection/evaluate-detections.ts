/**
 * From decoded cell boxes to the detector's figures: per-class NMS in each scene, then AP per
 * class at an IoU threshold over all the scenes, and mAP (plain TypeScript).
 */
import { classAp, meanAp, type ClassAp, type Detection } from './average-precision.ts';
import { nms } from './boxes.ts';
import type { ScoredBox } from './grid-targets.ts';
import { DIGIT_CLASSES, type Scene } from './scenes.ts';

/** Per-class NMS of one scene's boxes (boxes of different classes never suppress each other). */
export function suppressPerClass(boxes: readonly ScoredBox[], threshold: number): ScoredBox[] {
  const kept: ScoredBox[] = [];
  for (let c = 0; c < DIGIT_CLASSES; c++) {
    const mine = boxes.filter((b) => b.label === c && b.x1 > b.x0 && b.y1 > b.y0);
    for (const i of nms(mine, mine.map((b) => b.score), threshold)) kept.push(mine[i]!);
  }
  return kept.sort((a, b) => b.score - a.score);
}

export interface DetectionReport {
  perClass: ClassAp[];
  mAP: number | undefined;
}

export function evaluateDetections(detections: readonly (readonly ScoredBox[])[], scenes: readonly Scene[], iouThreshold = 0.5): DetectionReport {
  const perClass = Array.from({ length: DIGIT_CLASSES }, (_, c) => {
    const dets: Detection[] = detections.flatMap((boxes, image) => boxes.filter((b) => b.label === c).map((b) => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1, score: b.score, image })));
    const truth = scenes.map((s) => s.objects.filter((o) => o.label === c));
    return classAp(dets, truth, iouThreshold);
  });
  return { perClass, mAP: meanAp(perClass.map((c) => c.ap)) };
}
