/** The tables under the chart: every measurement of the op shown, the training steps, what was skipped. */
import { caseLabel, type OpName } from '../../engines/backend-bench/cases.ts';
import type { BenchResults } from '../../engines/backend-bench/results.ts';
import { SHORT_LABELS } from './chart-data.ts';

const cell = (tag: 'td' | 'th', text: string) => {
  const element = document.createElement(tag);
  element.textContent = text;
  if (tag === 'th') element.scope = 'row';
  return element;
};
const row = (...cells: HTMLElement[]) => {
  const tr = document.createElement('tr');
  tr.append(...cells);
  return tr;
};
const ms = (value: number | null) => (value === null ? '—' : value < 1 ? value.toFixed(3) : value.toPrecision(3));

export function showOpRows(body: HTMLElement, results: BenchResults, op: OpName): void {
  body.replaceChildren(...results.ops.filter((r) => r.op === op).map((r) =>
    row(cell('th', SHORT_LABELS[r.backend]), cell('td', caseLabel({ kind: 'op', op: r.op, size: r.size })), cell('td', r.gflops.toPrecision(3)), cell('td', ms(r.wallMs)), cell('td', ms(r.kernelMs))),
  ));
}

export function showTrainRows(body: HTMLElement, results: BenchResults): void {
  body.replaceChildren(...results.train.map((t) =>
    row(cell('th', SHORT_LABELS[t.backend]), cell('td', ms(t.eagerMs)), cell('td', String(t.eagerKernels)), cell('td', ms(t.fusedMs)), cell('td', String(t.fusedKernels)), cell('td', `${(t.eagerMs / t.fusedMs).toFixed(2)}×`)),
  ));
}

const items = (texts: string[]) => texts.map((text) => {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
});

/** Failures, devices and times in view; the skipped cases (often many) folded under a count. */
export function showNotes(parts: { list: HTMLElement; skipped: HTMLElement; skippedBox: HTMLDetailsElement; skippedSummary: HTMLElement }, results: BenchResults): void {
  parts.list.replaceChildren(...items([
    ...results.failed.map((f) => f.message),
    ...results.devices.map((d) => `${SHORT_LABELS[d.backend]} computed on ${d.device}${d.emulated ? ', a software emulation of a GPU (its figures are the processor’s)' : ''}.`),
    ...results.backends.map((b) => `${SHORT_LABELS[b.backend]}: suite took ${(b.totalMs / 1000).toFixed(1)} s ${b.where === 'worker' ? 'in a Web Worker' : 'on the page’s thread'}.`),
  ]));
  parts.skipped.replaceChildren(...items(results.skipped.map((s) => `${SHORT_LABELS[s.backend]}, ${s.what}: ${s.reason}.`)));
  parts.skippedBox.hidden = results.skipped.length === 0;
  parts.skippedSummary.textContent = `Skipped on this machine: ${results.skipped.length} (why, case by case)`;
}
