/** The sliding-window demo's export: the boxes found (CSV); losses, both score maps and timings (JSON). */
import type { ScoredBox } from '../../engines/detection/grid-targets.ts';
import type { WindowComparison } from '../../engines/detection/window-comparison.ts';
import { toCsv } from '../export.ts';

export function slidingExport(boxes: readonly ScoredBox[], losses: readonly number[], comparison: WindowComparison | undefined) {
  const rows = boxes.map((b) => [b.label, b.score, b.x0, b.y0, b.x1, b.y1]);
  const maps = comparison && { ...comparison, map: Array.from(comparison.map), sliding: Array.from(comparison.sliding) };
  return { csv: toCsv(['digit', 'score', 'x0', 'y0', 'x1', 'y1'], rows), json: { losses, comparison: maps, boxes } };
}
