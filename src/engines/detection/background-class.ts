/**
 * The site's ConvNet learns an 11th class, background, so that a window can say "no digit here".
 * Its convolutions and fc1 stay as shipped; only fc2 (hidden → 11 scores) is trained, from the
 * pretrained 10 columns and a new background column of zeros, with softmax cross-entropy and Adam.
 *
 * The training windows come from seeded scenes of training-split digits, read by the fully
 * convolutional net (every window position at stride 4 at once, fully-convolutional.ts): a window
 * whose centre lies within CENTRED pixels of a digit's box centre is that digit; one at least
 * FAR pixels away from every digit's centre is background; those in between are left out (part
 * of a digit, neither centred nor absent), and NMS later removes their boxes if they fire.
 */
import type { Scalar, Tensor, Tf, Variable } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { softmaxCrossEntropy } from '../mlp/mlp.ts';
import { createTfOptimizer } from '../optimizers/tf-optimizer.ts';
import { DEFAULT_HYPERPARAMETERS } from '../optimizers/update-rules.ts';
import { PARAMETER_NAMES, parameterShapes, type CnnWeights } from '../cnn/architecture.ts';
import { createRandom } from '../random.ts';
import { hiddenMap, OUTPUT_STRIDE, WINDOW, windowsPerSide, type WindowNet, type WindowTrunk } from './fully-convolutional.ts';
import type { Scene, SceneObject } from './scenes.ts';

export const BACKGROUND = 10;
export const WINDOW_CLASSES = 11;
/** Label for a window used in training neither as a digit nor as background. */
export const IGNORED = -1;
const CENTRED = 3;
const FAR = 7;
/** Background windows kept per digit window (the rest of a scene is mostly empty). */
const BACKGROUND_PER_DIGIT = 3;

/** The training label of each window at stride 4 of a size-pixel scene (row by row). */
export function windowLabels(objects: readonly SceneObject[], size: number): Int8Array {
  const p = windowsPerSide(size);
  const labels = new Int8Array(p * p);
  for (let r = 0; r < p; r++) {
    for (let c = 0; c < p; c++) {
      const cx = c * OUTPUT_STRIDE + WINDOW / 2;
      const cy = r * OUTPUT_STRIDE + WINDOW / 2;
      let label = BACKGROUND;
      let nearest = Infinity;
      for (const o of objects) {
        const d = Math.max(Math.abs((o.x0 + o.x1) / 2 - cx), Math.abs((o.y0 + o.y1) / 2 - cy));
        if (d < nearest) [nearest, label] = [d, o.label];
      }
      labels[r * p + c] = nearest <= CENTRED ? label : nearest >= FAR ? BACKGROUND : IGNORED;
    }
  }
  return labels;
}

export interface WindowSet {
  /** Hidden features [n, H] (fc1 after ReLU) of the chosen windows. */
  features: Float32Array;
  labels: Int32Array;
  hidden: number;
}

/**
 * The labelled windows of `scenes`: every digit window, and background windows drawn at random
 * (seeded) so that there are about BACKGROUND_PER_DIGIT of them per digit window. One scene per
 * step of GPU work.
 */
export async function collectWindows(tf: Tf, net: WindowTrunk, scenes: readonly Scene[], seed: number, signal?: AbortSignal): Promise<WindowSet> {
  const size = scenes[0]?.size ?? 96;
  const random = createRandom(seed);
  const features: number[] = [];
  const labels: number[] = [];
  const hidden = net['fc1.b'].shape[0]!;
  await runSliced(tf, scenes.length, (i) => tf.tidy(() => hiddenMap(tf, net, tf.tensor4d(scenes[i]!.pixels, [1, size, size, 1]))), {
    signal,
    onValues: (values, i) => {
      const cells = windowLabels(scenes[i]!.objects, size);
      const digits = cells.filter((l) => l >= 0 && l < BACKGROUND).length;
      const backgrounds = cells.filter((l) => l === BACKGROUND).length;
      const keep = backgrounds === 0 ? 0 : Math.min(1, (BACKGROUND_PER_DIGIT * Math.max(1, digits)) / backgrounds);
      cells.forEach((label, k) => {
        if (label === IGNORED || (label === BACKGROUND && random.next() >= keep)) return;
        labels.push(label);
        for (let h = 0; h < hidden; h++) features.push(values[k * hidden + h]!);
      });
    },
  });
  return { features: Float32Array.from(features), labels: Int32Array.from(labels), hidden };
}

/** The shipped ConvNet's parameters as the tensors of a WindowNet (10 classes; the caller disposes them). */
export function shippedWindowNet(tf: Tf, weights: CnnWeights): WindowNet {
  const shapes = parameterShapes(weights.architecture);
  // Every name of PARAMETER_NAMES is a key of WindowNet.
  return Object.fromEntries(PARAMETER_NAMES.map((name) => [name, tf.tensor(weights.values[name], shapes[name])])) as unknown as WindowNet;
}

export interface BackgroundTrainerOptions {
  tf: Tf;
  /** The shipped net: its fc2 [H, 10] and bias [10] start the 11-class fc2. */
  net: WindowNet;
  seed: number;
  batchSize: number;
  learningRate: number;
  signal?: AbortSignal | undefined;
}

/**
 * fc2 with a background column (zeros until trained); `net()` is the 11-class net, its trunk
 * shared with the shipped one. `prepare(scenes)` collects the training windows once (the
 * tensors it makes, and Adam's moments after the first step, live until dispose()).
 */
export function createBackgroundTrainer(options: BackgroundTrainerOptions) {
  const { tf, batchSize } = options;
  const random = createRandom(options.seed);
  const [w, b] = tf.tidy(() => [
    tf.variable(tf.concat([options.net['fc2.w'], tf.zeros([options.net['fc2.w'].shape[0]!, 1])], 1)),
    tf.variable(tf.concat([options.net['fc2.b'], tf.zeros([1])])),
  ]) as [Variable, Variable];
  const optimizer = createTfOptimizer(tf, 'adam', () => ({ ...DEFAULT_HYPERPARAMETERS, lr: options.learningRate }));
  const losses: number[] = [];
  let data: { x: Tensor; y: Tensor; n: number; digits: number } | undefined;

  const oneStep = (): Tensor => {
    const { x, y, n } = data!;
    const batch = tf.tensor1d(Int32Array.from({ length: Math.min(batchSize, n) }, () => random.int(n)), 'int32');
    const { value, grads } = tf.variableGrads(() => tf.tidy(() => {
      const logits = tf.add(tf.matMul(tf.gather(x, batch), w), b);
      return softmaxCrossEntropy(tf, logits, tf.gather(y, batch));
    }) as Scalar, [w, b]);
    optimizer.step([w, b], [grads[w.name]!, grads[b.name]!]);
    tf.dispose([batch, grads]);
    return value;
  };

  return {
    losses,
    get step() {
      return losses.length;
    },
    /** Training windows, and how many of them are centred on a digit (0 before prepare). */
    get windows() {
      return { count: data?.n ?? 0, digits: data?.digits ?? 0 };
    },
    net: (): WindowNet => ({ ...options.net, 'fc2.w': w, 'fc2.b': b }),
    /** Collects the training windows of `scenes()` (called once: the scenes are made only when needed). */
    async prepare(scenes: () => readonly Scene[]): Promise<void> {
      if (data) return;
      const windows = await collectWindows(tf, options.net, scenes(), options.seed, options.signal);
      const n = windows.labels.length;
      data = tf.tidy(() => ({
        x: tf.tensor2d(windows.features, [n, windows.hidden]),
        y: tf.oneHot(tf.tensor1d(windows.labels, 'int32'), WINDOW_CLASSES),
        n,
        digits: windows.labels.filter((l) => l !== BACKGROUND).length,
      }));
    },
    async train(steps: number): Promise<void> {
      if (!data || data.n === 0) return;
      await runSliced(tf, steps, oneStep, { signal: options.signal, onValues: (loss) => losses.push(loss[0]!) });
    },
    dispose() {
      optimizer.dispose();
      tf.dispose([w, b, data?.x, data?.y].filter((t) => t !== undefined));
    },
  };
}

export type BackgroundTrainer = ReturnType<typeof createBackgroundTrainer>;
