/**
 * A fooling image: gradient ascent on the input toward a target class, until the network puts
 * the target first with the requested confidence. Each step is a fast-gradient-sign step
 * (Goodfellow et al. 2015) on the log-probability of the target,
 *
 *   x ← clip(x + η · sign(∇ₓ log p(target | x)), 0, 1),
 *
 * so every pixel moves by at most η per step and stays a valid intensity; after t steps no pixel
 * has moved by more than t·η. The weights never change, only the image.
 *
 * Lifecycle: created from an image; step(n) takes up to n steps (fewer once fooled); dispose()
 * frees the image tensor.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import { CLASSES } from './architecture.ts';
import { cnnScores, type CnnParams } from './cnn-model.ts';
import { imageTensor } from './saliency.ts';

export interface FoolingOptions {
  target: number;
  /** η: the change of each pixel per step. */
  stepSize: number;
  /** Stop when p(target) reaches this and the target is the top class. */
  confidence: number;
  /** Checked before each step: a run that ended stops (each step already awaits its read). */
  signal?: AbortSignal | undefined;
}

export interface FoolingState {
  steps: number;
  pixels: Float32Array;
  /** pixels − original. */
  perturbation: Float32Array;
  scores: Float32Array;
  probabilities: Float32Array;
  predicted: number;
  fooled: boolean;
  /** max |perturbation| and its Euclidean norm. */
  linf: number;
  l2: number;
}

export interface FoolingRun {
  readonly state: FoolingState;
  step(count: number): Promise<FoolingState>;
  dispose(): void;
}

export async function createFoolingRun(tf: Tf, params: CnnParams, original: Float32Array, options: FoolingOptions): Promise<FoolingRun> {
  if (!(Number.isInteger(options.target) && options.target >= 0 && options.target < CLASSES)) throw new Error(`the target class must be a digit 0-9, not ${options.target}`);
  let x: Tensor = imageTensor(tf, original);
  const logProbability = (input: Tensor) => tf.sum(tf.slice(tf.logSoftmax(cnnScores(tf, params, input, true)), [0, options.target], [1, 1]));
  const gradient = tf.grad(logProbability);

  const read = async (steps: number): Promise<FoolingState> => {
    const [s, p] = tf.tidy(() => {
      const scores = tf.squeeze(cnnScores(tf, params, x));
      return [scores, tf.softmax(scores)];
    });
    const [scores, probabilities, pixels] = await Promise.all([s.data() as Promise<Float32Array>, p.data() as Promise<Float32Array>, x.data() as Promise<Float32Array>]);
    tf.dispose([s, p]);
    const perturbation = pixels.map((v, i) => v - original[i]!);
    let predicted = 0;
    probabilities.forEach((v, i) => {
      if (v > probabilities[predicted]!) predicted = i;
    });
    return {
      steps,
      pixels: Float32Array.from(pixels),
      perturbation,
      scores: Float32Array.from(scores),
      probabilities: Float32Array.from(probabilities),
      predicted,
      fooled: predicted === options.target && probabilities[options.target]! >= options.confidence,
      linf: perturbation.reduce((m, v) => Math.max(m, Math.abs(v)), 0),
      l2: Math.sqrt(perturbation.reduce((s, v) => s + v * v, 0)),
    };
  };

  let state = await read(0);
  return {
    get state() {
      return state;
    },
    async step(count) {
      for (let i = 0; i < count && !state.fooled; i++) {
        options.signal?.throwIfAborted();
        const next = tf.tidy(() => tf.clipByValue(tf.add(x, tf.mul(options.stepSize, tf.sign(gradient(x)))), 0, 1));
        x.dispose();
        x = next;
        state = await read(state.steps + 1);
      }
      return state;
    },
    dispose() {
      x.dispose();
    },
  };
}
