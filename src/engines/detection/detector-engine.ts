/**
 * The grid detector's training as rounds of work (the form a Web Worker serves, see
 * docs/engine-workers.md): a round trains some steps, sends back the raw cell outputs of the
 * held-out scene the reader looks at, and, when asked, the evaluation on all held-out scenes
 * (AP per class at IoU 0.5, its precision-recall points, mAP). Plain arrays only cross.
 */
import type { Tf } from '../../tf/types.ts';
import type { ServedEngine } from '../../tf/worker-serve.ts';
import { createDetectorTrainer } from './detector-trainer.ts';
import { SPLITS, heldOutScenes } from './scenes.ts';

export interface DetectorInit {
  images: Uint8Array;
  labels: Uint8Array;
  seed: number;
  batchSize: number;
  /** Held-out scenes evaluated. */
  testCount: number;
  maxDigits: number;
}

export interface DetectorRound {
  steps: number;
  learningRate: number;
  /** The held-out scene whose raw outputs come back. */
  scene: number;
  evaluate: boolean;
}

export interface ClassCurve {
  ap: number | undefined;
  positives: number;
  precision: number[];
  recall: number[];
}

export interface DetectorReply {
  step: number;
  losses: number[];
  /** Wall time of this round's training steps. */
  trainMs: number;
  /** [G, G, 15] outputs of the scene asked for. */
  raw: Float32Array;
  evaluation?: { mAP: number | undefined; perClass: ClassCurve[] };
}

export function createDetectorEngine(tf: Tf, init: DetectorInit, signal: AbortSignal): ServedEngine<DetectorRound, DetectorReply> {
  const test = heldOutScenes(init.images, init.labels, init.seed, init.testCount, init.maxDigits);
  let learningRate = 0;
  const trainer = createDetectorTrainer({
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
      const raw = scene ? await trainer.raw([scene]) : new Float32Array(0);
      const reply: DetectorReply = { step: trainer.step, losses: trainer.losses.slice(before), trainMs, raw };
      if (round.evaluate) {
        const e = await trainer.evaluate();
        reply.evaluation = {
          mAP: e.mAP,
          perClass: e.perClass.map((c) => ({ ap: c.ap, positives: c.positives, precision: c.ranked.map((r) => r.precision), recall: c.ranked.map((r) => r.recall) })),
        };
      }
      return { reply, transfer: [raw.buffer] };
    },
    dispose: () => trainer.dispose(),
  };
}
