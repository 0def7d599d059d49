/** The GAN sampler's readouts, as pure functions of what the run knows (unit-tested). */
import { LATENT_DIM } from '../../engines/dcgan/architecture.ts';
import { describeQuality, type SampleQuality } from '../../engines/generative/quality.ts';
import { BACKEND_LABELS, type BackendName } from '../../tf/types.ts';
import type { SamplerFigureData } from '../../views/gan-sampler/sampler-figure.ts';
import { GRID_COUNT, parseGroup, type GanSamplerSettings } from './spec.ts';

/** How the shipped generator was trained (its manifest's training record) and how good it is. */
export function describeGanModel(training: Readonly<Record<string, number | string | boolean>>, quality: SampleQuality): string {
  const t = training;
  return `Generator trained beforehand with the code this page runs: ${String(t['steps'])} steps of minibatches of ${String(t['batchSize'])} on the ${String(t['trainDigits'])} training digits (seed ${String(t['seed'])}, ${Math.round(Number(t['milliseconds']) / 60000)} minutes on ${String(t['backend'])}). Quality of ${quality.samples} samples: ${describeQuality(quality)}.`;
}

/** `testMean`: the held-out test digits' mean distance to their nearest training digit. */
export function describeSampler(data: SamplerFigureData | undefined, ms: number, backend: BackendName, testMean: number): string {
  if (!data) return 'Generating…';
  const [linear, spherical] = [data.paths[0]!.norms, data.paths[1]!.norms];
  const mid = (norms: number[]) => norms[Math.floor(norms.length / 2)]!;
  const near = data.nearest ? ` Their nearest training digits are at a mean distance of ${(data.nearest.reduce((s, n) => s + n.distance, 0) / data.nearest.length).toFixed(2)} (held-out test digits: ${testMean.toFixed(2)}).` : '';
  return `Seed ${data.seed}: ${GRID_COUNT} samples from ${LATENT_DIM}-dimensional codes z ~ N(0, I), generated in ${Math.round(ms)} ms on ${BACKEND_LABELS[backend]}.${near} Path from sample ${data.a} to ${data.b}: ‖z‖ is ${linear[0]!.toFixed(2)} and ${linear.at(-1)!.toFixed(2)} at the ends, ${mid(linear).toFixed(2)} midway on the linear path and ${mid(spherical).toFixed(2)} on the spherical one.`;
}

/** What in the settings cannot be shown as asked (a note, not a refusal: the rest is shown). */
export function describeSettingsNote(settings: GanSamplerSettings): string {
  const problems = [];
  for (const key of ['plus', 'minus', 'base'] as const) {
    const outside = parseGroup(settings[key]).filter((i) => i >= GRID_COUNT);
    if (outside.length > 0) problems.push(`sample ${outside.join(', ')} is not in the grid (0 to ${GRID_COUNT - 1}) and is left out`);
  }
  if (settings.a === settings.b) problems.push('the path starts and ends at the same sample: pick two different ones');
  return problems.length > 0 ? `Note: ${problems.join('; ')}.` : '';
}
