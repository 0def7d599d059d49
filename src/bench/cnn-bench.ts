/**
 * The ConvNet's training in the browser, driven by scripts/train-cnn.mjs (task=train: produces the
 * shipped weights) and scripts/bench-cnn.mjs (task=race: time to 97% on 1,000 held-out digits),
 * on a page that exists only in benchmark builds (BENCH=1). Same engine and backend loading as
 * the demos.
 */
import { loadMnist } from '../data/mnist-loader.ts';
import { CNN_ARCHITECTURE, initCnnWeights } from '../engines/cnn/architecture.ts';
import { createCnnTrainer, type TrainingSchedule } from '../engines/cnn/cnn-trainer.ts';
import { SHIPPED_CNN } from '../data/shipped-models.ts';
import { createRandom } from '../engines/random.ts';
import { loadTfOn } from '../tf/load-backend.ts';
import { shippedFiles } from './shipped-files.ts';

export interface CnnBenchOptions {
  task: 'train' | 'race';
  backend: string;
  seed: number;
  steps: number;
  batchSize: number;
  schedule: TrainingSchedule;
  /** Held-out digits classified after training (train) or every `evalEvery` steps (race). */
  heldOutCount: number;
  evalEvery: number;
  /** race: stop at this accuracy. */
  goal: number;
  log: (line: string) => void;
}

export async function runCnnBench(base: string, o: CnnBenchOptions): Promise<Record<string, unknown>> {
  const tf = await loadTfOn(o.backend);
  const data = await loadMnist(base);
  const { trainCount } = data.manifest;
  const initial = initCnnWeights(CNN_ARCHITECTURE, createRandom(o.seed));
  const started = performance.now();
  const trainer = createCnnTrainer({
    tf, images: data.images, labels: data.labels, trainCount, heldOut: { start: trainCount, count: o.heldOutCount },
    initial, seed: o.seed, batchSize: o.batchSize, schedule: () => o.schedule,
  });
  const seconds = () => (performance.now() - started) / 1000;
  let reachedAt: { step: number; seconds: number; accuracy: number } | undefined;
  let trainingMs = 0;
  while (trainer.step < o.steps) {
    const chunk = Math.min(o.evalEvery, o.steps - trainer.step);
    const t0 = performance.now();
    await trainer.train(chunk);
    trainingMs += performance.now() - t0;
    const recent = trainer.losses.slice(-chunk);
    const meanLoss = recent.reduce((a, b) => a + b, 0) / recent.length;
    if (o.task === 'race') {
      const e = await trainer.evaluate();
      o.log(`step ${trainer.step}  ${seconds().toFixed(1)} s  loss ${meanLoss.toFixed(4)}  held-out ${(100 * e.accuracy).toFixed(1)}%`);
      if (e.accuracy >= o.goal) {
        reachedAt = { step: trainer.step, seconds: seconds(), accuracy: e.accuracy };
        break;
      }
    } else {
      o.log(`step ${trainer.step}  ${seconds().toFixed(1)} s  mean loss ${meanLoss.toFixed(4)}  learning rate ${trainer.learningRateAt(trainer.step).toExponential(2)}`);
    }
  }
  const milliseconds = performance.now() - started;
  const result: Record<string, unknown> = { backend: o.backend, steps: trainer.step, milliseconds, trainingMs, msPerStep: trainingMs / trainer.step };
  if (o.task === 'race') {
    Object.assign(result, { goal: o.goal, heldOut: o.heldOutCount, reachedAt: reachedAt ?? null, evaluations: trainer.evaluations });
  } else {
    const e = await trainer.evaluate();
    Object.assign(result, shippedFiles(SHIPPED_CNN, (await trainer.weights()).values, {
      training: { seed: o.seed, steps: trainer.step, batchSize: o.batchSize, learningRate: o.schedule.learningRate, decay: o.schedule.decay, augment: o.schedule.augment, trainDigits: trainCount, backend: o.backend, milliseconds: Math.round(milliseconds) },
      architecture: CNN_ARCHITECTURE,
      test: { start: trainCount, count: o.heldOutCount, correct: e.correct, accuracy: e.accuracy },
    }));
  }
  trainer.dispose();
  result['tensorsLeft'] = tf.memory().numTensors;
  return result;
}

/** Options from the page's query string, with the defaults of the demo's "train from scratch". */
export function benchOptionsFromQuery(query: URLSearchParams, log: (line: string) => void): CnnBenchOptions {
  const n = (key: string, fallback: number) => (query.has(key) ? Number(query.get(key)) : fallback);
  const task = query.get('task') === 'train' ? 'train' : 'race';
  return {
    task,
    backend: query.get('backend') ?? 'wasm',
    seed: n('seed', 1),
    steps: n('steps', task === 'train' ? 3000 : 3000),
    batchSize: n('batch', 64),
    schedule: { learningRate: n('lr', 0.003), decay: n('decay', 0.85), augment: query.get('augment') !== 'false' },
    heldOutCount: n('heldout', task === 'train' ? 2000 : 1000),
    evalEvery: n('every', task === 'train' ? 100 : 50),
    goal: n('goal', 0.97),
    log,
  };
}
