/**
 * The char-RNN's training as the page sees it: the engine in a Web Worker where the backend runs
 * there (else on the page's thread, in slices), rounds of about ROUND_MS, and what the page keeps:
 * training and held-out bits per character, characters per second.
 */
import type { CharRnnInit, CharRnnReply, CharRnnRequest } from '../../engines/char-rnn/char-rnn-engine.ts';
import { bitsPerChar } from '../../engines/char-rnn/sampling.ts';
import type { TrainHyper } from '../../engines/char-rnn/trainer.ts';
import { startEngine } from '../../tf/engine-thread.ts';
import { demoEngine } from '../demo-worker.ts';
import type { DemoContext } from '../types.ts';
import type { CHAR_RNN_SPEC } from './spec.ts';

const ROUND_MS = { worker: 400, main: 40 };
/** Held-out characters measured at each evaluation (the whole held-out part in the benchmark). */

export interface CharRnnHistory {
  /** Training bits per character, step by step. */
  train: number[];
  /** Held-out bits per character and the step it was measured at. */
  valid: { step: number; bits: number }[];
  charsPerSecond: number;
}

export async function startCharRnnTraining(context: DemoContext<typeof CHAR_RNN_SPEC>, init: CharRnnInit) {
  const engine = await startEngine<CharRnnInit, CharRnnRequest, CharRnnReply>({
    tf: context.tf, backend: context.backend, signal: context.signal, init,
    ...demoEngine('char-rnn', 'Char-RNN training'),
  });
  context.root.dataset['trainsIn'] = engine.where;
  const history: CharRnnHistory = { train: [], valid: [], charsPerSecond: 0 };
  const charsPerStep = init.batch * init.steps;
  let msPerStep: number | undefined;
  let step = 0;
  return {
    where: engine.where,
    history,
    get step() {
      return step;
    },
    /** One round of training (about ROUND_MS, or `steps` steps); returns false if the loss is not finite. */
    async train(hyper: TrainHyper, most: number, steps?: number): Promise<boolean> {
      const count = Math.min(most, steps ?? (msPerStep === undefined ? 1 : Math.max(1, Math.round(ROUND_MS[engine.where] / msPerStep))));
      const started = performance.now();
      const reply = await engine.request({ kind: 'train', steps: count, hyper });
      const measured = (performance.now() - started) / count;
      msPerStep = msPerStep === undefined ? measured : 0.7 * msPerStep + 0.3 * measured;
      history.charsPerSecond = (1000 * charsPerStep) / msPerStep;
      const records = reply.records ?? [];
      history.train.push(...records.map((r) => bitsPerChar(r.loss)));
      step = reply.step;
      return records.every((r) => Number.isFinite(r.loss));
    },
    /** Held-out bits per character on the first `most` held-out characters. */
    async evaluate(most: number): Promise<number> {
      const bits = bitsPerChar((await engine.request({ kind: 'evaluate', most })).nats!);
      history.valid.push({ step, bits });
      return bits;
    },
    request: (request: CharRnnRequest) => engine.request(request),
    offThreadTensors: () => engine.offThreadTensors(),
    dispose() {
      engine.dispose();
      delete context.root.dataset['trainsIn'];
    },
  };
}

export type CharRnnTraining = Awaited<ReturnType<typeof startCharRnnTraining>>;
