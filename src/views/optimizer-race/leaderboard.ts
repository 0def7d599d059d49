/** The race's leaderboard: one table row per optimizer, best current loss first. */

export interface LeaderboardRow {
  name: string;
  label: string;
  color: string;
  loss: number;
  steps: number;
  reachedAt: number | undefined;
  diverged: boolean;
  enabled: boolean;
}

export function renderLeaderboard(body: HTMLTableSectionElement, rows: readonly LeaderboardRow[], goal: string): void {
  const rank = (r: LeaderboardRow) => (!r.enabled ? 3 : r.diverged ? 2 : Number.isFinite(r.loss) ? 0 : 1);
  const sorted = [...rows].sort((a, b) => rank(a) - rank(b) || a.loss - b.loss);
  const caption = body.closest('table')?.querySelector('[data-goal]');
  if (caption) caption.textContent = goal;
  body.replaceChildren(
    ...sorted.map((row) => {
      const tr = document.createElement('tr');
      tr.dataset['optimizer'] = row.name;
      tr.className = row.diverged ? 'is-diverged' : row.enabled ? '' : 'is-off';
      const name = document.createElement('th');
      name.scope = 'row';
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = row.color;
      name.append(swatch, row.label);
      const loss = cell(!row.enabled ? 'off' : row.diverged ? 'diverged' : Number.isFinite(row.loss) ? formatLoss(row.loss) : '—');
      const reached = cell(row.reachedAt === undefined ? '—' : String(row.reachedAt));
      tr.append(name, loss, reached);
      return tr;
    }),
  );
}

function cell(text: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function formatLoss(value: number): string {
  return Math.abs(value) < 1e-3 && value !== 0 ? value.toExponential(1) : value.toPrecision(3);
}
