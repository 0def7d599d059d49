/**
 * Training the grid detector (grid-detector.ts) with Adam on freshly generated training scenes
 * (every step a new seeded batch, digits from the training split), and its evaluation on fixed
 * held-out scenes (digits from the test split): decoded boxes, per-class NMS, AP at IoU 0.5.
 * Used alike by the demo's worker and the benchmark, so both train the same way.
 */
import type { Scalar, Tensor, Variable } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { abortError } from '../../tf/worker-protocol.ts';
import { createTfOptimizer } from '../optimizers/tf-optimizer.ts';
import { DEFAULT_HYPERPARAMETERS } from '../optimizers/update-rules.ts';
import { createRandom } from '../random.ts';
import { detectorForward, detectorLoss, detectorRaw, detectorVariables, initDetectorWeights, targetTensors } from './grid-detector.ts';
import { CELL_CHANNELS, GRID, decodeCells, encodeTargets, type ScoredBox } from './grid-targets.ts';
import { evaluateDetections, suppressPerClass, type DetectionReport } from './evaluate-detections.ts';
import { generateScene, stackPixels, type Scene, type SceneTrainerOptions } from './scenes.ts';

export interface DetectorEvaluation extends DetectionReport {
  step: number;
  /** Kept boxes of each test scene (after NMS), best first. */
  detections: ScoredBox[][];
}

export function createDetectorTrainer(options: SceneTrainerOptions) {
  const { tf, batchSize } = options;
  const params = detectorVariables(tf, initDetectorWeights(createRandom(options.seed)));
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
    const targets = targetTensors(tf, encodeTargets(scenes, size), batchSize);
    const { value, grads } = tf.variableGrads(() => tf.tidy(() => detectorLoss(tf, detectorForward(tf, params, x), targets)) as Scalar, list);
    optimizer.step(list, list.map((p) => grads[p.name]!));
    tf.dispose([x, grads, ...Object.values(targets)]);
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
    /** Raw outputs [n, G, G, 15] of scenes, in chunks (each a slice of work). */
    async raw(scenes: readonly Scene[]): Promise<Float32Array> {
      const out = new Float32Array(scenes.length * GRID * GRID * CELL_CHANNELS);
      const chunk = 8;
      await runSliced(tf, Math.ceil(scenes.length / chunk), (i) => {
        const part = scenes.slice(i * chunk, (i + 1) * chunk);
        return tf.tidy(() => detectorRaw(tf, params, tf.tensor4d(stackPixels(part), [part.length, size, size, 1])));
      }, { signal: options.signal, maxPerSlice: 4, onValues: (values, i) => out.set(values as Float32Array, i * chunk * GRID * GRID * CELL_CHANNELS) });
      return out;
    },
    async evaluate(nmsThreshold = 0.45, minScore = 0.01): Promise<DetectorEvaluation> {
      const raw = await this.raw(options.test);
      const detections = options.test.map((_, n) => suppressPerClass(decodeCells(raw, n * GRID * GRID * CELL_CHANNELS, size, minScore), nmsThreshold));
      return { step, detections, ...evaluateDetections(detections, options.test, 0.5) };
    },
    dispose() {
      disposed = true;
      optimizer.dispose();
      tf.dispose(list);
    },
  };
}

export type DetectorTrainer = ReturnType<typeof createDetectorTrainer>;
