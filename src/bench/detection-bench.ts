/**
 * The grid detector as a benchmark (issue 15): train with the demo's defaults (batch 16, Adam
 * 0.002, scenes of up to 5 digits) and evaluate on the demo's 100 held-out scenes every 25 steps,
 * until mAP@0.5 reaches 0.8 or 5 minutes of training have passed. Training time excludes the
 * evaluations. Goal (wasm, 2-core machine): mAP@0.5 ≥ 0.8 within 5 minutes of training.
 */
import { createDetectorTrainer } from '../engines/detection/detector-trainer.ts';
import { heldOutScenes, SPLITS } from '../engines/detection/scenes.ts';
import type { MnistData } from '../data/mnist-format.ts';
import type { Tf } from '../tf/types.ts';

const GOAL = 0.8;
const BUDGET_MS = 5 * 60_000;

export async function detectionBenchmark(tf: Tf, data: MnistData) {
  const seed = 1;
  const test = heldOutScenes(data.images, data.labels, seed, 100, 5);
  const trainer = createDetectorTrainer({
    tf, test, seed, batchSize: 16, learningRate: () => 0.002,
    train: { images: data.images, labels: data.labels, digits: SPLITS.train, seed, minDigits: 1, maxDigits: 5 },
  });
  let trainMs = 0;
  const curve: { step: number; trainSeconds: number; mAP: number | null }[] = [];
  let reached: { step: number; trainSeconds: number } | null = null;
  while (trainMs < BUDGET_MS && !reached) {
    const started = performance.now();
    await trainer.train(25);
    trainMs += performance.now() - started;
    const { mAP } = await trainer.evaluate();
    curve.push({ step: trainer.step, trainSeconds: Math.round(trainMs / 100) / 10, mAP: mAP ?? null });
    if ((mAP ?? 0) >= GOAL) reached = { step: trainer.step, trainSeconds: Math.round(trainMs / 100) / 10 };
  }
  trainer.dispose();
  return {
    goal: `held-out mAP@0.5 >= ${GOAL} within ${BUDGET_MS / 1000} s of training (100 held-out scenes, batch 16)`,
    reached,
    msPerStep: Math.round(trainMs / Math.max(1, curve.at(-1)?.step ?? 1)),
    finalMAP: curve.at(-1)?.mAP ?? null,
    curve,
  };
}
