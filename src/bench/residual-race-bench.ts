/**
 * The residual race as a benchmark: depth 20 (8 channels at 14×14, 16 at 7×7), both nets trained
 * 500 steps side by side as the demo trains them (batch 16, lr 0.02, seed 1, 10,000 digits).
 * Goal (issue 16, wasm): within 3 minutes, the residual net's loss below the plain net's.
 */
import type { MnistData } from '../data/mnist-format.ts';
import { downsampleDigits } from '../engines/residual-race/digits14.ts';
import { createRaceTrainer } from '../engines/residual-race/race-trainer.ts';
import { recentLoss } from '../demos/residual-race/summary.ts';
import type { Tf } from '../tf/types.ts';

const STEPS = 500;

export async function residualRaceBenchmark(tf: Tf, data: MnistData) {
  const start = data.manifest.trainCount;
  const trainer = createRaceTrainer({
    tf, depth: 20, batchNorm: false, seed: 1, batchSize: 16, learningRate: 0.02,
    train: { images: downsampleDigits(data.images, 0, 10_000), labels: data.labels.slice(0, 10_000) },
    heldOut: { images: downsampleDigits(data.images, start, 1000), labels: data.labels.slice(start, start + 1000) },
  });
  const losses = { plain: [] as number[], residual: [] as number[] };
  let firstNorms: Record<'plain' | 'residual', number[]> | undefined;
  const started = performance.now();
  await trainer.train(STEPS, (step) => step === 0, (record) => {
    losses.plain.push(record.losses.plain);
    losses.residual.push(record.losses.residual);
    firstNorms ??= record.norms;
  });
  const ms = performance.now() - started;
  const accuracy = await trainer.evaluate();
  trainer.dispose();
  const plain = recentLoss(losses.plain)!;
  const residual = recentLoss(losses.residual)!;
  return {
    goal: 'depth 20: both nets 500 steps within 180000 ms on wasm, residual loss (mean of the last 20 steps) below plain',
    steps: STEPS,
    ms: Math.round(ms),
    msPerStepBothNets: ms / STEPS,
    loss: { plain, residual },
    heldOutAccuracy: accuracy,
    firstLayerGradientNormAtStep0: firstNorms && { plain: firstNorms.plain[0], residual: firstNorms.residual[0] },
  };
}
