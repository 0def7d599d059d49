/** The segmentation demo's readouts, as pure functions of what the run knows (unit-tested). */
import { transposedOutputSide, type ConvGeometry } from '../../engines/segmentation/transposed-conv.ts';

export function describeMechanics(m: number, g: ConvGeometry, counts: Float64Array): string {
  const n = transposedOutputSide(m, g);
  const values = Array.from(counts);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const head = `Input ${m}×${m}, kernel ${g.kernel}, stride ${g.stride}, padding ${g.padding}: output ${n}×${n}, y = Cᵀx with C the ${m * m}×${n * n} matrix of the convolution that maps ${n}×${n} to ${m}×${m}.`;
  const even = g.kernel % g.stride === 0;
  const pattern = even
    ? `Kernel ${g.kernel} is divisible by stride ${g.stride}: away from the border every output cell gets the same number of contributions.`
    : `Kernel ${g.kernel} is not divisible by stride ${g.stride}: output cells get ${lo} to ${hi} contributions, in a checkerboard.`;
  return `${head} ${pattern}`;
}

export interface SegmenterState {
  step: number;
  steps: number;
  batch: number;
  trainSeconds: number;
  heldOut: number;
  evaluation?: { step: number; meanIou: number | undefined; pixelAccuracy: number } | undefined;
}

export function describeSegmenter(s: SegmenterState): string {
  const head = `Step ${s.step} of ${s.steps} (${s.batch} new scenes a step, ${s.trainSeconds.toFixed(1)} s of training).`;
  if (!s.evaluation) return `${head} Not yet evaluated on the held-out scenes.`;
  const miou = s.evaluation.meanIou === undefined ? 'n/a' : s.evaluation.meanIou.toFixed(3);
  return `${head} Mean IoU on ${s.heldOut} held-out scenes: ${miou}, pixel accuracy ${(100 * s.evaluation.pixelAccuracy).toFixed(1)}% (after step ${s.evaluation.step}).`;
}

export function describeClassIous(perClass: readonly (number | undefined)[]): string {
  return `IoU per class: ${perClass.map((v, c) => `${c === 0 ? 'background' : c - 1}: ${v === undefined ? 'absent' : v.toFixed(2)}`).join(', ')}.`;
}
