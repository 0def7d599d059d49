/**
 * The held-out digit the reader picks, with its k nearest training digits and their vote, once
 * k is known (the reader's k, or the one cross-validation picks). Asks the engine for the
 * neighbours; a k larger than the training set is refused with a message and the whole set used.
 */
import type { MnistData } from '../../data/mnist-format.ts';
import type { KnnReply, KnnRequest, NeighboursReply } from '../../engines/knn/knn-engine.ts';
import { predictLabel, voteCounts } from '../../engines/knn/vote.ts';
import { MAX_SHOWN, type NeighboursData } from '../../views/knn/neighbours-figure.ts';

const pixelsOf = (data: MnistData, index: number) => Float32Array.from(data.images.subarray(index * 784, (index + 1) * 784), (v) => v / 255);

export interface DigitQuery {
  digit: number;
  /** The reader's k (0: use `chosenK`). */
  k: number;
  chosenK: number | undefined;
  trainCount: number;
  metric: 'l1' | 'l2';
}

/** The panel's data, or a sentence saying why there is none yet; `notice` for a refused k. */
export async function digitNeighbours(data: MnistData, request: (r: KnnRequest) => Promise<KnnReply>, q: DigitQuery): Promise<{ panel?: NeighboursData; notice?: string; waiting?: string }> {
  const wanted = q.k > 0 ? q.k : q.chosenK;
  if (wanted === undefined) return { waiting: 'The digit’s neighbours appear once cross-validation has picked k (or set k yourself).' };
  const k = Math.min(wanted, q.trainCount);
  const notice = wanted > q.trainCount ? `k = ${wanted.toLocaleString('en-US')} is larger than the ${q.trainCount.toLocaleString('en-US')} training digits; using k = ${k.toLocaleString('en-US')}, every training digit.` : undefined;
  const reply = (await request({ kind: 'neighbours', set: 'test', start: q.digit - 1, end: q.digit, count: k, metric: q.metric })) as NeighboursReply;
  const labels = Array.from(reply.indices, (i) => data.labels[i]!);
  const index = data.manifest.trainCount + q.digit - 1;
  const panel: NeighboursData = {
    query: pixelsOf(data, index),
    title: `Held-out digit ${q.digit} (a ${data.labels[index]})`,
    neighbours: Array.from(reply.indices.subarray(0, MAX_SHOWN), (i, r) => ({ pixels: pixelsOf(data, i), label: data.labels[i]!, distance: reply.distances[r]! })),
    k,
    votes: voteCounts(labels, k),
    predicted: predictLabel(labels, k),
  };
  return notice ? { panel, notice } : { panel };
}
