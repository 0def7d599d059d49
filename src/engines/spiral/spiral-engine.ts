/**
 * The spiral trainer as rounds of work, the form a Web Worker serves (src/tf/worker-serve.ts)
 * and the page's thread runs where the backend cannot start in a worker (src/tf/engine-thread.ts).
 * A round trains some steps with the learning rate and λ the reader has set now, then sends back
 * the decision map and weights of the model shown, if asked, and the path of a point the reader
 * picked through it. Plain arrays only cross.
 */
import type { Tf } from '../../tf/types.ts';
import type { ServedEngine } from '../../tf/worker-serve.ts';
import { createSpiralTrainer, type DecisionMap, type Hyper, type SpiralModel } from './spiral-trainer.ts';
import type { PointPath, SpiralWeights } from './spiral-reference.ts';

export interface SpiralInit {
  points: Float32Array;
  labels: Int32Array;
  classes: number;
  hidden: number;
  seed: number;
  models: SpiralModel[];
}

export interface SpiralRound {
  steps: number;
  hyper: Hyper;
  /** The model whose decision map (and weights) to send back; none: losses only. */
  show?: SpiralModel;
  /** A point to follow through the model shown: its values and gradients come back as `path`. */
  inspect?: { point: [number, number]; label: number } | undefined;
}

export interface SpiralReply {
  step: number;
  /** This round's loss and accuracy of each model, step by step. */
  losses: Partial<Record<SpiralModel, number[]>>;
  accuracies: Partial<Record<SpiralModel, number[]>>;
  map?: DecisionMap;
  weights?: SpiralWeights;
  path?: PointPath;
}

export function createSpiralEngine(tf: Tf, init: SpiralInit, signal: AbortSignal): ServedEngine<SpiralRound, SpiralReply> {
  const trainer = createSpiralTrainer({ tf, ...init, signal });
  return {
    async handle(round) {
      const before = trainer.step;
      if (round.steps > 0) await trainer.train(round.steps, round.hyper);
      const done = trainer.step - before;
      const reply: SpiralReply = { step: trainer.step, losses: {}, accuracies: {} };
      for (const [model, history] of trainer.history) {
        reply.losses[model] = history.losses.slice(history.losses.length - done);
        reply.accuracies[model] = history.accuracies.slice(history.accuracies.length - done);
      }
      const transfer: Transferable[] = [];
      if (round.show && trainer.history.has(round.show)) {
        reply.map = await trainer.decisionMap(round.show);
        reply.weights = await trainer.weights(round.show);
        transfer.push(reply.map.classes.buffer, reply.map.confidence.buffer);
        if (round.inspect) reply.path = await trainer.pointPath(round.show, round.inspect.point, round.inspect.label);
      }
      return { reply, transfer };
    },
    dispose: () => trainer.dispose(),
  };
}
