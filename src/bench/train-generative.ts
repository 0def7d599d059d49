/**
 * Training of the generative models in the browser, driven by scripts/train-generative.mjs on a
 * page that exists only in benchmark builds (BENCH=1): task=gan trains the DCGAN and task=vae
 * the VAE and both return the shipped files; task=measure-gan and task=measure-vae measure the
 * shipped weights' sample quality again (e.g. once a classifier is available) and return the
 * manifest with the new figures. Same engines and backend loading as the demos.
 */
import { loadMnist } from '../data/mnist-loader.ts';
import { parseManifest } from '../data/model-format.ts';
import { loadModel } from '../data/model-loader.ts';
import { SHIPPED_GAN, SHIPPED_VAE } from '../data/shipped-models.ts';
import { LATENT_DIM } from '../engines/dcgan/architecture.ts';
import { foldGeneratorBatchNorm } from '../engines/dcgan/fold-batchnorm.ts';
import { createGanSampler } from '../engines/dcgan/sampler.ts';
import { createDcganTrainer } from '../engines/dcgan/trainer.ts';
import { measureSampleQuality } from '../engines/generative/measure-quality.ts';
import { describeQuality } from '../engines/generative/quality.ts';
import { normalArray, type ParamValues } from '../engines/params.ts';
import { createRandom } from '../engines/random.ts';
import { createVaeTrainer } from '../engines/vae/trainer.ts';
import { createVaeModel } from '../engines/vae/vae-model.ts';
import { VAE_LATENT } from '../engines/vae/vae.ts';
import { loadTfOn } from '../tf/load-backend.ts';
import type { Tf } from '../tf/types.ts';
import { loadDigitClassifier } from './digit-classifier.ts';
import { QUALITY_SAMPLES, QUALITY_SEED } from '../engines/generative/shipped.ts';
import { shippedFiles } from './shipped-files.ts';

type Task = 'gan' | 'vae' | 'measure-gan' | 'measure-vae';

export interface GenerativeOptions {
  task: Task;
  backend: string;
  seed: number;
  steps: number;
  batchSize: number;
  learningRate: number;
  /** DCGAN: Adam beta1 and the target for real images (1 = no label smoothing). */
  beta1: number;
  realLabel: number;
  every: number;
  log: (line: string) => void;
}

export async function runGenerativeTask(base: string, o: GenerativeOptions): Promise<Record<string, unknown>> {
  const tf = await loadTfOn(o.backend);
  const data = await loadMnist(base);
  const { trainCount, testCount } = data.manifest;
  const classifier = await loadDigitClassifier(tf, base);
  o.log(classifier ? `quality classifier: ${classifier.name} (${classifier.weights.model} weights, crc32 ${classifier.weights.crc32})` : 'quality classifier: none available (confident share not measured)');
  const measure = async (samples: Float32Array) => {
    const quality = await measureSampleQuality({ tf, images: data.images, trainCount, testStart: trainCount, testCount, samples, seed: QUALITY_SEED, ...(classifier ? { classifier } : {}) });
    o.log(`sample quality: ${describeQuality(quality)}`);
    return quality;
  };
  const qualityCodes = (dim: number) => normalArray(createRandom(QUALITY_SEED), QUALITY_SAMPLES * dim, 1);
  const started = performance.now();
  const result: Record<string, unknown> = { backend: o.backend };

  if (o.task === 'measure-gan' || o.task === 'measure-vae') {
    const gan = o.task === 'measure-gan';
    const kind = gan ? SHIPPED_GAN : SHIPPED_VAE;
    const shipped = await loadModel(base, kind);
    const quality = await measure(await samplesOf(tf, gan ? 'gan' : 'vae', shipped.values, qualityCodes(gan ? LATENT_DIM : VAE_LATENT)));
    // The shipped manifest with the new figures, checked as a reader will check it.
    result['manifest'] = parseManifest({ ...shipped.manifest, quality }, kind);
  } else if (o.task === 'gan') {
    const trainer = createDcganTrainer({ tf, images: data.images, trainCount, seed: o.seed, batchSize: o.batchSize, learningRate: o.learningRate, beta1: o.beta1, realLabel: o.realLabel, yieldOften: false });
    while (trainer.step < o.steps) {
      await trainer.train(Math.min(o.every, o.steps - trainer.step));
      o.log(`step ${trainer.step}  ${seconds(started)} s  D loss ${recentMean(trainer.losses.d, o.every).toFixed(4)}  G loss ${recentMean(trainer.losses.g, o.every).toFixed(4)}`);
    }
    const trained = await trainer.generatorValues();
    trainer.dispose();
    // Batch-norm statistics over 4,096 noise vectors of their own seed, folded into the weights.
    const values = await foldGeneratorBatchNorm({ tf, trained, noise: normalArray(createRandom(o.seed + 100), 4096 * LATENT_DIM, 1) });
    o.log('batch normalization folded into the generator with statistics over 4096 noise vectors');
    const training = { seed: o.seed, steps: o.steps, batchSize: o.batchSize, learningRate: o.learningRate, beta1: o.beta1, realLabel: o.realLabel, latent: LATENT_DIM, trainDigits: trainCount, backend: o.backend, milliseconds: Math.round(performance.now() - started) };
    const quality = await measure(await samplesOf(tf, 'gan', values, qualityCodes(LATENT_DIM)));
    Object.assign(result, shippedFiles(SHIPPED_GAN, values, { training, quality }));
  } else {
    const trainer = createVaeTrainer({ tf, images: data.images, trainCount, seed: o.seed, batchSize: o.batchSize, learningRate: o.learningRate, yieldOften: false });
    while (trainer.step < o.steps) {
      await trainer.train(Math.min(o.every, o.steps - trainer.step));
      const test = await trainer.evaluate(trainCount, testCount);
      o.log(`step ${trainer.step}  ${seconds(started)} s  train: reconstruction ${recentMean(trainer.losses.reconstruction, o.every).toFixed(2)} KL ${recentMean(trainer.losses.kl, o.every).toFixed(3)}  test: reconstruction ${test.reconstruction.toFixed(2)} KL ${test.kl.toFixed(3)}`);
    }
    const test = await trainer.evaluate(trainCount, testCount);
    const values = await trainer.values();
    trainer.dispose();
    o.log(`negative ELBO on the ${testCount} test digits: ${(test.reconstruction + test.kl).toFixed(2)} nats per digit (reconstruction ${test.reconstruction.toFixed(2)} + KL ${test.kl.toFixed(3)})`);
    const training = { seed: o.seed, steps: o.steps, batchSize: o.batchSize, learningRate: o.learningRate, latent: VAE_LATENT, trainDigits: trainCount, backend: o.backend, milliseconds: Math.round(performance.now() - started), testReconstruction: round(test.reconstruction), testKl: round(test.kl), testNegativeElbo: round(test.reconstruction + test.kl) };
    const quality = await measure(await samplesOf(tf, 'vae', values, qualityCodes(VAE_LATENT)));
    Object.assign(result, shippedFiles(SHIPPED_VAE, values, { training, quality }));
  }
  result['milliseconds'] = Math.round(performance.now() - started);
  result['tensorsLeft'] = tf.memory().numTensors;
  return result;
}

async function samplesOf(tf: Tf, kind: 'gan' | 'vae', values: ParamValues, codes: Float32Array): Promise<Float32Array> {
  const model = kind === 'gan' ? createGanSampler(tf, values) : createVaeModel(tf, values);
  try {
    return kind === 'gan' ? await (model as ReturnType<typeof createGanSampler>).generate(codes) : await (model as ReturnType<typeof createVaeModel>).decode(codes);
  } finally {
    model.dispose();
  }
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const round = (v: number) => Math.round(v * 1000) / 1000;

function recentMean(values: readonly number[], n: number): number {
  const recent = values.slice(-n);
  return recent.reduce((a, b) => a + b, 0) / Math.max(1, recent.length);
}

/** Options from the page's query string; defaults are the recipes of the shipped models. */
export function generativeOptionsFromQuery(query: URLSearchParams, log: (line: string) => void): GenerativeOptions {
  const n = (key: string, fallback: number) => (query.has(key) ? Number(query.get(key)) : fallback);
  const raw = query.get('task') ?? 'gan';
  const task: Task = raw === 'vae' || raw === 'measure-gan' || raw === 'measure-vae' ? raw : 'gan';
  const gan = task === 'gan';
  return {
    task,
    backend: query.get('backend') ?? 'wasm',
    seed: n('seed', 1),
    steps: n('steps', gan ? 2500 : 4000),
    batchSize: n('batch', gan ? 64 : 100),
    learningRate: n('lr', gan ? 2e-4 : 1e-3),
    beta1: n('beta1', 0.5),
    realLabel: n('real', 1),
    every: n('every', gan ? 100 : 250),
    log,
  };
}
