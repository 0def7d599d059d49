/**
 * Training the char-RNN: truncated BPTT over B streams (batches.ts) with a loss at every step,
 * the gradient's global norm clipped, Adam; the held-out bits per character; sampling primed with
 * text; the top layer's activations over a passage.
 *
 * Tensors held between calls: the parameters (Variables), Adam's two moments per parameter (after
 * the first step), and the carried state (h, and c for the LSTM, per layer). Everything else is
 * created and disposed within a step, so the count stays flat.
 */
import type { Scalar, Tensor, Tf, Variable } from '../../tf/types.ts';
import { runSliced } from '../../tf/slices.ts';
import { abortError } from '../../tf/worker-protocol.ts';
import { createTfOptimizer } from '../optimizers/tf-optimizer.ts';
import { scheduledRate, type Decay } from '../optimizers/schedule.ts';
import { DEFAULT_HYPERPARAMETERS } from '../optimizers/update-rules.ts';
import { paramVariables, readParams, type ParamValues } from '../params.ts';
import { createRandom } from '../random.ts';
import { createStreamBatcher } from './batches.ts';
import { paramSpecs, type ModelShape } from './cells.ts';
import { lstmForward, lstmLossAndGrads } from './lstm-bptt.ts';
import { crossEntropy, unroll, zeroStateTensors, type StateTensors } from './model.ts';
import { probabilitiesAt, sampleIndex, topK } from './sampling.ts';

/** Streams read side by side when measuring held-out text. */
const EVAL_STREAMS = 64;

export interface TrainHyper {
  /** α of the schedule: step t's rate is scheduledRate(α, t, totalSteps, decay). */
  learningRate: number;
  decay: Decay;
  totalSteps: number;
  /** Largest global gradient norm (0: no clipping). */
  clip: number;
}

export interface CharRnnTrainerOptions {
  tf: Tf;
  shape: ModelShape;
  train: Int32Array;
  /** Streams B and steps T per batch. */
  batch: number;
  steps: number;
  initial: ParamValues;
  hyper: () => TrainHyper;
  signal?: AbortSignal | undefined;
}

export interface StepRecord {
  /** Mean cross-entropy of the batch, nats per character. */
  loss: number;
  /** Global gradient norm before clipping. */
  gradNorm: number;
}

export interface Sample {
  ids: number[];
  /** The five most probable next characters (at the sampling temperature) before each one. */
  top: { index: number; p: number }[][];
}

export function createCharRnnTrainer(options: CharRnnTrainerOptions) {
  const { tf, shape } = options;
  const specs = paramSpecs(shape);
  const params: Record<string, Variable> = paramVariables(tf, specs, options.initial);
  const list = specs.map((s) => params[s.name]!);
  const nextBatch = createStreamBatcher(options.train, options.batch, options.steps);
  /** Updates made so far: the schedule's t (the optimizer reads the rate as it makes update t + 1). */
  let updates = 0;
  const rate = () => {
    const h = options.hyper();
    return scheduledRate(h.learningRate, updates, h.totalSteps, h.decay);
  };
  const optimizer = createTfOptimizer(tf, 'adam', () => ({ ...DEFAULT_HYPERPARAMETERS, lr: rate() }));
  let carried: StateTensors = zeroStateTensors(tf, shape, options.batch);
  const records: StepRecord[] = [];
  let disposed = false;
  const stateList = (s: StateTensors) => [...s.h, ...s.c];

  /** The loss and gradients by autodiff (the RNN and the GRU). */
  const autodiffStep = (inputs: Int32Array, targets: Int32Array) => {
    const x = tf.tensor2d(inputs, [options.steps, options.batch], 'int32');
    const y = tf.tensor1d(targets, 'int32');
    let next: StateTensors | undefined;
    const { value, grads } = tf.variableGrads(() => {
      const out = unroll(tf, shape, params, x, carried);
      next = { h: out.state.h.map((t) => tf.keep(t)), c: out.state.c.map((t) => tf.keep(t)) };
      return crossEntropy(tf, out.logits, y, shape.vocab) as Scalar;
    }, list);
    tf.dispose([x, y]);
    // Keyed by parameter name, as lstmStep's are (variableGrads keys them by the variables' own names).
    return { value, grads: Object.fromEntries(specs.map((s) => [s.name, grads[params[s.name]!.name]!])), next: next! };
  };

  /** The same numbers by the LSTM's written-out backward pass (lstm-bptt.ts: much faster on wasm). */
  const lstmStep = (inputs: Int32Array, targets: Int32Array) => {
    const [value, ...rest] = tf.tidy(() => {
      const out = lstmLossAndGrads(tf, shape, params, inputs, targets, options.batch, carried);
      return [out.loss, ...specs.map((s) => out.grads[s.name]!), ...stateList(out.state)];
    });
    const grads = Object.fromEntries(specs.map((s, k) => [s.name, rest[k]!]));
    const state = rest.slice(specs.length);
    return { value: value as Scalar, grads, next: { h: state.slice(0, shape.layers), c: state.slice(shape.layers) } };
  };

  const oneStep = (): Tensor => {
    if (disposed) throw abortError('The trainer was disposed.');
    const { inputs, targets, restart } = nextBatch();
    if (restart) {
      tf.dispose(stateList(carried));
      carried = zeroStateTensors(tf, shape, options.batch);
    }
    // The state goes on to the next batch (truncated BPTT: as values, not as a path for gradients).
    const { value, grads, next } = shape.cell === 'lstm'
      ? lstmStep(inputs, targets)
      : autodiffStep(inputs, targets);
    const { clip } = options.hyper();
    const { clipped, norm } = tf.tidy(() => {
      const gs = specs.map((s) => grads[s.name]!);
      const total = tf.sqrt(tf.addN(gs.map((g) => tf.sum(tf.square(g)))));
      const factor = clip > 0 ? tf.minimum(1, tf.div(clip, tf.add(total, 1e-6))) : tf.scalar(1);
      return { clipped: gs.map((g) => tf.mul(g, factor)), norm: total };
    });
    optimizer.step(list, clipped);
    updates += 1;
    tf.dispose([...Object.values(grads), ...clipped, ...stateList(carried)]);
    carried = next;
    const stats = tf.stack([value, norm]);
    tf.dispose([value, norm]);
    return stats;
  };

  /** Runs `ids` (batch 1) from zero states; the logits of every step and the top activations. */
  const readThrough = (ids: ArrayLike<number>, state: StateTensors, collect: boolean) =>
    unroll(tf, shape, params, tf.tensor2d(Int32Array.from(ids), [ids.length, 1], 'int32'), state, collect);

  return {
    params,
    records,
    get steps() {
      return records.length;
    },
    /** The learning rate the next step will use. */
    rate,
    /** `count` training steps in awaited slices; each step's loss and gradient norm recorded. */
    async train(count: number): Promise<void> {
      await runSliced(tf, count, oneStep, { signal: options.signal, onValues: (v) => records.push({ loss: v[0]!, gradNorm: v[1]! }) });
    },
    /** Held-out loss in nats per character over `text` (B streams of T steps, state carried), at most `most` characters. */
    async evaluate(text: Int32Array, most: number): Promise<number> {
      const used = text.subarray(0, Math.min(text.length, most));
      // Up to 64 streams whatever the training batch: fewer sequential steps (each a GPU round trip).
      const B = Math.max(1, Math.min(EVAL_STREAMS, Math.floor((used.length - 1) / (options.steps + 1))));
      const batcher = createStreamBatcher(used, B, options.steps);
      // Every batch reads on from the previous one (no stream restarts inside an evaluation).
      const batches = Math.floor((Math.floor(used.length / B) - 1) / options.steps);
      let state = zeroStateTensors(tf, shape, B);
      let total = 0;
      try {
        await runSliced(tf, batches, () => {
          const { inputs, targets } = batcher();
          const [loss, ...kept] = tf.tidy(() => {
            const out = shape.cell === 'lstm'
              ? lstmForward(tf, shape, params, inputs, B, state)
              : unroll(tf, shape, params, tf.tensor2d(inputs, [options.steps, B], 'int32'), state);
            return [crossEntropy(tf, out.logits, tf.tensor1d(targets, 'int32'), shape.vocab), ...stateList(out.state)];
          });
          tf.dispose(stateList(state));
          state = { h: kept.slice(0, shape.layers), c: kept.slice(shape.layers) };
          return loss!;
        }, { signal: options.signal, onValues: (v) => { total += v[0]!; } });
      } finally {
        tf.dispose(stateList(state));
      }
      return total / batches;
    },
    /** `length` characters after `prime` (at least one character), at `temperature` (0: argmax). */
    async sample(prime: ArrayLike<number>, length: number, temperature: number, seed: number): Promise<Sample> {
      const random = createRandom(seed);
      const zero = zeroStateTensors(tf, shape, 1);
      let [logits, ...state] = tf.tidy(() => {
        const out = readThrough(prime, zero, false);
        return [tf.slice(out.logits, [prime.length - 1, 0], [1, shape.vocab]), ...stateList(out.state)];
      });
      tf.dispose(stateList(zero));
      const sample: Sample = { ids: [], top: [] };
      try {
        for (let k = 0; k < length; k++) {
          options.signal?.throwIfAborted();
          const values = await logits!.data();
          sample.top.push(topK(probabilitiesAt(values, temperature), 5));
          const id = sampleIndex(values, temperature, random);
          sample.ids.push(id);
          if (k === length - 1) break;
          const previous = [logits!, ...state];
          [logits, ...state] = tf.tidy(() => {
            const out = readThrough([id], { h: state.slice(0, shape.layers), c: state.slice(shape.layers) }, false);
            return [out.logits, ...stateList(out.state)];
          });
          tf.dispose(previous);
        }
      } finally {
        tf.dispose([logits!, ...state]);
      }
      return sample;
    },
    /** The top layer's h (and c) at every character of `ids`, [length·H] each, from zero states. */
    async activations(ids: ArrayLike<number>): Promise<{ h: Float32Array; c?: Float32Array }> {
      const zero = zeroStateTensors(tf, shape, 1);
      const [h, c] = tf.tidy(() => {
        const out = readThrough(ids, zero, true);
        return out.topC ? [out.topH!, out.topC] : [out.topH!];
      });
      tf.dispose(stateList(zero));
      const hValues = (await h!.data()) as Float32Array;
      const cValues = c ? ((await c.data()) as Float32Array) : undefined;
      tf.dispose([h!, ...(c ? [c] : [])]);
      return cValues ? { h: hValues, c: cValues } : { h: hValues };
    },
    weights: () => readParams(specs, params),
    dispose() {
      disposed = true;
      optimizer.dispose();
      tf.dispose([...list, ...stateList(carried)]);
    },
  };
}

export type CharRnnTrainer = ReturnType<typeof createCharRnnTrainer>;
