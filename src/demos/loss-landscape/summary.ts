/** The loss-landscape demo's readout, as a pure function of what the run knows (unit-tested). */
import { BACKEND_LABELS, type BackendName } from '../../tf/types.ts';

export interface LandscapeState {
  model: 'linear-svm' | 'linear-softmax' | 'mlp';
  width: number;
  digits: number;
  resolution: number;
  backend: BackendName;
  trained?: { loss: number; accuracy: number } | undefined;
  grid?: { values: Float32Array; milliseconds: number } | undefined;
}

export function describeLandscape(state: LandscapeState): string {
  if (!state.trained) return 'Training…';
  const name = state.model === 'mlp' ? `MLP with ${state.width} hidden units` : `Linear classifier (${state.model === 'linear-softmax' ? 'softmax' : 'SVM'})`;
  const base = `${name} trained on ${state.digits} digits: loss ${state.trained.loss.toFixed(3)}, training accuracy ${(100 * state.trained.accuracy).toFixed(1)}%.`;
  if (!state.grid) return base;
  let low = Infinity;
  let high = -Infinity;
  for (const value of state.grid.values) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  return `${base} ${state.resolution}×${state.resolution} grid computed in ${Math.round(state.grid.milliseconds)} ms on ${BACKEND_LABELS[state.backend]}; loss from ${low.toFixed(3)} to ${high.toFixed(3)} over the slice.`;
}
