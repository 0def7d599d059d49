/**
 * Per-class IoU of predicted and true label maps (every pixel has one class), and their mean over
 * the classes present in the truth or the prediction: the usual semantic-segmentation score.
 */
export interface SegmentationScore {
  /** IoU of each class = |pred ∩ true| / |pred ∪ true| over all pixels; undefined if the class appears in neither. */
  perClass: (number | undefined)[];
  meanIou: number | undefined;
  pixelAccuracy: number;
}

export function segmentationScore(predicted: ArrayLike<number>, truth: ArrayLike<number>, classes: number): SegmentationScore {
  if (predicted.length !== truth.length) throw new RangeError(`${predicted.length} predicted pixels but ${truth.length} true ones.`);
  const inter = new Float64Array(classes);
  const predCount = new Float64Array(classes);
  const trueCount = new Float64Array(classes);
  let correct = 0;
  for (let p = 0; p < truth.length; p++) {
    const t = truth[p]!;
    const y = predicted[p]!;
    predCount[y]! += 1;
    trueCount[t]! += 1;
    if (t === y) {
      inter[t]! += 1;
      correct += 1;
    }
  }
  const perClass = Array.from({ length: classes }, (_, c) => {
    const union = predCount[c]! + trueCount[c]! - inter[c]!;
    return union > 0 ? inter[c]! / union : undefined;
  });
  const defined = perClass.filter((v): v is number => v !== undefined);
  return { perClass, meanIou: defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : undefined, pixelAccuracy: truth.length ? correct / truth.length : 0 };
}
