/** The timing table of the kNN demo: one row per implementation, cells as given. */
const HEADERS = ['Implementation', 'Test × train', 'Time', 'Per distance', 'Time ÷ no loops', 'Largest |difference| from a plain loop'];

export function renderTimingTable(table: HTMLTableElement, rows: readonly string[][]): void {
  const head = document.createElement('tr');
  for (const text of HEADERS) head.append(Object.assign(document.createElement('th'), { textContent: text, scope: 'col' }));
  const body = rows.map((cells) => {
    const tr = document.createElement('tr');
    tr.dataset['method'] = cells[0] ?? '';
    cells.forEach((text, i) => tr.append(Object.assign(document.createElement(i === 0 ? 'th' : 'td'), { textContent: text })));
    return tr;
  });
  table.replaceChildren(head, ...body);
}
