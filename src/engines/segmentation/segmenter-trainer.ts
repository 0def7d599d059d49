/**
 * Training the encoder-decoder (segmenter.ts) with Adam on freshly generated training scenes, and
 * its evaluation on fixed held-out scenes: predicted label maps and mean IoU over background and
 * the ten digits. Used alike by the demo's worker and the benchmark.
 */
import type { Scalar, Tensor, Variable } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { abortError } from '../../tf/worker-protocol.ts';
import { generateScene, stackPixels, type Scene, type SceneTrainerOptions } from '../detection/scenes.ts';
import { createTfOptimizer } from '../optimizers/tf-optimizer.ts';
import { DEFAULT_HYPERPARAMETERS } from '../optimizers/update-rules.ts';
import { createRandom } from '../random.ts';
import { segmentationScore, type SegmentationScore } from './mean-iou.ts';
import { halfLabels, initSegmenterWeights, segmenterForward, segmenterLoss, segmenterPredict, segmenterVariables, SEGMENT_CLASSES } from './segmenter.ts';

const stackMasks = (scenes: readonly Scene[]) => {
  const size = scenes[0]!.size;
  const out = new Int32Array(scenes.length * size * size);
  scenes.forEach((s, i) => out.set(s.mask, i * size * size));
  return out;
};

/** The training targets: each scene's labels of 2×2 blocks, [n, size/2, size/2]. */
const stackHalfLabels = (scenes: readonly Scene[]) => {
  const cells = (scenes[0]!.size / 2) ** 2;
  const out = new Int32Array(scenes.length * cells);
  scenes.forEach((s, i) => out.set(halfLabels(s.mask, s.size), i * cells));
  return out;
};

export function createSegmenterTrainer(options: SceneTrainerOptions) {
  const { tf, batchSize } = options;
  const params = segmenterVariables(tf, initSegmenterWeights(createRandom(options.seed)));
  const list: Variable[] = Object.values(params);
  const size = options.test[0]?.size ?? options.train.size ?? 96;
  const optimizer = createTfOptimizer(tf, 'adam', () => ({ ...DEFAULT_HYPERPARAMETERS, lr: options.learningRate() }));
  const losses: number[] = [];
  let step = 0;
  let disposed = false;

  const oneStep = (): Tensor => {
    if (disposed) throw abortError('The trainer was disposed.');
    const scenes = Array.from({ length: batchSize }, (_, k) => generateScene({ ...options.train, count: 0 }, step * batchSize + k));
    const x = tf.tensor4d(stackPixels(scenes), [batchSize, size, size, 1]);
    const labels = tf.tensor3d(stackHalfLabels(scenes), [batchSize, size / 2, size / 2], 'int32');
    const { value, grads } = tf.variableGrads(() => tf.tidy(() => segmenterLoss(tf, segmenterForward(tf, params, x), labels)) as Scalar, list);
    optimizer.step(list, list.map((p) => grads[p.name]!));
    tf.dispose([x, labels, grads]);
    step += 1;
    return value;
  };

  return {
    get step() {
      return step;
    },
    losses,
    async train(steps: number): Promise<void> {
      await runSliced(tf, steps, oneStep, { signal: options.signal, onValues: (loss) => losses.push(loss[0]!) });
    },
    /** Predicted class of every pixel of the scenes, [n, size, size] as one Uint8Array. */
    async predict(scenes: readonly Scene[]): Promise<Uint8Array> {
      const out = new Uint8Array(scenes.length * size * size);
      const chunk = 4;
      await runSliced(tf, Math.ceil(scenes.length / chunk), (i) => {
        const part = scenes.slice(i * chunk, (i + 1) * chunk);
        return tf.tidy(() => segmenterPredict(tf, params, tf.tensor4d(stackPixels(part), [part.length, size, size, 1])));
      }, { signal: options.signal, maxPerSlice: 4, onValues: (values, i) => out.set(values, i * chunk * size * size) });
      return out;
    },
    async evaluate(): Promise<SegmentationScore & { step: number; predicted: Uint8Array }> {
      const predicted = await this.predict(options.test);
      return { step, predicted, ...segmentationScore(predicted, stackMasks(options.test), SEGMENT_CLASSES) };
    },
    dispose() {
      disposed = true;
      optimizer.dispose();
      tf.dispose(list);
    },
  };
}
