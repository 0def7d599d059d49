/**
 * Engine benchmarks, run in the browser by scripts/bench-demos.mjs on a page that exists only in
 * benchmark builds (BENCH=1). Uses the same engines and backend loading as the demos.
 * `?only=spiral,activationLabTraining` runs just the named parts (see PARTS), for one goal's command.
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
import type { MnistData } from '../data/mnist-format.ts';
import type { Tf } from '../tf/types.ts';
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

type Part = (tf: Tf, data: MnistData, backend: string) => Promise<unknown>;

async function optimizerRace(tf: Tf, data: MnistData) {
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
  return { optimizerRace2dMsPerStep: surfaceMs / 200, optimizerRaceMlpMsPerStep: mlpMs / mlpSteps };
}

async function linearLandscape(tf: Tf, data: MnistData) {
  const landscape = createLinearLandscape({ tf, images: data.images, labels: data.labels, start: 0, count: 1000, kind: 'svm', lambda: 1e-3, seed: 1, trainSteps: 50 });
  await landscape.train();
  const cold = await landscape.grid(51, 1);
  const warm = await landscape.grid(51, 1);
  landscape.dispose();
  return { firstRun: cold.milliseconds, warm: warm.milliseconds };
}

/** Activation lab: one statistics sweep (forward + backward, 10 × 500, batch 500); the first compiles kernels. */
async function activationLabSweep(tf: Tf, data: MnistData) {
  const labShape = { inputs: 784, layers: 10, width: 500, classes: 10, batch: 500, seed: 1 };
  const labInput = { x: standardize(data.images, 0, 500), labels: data.labels.subarray(0, 500) };
  const labConfig = { activation: 'relu', init: 'he', batchNorm: true, dropout: 0.5 } as const;
  const labCold = await statisticsSweep(tf, labShape, labConfig, labInput);
  const labWarm = await statisticsSweep(tf, labShape, labConfig, labInput);
  return { firstRun: labCold.milliseconds, warm: labWarm.milliseconds };
}

/** Each part's result lands under its name; minutes-long trainings run on wasm only, the backend their goals name. */
const PARTS: Record<string, Part> = {
  optimizerRace,
  linearLandscape51x51Over1000DigitsMs: linearLandscape,
  activationLabSweep10x500Batch500Ms: activationLabSweep,
  spiral: (tf) => spiralBenchmark(tf),
  // Two 20-layer nets for 500 steps: minutes on wasm, far longer on the CPU backend or SwiftShader.
  residualRace: (tf, data, backend) => (backend === 'wasm' ? residualRaceBenchmark(tf, data) : Promise.resolve(null)),
  detection: (tf, data, backend) => (backend === 'wasm' ? detectionBenchmark(tf, data) : Promise.resolve('measured on wasm only')),
  segmentation: (tf, data, backend) => (backend === 'wasm' ? segmentationBenchmark(tf, data) : Promise.resolve('measured on wasm only')),
  knn: knnBenchmark,
  // The training goal is a wasm goal (on SwiftShader's WebGL and WebGPU, and on plain JS, a minute says little).
  activationLabTraining: (tf, data, backend) => (backend === 'wasm' ? activationLabTrainingBenchmark(tf, data) : Promise.resolve(null)),
  linearClassifier: linearClassifierBenchmark,
};

export async function runEngineBenchmarks(base: string): Promise<Record<string, unknown>> {
  const params = new URLSearchParams(location.search);
  const backend = params.get('backend') ?? 'wasm';
  const only = params.get('only')?.split(',').filter(Boolean);
  const unknown = only?.filter((name) => !(name in PARTS)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown benchmark part(s) ${unknown.join(', ')}; known: ${Object.keys(PARTS).join(', ')}`);
  const tf = await loadTfOn(backend);
  const data = await loadMnist(base);
  const results: Record<string, unknown> = { backend };
  for (const [name, part] of Object.entries(PARTS)) {
    if (only && !only.includes(name)) continue;
    const result = await part(tf, data, backend);
    // The optimizer race reports two figures at the top level, as it always has.
    if (name === 'optimizerRace') Object.assign(results, result);
    else results[name] = result;
  }
  results['tensorsLeft'] = tf.memory().numTensors;
  return results;
}
