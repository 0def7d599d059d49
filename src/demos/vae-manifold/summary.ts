/** The VAE manifold demo's readouts, as pure functions of what the run knows (unit-tested). */
import { describeQuality, type SampleQuality } from '../../engines/generative/quality.ts';
import type { GridSpacing } from '../../engines/vae/manifold.ts';
import { BACKEND_LABELS, type BackendName } from '../../tf/types.ts';
import type { VaeFigureData } from '../../views/vae-manifold/vae-figure.ts';

/** How the shipped VAE was trained (its manifest's training record) and how good its samples are. */
export function describeVaeModel(training: Readonly<Record<string, number | string | boolean>>, quality: SampleQuality, testCount: number): string {
  const t = training;
  return `VAE trained beforehand with the code this page runs: ${String(t['steps'])} steps of minibatches of ${String(t['batchSize'])} on the ${String(t['trainDigits'])} training digits (seed ${String(t['seed'])}); negative ELBO on the ${testCount} test digits ${String(t['testNegativeElbo'])} nats per digit (reconstruction ${String(t['testReconstruction'])}, KL ${String(t['testKl'])}). Quality of ${quality.samples} decoded samples z ~ N(0, I): ${describeQuality(quality)}.`;
}

export function describeManifold(data: VaeFigureData | undefined, spacing: GridSpacing, ms: number, backend: BackendName, cursor: readonly [number, number]): string {
  if (!data) return 'Decoding…';
  const inside = countInside(data.points, data.extent);
  const codes = spacing === 'quantiles' ? `codes Φ⁻¹((k + ½)/${data.n}) from ${data.axis[0]!.toFixed(2)} to ${data.axis.at(-1)!.toFixed(2)}` : `codes evenly from ${-data.extent} to ${data.extent}`;
  return `${data.n} × ${data.n} digits decoded at ${codes}, in ${Math.round(ms)} ms on ${BACKEND_LABELS[backend]}. ${inside} of ${data.labels.length} test digits have codes inside the plane shown. The cursor at z = (${cursor[0].toFixed(2)}, ${cursor[1].toFixed(2)}) is decoded under the plane.`;
}

/** Codes [z1, z2, ...] inside [−extent, extent]². */
export function countInside(points: Float32Array, extent: number): number {
  let inside = 0;
  for (let i = 0; i < points.length; i += 2) if (Math.abs(points[i]!) <= extent && Math.abs(points[i + 1]!) <= extent) inside++;
  return inside;
}
