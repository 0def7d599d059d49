/** The numeric gradient check as a table: analytic vs centred difference per input. */
import type { InputCheck, Verdict } from '../../engines/backprop/gradient-check.ts';

const VERDICT_TEXT: Record<Verdict, string> = {
  happy: 'agrees',
  ok: 'fine',
  uncomfortable: 'suspicious',
  wrong: 'wrong',
};

export function renderCheckTable(body: HTMLTableSectionElement, checks: InputCheck[], format: (value: number) => string): void {
  body.replaceChildren(...checks.map((check) => {
    const row = document.createElement('tr');
    row.dataset['input'] = check.name;
    row.dataset['verdict'] = check.verdict;
    for (const text of [check.name, format(check.analytic), format(check.numeric), check.relativeError.toExponential(1), VERDICT_TEXT[check.verdict]]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  }));
}
