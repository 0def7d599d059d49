/**
 * The encoder-decoder's training as rounds of work (the form a Web Worker serves, see
 * docs/engine-workers.md): a round trains some steps, sends back the predicted label map of the
 * held-out scene shown, and, when asked, mean IoU over all held-out scenes. Plain arrays only cross.
 */
import type { Tf } from '../../tf/types.ts';
import type { ServedEngine } from '../../tf/worker-serve.ts';
import { SPLITS, heldOutScenes } from '../detection/scenes.ts';
import { createSegmenterTrainer } from './segmenter-trainer.ts';

export interface SegmenterInit {
  images: Uint8Array;
  labels: Uint8Array;
  seed: number;
  batchSize: number;
  testCount: number;
  maxDigits: number;
}

export interface SegmenterRound {
  steps: number;
  learningRate: number;
  scene: number;
  evaluate: boolean;
}

export interface SegmenterReply {
  step: number;
  losses: number[];
  trainMs: number;
  /** Predicted class (0 background, d + 1 digit d) of each pixel of the scene asked for. */
  predicted: Uint8Array;
  evaluation?: { meanIou: number | undefined; perClass: (number | undefined)[]; pixelAccuracy: number };
}

export function createSegmenterEngine(tf: Tf, init: SegmenterInit, signal: AbortSignal): ServedEngine<SegmenterRound, SegmenterReply> {
  const test = heldOutScenes(init.images, init.labels, init.seed, init.testCount, init.maxDigits);
  let learningRate = 0;
  const trainer = createSegmenterTrainer({
    tf, test, seed: init.seed, batchSize: init.batchSize, learningRate: () => learningRate, signal,
    train: { images: init.images, labels: init.labels, digits: SPLITS.train, seed: init.seed, minDigits: Math.min(1, init.maxDigits), maxDigits: init.maxDigits },
  });
  return {
    async handle(round) {
      learningRate = round.learningRate;
      const before = trainer.losses.length;
      const started = performance.now();
      if (round.steps > 0) await trainer.train(round.steps);
      const trainMs = performance.now() - started;
      const scene = test[Math.min(round.scene, test.length - 1)];
      const predicted = scene ? await trainer.predict([scene]) : new Uint8Array(0);
      const reply: SegmenterReply = { step: trainer.step, losses: trainer.losses.slice(before), trainMs, predicted };
      if (round.evaluate) {
        const e = await trainer.evaluate();
        reply.evaluation = { meanIou: e.meanIou, perClass: e.perClass, pixelAccuracy: e.pixelAccuracy };
      }
      return { reply, transfer: [predicted.buffer] };
    },
    dispose: () => trainer.dispose(),
  };
}
