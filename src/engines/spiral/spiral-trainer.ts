/**
 * The case study's training in tfjs: full-batch gradient descent on the softmax linear classifier
 * and on the 2-layer ReLU net, with the gradients written out as in the notes (dscores = p − y,
 * backpropagated through the affine layers and the ReLU) so each step matches the float64
 * reference (spiral-reference.ts). Both models train on the same points, step for step.
 *
 * Tensors held: X, Xᵀ, a row of ones, one-hot Y, labels, the 100×100 grid, and each model's weights (2 or 4);
 * a step replaces the weights (the old ones are disposed), so the count stays flat.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { createRandom } from '../random.ts';
import type { PointPath, SpiralWeights } from './spiral-reference.ts';

export type SpiralModel = 'linear' | 'net';
export const SPIRAL_MODELS: readonly SpiralModel[] = ['linear', 'net'];
export const GRID_SIZE = 100;
/** The decision map covers [-EXTENT, EXTENT]² (the spiral's radius is 1, plus noise). */
export const EXTENT = 1.25;

export interface SpiralTrainerOptions {
  tf: Tf;
  points: Float32Array;
  labels: Int32Array;
  classes: number;
  hidden: number;
  seed: number;
  models: readonly SpiralModel[];
  signal?: AbortSignal | undefined;
  /** Called after each step's loss and accuracy are read (the benchmark stops at a goal). */
  onStep?: (step: number) => void;
}

export interface Hyper {
  learningRate: number;
  lambda: number;
}

export interface DecisionMap {
  /** Winning class of each cell, row by row from the top (y = EXTENT) down. */
  classes: Uint8Array;
  /** Its softmax probability. */
  confidence: Float32Array;
}

/** The initial weights of the case study: 0.01·N(0, 1) weights, zero biases, seeded. */
export function initialWeights(model: SpiralModel, classes: number, hidden: number, seed: number): { W1: Float32Array; b1: Float32Array; W2?: Float32Array; b2?: Float32Array } {
  const random = createRandom(seed + (model === 'net' ? 1 : 0));
  const gaussian = (length: number) => Float32Array.from({ length }, () => 0.01 * random.normal());
  if (model === 'linear') return { W1: gaussian(2 * classes), b1: new Float32Array(classes) };
  return { W1: gaussian(2 * hidden), b1: new Float32Array(hidden), W2: gaussian(hidden * classes), b2: new Float32Array(classes) };
}

export function gridPoints(): Float32Array {
  const grid = new Float32Array(GRID_SIZE * GRID_SIZE * 2);
  for (let row = 0; row < GRID_SIZE; row++) {
    for (let col = 0; col < GRID_SIZE; col++) {
      const cell = row * GRID_SIZE + col;
      grid[2 * cell] = -EXTENT + ((col + 0.5) / GRID_SIZE) * 2 * EXTENT;
      grid[2 * cell + 1] = EXTENT - ((row + 0.5) / GRID_SIZE) * 2 * EXTENT;
    }
  }
  return grid;
}

export function createSpiralTrainer(options: SpiralTrainerOptions) {
  const { tf, classes, hidden } = options;
  const n = options.labels.length;
  const X = tf.tensor2d(options.points, [n, 2]);
  // Xᵀ and a row of ones, kept: on wasm a matMul with a transpose flag, or a sum over axis 0,
  // costs 10-40 times a plain matMul of these sizes (it transposes first), and a step has several.
  const XT = tf.transpose(X);
  const ones = tf.ones([1, n]);
  const labels = tf.tensor1d(options.labels, 'int32');
  const Y = tf.tidy(() => tf.cast(tf.oneHot(labels, classes), 'float32'));
  const grid = tf.tensor2d(gridPoints(), [GRID_SIZE * GRID_SIZE, 2]);
  const weights = new Map<SpiralModel, Tensor[]>();
  for (const model of options.models) {
    const w = initialWeights(model, classes, hidden, options.seed);
    weights.set(model, model === 'linear'
      ? [tf.tensor2d(w.W1, [2, classes]), tf.tensor1d(w.b1)]
      : [tf.tensor2d(w.W1, [2, hidden]), tf.tensor1d(w.b1), tf.tensor2d(w.W2!, [hidden, classes]), tf.tensor1d(w.b2!)]);
  }
  const history = new Map<SpiralModel, { losses: number[]; accuracies: number[] }>(options.models.map((m) => [m, { losses: [], accuracies: [] }]));
  let step = 0;

  const scoresOf = (input: Tensor, w: Tensor[]) =>
    w.length === 2 ? tf.add(tf.matMul(input, w[0]!), w[1]!) : tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(input, w[0]!), w[1]!)), w[2]!), w[3]!);

  /** Σ over the rows of `d` (n × k) as a k-vector: ones(1 × n)·d. */
  const columnSums = (d: Tensor) => tf.reshape(tf.matMul(ones, d), [d.shape[1]!]);

  /**
   * One gradient step of one model: returns its new weights and [loss, accuracy] at the old ones.
   * lr/n is folded into dscores and W ← (1 − lr·λ)W − lr·dW: fewer ops per step (each op is a
   * dispatch on wasm, and the step is dispatch-bound), the same update. Every product is a plain
   * matMul (no transpose flags): hᵀ comes from its own forward product W1ᵀXᵀ, cheaper than
   * transposing h.
   */
  const stepModel = (w: Tensor[], hyper: Hyper): { next: Tensor[]; stats: Tensor } => {
    const { learningRate: lr, lambda } = hyper;
    const decay = 1 - lr * lambda;
    const hiddenPre = w.length === 4 ? tf.add(tf.matMul(X, w[0]!), w[1]!) : undefined;
    const hiddenOut = hiddenPre ? tf.relu(hiddenPre) : undefined;
    const scores = hiddenOut ? tf.add(tf.matMul(hiddenOut, w[2]!), w[3]!) : tf.add(tf.matMul(X, w[0]!), w[1]!);
    const probs = tf.softmax(scores);
    const dataLoss = tf.neg(tf.mean(tf.log(tf.sum(tf.mul(Y, probs), 1))));
    const squares = w.filter((_, i) => i % 2 === 0).map((W) => tf.sum(tf.square(W)));
    const loss = tf.add(dataLoss, tf.mul(0.5 * lambda, squares.length === 1 ? squares[0]! : tf.add(squares[0]!, squares[1]!)));
    const accuracy = tf.mean(tf.cast(tf.equal(tf.argMax(scores, 1), labels), 'float32'));
    const dScores = tf.mul(tf.sub(probs, Y), lr / n);
    const weight = (W: Tensor, scaledGrad: Tensor) => tf.sub(tf.mul(W, decay), scaledGrad);
    let next: Tensor[];
    if (hiddenOut && hiddenPre) {
      const hiddenOutT = tf.relu(tf.add(tf.matMul(tf.transpose(w[0]!), XT), tf.reshape(w[1]!, [hidden, 1])));
      const dHidden = tf.mul(tf.matMul(dScores, tf.transpose(w[2]!)), tf.step(hiddenPre));
      next = [
        weight(w[0]!, tf.matMul(XT, dHidden)),
        tf.sub(w[1]!, columnSums(dHidden)),
        weight(w[2]!, tf.matMul(hiddenOutT, dScores)),
        tf.sub(w[3]!, columnSums(dScores)),
      ];
    } else {
      next = [weight(w[0]!, tf.matMul(XT, dScores)), tf.sub(w[1]!, columnSums(dScores))];
    }
    return { next, stats: tf.stack([loss, accuracy]) };
  };

  return {
    get step() {
      return step;
    },
    history,
    /** `count` full-batch steps of every model; returns the steps done (an abort throws). */
    async train(count: number, hyper: Hyper): Promise<void> {
      await runSliced(tf, count, () => {
        const { stats, replaced } = tf.tidy(() => {
          const all: Tensor[] = [];
          const replaced: Tensor[][] = [];
          for (const model of options.models) {
            const result = stepModel(weights.get(model)!, hyper);
            replaced.push(weights.get(model)!);
            weights.set(model, result.next);
            all.push(result.stats);
          }
          // tidy keeps what it returns: the new weights must survive it too.
          return { stats: tf.concat(all), replaced, kept: [...weights.values()].flat() };
        });
        replaced.flat().forEach((t) => t.dispose());
        step += 1;
        return stats;
      }, {
        signal: options.signal,
        onValues(values) {
          options.models.forEach((model, m) => {
            history.get(model)!.losses.push(values[2 * m]!);
            history.get(model)!.accuracies.push(values[2 * m + 1]!);
          });
          options.onStep?.(history.get(options.models[0]!)!.losses.length);
        },
      });
    },
    async decisionMap(model: SpiralModel): Promise<DecisionMap> {
      const [winner, confidence] = tf.tidy(() => {
        const probs = tf.softmax(scoresOf(grid, weights.get(model)!));
        return [tf.argMax(probs, 1), tf.max(probs, 1)];
      });
      const classesOut = Uint8Array.from(await winner!.data());
      const confidenceOut = Float32Array.from(await confidence!.data());
      tf.dispose([winner!, confidence!]);
      return { classes: classesOut, confidence: confidenceOut };
    },
    /**
     * One point's path through `model` at its current weights: each stage's values and the
     * gradients of the point's own loss Lᵢ = −log p(label) with respect to them, by tf.grads over
     * zero "probes" added at each stage (∂Lᵢ/∂probe is ∂Lᵢ/∂stage, with no hand-written backward).
     */
    async pointPath(model: SpiralModel, point: [number, number], label: number): Promise<PointPath> {
      const w = weights.get(model)!;
      const twoLayer = w.length === 4;
      const kept: Tensor[] = [];
      const tensors = tf.tidy(() => {
        const x = tf.tensor2d([point], [1, 2]);
        // Probes at (W1ᵀx + b1, h,) scores and p: the linear model has no hidden stages.
        const probes = [...(twoLayer ? [tf.zeros([1, hidden]), tf.zeros([1, hidden])] : []), tf.zeros([1, classes]), tf.zeros([1, classes])];
        const path = (input: Tensor, ...z: Tensor[]) => {
          let h = input;
          if (twoLayer) {
            const preActivation = tf.add(tf.add(tf.matMul(input, w[0]!), w[1]!), z[0]!);
            h = tf.add(tf.relu(preActivation), z[1]!);
            kept.push(tf.keep(preActivation), tf.keep(h));
          }
          const [W, b] = twoLayer ? [w[2]!, w[3]!] : [w[0]!, w[1]!];
          const scores = tf.add(tf.add(tf.matMul(h, W), b), z.at(-2)!);
          const probabilities = tf.add(tf.softmax(scores), z.at(-1)!);
          kept.push(tf.keep(scores), tf.keep(probabilities));
          return tf.sum(tf.neg(tf.log(tf.slice(probabilities, [0, label], [1, 1]))));
        };
        const { value, grads } = tf.valueAndGrads(path)([x, ...probes]);
        return [value, ...grads];
      });
      const read = async (t: Tensor | undefined) => (t ? Array.from(await t.data()) : []);
      const all = await Promise.all(tensors.map(read));
      const [loss, dX, dPre, dHidden, dScores, dProbabilities] = twoLayer ? all : [all[0], all[1], [], [], ...all.slice(2)];
      const values = await Promise.all(kept.map(read));
      tf.dispose([...tensors, ...kept]);
      const [preActivation, hiddenValues, scores, probabilities] = twoLayer ? values : [[], [], ...values];
      return {
        x: point, preActivation: preActivation!, hidden: hiddenValues!, scores: scores!, probabilities: probabilities!, loss: loss![0]!,
        gradients: { probabilities: dProbabilities!, scores: dScores!, hidden: dHidden!, preActivation: dPre!, x: [dX![0]!, dX![1]!] },
      };
    },
    async weights(model: SpiralModel): Promise<SpiralWeights & { W1: Float32Array; b1: Float32Array }> {
      const values = await Promise.all(weights.get(model)!.map(async (t) => (await t.data()) as Float32Array));
      return { W1: values[0]!, b1: values[1]!, W2: values[2], b2: values[3] };
    },
    dispose() {
      tf.dispose([X, XT, ones, labels, Y, grid, ...[...weights.values()].flat()]);
    },
  };
}

export type SpiralTrainer = ReturnType<typeof createSpiralTrainer>;
