/** The char-RNN demo's readouts, as pure functions of what the run knows (unit-tested). */
import { scheduledRate } from '../../engines/optimizers/schedule.ts';
import type { CharRnnSettings } from './spec.ts';

export interface CharRnnState {
  step: number;
  steps: number;
  model: string;
  /** Mean training bits per character over the last steps, if any. */
  train?: number | undefined;
  valid?: { step: number; bits: number } | undefined;
  charsPerSecond: number;
  /** The learning rate of the next step (α_t of the decay). */
  rate?: number | undefined;
  source: string;
}

const CELL_NAMES: Record<string, string> = { lstm: 'LSTM', gru: 'GRU', rnn: 'vanilla RNN' };

export function modelName(cell: string, layers: number, hidden: number): string {
  return `${CELL_NAMES[cell] ?? cell} ${layers} × ${hidden}`;
}

export function describeCharRnn(s: CharRnnState): string {
  const head = `${s.model} on ${s.source}: step ${s.step.toLocaleString('en-US')} of ${s.steps.toLocaleString('en-US')}.`;
  if (s.step === 0 && !s.valid) return `${head} Press Play to train.`;
  const parts = [
    s.train !== undefined ? `training ${s.train.toFixed(2)} bits/char` : '',
    s.valid ? `held-out ${s.valid.bits.toFixed(2)} bits/char (step ${s.valid.step.toLocaleString('en-US')})` : '',
    s.charsPerSecond > 0 ? `${Math.round(s.charsPerSecond).toLocaleString('en-US')} characters/s` : '',
    s.rate !== undefined ? `learning rate now ${Number(s.rate.toPrecision(2))}` : '',
  ].filter(Boolean);
  return `${head} ${parts.join(', ')}.`;
}

/** The rate step `step` trains at: α decayed over the training steps (the worker uses the same schedule). */
export function rateAt(s: Pick<CharRnnSettings, 'lr' | 'decay' | 'steps'>, step: number): number {
  return scheduledRate(s.lr, step, s.steps, s.decay);
}

/** Mean of the last `n` values (the training curve is noisy from batch to batch). */
export function recentMean(values: readonly number[], n = 20): number | undefined {
  if (values.length === 0) return undefined;
  const tail = values.slice(-n);
  return tail.reduce((a, b) => a + b, 0) / tail.length;
}

/** A character as the reader can see it in a list (space, newline and tab made visible). */
export function showChar(c: string): string {
  return c === ' ' ? '␣' : c === '\n' ? '↵' : c === '\t' ? '⇥' : c;
}

export function describeTop(top: readonly { char: string; p: number }[]): string {
  return top.map((t) => `${showChar(t.char)} ${(100 * t.p).toFixed(1)}%`).join(' · ');
}

/** The curves as CSV rows: step, training bits, held-out bits where measured. */
export function historyRows(train: readonly number[], valid: readonly { step: number; bits: number }[]): (string | number)[][] {
  const measured = new Map(valid.map((v) => [v.step, v.bits]));
  const rows: (string | number)[][] = valid.filter((v) => v.step === 0).map((v) => [0, '', v.bits]);
  return rows.concat(train.map((bits, i) => [i + 1, bits, measured.get(i + 1) ?? '']));
}
