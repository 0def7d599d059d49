/**
 * 2-D loss surfaces for the optimizer race, each written twice: plain TypeScript (value and
 * analytic gradient, for drawing contours and as the test oracle) and tfjs ops (the engine takes
 * gradients by autodiff, so the two are checked against each other).
 */
import type { Tensor, Tf } from '../../tf/types.ts';

export const SURFACE_IDS = ['valley', 'rosenbrock', 'saddle', 'wells'] as const;
export type SurfaceId = (typeof SURFACE_IDS)[number];

export interface Surface {
  id: SurfaceId;
  label: string;
  /** What the surface shows about optimizers, one sentence. */
  lesson: string;
  x: [number, number];
  y: [number, number];
  start: [number, number];
  /** Lowest value of f in the domain, for "steps to reach tolerance". */
  minimum: number;
  /** Reached when f - minimum is below this. */
  tolerance: number;
  value(x: number, y: number): number;
  gradient(x: number, y: number): [number, number];
  /** f on a [2] tensor, as a scalar tensor. */
  tfValue(tf: Tf, p: Tensor): Tensor;
}

const xy = (tf: Tf, p: Tensor): [Tensor, Tensor] => {
  const [a, b] = tf.unstack(p);
  return [a!, b!];
};

const WELLS = [
  { cx: 2, cy: 1, depth: 1.0, width: 0.8 },
  { cx: -2, cy: -1.5, depth: 1.6, width: 1.2 },
  { cx: 1.5, cy: -2.5, depth: 0.7, width: 0.5 },
] as const;
const WELLS_BOWL = 0.04;

export const SURFACES: Record<SurfaceId, Surface> = {
  valley: {
    id: 'valley',
    label: 'Long narrow valley',
    lesson: 'Curvature 50 times larger across the valley than along it: plain SGD zig-zags, momentum and adaptive methods do not.',
    x: [-10, 10],
    y: [-4, 4],
    start: [-9, 3],
    minimum: 0,
    tolerance: 1e-3,
    value: (x, y) => 0.05 * x * x + 2.5 * y * y,
    gradient: (x, y) => [0.1 * x, 5 * y],
    tfValue: (tf, p) => {
      const [x, y] = xy(tf, p);
      return tf.add(tf.mul(0.05, tf.square(x)), tf.mul(2.5, tf.square(y)));
    },
  },
  rosenbrock: {
    id: 'rosenbrock',
    label: 'Rosenbrock banana',
    lesson: 'A curved, flat-bottomed valley: reaching it is easy, following it to the minimum at (1, 1) is not.',
    x: [-2, 2],
    y: [-1, 3],
    start: [-1.5, 2.5],
    minimum: 0,
    tolerance: 1e-2,
    value: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    gradient: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    tfValue: (tf, p) => {
      const [x, y] = xy(tf, p);
      return tf.add(tf.square(tf.sub(1, x)), tf.mul(100, tf.square(tf.sub(y, tf.square(x)))));
    },
  },
  saddle: {
    id: 'saddle',
    label: 'Saddle point',
    lesson: 'f = x² − y² + y⁴/4 has a saddle at the origin and minima at y = ±√2: watch who escapes the flat ridge first.',
    x: [-2.5, 2.5],
    y: [-2.5, 2.5],
    start: [2, 0.01],
    minimum: -1,
    tolerance: 1e-3,
    value: (x, y) => x * x - y * y + (y ** 4) / 4,
    gradient: (x, y) => [2 * x, -2 * y + y ** 3],
    tfValue: (tf, p) => {
      const [x, y] = xy(tf, p);
      return tf.add(tf.sub(tf.square(x), tf.square(y)), tf.div(tf.pow(y, 4), 4));
    },
  },
  wells: {
    id: 'wells',
    label: 'Several local minima',
    lesson: 'Three wells of different depths in a shallow bowl: where an optimizer ends up depends on its momentum and step size.',
    x: [-4, 4],
    y: [-4, 4],
    start: [3.5, 3.5],
    minimum: Number.NaN, // computed below
    tolerance: 1e-3,
    value: (x, y) => WELLS_BOWL * (x * x + y * y) - WELLS.reduce((sum, w) => sum + w.depth * Math.exp(-((x - w.cx) ** 2 + (y - w.cy) ** 2) / w.width), 0),
    gradient: (x, y) => {
      let gx = 2 * WELLS_BOWL * x;
      let gy = 2 * WELLS_BOWL * y;
      for (const w of WELLS) {
        const e = w.depth * Math.exp(-((x - w.cx) ** 2 + (y - w.cy) ** 2) / w.width);
        gx += (e * 2 * (x - w.cx)) / w.width;
        gy += (e * 2 * (y - w.cy)) / w.width;
      }
      return [gx, gy];
    },
    tfValue: (tf, p) => {
      const [x, y] = xy(tf, p);
      let f = tf.mul(WELLS_BOWL, tf.add(tf.square(x), tf.square(y)));
      for (const w of WELLS) {
        const r2 = tf.add(tf.square(tf.sub(x, w.cx)), tf.square(tf.sub(y, w.cy)));
        f = tf.sub(f, tf.mul(w.depth, tf.exp(tf.div(tf.neg(r2), w.width))));
      }
      return f;
    },
  },
};

SURFACES.wells.minimum = numericMinimum(SURFACES.wells);

/** Lowest value on a fine grid, then refined by gradient descent from the best grid point. */
function numericMinimum(surface: Surface): number {
  let best = Number.POSITIVE_INFINITY;
  let at: [number, number] = [0, 0];
  const n = 200;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= n; j++) {
      const x = surface.x[0] + ((surface.x[1] - surface.x[0]) * i) / n;
      const y = surface.y[0] + ((surface.y[1] - surface.y[0]) * j) / n;
      const value = surface.value(x, y);
      if (value < best) {
        best = value;
        at = [x, y];
      }
    }
  }
  for (let k = 0; k < 2000; k++) {
    const [gx, gy] = surface.gradient(at[0], at[1]);
    at = [at[0] - 0.05 * gx, at[1] - 0.05 * gy];
  }
  return Math.min(best, surface.value(at[0], at[1]));
}

export function isSurfaceId(value: unknown): value is SurfaceId {
  return typeof value === 'string' && (SURFACE_IDS as readonly string[]).includes(value);
}
