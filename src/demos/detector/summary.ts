/** The detector demo's readouts, as pure functions of what the run knows (unit-tested). */
import { area, intersection, iou, type Box, type NmsStep } from '../../engines/detection/boxes.ts';

export interface DetectorState {
  step: number;
  steps: number;
  batch: number;
  trainSeconds: number;
  heldOut: number;
  evaluation?: { step: number; mAP: number | undefined } | undefined;
}

const fixed = (v: number | undefined, digits = 3) => (v === undefined ? 'n/a' : v.toFixed(digits));

export function describeDetector(s: DetectorState): string {
  const head = `Step ${s.step} of ${s.steps} (${s.batch} new scenes a step, ${s.trainSeconds.toFixed(1)} s of training).`;
  if (!s.evaluation) return `${head} Not yet evaluated on the held-out scenes.`;
  return `${head} mAP@0.5 on ${s.heldOut} held-out scenes: ${fixed(s.evaluation.mAP)} (after step ${s.evaluation.step}).`;
}

/** IoU of the two boxes, with its fraction written out. */
export function describeIou(a: Box, b: Box): string {
  const inter = intersection(a, b);
  const union = area(a) + area(b) - inter;
  return `IoU = ${Math.round(inter)} / ${Math.round(union)} = ${iou(a, b).toFixed(3)}`;
}

export type CandidateState = 'kept' | 'suppressed' | 'pending';

/** Each candidate's state after the first `shown` NMS steps, and the last step in words. */
export function nmsProgress(steps: readonly NmsStep[], count: number, shown: number, describe: (index: number) => string, threshold: number): { states: CandidateState[]; text: string } {
  const states: CandidateState[] = Array.from({ length: count }, () => 'pending');
  const done = Math.min(shown, steps.length);
  for (const step of steps.slice(0, done)) {
    states[step.kept] = 'kept';
    for (const s of step.suppressed) states[s.index] = 'suppressed';
  }
  if (count === 0) return { states, text: 'No candidate box scores above the threshold.' };
  if (done === 0) return { states, text: `NMS step 0 of ${steps.length}: ${count} candidate boxes, none kept yet.` };
  const last = steps[done - 1]!;
  const removed = last.suppressed.length === 0
    ? 'it overlaps no remaining box of its digit by more than the threshold'
    : `removed ${last.suppressed.length} box${last.suppressed.length === 1 ? '' : 'es'} with IoU ${last.suppressed.map((s) => s.iou.toFixed(2)).join(', ')} > ${threshold}`;
  return { states, text: `NMS step ${done} of ${steps.length}: kept ${describe(last.kept)}; ${removed}.` };
}

export function describeAps(perClass: readonly { ap: number | undefined; positives: number }[]): string {
  return `AP@0.5 per digit: ${perClass.map((c, digit) => `${digit}: ${c.positives === 0 ? 'no digits' : fixed(c.ap, 2)}`).join(', ')}.`;
}
