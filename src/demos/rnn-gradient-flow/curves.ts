/** The models the demo compares, and clipping as the training loop applies it (pure, unit-tested). */
import type { FlowModel } from '../../engines/char-rnn/gradient-flow.ts';

export interface CurveSpec {
  label: string;
  color: string;
  model: FlowModel;
}

export function curveSpecs(hidden: number, length: number, scale: number, seed: number): CurveSpec[] {
  const rnn = (s: number, color: string, label = `tanh RNN, s = ${s}`): CurveSpec => ({ label, color, model: { cell: 'rnn', hidden, scale: s, forgetBias: 0, seed, length } });
  const lstm = (bias: number, color: string): CurveSpec => ({ label: `LSTM, forget bias ${bias}`, color, model: { cell: 'lstm', hidden, scale: 1, forgetBias: bias, seed, length } });
  const fixed = [0.5, 1, 2].filter((s) => s !== scale).map((s, i) => rnn(s, ['#56B4E9', '#0072B2', '#CC79A7'][i]!));
  return [rnn(scale, '#D55E00', `tanh RNN, s = ${scale} (yours)`), ...fixed, lstm(0, '#999999'), lstm(1, '#009E73')];
}

/** Norms after clipping the whole gradient (every ∂L/∂h_{t−k} together) to norm θ. */
export function clipNorms(norms: readonly number[], threshold: number): { norms: number[]; factor: number } {
  const total = Math.sqrt(norms.reduce((s, n) => s + n * n, 0));
  const factor = total > threshold ? threshold / total : 1;
  return { norms: norms.map((n) => n * factor), factor };
}

/** The log10 values plotted (a gradient of exactly 0 is left out of the line). */
export function log10Values(norms: readonly number[]): number[] {
  return norms.map((n) => (n > 0 ? Math.log10(n) : Number.NaN));
}
