/**
 * The layer table: name, what it does, output shape, parameters, multiply-adds and activations,
 * one row per layer, sorted by the reader's column (a header button asks for it). Numbers are
 * exact, with thousands separators, as the notes' tables print them.
 */
import type { LayerRow } from '../../engines/architectures/analyze.ts';

export type LayerSort = 'layer' | 'params' | 'macs' | 'activations';

const COLUMNS: { key: LayerSort | 'detail' | 'output'; label: string; numeric?: boolean }[] = [
  { key: 'layer', label: 'Layer' },
  { key: 'detail', label: 'Does' },
  { key: 'output', label: 'Output' },
  { key: 'params', label: 'Parameters', numeric: true },
  { key: 'macs', label: 'Multiply-adds', numeric: true },
  { key: 'activations', label: 'Activations', numeric: true },
];

const exact = (n: number) => n.toLocaleString('en-US');

export function sortRows(rows: readonly LayerRow[], sort: LayerSort): LayerRow[] {
  return sort === 'layer' ? [...rows] : [...rows].sort((a, b) => b[sort] - a[sort]);
}

export function drawLayerTable(container: HTMLElement, rows: readonly LayerRow[], sort: LayerSort, onSort: (sort: LayerSort) => void): void {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const column of COLUMNS) {
    const th = document.createElement('th');
    th.scope = 'col';
    if (column.numeric || column.key === 'layer') {
      const key = column.key as LayerSort;
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: column.label });
      button.dataset['sort'] = key;
      th.setAttribute('aria-sort', key === sort ? (key === 'layer' ? 'ascending' : 'descending') : 'none');
      button.addEventListener('click', () => onSort(key));
      th.append(button);
    } else th.textContent = column.label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of sortRows(rows, sort)) {
    const tr = body.insertRow();
    tr.dataset['kind'] = row.kind;
    for (const text of [row.name, row.detail, row.output.join('×'), exact(row.params), exact(row.macs), exact(row.activations)]) tr.insertCell().textContent = text;
  }
  container.replaceChildren(table);
}
