/**
 * The char-RNN trainer as rounds of work, the form a Web Worker serves (src/tf/worker-serve.ts)
 * and the page's thread runs where the backend cannot start in a worker (src/tf/engine-thread.ts).
 * A request is one of: train some steps, measure the held-out loss, sample, read activations,
 * read the weights. Plain arrays cross, never tensors.
 */
import type { Tf } from '../../tf/types.ts';
import type { ServedEngine } from '../../tf/worker-serve.ts';
import type { ParamValues } from '../params.ts';
import { initialParams, type ModelShape } from './cells.ts';
import { createCharRnnTrainer, type Sample, type StepRecord, type TrainHyper } from './trainer.ts';

export interface CharRnnInit {
  shape: ModelShape;
  train: Int32Array;
  valid: Int32Array;
  batch: number;
  steps: number;
  seed: number;
  /** Weights to start from (an opened model); else seeded initial values. */
  weights?: ParamValues | undefined;
}

export type CharRnnRequest =
  | { kind: 'train'; steps: number; hyper: TrainHyper }
  | { kind: 'evaluate'; most: number }
  | { kind: 'sample'; prime: Int32Array; length: number; temperature: number; seed: number }
  | { kind: 'activations'; ids: Int32Array }
  | { kind: 'weights' };

export interface CharRnnReply {
  step: number;
  records?: StepRecord[];
  /** Held-out nats per character. */
  nats?: number;
  sample?: Sample;
  activations?: { h: Float32Array; c?: Float32Array };
  weights?: ParamValues;
}

export function createCharRnnEngine(tf: Tf, init: CharRnnInit, signal: AbortSignal): ServedEngine<CharRnnRequest, CharRnnReply> {
  let hyper: TrainHyper = { learningRate: 0.002, clip: 5, decay: 'none', totalSteps: 0 };
  const trainer = createCharRnnTrainer({
    tf, shape: init.shape, train: init.train, batch: init.batch, steps: init.steps, signal,
    initial: init.weights ?? initialParams(init.shape, { seed: init.seed }),
    hyper: () => hyper,
  });
  return {
    async handle(request) {
      const step = () => trainer.steps;
      switch (request.kind) {
        case 'train': {
          hyper = request.hyper;
          const before = trainer.records.length;
          await trainer.train(request.steps);
          return { reply: { step: step(), records: trainer.records.slice(before) } };
        }
        case 'evaluate':
          return { reply: { step: step(), nats: await trainer.evaluate(init.valid, request.most) } };
        case 'sample':
          return { reply: { step: step(), sample: await trainer.sample(request.prime, request.length, request.temperature, request.seed) } };
        case 'activations': {
          const activations = await trainer.activations(request.ids);
          return { reply: { step: step(), activations }, transfer: [activations.h.buffer, ...(activations.c ? [activations.c.buffer] : [])] };
        }
        case 'weights': {
          const weights = await trainer.weights();
          return { reply: { step: step(), weights }, transfer: Object.values(weights).map((v) => v.buffer) };
        }
      }
    },
    dispose: () => trainer.dispose(),
  };
}
