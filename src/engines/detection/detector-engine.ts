/**
 * The grid detector's training as rounds of work (the form a Web Worker serves, see
 * docs/engine-workers.md): a round trains some steps, sends back the raw cell outputs of the
 * held-out scene the reader looks at, and, when asked, the evaluation on all held-out scenes
 * (AP per class at IoU 0.5, its precision-recall points, mAP). Plain arrays only cross.
 */
import type { Tf } from '../../tf/types.ts';
import type { ServedEngine } from '../../tf/worker-serve.ts';
import { createDetectorTrainer } from './detector-trainer.ts';
import { createSceneEngine, type SceneInit, type SceneReplyBase, type SceneRound } from './scene-engine.ts';

export type DetectorInit = SceneInit;
export type DetectorRound = SceneRound;

export interface ClassCurve {
  ap: number | undefined;
  positives: number;
  precision: number[];
  recall: number[];
}

export interface DetectorReply extends SceneReplyBase {
  /** [G, G, 15] outputs of the scene asked for. */
  raw: Float32Array;
  evaluation?: { mAP: number | undefined; perClass: ClassCurve[] };
}

export function createDetectorEngine(tf: Tf, init: DetectorInit, signal: AbortSignal): ServedEngine<DetectorRound, DetectorReply> {
  return createSceneEngine(tf, init, signal, {
    createTrainer: createDetectorTrainer,
    show: async (trainer, scene) => (scene ? trainer.raw([scene]) : new Float32Array(0)),
    reply: (base, raw, e): DetectorReply => ({
      ...base, raw,
      ...(e ? {
        evaluation: {
          mAP: e.mAP,
          perClass: e.perClass.map((c) => ({ ap: c.ap, positives: c.positives, precision: c.ranked.map((r) => r.precision), recall: c.ranked.map((r) => r.recall) })),
        },
      } : {}),
    }),
  });
}
