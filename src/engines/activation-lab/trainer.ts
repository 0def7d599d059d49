/**
 * Training the lab's configurations side by side (Lecture 6, "babysitting the learning process"):
 * each model starts from the weights the statistics sweep shows (initialWeights: the same N(0,1)
 * draws for every configuration), sees the same minibatches in the same order, and is updated by
 * Adam. Layer l: s = hW_l; z = γ(s − μ_B)/√(σ²_B + ε) + β with batch norm (running averages of μ_B
 * and σ²_B for evaluation), else z = s + b; a = tanh or ReLU; inverted dropout in training.
 * Minibatch order and dropout masks come from seeded plain-TypeScript generators, so the float64
 * reference (trainer-reference.ts) reproduces a step exactly.
 *
 * Tensors held per model: its parameters, Adam's two moments of each, and (batch norm) two running
 * statistics per layer; plus the evaluation digits. A step replaces them all (the old ones are
 * disposed), so the count stays flat.
 */
import type { Scalar, Tensor, Tf } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { denseMatMul } from '../dense-layer.ts';
import { createRandom, shuffledIndices, type Random } from '../random.ts';
import { BN_EPSILON, initialWeights, type LabConfig, type LabShape } from './network.ts';

export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
/** Steps of "overfit 20 digits": the whole 20 as one batch, no dropout (Lecture 6's sanity check). */
export const OVERFIT_STEPS = 300;
export const OVERFIT_DIGITS = 20;
/** Weight of the newest batch in the running mean and variance batch norm evaluates with. */
export const BN_MOMENTUM = 0.1;

/** Digits as the site ships them: count × 784 pixels (0-255) and their labels. */
export interface Digits {
  images: Uint8Array;
  labels: Uint8Array;
}

export interface TrainerOptions {
  tf: Tf;
  /** `batch` is the minibatch size. */
  shape: LabShape;
  configs: readonly LabConfig[];
  data: Digits;
  /** The digits minibatches are drawn from: indices [0, trainCount). */
  trainCount: number;
  /** The digits `evaluate` scores: [start, start + count). */
  evaluation: { start: number; count: number };
  signal?: AbortSignal | undefined;
}

export interface Evaluation {
  accuracy: number;
  loss: number;
}

/** Parameter names in the order they are held: per hidden layer W, b (or β) and γ with batch norm; then the classifier's W, b. */
export function parameterShapes(shape: LabShape, batchNorm: boolean): { name: string; shape: [number, number] | [number] }[] {
  const out: { name: string; shape: [number, number] | [number] }[] = [];
  for (let l = 0; l < shape.layers; l++) {
    out.push({ name: `W${l + 1}`, shape: [l === 0 ? shape.inputs : shape.width, shape.width] });
    out.push({ name: batchNorm ? `beta${l + 1}` : `b${l + 1}`, shape: [shape.width] });
    if (batchNorm) out.push({ name: `gamma${l + 1}`, shape: [shape.width] });
  }
  out.push({ name: 'Wout', shape: [shape.width, shape.classes] }, { name: 'bout', shape: [shape.classes] });
  return out;
}

/** Initial parameters as plain arrays (weights from initialWeights, zero offsets, γ = 1). */
export function initialParameters(shape: LabShape, config: LabConfig): Float32Array[] {
  const weights = initialWeights(shape, config.init);
  const out: Float32Array[] = [];
  for (let l = 0; l <= shape.layers; l++) {
    out.push(weights[l]!, new Float32Array(l === shape.layers ? shape.classes : shape.width));
    if (config.batchNorm && l < shape.layers) out.push(new Float32Array(shape.width).fill(1));
  }
  return out;
}

/** The standardized pixels of digits `indices` (row-major, indices.length × 784). */
export function batchPixels(images: Uint8Array, indices: ArrayLike<number>): Float32Array {
  const x = new Float32Array(indices.length * 784);
  for (let r = 0; r < indices.length; r++) {
    const from = indices[r]! * 784;
    for (let i = 0; i < 784; i++) x[r * 784 + i] = (images[from + i]! / 255 - 0.1307) / 0.3081;
  }
  return x;
}

/** The minibatch order: successive seeded shuffles of the training digits, shared by every model. */
export function createBatchOrder(trainCount: number, batch: number, seed: number): () => Uint32Array {
  const random = createRandom(seed + 2);
  let order = shuffledIndices(trainCount, random);
  let at = 0;
  return () => {
    const out = new Uint32Array(batch);
    for (let i = 0; i < batch; i++) {
      if (at === order.length) {
        order = shuffledIndices(trainCount, random);
        at = 0;
      }
      out[i] = order[at++]!;
    }
    return out;
  };
}

/** One step's inverted-dropout masks (batch × width per hidden layer), or none when p = 0. */
export function stepMasks(random: Random, shape: LabShape, p: number): Float32Array[] | undefined {
  if (p <= 0) return undefined;
  const keep = 1 / (1 - p);
  return Array.from({ length: shape.layers }, () => Float32Array.from({ length: shape.batch * shape.width }, () => (random.next() < p ? 0 : keep)));
}

interface Model {
  config: LabConfig;
  params: Tensor[];
  m: Tensor[];
  v: Tensor[];
  /** Batch norm's running mean and variance per layer (empty without batch norm). */
  running: Tensor[];
  dropout: Random;
}

export function createLabTrainer(options: TrainerOptions) {
  const { tf, shape, data } = options;
  const { layers } = shape;
  const per = (config: LabConfig) => (config.batchNorm ? 3 : 2);
  const models: Model[] = options.configs.map((config) => {
    const params = initialParameters(shape, config).map((values, i) => tf.tensor(values, parameterShapes(shape, config.batchNorm)[i]!.shape));
    return {
      config,
      params,
      m: params.map((p) => tf.zerosLike(p)),
      v: params.map((p) => tf.zerosLike(p)),
      running: config.batchNorm ? Array.from({ length: layers }, () => [tf.zeros([shape.width]), tf.ones([shape.width])]).flat() : [],
      dropout: createRandom(shape.seed + 1),
    };
  });
  const { start, count } = options.evaluation;
  const evalIndices = Uint32Array.from({ length: count }, (_, i) => start + i);
  const evalX = tf.tensor2d(batchPixels(data.images, evalIndices), [count, 784]);
  const evalLabels = tf.tensor1d(Int32Array.from(data.labels.subarray(start, start + count)), 'int32');
  const nextBatch = createBatchOrder(options.trainCount, shape.batch, shape.seed);
  const losses: number[][] = models.map(() => []);
  let step = 0;

  /** Logits of `x`; in training, batch statistics (pushed to `stats`) and dropout masks. */
  const forward = (model: Model, params: Tensor[], x: Tensor, masks: Tensor[] | undefined, stats?: Tensor[]) => {
    const { config } = model;
    let h = x;
    for (let l = 0; l < layers; l++) {
      const [W, offset, gamma] = params.slice(per(config) * l, per(config) * (l + 1));
      // Its gradient on wasm's fast path (no transposed operands); the digits need no gradient.
      let s = denseMatMul(tf, h, W!, { inputGradient: l > 0 });
      if (config.batchNorm) {
        let mean = model.running[2 * l]!;
        let variance = model.running[2 * l + 1]!;
        if (stats) {
          ({ mean, variance } = tf.moments(s, 0));
          stats.push(tf.keep(mean), tf.keep(variance));
        }
        s = tf.add(tf.mul(gamma!, tf.div(tf.sub(s, mean), tf.sqrt(tf.add(variance, BN_EPSILON)))), offset!);
      } else {
        s = tf.add(s, offset!);
      }
      h = config.activation === 'tanh' ? tf.tanh(s) : tf.relu(s);
      if (masks) h = tf.mul(h, masks[l]!);
    }
    return tf.add(denseMatMul(tf, h, params.at(-2)!), params.at(-1)!);
  };

  /**
   * One Adam step of one model on (x, y), in the caller's tidy: replaces the model's tensors and
   * returns [loss] or, with `measure`, [loss, ‖ΔW‖/‖W‖ of each weight matrix].
   */
  const stepModel = (model: Model, x: Tensor, y: Tensor, learningRate: number, t: number, measure: boolean): Tensor => {
    const masks = stepMasks(model.dropout, shape, model.config.dropout)?.map((values) => tf.tensor2d(values, [shape.batch, shape.width]));
    const batchStats: Tensor[] = [];
    const { value, grads } = tf.valueAndGrads((...params: Tensor[]) => tf.losses.softmaxCrossEntropy(y, forward(model, params, x, masks, batchStats)) as Scalar)(model.params);
    const { beta1, beta2, epsilon } = ADAM;
    const m = grads.map((g, i) => tf.add(tf.mul(model.m[i]!, beta1), tf.mul(g, 1 - beta1)));
    const v = grads.map((g, i) => tf.add(tf.mul(model.v[i]!, beta2), tf.mul(tf.square(g), 1 - beta2)));
    // lr·m̂/(√v̂ + ε) with both bias corrections folded into one factor (and ε scaled to match).
    const correction = (learningRate * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
    const updates = m.map((mi, i) => tf.mul(tf.div(mi, tf.add(tf.sqrt(v[i]!), epsilon * Math.sqrt(1 - beta2 ** t))), correction));
    const weightIndex = (l: number) => (l === layers ? model.params.length - 2 : per(model.config) * l);
    // ‖·‖ as √Σx² (tf.norm goes through pow and abs, several times slower on wasm).
    const norm = (t: Tensor) => tf.sqrt(tf.sum(tf.square(t)));
    const ratios = measure ? Array.from({ length: layers + 1 }, (_, l) => tf.div(norm(updates[weightIndex(l)]!), norm(model.params[weightIndex(l)]!))) : [];
    model.running = batchStats.map((stat, i) => tf.add(tf.mul(model.running[i]!, 1 - BN_MOMENTUM), tf.mul(stat, BN_MOMENTUM)));
    tf.dispose(batchStats); // kept out of the gradient's tidy above; read into `running` now
    model.params = model.params.map((p, i) => tf.sub(p, updates[i]!));
    model.m = m;
    model.v = v;
    return tf.stack([value, ...ratios]);
  };

  const held = (model: Model) => [...model.params, ...model.m, ...model.v, ...model.running];
  const ratios: number[][] = models.map(() => []);

  return {
    get step() {
      return step;
    },
    /** Each model's loss at every step so far. */
    losses,
    /** Each model's update/weight ratios ‖ΔW‖/‖W‖ per weight matrix, at the last step of the last train(). */
    ratios,
    /** `steps` Adam steps of every model on the same minibatches, at a rate or the rate of each step (0-based); an abort throws. */
    async train(steps: number, rate: number | ((step: number) => number)): Promise<void> {
      const last = step + steps;
      await runSliced(tf, steps, () => {
        const learningRate = typeof rate === 'number' ? rate : rate(step);
        const indices = nextBatch();
        const measure = step + 1 === last;
        const old = models.flatMap(held);
        const { stats } = tf.tidy(() => {
          const x = tf.tensor2d(batchPixels(data.images, indices), [shape.batch, 784]);
          const y = tf.oneHot(tf.tensor1d(Array.from(indices, (i) => data.labels[i]!), 'int32'), shape.classes);
          const all = models.map((model) => stepModel(model, x, y, learningRate, step + 1, measure));
          // tidy keeps what it returns: the models' new tensors must survive it too.
          return { stats: tf.concat(all), kept: models.flatMap(held) };
        });
        tf.dispose(old);
        step += 1;
        return stats;
      }, {
        signal: options.signal,
        onValues: (values) => {
          const width = values.length / models.length;
          models.forEach((_, k) => {
            losses[k]!.push(values[k * width]!);
            if (width > 1) ratios[k] = Array.from(values.subarray(k * width + 1, (k + 1) * width));
          });
        },
      });
    },
    /** Accuracy and mean loss of every model on the evaluation digits (batch norm with running statistics, no dropout). */
    async evaluate(): Promise<Evaluation[]> {
      const out: Evaluation[] = [];
      for (const model of models) {
        const [correct, loss] = tf.tidy(() => {
          const logits = forward(model, model.params, evalX, undefined);
          const right = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), evalLabels), 'float32'));
          return [right, tf.losses.softmaxCrossEntropy(tf.oneHot(evalLabels, shape.classes), logits)];
        });
        const values = [(await correct!.data())[0]!, (await loss!.data())[0]!];
        tf.dispose([correct!, loss!]);
        out.push({ accuracy: values[0]! / count, loss: values[1]! });
        options.signal?.throwIfAborted();
      }
      return out;
    },
    /** Each model's parameters as plain arrays (tests compare them with the reference). */
    async parameters(): Promise<Float32Array[][]> {
      return Promise.all(models.map((model) => Promise.all(model.params.map(async (p) => (await p.data()) as Float32Array))));
    },
    dispose() {
      tf.dispose([evalX, evalLabels, ...models.flatMap(held)]);
    },
  };
}

export type LabTrainer = ReturnType<typeof createLabTrainer>;
