/**
 * Engine benchmarks, run in the browser by scripts/bench-demos.mjs on a page that exists only in
 * benchmark builds (BENCH=1). Uses the same engines and backend loading as the demos.
 */
import { loadMnist } from '../data/mnist-loader.ts';
import { standardize } from '../engines/activation-lab/network.ts';
import { statisticsSweep } from '../engines/activation-lab/sweep.ts';
import { createLinearLandscape } from '../engines/loss-landscape/linear-landscape.ts';
import { createMlpRace } from '../engines/optimizer-race/mlp-race.ts';
import { createSurfaceRace } from '../engines/optimizer-race/surface-race.ts';
import { SURFACES } from '../engines/optimizers/surfaces.ts';
import { DEFAULT_HYPERPARAMETERS, OPTIMIZERS } from '../engines/optimizers/update-rules.ts';
import { loadTfOn } from '../tf/load-backend.ts';
import { residualRaceBenchmark } from './residual-race-bench.ts';
import { detectionBenchmark } from './detection-bench.ts';
import { segmentationBenchmark } from './segmentation-bench.ts';
import { activationLabTrainingBenchmark } from './activation-lab-bench.ts';
import { linearClassifierBenchmark } from './linear-bench.ts';
import { spiralBenchmark } from './spiral-bench.ts';
import { knnBenchmark } from './knn-bench.ts';

const racers = (lr: number) => OPTIMIZERS.map((name) => ({ name, enabled: true, hyper: { ...DEFAULT_HYPERPARAMETERS, lr } }));

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function runEngineBenchmarks(base: string): Promise<Record<string, unknown>> {
  const backend = new URLSearchParams(location.search).get('backend') ?? 'wasm';
  const tf = await loadTfOn(backend);
  const data = await loadMnist(base);

  const surface = createSurfaceRace({ tf, surface: SURFACES.rosenbrock, start: SURFACES.rosenbrock.start, settings: () => racers(1e-4) });
  await surface.advance(20);
  const surfaceMs = await time(async () => {
    for (let i = 0; i < 20; i++) await surface.advance(10);
  });
  surface.dispose();

  const mlp = createMlpRace({ tf, images: data.images, labels: data.labels, trainCount: data.manifest.trainCount, hidden: 32, batchSize: 64, seed: 1, settings: () => racers(0.01) });
  await mlp.advance(3);
  const mlpSteps = 20;
  const mlpMs = await time(async () => {
    for (let i = 0; i < mlpSteps; i++) await mlp.advance(1);
  });
  mlp.dispose();

  const landscape = createLinearLandscape({ tf, images: data.images, labels: data.labels, start: 0, count: 1000, kind: 'svm', lambda: 1e-3, seed: 1, trainSteps: 50 });
  await landscape.train();
  const cold = await landscape.grid(51, 1);
  const warm = await landscape.grid(51, 1);
  landscape.dispose();

  // Activation lab: one statistics sweep (forward + backward, 10 × 500, batch 500); the first compiles kernels.
  const labShape = { inputs: 784, layers: 10, width: 500, classes: 10, batch: 500, seed: 1 };
  const labInput = { x: standardize(data.images, 0, 500), labels: data.labels.subarray(0, 500) };
  const labConfig = { activation: 'relu', init: 'he', batchNorm: true, dropout: 0.5 } as const;
  const labCold = await statisticsSweep(tf, labShape, labConfig, labInput);
  const labWarm = await statisticsSweep(tf, labShape, labConfig, labInput);

  const spiral = await spiralBenchmark(tf);
  // Two 20-layer nets for 500 steps: minutes on wasm, far longer on the CPU backend or SwiftShader.
  const residualRace = backend === 'wasm' ? await residualRaceBenchmark(tf, data) : null;
  // Minutes of training: measured on wasm, the backend its goal names.
  const detection = backend === 'wasm' ? await detectionBenchmark(tf, data) : 'measured on wasm only';
  const segmentation = backend === 'wasm' ? await segmentationBenchmark(tf, data) : 'measured on wasm only';
  const knn = await knnBenchmark(tf, data);
  // The training goal is a wasm goal (on SwiftShader's WebGL and WebGPU, and on plain JS, a minute says little).
  const activationLabTraining = backend === 'wasm' ? await activationLabTrainingBenchmark(tf, data) : null;
  const linearClassifier = await linearClassifierBenchmark(tf, data);

  return {
    backend,
    spiral,
    residualRace,
    detection,
    segmentation,
    knn,
    linearClassifier,
    optimizerRace2dMsPerStep: surfaceMs / 200,
    optimizerRaceMlpMsPerStep: mlpMs / mlpSteps,
    linearLandscape51x51Over1000DigitsMs: { firstRun: cold.milliseconds, warm: warm.milliseconds },
    activationLabSweep10x500Batch500Ms: { firstRun: labCold.milliseconds, warm: labWarm.milliseconds },
    activationLabTraining,
    tensorsLeft: tf.memory().numTensors,
  };
}
