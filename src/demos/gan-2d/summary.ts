/** The 2-D GAN demo's readouts, as pure functions of what the run knows (unit-tested). */
import { coverage, coveredModes, type Distribution } from '../../engines/gan2d/distributions.ts';

/** How much of the data the generated points reach: modes covered, or the share of real points near one. */
export type Reach = { covered: number; modes: number } | { share: number };

/** Early on every run covers little; only a shortfall after this many steps is called collapse. */
const COLLAPSE_AFTER = 1500;

export function generatorReach(distribution: Distribution, real: Float32Array, fake: Float32Array): Reach {
  if (distribution.modes.length > 0) return { covered: coveredModes(distribution, fake), modes: distribution.modes.length };
  return { share: coverage(real.subarray(0, 400), fake, 0.15) };
}

export function describeReach(reach: Reach, step: number): string {
  const late = step >= COLLAPSE_AFTER;
  if ('modes' in reach) {
    const collapsed = late && reach.covered <= reach.modes / 2;
    return `${collapsed ? 'Mode collapse: the generator' : 'The generator'} covers ${reach.covered} of ${reach.modes} modes.`;
  }
  const collapsed = late && reach.share < 0.5;
  return `${collapsed ? 'Mode collapse: the generator' : 'The generator'} reaches ${Math.round(100 * reach.share)}% of the data.`;
}

export interface Gan2dState {
  /** The data's name ("Ring of 8 Gaussians"). */
  label: string;
  step: number;
  /** The latest losses, once a step has run. */
  d: number | undefined;
  g: number | undefined;
  reach: Reach | undefined;
}

export function describeGan2d(s: Gan2dState): string {
  const losses = s.d === undefined || s.g === undefined ? '' : ` D loss ${s.d.toFixed(3)}, G loss ${s.g.toFixed(3)}.`;
  return `${s.label}, step ${s.step}.${losses} ${s.reach ? describeReach(s.reach, s.step) : ''}`;
}

/** Before training: the reader is still drawing. */
export function describeDrawing(points: number, needed: number): string {
  return `Drawing: ${points} point${points === 1 ? '' : 's'} so far; training starts at ${needed}.`;
}

/** Moving average over 20 steps: raw GAN losses are too noisy to read. */
export function smooth(values: readonly number[]): number[] {
  const out: number[] = [];
  let sum = 0;
  values.forEach((v, i) => {
    sum += v;
    if (i >= 20) sum -= values[i - 20]!;
    out.push(sum / Math.min(i + 1, 20));
  });
  return out;
}
