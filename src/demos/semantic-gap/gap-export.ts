/** The semantic-gap export: the distances as CSV; the settings, the neighbours and the changed digit as JSON. */
import { GAP_ROWS } from '../../views/semantic-gap/gap-figure.ts';
import { toCsv } from '../export.ts';
import type { Measured } from './measure.ts';

export function exportGap(settings: object, measured: Measured | undefined): { csv: string; json: unknown } {
  const rows = measured?.measure.spaces.flatMap((space) => space.values.map((value, r) => [space.name, GAP_ROWS[r]!, value])) ?? [];
  return {
    csv: toCsv(['space', 'compared with the original', 'distance'], rows),
    json: measured && {
      settings,
      subject: measured.measure.subject,
      change: measured.measure.change,
      nearestSameClass: { trainingIndex: measured.same.index, label: measured.same.label },
      nearestOtherClass: { trainingIndex: measured.other.index, label: measured.other.label },
      distances: measured.measure.spaces,
      changedReading: measured.measure.changedReading,
      changedPixels: Array.from(measured.figure.numbers, (v) => Math.round(255 * v)),
    },
  };
}
