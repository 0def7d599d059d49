/**
 * Exact t-SNE as dense tensor ops on the tfjs backend: every pair, O(n^2) per iteration, but as
 * a dozen large element-wise ops and two matrix products, which a GPU runs in parallel. The
 * embedding, the momentum and the gains stay on the backend; only what is drawn is read back.
 *
 *   D = |y_i|^2 + |y_j|^2 - 2 Y Y^T,  W = 1 / (1 + D) off the diagonal,  Z = sum W
 *   M = (alpha P - W / Z) * W,  gradient = 4 (diag(M 1) Y - M Y)
 *
 * Lifecycle: P, the off-diagonal mask and the state live until dispose(); each iteration runs in
 * tf.tidy and swaps the state tensors. Iterations go to the backend in awaited slices
 * (src/tf/slices.ts): at most about a frame of work in flight, and a fired signal stops them.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import { MIN_GAIN, scheduleAt, type Schedule } from './gradient-descent.ts';
import { negativeEntropy, toDense, type SparseAffinities } from './joint-affinities.ts';
import type { RunOptions, TsneEngine } from './tsne-engine.ts';
import { learningRateProblem } from './validation.ts';
import { runSliced } from '../../tf/slices.ts';

interface Pairwise {
  d: Tensor;
  w: Tensor;
  z: Tensor;
}

/** Squared distances, kernel (zero diagonal) and its sum, for an embedding y [n x 2]. */
function pairwise(tf: Tf, y: Tensor, offDiagonal: Tensor): Pairwise {
  const squared = tf.sum(tf.square(y), 1, true);
  // transpose() rather than matMul's transposeB flag: about 10x faster on wasm.
  const d = tf.relu(tf.add(tf.sub(squared, tf.mul(tf.matMul(y, tf.transpose(y)), 2)), tf.transpose(squared)));
  const w = tf.mul(tf.reciprocal(tf.add(d, 1)), offDiagonal);
  return { d, w, z: tf.sum(w) };
}

/** The gradient of KL(alpha P || Q) for a dense P [n x n] and an embedding y [n x 2]. */
export function denseGradient(tf: Tf, p: Tensor, y: Tensor, offDiagonal: Tensor, exaggeration: number): Tensor {
  return tf.tidy(() => {
    const { w, z } = pairwise(tf, y, offDiagonal);
    return gradientFrom(tf, p, y, w, z, exaggeration);
  });
}

function gradientFrom(tf: Tf, p: Tensor, y: Tensor, w: Tensor, z: Tensor, exaggeration: number): Tensor {
  const m = tf.mul(tf.sub(tf.mul(p, exaggeration), tf.div(w, z)), w);
  return tf.mul(tf.sub(tf.mul(tf.sum(m, 1, true), y), tf.matMul(m, y)), 4);
}

/** KL(P || Q) = sum p log p + sum p log(1 + d) + log Z (P sums to 1, its diagonal is 0). */
function klFrom(tf: Tf, p: Tensor, d: Tensor, z: Tensor, constant: number): Tensor {
  return tf.add(tf.add(tf.sum(tf.mul(p, tf.log1p(d))), tf.log(z)), constant);
}

export function createExactTsne(tf: Tf, affinities: SparseAffinities, initial: Float64Array): TsneEngine {
  const n = affinities.n;
  const constant = negativeEntropy(affinities);
  const p = tf.tensor2d(toDense(affinities), [n, n]);
  const offDiagonal = tf.tidy(() => tf.sub(1, tf.eye(n)));
  let y: Tensor = tf.tensor2d(Float32Array.from(initial), [n, 2]);
  let update: Tensor = tf.zeros([n, 2]);
  let gains: Tensor = tf.ones([n, 2]);
  let iteration = 0;
  let msPerIteration = Number.NaN;

  return {
    n,
    method: 'exact',
    background: false,
    get iteration() {
      return iteration;
    },
    get msPerIteration() {
      return msPerIteration;
    },
    async run(count: number, schedule: Schedule, options: RunOptions = {}) {
      const problem = learningRateProblem(schedule.learningRate);
      if (problem) throw new RangeError(problem);
      const klEvery = options.klEvery ?? 0;
      const began = performance.now();
      const pending: { iteration: number; kl: Tensor }[] = [];
      try {
        // Each step's result (the sum of the new y) is what a slice awaits before the next one.
        await runSliced(tf, count, () => {
          const { exaggeration, momentum } = scheduleAt(schedule, iteration);
          const record = klEvery > 0 && iteration % klEvery === 0;
          const next = tf.tidy(() => {
            const { d, w, z } = pairwise(tf, y, offDiagonal);
            const gradient = gradientFrom(tf, p, y, w, z, exaggeration);
            // Gains grow where the gradient turned against the last step, shrink where it agrees.
            const agree = tf.equal(tf.sign(gradient), tf.sign(update));
            const nextGains = tf.maximum(tf.where(agree, tf.mul(gains, 0.8), tf.add(gains, 0.2)), MIN_GAIN);
            const nextUpdate = tf.sub(tf.mul(update, momentum), tf.mul(tf.mul(nextGains, gradient), schedule.learningRate));
            const moved = tf.add(y, nextUpdate);
            const centred = tf.sub(moved, tf.mean(moved, 0, true));
            return { y: centred, update: nextUpdate, gains: nextGains, kl: record ? klFrom(tf, p, d, z, constant) : undefined };
          });
          tf.dispose([y, update, gains]);
          ({ y, update, gains } = next);
          if (next.kl) pending.push({ iteration, kl: next.kl });
          iteration++;
          return tf.sum(y);
        }, { signal: options.signal });
        // The divergences of the whole run in one read (the slices have already waited for the work).
        let values: ArrayLike<number> = [];
        if (pending.length > 0) {
          const stacked = tf.stack(pending.map((r) => r.kl));
          values = await stacked.data();
          stacked.dispose();
        }
        if (count > 0) msPerIteration = (performance.now() - began) / count;
        return pending.map((r, i) => ({ iteration: r.iteration, kl: values[i]! }));
      } finally {
        tf.dispose(pending.map((r) => r.kl));
      }
    },
    async embedding() {
      return Float64Array.from(await y.data());
    },
    async klDivergence() {
      const kl = tf.tidy(() => {
        const { d, z } = pairwise(tf, y, offDiagonal);
        return klFrom(tf, p, d, z, constant);
      });
      const value = (await kl.data())[0]!;
      kl.dispose();
      return value;
    },
    async gradient(exaggeration: number) {
      const gradient = denseGradient(tf, p, y, offDiagonal, exaggeration);
      const values = Float64Array.from(await gradient.data());
      gradient.dispose();
      return values;
    },
    dispose() {
      tf.dispose([p, offDiagonal, y, update, gains]);
    },
  };
}
