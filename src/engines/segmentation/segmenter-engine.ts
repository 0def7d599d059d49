/**
 * The encoder-decoder's training as rounds of work (the form a Web Worker serves, see
 * docs/engine-workers.md): a round trains some steps, sends back the predicted label map of the
 * held-out scene shown, and, when asked, mean IoU over all held-out scenes. Plain arrays only cross.
 */
import type { Tf } from '../../tf/types.ts';
import type { ServedEngine } from '../../tf/worker-serve.ts';
import { createSceneEngine, type SceneInit, type SceneReplyBase, type SceneRound } from '../detection/scene-engine.ts';
import { createSegmenterTrainer } from './segmenter-trainer.ts';

export type SegmenterInit = SceneInit;
export type SegmenterRound = SceneRound;

export interface SegmenterReply extends SceneReplyBase {
  /** Predicted class (0 background, d + 1 digit d) of each pixel of the scene asked for. */
  predicted: Uint8Array;
  evaluation?: { meanIou: number | undefined; perClass: (number | undefined)[]; pixelAccuracy: number };
}

export function createSegmenterEngine(tf: Tf, init: SegmenterInit, signal: AbortSignal): ServedEngine<SegmenterRound, SegmenterReply> {
  return createSceneEngine(tf, init, signal, {
    createTrainer: createSegmenterTrainer,
    show: async (trainer, scene) => (scene ? trainer.predict([scene]) : new Uint8Array(0)),
    reply: (base, predicted, e): SegmenterReply => ({
      ...base, predicted,
      ...(e ? { evaluation: { meanIou: e.meanIou, perClass: e.perClass, pixelAccuracy: e.pixelAccuracy } } : {}),
    }),
  });
}
