/**
 * The char-RNN demo's views: the bits-per-character curves, the samples (each character shows the
 * five likeliest next characters the model weighed before writing it), and a held-out passage
 * coloured by one unit's activation.
 */
import type { Sample } from '../../engines/char-rnn/trainer.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createLineChart } from '../../views/line-chart.ts';
import type { DemoContext } from '../types.ts';
import type { CHAR_RNN_SPEC } from './spec.ts';
import { describeTop, showChar } from './summary.ts';
import type { CharRnnHistory } from './training.ts';

const POSITIVE = '0, 114, 178';
const NEGATIVE = '213, 94, 0';

export function createCharRnnViews(context: DemoContext<typeof CHAR_RNN_SPEC>, chars: readonly string[]) {
  const chartBox = context.part('[data-chart]');
  const sampleBox = context.part('[data-sample]');
  const argmaxBox = context.part('[data-argmax]');
  const topBox = context.part('[data-top5]');
  const passageBox = context.part('[data-passage]');
  chartBox.replaceChildren();
  const chart = createLineChart(chartBox, { width: fitWidth(chartBox, 260, 640), height: 190, xLabel: 'training step', yLabel: 'bits/char', label: 'Training and held-out bits per character' });
  let tops: Sample['top'] = [];
  const showTop = (k: number) => {
    const top = tops[k];
    topBox.textContent = top ? `Before character ${k + 1}: ${describeTop(top.map((t) => ({ char: chars[t.index] ?? '', p: t.p })))}` : '';
  };
  const onPoint = (event: Event) => {
    const index = (event.target as HTMLElement).dataset['k'];
    if (index !== undefined) showTop(Number(index));
  };
  sampleBox.addEventListener('pointerover', onPoint, { signal: context.signal });
  sampleBox.addEventListener('focusin', onPoint, { signal: context.signal });

  return {
    svg: chart.svg,
    drawHistory(history: CharRnnHistory) {
      const every = Math.max(1, Math.ceil(history.train.length / 500));
      const xs: number[] = [];
      const values: number[] = [];
      for (let i = 0; i < history.train.length; i += every) {
        const window = history.train.slice(Math.max(0, i - 19), i + 1);
        xs.push(i + 1);
        values.push(window.reduce((a, b) => a + b, 0) / window.length);
      }
      chart.update([
        { label: 'training (mean of 20 steps)', color: 'var(--sl-color-accent)', values, xs },
        { label: 'held-out', color: '#D55E00', values: history.valid.map((v) => v.bits), xs: history.valid.map((v) => v.step), dashed: true },
      ]);
    },
    drawSample(prime: string, sample: Sample, argmaxText: string) {
      tops = sample.top;
      const primeSpan = Object.assign(document.createElement('span'), { className: 'char-rnn-prime', textContent: prime });
      const spans = sample.ids.map((id, k) => {
        const span = document.createElement('span');
        span.textContent = chars[id] ?? '';
        span.dataset['k'] = String(k);
        return span;
      });
      sampleBox.replaceChildren(primeSpan, ...spans);
      argmaxBox.replaceChildren(Object.assign(document.createElement('span'), { className: 'char-rnn-prime', textContent: prime }), argmaxText);
      showTop(sample.ids.length - 1);
    },
    /** `values` has one activation per character of `passage`. */
    drawActivations(passage: string, values: ArrayLike<number>, unit: number, state: string) {
      let most = 1e-9;
      for (let k = 0; k < values.length; k++) most = Math.max(most, Math.abs(values[k]!));
      const scale = state === 'h' ? 1 : most;
      passageBox.replaceChildren(...Array.from(passage, (c, k) => {
        const v = Math.max(-1, Math.min(1, values[k]! / scale));
        const span = document.createElement('span');
        span.textContent = c === '\n' ? '↵\n' : c;
        span.style.background = `rgba(${v >= 0 ? POSITIVE : NEGATIVE}, ${(0.85 * Math.abs(v)).toFixed(2)})`;
        span.title = `${showChar(c)}: ${state}[${unit}] = ${values[k]!.toFixed(3)}`;
        return span;
      }));
    },
  };
}
