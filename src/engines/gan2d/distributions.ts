/**
 * 2-D data distributions for the GAN demo, sampled with a seeded generator. Mixtures know their
 * modes, so the demo can say how many the generator covers (mode collapse).
 */
import type { Random } from '../random.ts';

export const DISTRIBUTION_IDS = ['ring', 'grid', 'moons', 'drawn'] as const;
export type DistributionId = (typeof DISTRIBUTION_IDS)[number];

export interface Distribution {
  id: DistributionId;
  label: string;
  /** Draws n points as [x0, y0, x1, y1, ...]. */
  sample(n: number, random: Random): Float32Array;
  /** Centres of the modes, for counting covered modes; empty when there are no discrete modes. */
  modes: [number, number][];
  /** How far from a mode centre a sample still counts for it. */
  modeRadius: number;
}

function mixture(id: DistributionId, label: string, centres: [number, number][], spread: number): Distribution {
  return {
    id,
    label,
    modes: centres,
    modeRadius: 3 * spread,
    sample(n, random) {
      const out = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) {
        const [cx, cy] = centres[random.int(centres.length)]!;
        out[2 * i] = cx + spread * random.normal();
        out[2 * i + 1] = cy + spread * random.normal();
      }
      return out;
    },
  };
}

const RING = Array.from({ length: 8 }, (_, k): [number, number] => [1.5 * Math.cos((2 * Math.PI * k) / 8), 1.5 * Math.sin((2 * Math.PI * k) / 8)]);
const GRID = Array.from({ length: 25 }, (_, k): [number, number] => [-1.6 + 0.8 * (k % 5), -1.6 + 0.8 * Math.floor(k / 5)]);

export function createDistribution(id: DistributionId, drawn: readonly [number, number][] = []): Distribution {
  switch (id) {
    case 'ring':
      return mixture('ring', 'Ring of 8 Gaussians', RING, 0.08);
    case 'grid':
      return mixture('grid', 'Grid of 25 Gaussians', GRID, 0.05);
    case 'moons':
      return {
        id,
        label: 'Two moons',
        modes: [],
        modeRadius: 0,
        sample(n, random) {
          const out = new Float32Array(2 * n);
          for (let i = 0; i < n; i++) {
            const t = Math.PI * random.next();
            const upper = random.next() < 0.5;
            out[2 * i] = (upper ? Math.cos(t) : 1 - Math.cos(t)) * 1.2 - 0.6 + 0.06 * random.normal();
            out[2 * i + 1] = (upper ? Math.sin(t) : 0.5 - Math.sin(t)) * 1.2 - 0.3 + 0.06 * random.normal();
          }
          return out;
        },
      };
    case 'drawn':
      if (drawn.length < 10) throw new Error(`Draw at least 10 points (you have ${drawn.length}): click or drag on the plot.`);
      return {
        id,
        label: 'Your points',
        modes: [],
        modeRadius: 0,
        sample(n, random) {
          const out = new Float32Array(2 * n);
          for (let i = 0; i < n; i++) {
            const [x, y] = drawn[random.int(drawn.length)]!;
            out[2 * i] = x + 0.03 * random.normal();
            out[2 * i + 1] = y + 0.03 * random.normal();
          }
          return out;
        },
      };
  }
}

/** Modes that hold at least `share` of the generated points (within the mode radius). */
export function coveredModes(distribution: Distribution, points: Float32Array, share = 0.02): number {
  const n = points.length / 2;
  const counts = new Array<number>(distribution.modes.length).fill(0);
  for (let i = 0; i < n; i++) {
    distribution.modes.forEach(([cx, cy], m) => {
      if (Math.hypot(points[2 * i]! - cx, points[2 * i + 1]! - cy) < distribution.modeRadius) counts[m]! += 1;
    });
  }
  return counts.filter((c) => c >= share * n).length;
}

/** Share of real points whose nearest generated point is closer than `radius` (coverage of the data). */
export function coverage(real: Float32Array, fake: Float32Array, radius: number): number {
  let covered = 0;
  const n = real.length / 2;
  for (let i = 0; i < n; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let j = 0; j < fake.length / 2; j++) best = Math.min(best, Math.hypot(real[2 * i]! - fake[2 * j]!, real[2 * i + 1]! - fake[2 * j + 1]!));
    if (best < radius) covered++;
  }
  return covered / n;
}

/** Parses drawn points from their URL form "x,y;x,y;..." (two decimals), refusing anything else. */
export function parsePoints(text: string): [number, number][] {
  if (text.trim() === '') return [];
  return text.split(';').map((pair) => {
    const [x, y] = pair.split(',').map(Number);
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x!) > 3 || Math.abs(y!) > 3) throw new Error(`"${pair}" is not a point inside the plot`);
    return [x!, y!];
  });
}

export function formatPoints(points: readonly [number, number][]): string {
  return points.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join(';');
}
