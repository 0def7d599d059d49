/**
 * What the sampler's figure shows for the current settings: the grid of samples for the seed
 * (kept while the seed stays), their nearest training digits, both interpolation paths, the
 * edited sample and the latent arithmetic. Each generation is awaited before the next; a run
 * that ends stops between them.
 */
import { LATENT_DIM } from '../../engines/dcgan/architecture.ts';
import type { GanSampler } from '../../engines/dcgan/sampler.ts';
import { interpolationPath, latentAnalogy, norm } from '../../engines/generative/latent.ts';
import { normalArray } from '../../engines/params.ts';
import { createRandom } from '../../engines/random.ts';
import type { Neighbour, SamplerFigureData } from '../../views/gan-sampler/sampler-figure.ts';
import type { NeighbourSearch } from './neighbours.ts';
import type { LatentSliders } from './sliders.ts';
import { GRID_COLUMNS, GRID_COUNT, groupMembers, type GanSamplerSettings } from './spec.ts';

/** The samples of one seed: codes, images and (once asked for) their nearest training digits. */
export interface SamplerGrid {
  seed: number;
  codes: Float32Array;
  samples: Float32Array;
  nearest: Neighbour[] | undefined;
}

export interface SamplerInputs {
  sampler: GanSampler;
  neighbours: NeighbourSearch;
  sliders: LatentSliders;
  signal: AbortSignal;
}

/** The code of sample `i` of the grid (a copy). */
export function codeOf(grid: SamplerGrid, i: number): Float32Array {
  return grid.codes.slice(i * LATENT_DIM, (i + 1) * LATENT_DIM);
}

/** The grid for the settings' seed: `previous` when the seed is the same. */
export async function gridFor(settings: GanSamplerSettings, previous: SamplerGrid | undefined, o: SamplerInputs): Promise<SamplerGrid> {
  let grid = previous;
  if (grid?.seed !== settings.seed) {
    const codes = normalArray(createRandom(settings.seed), GRID_COUNT * LATENT_DIM, 1);
    grid = { seed: settings.seed, codes, samples: await o.sampler.generate(codes), nearest: undefined };
  }
  if (settings.nearest && !grid.nearest) grid.nearest = await o.neighbours.find(grid.samples);
  return grid;
}

export async function figureData(settings: GanSamplerSettings, grid: SamplerGrid, o: SamplerInputs): Promise<SamplerFigureData> {
  const { a, b, steps } = settings;
  const code = (i: number) => codeOf(grid, i);
  const paths = [];
  for (const kind of ['linear', 'spherical'] as const) {
    const path = interpolationPath(code(a), code(b), steps, kind);
    const norms = Array.from({ length: steps }, (_, k) => norm(path.subarray(k * LATENT_DIM, (k + 1) * LATENT_DIM)));
    paths.push({ kind, pixels: await o.sampler.generate(path), norms });
  }
  const editedPixels = await o.sampler.generate(o.sliders.edit(code(a)));
  const groups = { plus: groupMembers(settings.plus), minus: groupMembers(settings.minus), base: groupMembers(settings.base) };
  let arithmetic: SamplerFigureData['arithmetic'];
  if (groups.plus.length + groups.minus.length + groups.base.length > 0) {
    // An empty group is a missing term: its mean counts as the zero code.
    const term = (members: number[]) => (members.length > 0 ? members.map(code) : [new Float32Array(LATENT_DIM)]);
    const z = latentAnalogy(term(groups.plus), term(groups.minus), term(groups.base));
    const pixels = await o.sampler.generate(Float32Array.from({ length: LATENT_DIM }, (_, d) => (Number.isFinite(z[d]) ? z[d]! : 0)));
    arithmetic = { pixels, nearest: (await o.neighbours.find(pixels))[0]! };
  }
  o.signal.throwIfAborted();
  const changed = o.sliders.anyEdited();
  const edited = { pixels: editedPixels, nearest: (await o.neighbours.find(editedPixels))[0]!, changed };
  const { seed, samples, nearest } = grid;
  return { seed, samples, count: GRID_COUNT, columns: GRID_COLUMNS, a, b, groups, ...(nearest ? { nearest } : {}), paths, edited, ...(arithmetic ? { arithmetic } : {}) };
}
