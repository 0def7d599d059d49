/**
 * Average precision the standard way (PASCAL VOC 2010 onwards): rank one class's detections over
 * all test images by score; walk down the list, a detection is a true positive when its IoU with
 * a not-yet-matched ground-truth box of its image is at least the threshold (the best such box),
 * else a false positive (a second detection of a matched box counts as false). Precision and
 * recall after each detection trace the curve; AP is the area under its upper envelope
 * (precision made non-increasing from the right), summed over the recall steps.
 */
import { iou, type Box } from './boxes.ts';

export interface Detection extends Box {
  image: number;
  score: number;
}

export interface RankedMatch {
  score: number;
  truePositive: boolean;
  precision: number;
  recall: number;
}

export interface ClassAp {
  /** Ground-truth boxes of the class. */
  positives: number;
  ranked: RankedMatch[];
  /** Undefined when the class has no ground-truth box: recall is 0/0. */
  ap: number | undefined;
}

/** Matches detections (any order) to ground truth (boxes per image) and ranks them. */
export function rankDetections(detections: readonly Detection[], truth: readonly (readonly Box[])[], threshold = 0.5): { ranked: RankedMatch[]; positives: number } {
  const positives = truth.reduce((n, boxes) => n + boxes.length, 0);
  const used = truth.map((boxes) => boxes.map(() => false));
  const order = detections.map((_, i) => i).sort((i, j) => detections[j]!.score - detections[i]!.score || i - j);
  let tp = 0;
  const ranked = order.map((index, k) => {
    const d = detections[index]!;
    let best = -1;
    let bestIou = threshold;
    (truth[d.image] ?? []).forEach((g, g_i) => {
      if (used[d.image]![g_i]) return;
      const overlap = iou(d, g);
      if (overlap >= bestIou) {
        bestIou = overlap;
        best = g_i;
      }
    });
    if (best >= 0) used[d.image]![best] = true;
    if (best >= 0) tp += 1;
    return { score: d.score, truePositive: best >= 0, precision: tp / (k + 1), recall: positives > 0 ? tp / positives : 0 };
  });
  return { ranked, positives };
}

/** Area under the interpolated precision-recall curve (all points). */
export function averagePrecision(ranked: readonly RankedMatch[], positives: number): number | undefined {
  if (positives === 0) return undefined;
  let ap = 0;
  let previousRecall = 0;
  for (let k = 0; k < ranked.length; k++) {
    if (!ranked[k]!.truePositive) continue;
    let envelope = 0;
    for (let j = k; j < ranked.length; j++) envelope = Math.max(envelope, ranked[j]!.precision);
    ap += (ranked[k]!.recall - previousRecall) * envelope;
    previousRecall = ranked[k]!.recall;
  }
  return ap;
}

export function classAp(detections: readonly Detection[], truth: readonly (readonly Box[])[], threshold = 0.5): ClassAp {
  const { ranked, positives } = rankDetections(detections, truth, threshold);
  return { positives, ranked, ap: averagePrecision(ranked, positives) };
}

/** mAP: the mean of the APs of the classes that have ground truth (undefined if none has). */
export function meanAp(aps: readonly (number | undefined)[]): number | undefined {
  const defined = aps.filter((ap): ap is number => ap !== undefined);
  return defined.length > 0 ? defined.reduce((s, ap) => s + ap, 0) / defined.length : undefined;
}
