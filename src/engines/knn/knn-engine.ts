/**
 * The kNN demo's compute as rounds of work (served in a Web Worker, src/tf/worker-serve.ts, or
 * on the page's thread where the backend cannot run in one). It holds the training and held-out
 * digits as tensors and answers two requests:
 *
 * - `neighbours`: for query rows [start, end) of the training or the held-out digits, the
 *   `count` nearest training digits (indices into the training set, nearest first) and their
 *   distances, leaving out the training rows `exclude` (the validation fold itself). L2 is the
 *   no-loop form, one matrix product; L1 broadcasts a block of rows at a time.
 * - `timing`: the two-loop, one-loop or no-loop distances of the first `queries` held-out digits
 *   to the first `train` training digits, timed, with their largest difference from the
 *   plain-TypeScript reference.
 */
import { runSliced } from '../../tf/slices.ts';
import type { Tensor, Tf } from '../../tf/types.ts';
import type { ServedEngine } from '../../tf/worker-serve.ts';
import { l1DistancesBlock, l1RowsPerBlock, pairDistance, referenceDistances, rowDistances, squaredDistancesNoLoop, type Metric } from './distances.ts';
import type { Range } from './folds.ts';

export const D = 784;

export interface KnnInit {
  /** Pixels 0-255, 784 per digit. */
  train: Uint8Array;
  test: Uint8Array;
}

export type LoopMethod = 'two' | 'one' | 'none';

export type KnnRequest =
  | { kind: 'neighbours'; set: 'train' | 'test'; start: number; end: number; exclude?: Range | undefined; count: number; metric: Metric }
  | { kind: 'timing'; method: LoopMethod; queries: number; train: number; metric: Metric };

export interface NeighboursReply {
  kind: 'neighbours';
  /** rows × count training indices, nearest first. */
  indices: Int32Array;
  distances: Float32Array;
}

export interface TimingReply {
  kind: 'timing';
  method: LoopMethod;
  ms: number;
  pairs: number;
  /** Largest |difference| from the plain-TypeScript reference. */
  maxDifference: number;
}

export type KnnReply = NeighboursReply | TimingReply;

const toTensor = (tf: Tf, pixels: Uint8Array) => tf.tidy(() => tf.div(tf.tensor2d(pixels, [pixels.length / D, D], 'float32'), 255));

export function createKnnEngine(tf: Tf, init: KnnInit, signal: AbortSignal): ServedEngine<KnnRequest, KnnReply> {
  const train = toTensor(tf, init.train);
  const test = toTensor(tf, init.test);
  /**
   * The training set without the fold being validated, for the last fold and metric asked: for
   * L2 as columns [D, n] (the matrix product is fastest so) with its squared norms, for L1 as rows.
   */
  let kept: { key: string; x: Tensor; norms: Tensor } | undefined;
  const trainingSet = (exclude: Range | undefined, metric: Metric) => {
    const key = `${exclude ? `${exclude.start}-${exclude.end}` : 'all'} ${metric}`;
    if (kept?.key === key) return kept;
    if (kept) tf.dispose([kept.x, kept.norms]);
    const x = tf.tidy(() => {
      const rows = exclude ? tf.concat([tf.slice(train, 0, exclude.start), tf.slice(train, exclude.end)].filter((t) => t.shape[0]! > 0), 0) : train;
      return metric === 'l2' ? tf.transpose(rows) : tf.clone(rows);
    });
    kept = { key, x, norms: tf.tidy(() => (metric === 'l2' ? tf.sum(tf.square(x), 0, true) : tf.zeros([1, 1]))) };
    return kept;
  };

  async function neighbours(request: Extract<KnnRequest, { kind: 'neighbours' }>): Promise<NeighboursReply> {
    const { x, norms } = trainingSet(request.exclude, request.metric);
    const source = request.set === 'train' ? train : test;
    const rows = request.end - request.start;
    const trainRows = request.metric === 'l2' ? x.shape[1]! : x.shape[0]!;
    const count = Math.min(request.count, trainRows);
    const block = request.metric === 'l2' ? rows : l1RowsPerBlock(trainRows, D);
    const indices = new Int32Array(rows * count);
    const distances = new Float32Array(rows * count);
    for (let first = 0; first < rows; first += block) {
      signal.throwIfAborted();
      const size = Math.min(block, rows - first);
      const [top, where] = tf.tidy(() => {
        const queries = tf.slice(source, request.start + first, size);
        // topk finds the largest: negated distances (squared for L2: same order, one sqrt per neighbour).
        const negated = request.metric === 'l2' ? tf.neg(squaredDistancesNoLoop(tf, queries, x, norms)) : tf.neg(l1DistancesBlock(tf, queries, x));
        const { values, indices: found } = tf.topk(negated, count);
        return [request.metric === 'l2' ? tf.sqrt(tf.relu(tf.neg(values))) : tf.neg(values), found];
      });
      try {
        distances.set(await top.data(), first * count);
        indices.set(await where.data(), first * count);
      } finally {
        tf.dispose([top, where]);
      }
    }
    // Indices into the training set without the fold: back to the full set's numbering.
    const gap = request.exclude ? request.exclude.end - request.exclude.start : 0;
    if (request.exclude) for (let i = 0; i < indices.length; i++) if (indices[i]! >= request.exclude.start) indices[i]! += gap;
    return { kind: 'neighbours', indices, distances };
  }

  async function timing(request: Extract<KnnRequest, { kind: 'timing' }>): Promise<TimingReply> {
    const { method, metric } = request;
    const m = Math.min(request.queries, test.shape[0]!);
    const n = Math.min(request.train, train.shape[0]!);
    const [q, x] = [tf.slice(test, 0, m), tf.slice(train, 0, n)];
    const rowsOf = (count: number) => (i: number) => tf.tidy(() => {
      const query = tf.reshape(tf.slice(q, i, 1), [D]);
      if (method === 'one') return rowDistances(tf, query, tf.slice(x, 0, count), metric);
      const pairs: Tensor[] = [];
      for (let j = 0; j < count; j++) pairs.push(pairDistance(tf, query, tf.reshape(tf.slice(x, j, 1), [D]), metric));
      return tf.stack(pairs);
    });
    const run = async (rows: number, count: number): Promise<Float32Array> => {
      if (method === 'none') {
        const all = tf.tidy(() => (metric === 'l2' ? tf.sqrt(squaredDistancesNoLoop(tf, tf.slice(q, 0, rows), tf.transpose(tf.slice(x, 0, count)))) : l1DistancesBlock(tf, tf.slice(q, 0, rows), tf.slice(x, 0, count))));
        try {
          return Float32Array.from(await all.data());
        } finally {
          all.dispose();
        }
      }
      const out = new Float32Array(rows * count);
      await runSliced(tf, rows, rowsOf(count), { signal, onValues: (values, i) => out.set(values, i * count) });
      return out;
    };
    try {
      await run(1, 2); // compiles the kernels, so the timing is of the work itself
      const started = performance.now();
      const values = await run(m, n);
      const ms = performance.now() - started;
      const [qPixels, xPixels] = [init.test.subarray(0, m * D), init.train.subarray(0, n * D)];
      const reference = referenceDistances(Float32Array.from(qPixels, (v) => v / 255), Float32Array.from(xPixels, (v) => v / 255), D, metric);
      let maxDifference = 0;
      reference.forEach((r, i) => (maxDifference = Math.max(maxDifference, Math.abs(r - values[i]!))));
      return { kind: 'timing', method, ms, pairs: m * n, maxDifference };
    } finally {
      tf.dispose([q, x]);
    }
  }

  return {
    async handle(request) {
      const reply = request.kind === 'neighbours' ? await neighbours(request) : await timing(request);
      return { reply, transfer: reply.kind === 'neighbours' ? [reply.indices.buffer, reply.distances.buffer] : [] };
    },
    dispose() {
      tf.dispose([train, test]);
      if (kept) tf.dispose([kept.x, kept.norms]);
      kept = undefined;
    },
  };
}
