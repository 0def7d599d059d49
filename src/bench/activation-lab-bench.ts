/**
 * The activation lab's training goal as a benchmark: the BN + ReLU + He net at the lab's training
 * defaults (10 hidden layers of 500, its minibatch, Adam at its α with its decay over its steps,
 * seed 1) trained alone on the site's 8,000 training digits, scored on 1,000 held-out digits every
 * EVAL_EVERY steps (the demo's schedule), until 95%, the last step or 60 s (evaluations included).
 * Goal (issue 12, wasm): ≥ 95% held-out accuracy within 60 s.
 */
import type { MnistData } from '../data/mnist-format.ts';
import { scheduledRate } from '../engines/optimizers/schedule.ts';
import { createLabTrainer } from '../engines/activation-lab/trainer.ts';
import { ACTIVATION_LAB_SPEC, EVAL_DIGITS, EVAL_EVERY } from '../demos/activation-lab/spec.ts';
import type { Tf } from '../tf/types.ts';

const GOAL = 0.95;
const LIMIT_MS = 60_000;

export async function activationLabTrainingBenchmark(tf: Tf, data: MnistData) {
  const trainCount = data.manifest.trainCount;
  const defaults = Object.fromEntries(Object.entries(ACTIVATION_LAB_SPEC).map(([key, setting]) => [key, setting.default]));
  const { lr, decay, steps, trainBatch, layers, width, seed } = defaults as { lr: number; decay: 'cosine' | 'none'; steps: number; trainBatch: number; layers: number; width: number; seed: number };
  const trainer = createLabTrainer({
    tf, data, trainCount,
    shape: { inputs: 784, layers, width, classes: 10, batch: trainBatch, seed },
    configs: [{ activation: 'relu', init: 'he', batchNorm: true, dropout: 0 }],
    evaluation: { start: trainCount, count: EVAL_DIGITS },
  });
  const started = performance.now();
  const evaluations: { step: number; ms: number; accuracy: number }[] = [];
  let msTo95: number | null = null;
  let stepTo95: number | null = null;
  while (performance.now() - started < LIMIT_MS && trainer.step < steps) {
    await trainer.train(Math.min(EVAL_EVERY, steps - trainer.step), (t) => scheduledRate(lr, t, steps, decay));
    const [result] = await trainer.evaluate();
    const ms = Math.round(performance.now() - started);
    evaluations.push({ step: trainer.step, ms, accuracy: result!.accuracy });
    if (result!.accuracy >= GOAL) {
      msTo95 = ms;
      stepTo95 = trainer.step;
      break;
    }
  }
  trainer.dispose();
  const last = evaluations.at(-1)!;
  return {
    goal: `BN + ReLU + He net (${layers} x ${width}, minibatch ${trainBatch}, Adam α = ${lr}, ${decay} decay over ${steps} steps) >= 95% accuracy on ${EVAL_DIGITS} held-out digits within ${LIMIT_MS} ms`,
    msTo95,
    stepTo95,
    reached: { accuracy: last.accuracy, best: Math.max(...evaluations.map((e) => e.accuracy)), step: last.step, ms: last.ms },
    msPerStep: last.ms / last.step,
    evaluations,
  };
}
