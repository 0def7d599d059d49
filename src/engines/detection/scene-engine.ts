/**
 * What the detector's and the segmenter's worker engines share (docs/engine-workers.md): the
 * held-out scenes, a trainer on fresh training scenes at the reader's learning rate, and rounds
 * that train some steps, send back what the net makes of the held-out scene shown and, when asked,
 * the evaluation on all held-out scenes. Each engine says only how to build its trainer, what it
 * shows of one scene, and which plain numbers of its evaluation cross to the page.
 */
import type { Tf } from '../../tf/types.ts';
import type { ServedEngine } from '../../tf/worker-serve.ts';
import { SPLITS, heldOutScenes, type Scene, type SceneTrainerOptions } from './scenes.ts';

export interface SceneInit {
  images: Uint8Array;
  labels: Uint8Array;
  seed: number;
  batchSize: number;
  /** Held-out scenes evaluated. */
  testCount: number;
  maxDigits: number;
}

export interface SceneRound {
  steps: number;
  learningRate: number;
  /** The held-out scene whose outputs come back. */
  scene: number;
  evaluate: boolean;
}

export interface SceneReplyBase {
  step: number;
  losses: number[];
  /** Wall time of this round's training steps. */
  trainMs: number;
}

interface SceneTrainer {
  readonly step: number;
  readonly losses: number[];
  train(steps: number): Promise<void>;
  evaluate(): Promise<unknown>;
  dispose(): void;
}

type EvaluationOf<Trainer extends SceneTrainer> = Awaited<ReturnType<Trainer['evaluate']>>;

export interface SceneEngineParts<Trainer extends SceneTrainer, Shown extends Float32Array | Uint8Array, Reply extends SceneReplyBase> {
  createTrainer(options: SceneTrainerOptions): Trainer;
  /** The net's outputs for one held-out scene (an empty array when there is none). */
  show(trainer: Trainer, scene: Scene | undefined): Promise<Shown>;
  /** The reply: the shared fields, what was shown, and the evaluation's plain numbers when one was asked for. */
  reply(base: SceneReplyBase, shown: Shown, evaluation: EvaluationOf<Trainer> | undefined): Reply;
}

export function createSceneEngine<Trainer extends SceneTrainer, Shown extends Float32Array | Uint8Array, Reply extends SceneReplyBase>(
  tf: Tf, init: SceneInit, signal: AbortSignal, parts: SceneEngineParts<Trainer, Shown, Reply>,
): ServedEngine<SceneRound, Reply> {
  const test = heldOutScenes(init.images, init.labels, init.seed, init.testCount, init.maxDigits);
  let learningRate = 0;
  const trainer = parts.createTrainer({
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
      const shown = await parts.show(trainer, test[Math.min(round.scene, test.length - 1)]);
      const evaluation = round.evaluate ? ((await trainer.evaluate()) as EvaluationOf<Trainer>) : undefined;
      const reply = parts.reply({ step: trainer.step, losses: trainer.losses.slice(before), trainMs }, shown, evaluation);
      return { reply, transfer: [shown.buffer] };
    },
    dispose: () => trainer.dispose(),
  };
}
