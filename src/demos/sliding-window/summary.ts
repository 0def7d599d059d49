/** The sliding-window demo's readouts, as pure functions of what the run knows (unit-tested). */
import { OUTPUT_STRIDE } from '../../engines/detection/fully-convolutional.ts';

/** The stride to use for what the reader asked: a multiple of the net's output stride of 4. */
export function snapStride(asked: number): { stride: number; problem?: string } {
  const stride = Math.max(OUTPUT_STRIDE, Math.round(asked / OUTPUT_STRIDE) * OUTPUT_STRIDE);
  if (stride === asked) return { stride };
  return { stride, problem: `Stride (pixels): ${asked} is not a multiple of 4 (the network's two 2×2 poolings put its outputs 4 pixels apart); using ${stride}.` };
}

export interface TrainingState {
  step: number;
  steps: number;
  loss: number | undefined;
  windows: number;
  digitWindows: number;
}

export function describeTraining(s: TrainingState): string {
  if (s.step === 0) return `Background class not trained yet (press Play): every window must still pick one of the ten digits.`;
  return `Background class: step ${s.step} of ${s.steps}, loss ${s.loss?.toFixed(3) ?? 'n/a'} on ${s.windows} training windows (${s.digitWindows} centred on a digit).`;
}

export interface ComparisonState {
  stride: number;
  windows: number;
  slidingMs: number;
  fcnMs: number;
  maxDifference: number;
}

const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;

export function describeComparison(c: ComparisonState): string {
  const ratio = c.slidingMs / c.fcnMs;
  const speed = ratio >= 1 ? `${ratio.toFixed(1)}× faster` : `${(1 / ratio).toFixed(1)}× slower`;
  return `Stride ${c.stride}, ${c.windows} windows: sliding window ${ms(c.slidingMs)}, fully convolutional ${ms(c.fcnMs)} (${speed}). Largest |difference| between the two score maps: ${c.maxDifference.toExponential(1)}.`;
}

export function describeBoxes(boxes: number, threshold: number, digits: number | undefined): string {
  const found = `${boxes} box${boxes === 1 ? '' : 'es'} at threshold ${threshold.toFixed(2)} after NMS`;
  return digits === undefined ? `${found} on your drawing.` : `${found}; the scene has ${digits} digit${digits === 1 ? '' : 's'}.`;
}
