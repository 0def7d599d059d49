/** The GAN sampler's export: the grid's codes and samples, and their nearest training digits. */
import { LATENT_DIM } from '../../engines/dcgan/architecture.ts';
import type { SampleQuality } from '../../engines/generative/quality.ts';
import { toCsv } from '../export.ts';
import { codeOf, type SamplerGrid } from './compute.ts';
import { GRID_COUNT } from './spec.ts';

export function exportSampler(grid: SamplerGrid | undefined, modelQuality: SampleQuality): { csv: string; json: unknown } {
  const rows: (string | number)[][] = [];
  if (grid) for (let i = 0; i < GRID_COUNT; i++) rows.push([i, ...Array.from(codeOf(grid, i)), grid.nearest?.[i]?.index ?? '', grid.nearest?.[i]?.distance ?? '']);
  return {
    csv: toCsv(['sample', ...Array.from({ length: LATENT_DIM }, (_, d) => `z${d}`), 'nearest_training_index', 'nearest_distance'], rows),
    json: {
      seed: grid ? grid.seed : Number.NaN,
      latentDim: LATENT_DIM,
      codes: Array.from(grid?.codes ?? []),
      samples: Array.from(grid?.samples ?? []),
      nearest: grid?.nearest?.map((n) => ({ index: n.index, label: n.label, distance: n.distance })) ?? null,
      modelQuality,
    },
  };
}
