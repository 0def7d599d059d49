/** The filters run's export: the kernels' weights, the source and the responses. */
import type { KernelSet } from '../../engines/conv-filters/kernels.ts';
import { range } from '../../views/conv-filters/filter-figure.ts';
import { toCsv } from '../export.ts';
import type { Applied } from './summary.ts';

/** Maps up to this many pixels go into the JSON export in full. */
const EXPORT_PIXELS = 128 * 128;

export function exportFilters(set: KernelSet, relu: boolean, applied: Applied | undefined): { csv: string; json: unknown } {
  const rows: (string | number)[][] = [];
  set.kernels.forEach((kernel) => kernel.weights.forEach((w, n) => rows.push([kernel.label, Math.floor(n / kernel.size), n % kernel.size, w])));
  const source = applied?.source;
  const result = applied?.result;
  const full = source && source.image.width * source.image.height <= EXPORT_PIXELS;
  return {
    csv: toCsv(['kernel', 'row', 'column', 'weight'], rows),
    json: {
      source: source && { label: source.label, width: source.image.width, height: source.image.height, pixels: full ? Array.from(source.image.pixels) : 'omitted (larger than 128×128)' },
      kernels: set.kernels.map((k) => ({ label: k.label, size: k.size, weights: Array.from(k.weights) })),
      combine: set.combine,
      relu,
      responses: result?.labels.map((label, m) => {
        const [min, max] = range(result.maps[m]!);
        return { label, min, max, values: full ? Array.from(result.maps[m]!) : 'omitted (larger than 128×128)' };
      }),
    },
  };
}
