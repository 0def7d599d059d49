/**
 * The encoder-decoder as a benchmark (issue 15): train on fresh scenes (batch 8, Adam 0.003) and
 * evaluate on 50 held-out scenes every 20 steps, until mean IoU over background and the ten
 * digits reaches 0.6 or 5 minutes of training have passed (evaluations not counted).
 */
import { heldOutScenes, SPLITS } from '../engines/detection/scenes.ts';
import { createSegmenterTrainer } from '../engines/segmentation/segmenter-trainer.ts';
import type { MnistData } from '../data/mnist-format.ts';
import type { Tf } from '../tf/types.ts';

const GOAL = 0.6;
const BUDGET_MS = 5 * 60_000;

export async function segmentationBenchmark(tf: Tf, data: MnistData) {
  const seed = 1;
  const test = heldOutScenes(data.images, data.labels, seed, 50, 5);
  const trainer = createSegmenterTrainer({
    tf, test, seed, batchSize: 8, learningRate: () => 0.003,
    train: { images: data.images, labels: data.labels, digits: SPLITS.train, seed, minDigits: 1, maxDigits: 5 },
  });
  let trainMs = 0;
  const curve: { step: number; trainSeconds: number; meanIou: number | null }[] = [];
  let reached: { step: number; trainSeconds: number } | null = null;
  while (trainMs < BUDGET_MS && !reached) {
    const started = performance.now();
    await trainer.train(20);
    trainMs += performance.now() - started;
    const { meanIou } = await trainer.evaluate();
    curve.push({ step: trainer.step, trainSeconds: Math.round(trainMs / 100) / 10, meanIou: meanIou ?? null });
    if ((meanIou ?? 0) >= GOAL) reached = { step: trainer.step, trainSeconds: Math.round(trainMs / 100) / 10 };
  }
  trainer.dispose();
  return {
    goal: `held-out mean IoU (background and 10 digits) >= ${GOAL} within ${BUDGET_MS / 1000} s of training (50 held-out scenes, batch 8)`,
    reached,
    msPerStep: Math.round(trainMs / Math.max(1, curve.at(-1)?.step ?? 1)),
    finalMeanIou: curve.at(-1)?.meanIou ?? null,
    curve,
  };
}
