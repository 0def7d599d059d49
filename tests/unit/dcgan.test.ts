/**
 * The DCGAN engine on the wasm backend in Node (where the training script runs it, in Chromium):
 * training is reproducible for a seed and keeps the tensor count flat; folding batch
 * normalization gives the generator that the trained one is with population statistics.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { GENERATOR_PARAMS, GENERATOR_TRAINING_PARAMS, LATENT_DIM } from '../../src/engines/dcgan/architecture.ts';
import { foldGeneratorBatchNorm } from '../../src/engines/dcgan/fold-batchnorm.ts';
import { generate, trainingGenerator } from '../../src/engines/dcgan/networks.ts';
import { createDcganTrainer, initDcgan } from '../../src/engines/dcgan/trainer.ts';
import { normalArray, paramTensors } from '../../src/engines/params.ts';
import { createRandom } from '../../src/engines/random.ts';

const mnist = loadMnistNode();

beforeAll(async () => {
  setWasmPaths(`${resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist')}/`);
  expect(await tf.setBackend('wasm')).toBe(true);
});

const trainer = (seed: number) => createDcganTrainer({ tf, images: mnist.images, trainCount: 8000, seed, batchSize: 16, learningRate: 2e-4, beta1: 0.5, realLabel: 1, yieldOften: false });

describe('DCGAN training', () => {
  test('the same seed gives the same losses; the tensor count stays flat and returns to the start', async () => {
    const before = tf.memory().numTensors;
    const a = trainer(3);
    await a.train(2);
    const during = tf.memory().numTensors;
    await a.train(4);
    expect(tf.memory().numTensors).toBe(during);
    expect(a.losses.d).toHaveLength(6);
    // At the start D cannot tell real from fake: both losses near log 4 and log 2.
    expect(a.losses.d[0]).toBeCloseTo(Math.log(4), 0);
    expect(a.losses.g[0]).toBeCloseTo(Math.log(2), 0);
    const b = trainer(3);
    await b.train(6);
    expect(b.losses.d).toEqual(a.losses.d);
    expect(b.losses.g).toEqual(a.losses.g);
    const c = trainer(4);
    await c.train(1);
    expect(c.losses.d[0]).not.toBe(a.losses.d[0]);
    for (const t of [a, b, c]) t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  test('folding batch normalization reproduces the trained generator with statistics of the same noise', async () => {
    // Untrained weights with non-trivial BN parameters, so that the fold has work to do.
    const random = createRandom(9);
    const trained = initDcgan(5).generator;
    for (const name of ['bn0.gamma', 'bn0.beta', 'bn1.gamma', 'bn1.beta']) trained[name] = trained[name]!.map(() => 1 + 0.5 * random.normal());
    const noise = normalArray(createRandom(11), 256 * LATENT_DIM, 1);
    // The fold measures population statistics over these 256 codes in chunks of 100 ...
    const folded = await foldGeneratorBatchNorm({ tf, trained, noise, chunk: 100 });
    expect(Object.keys(folded)).toEqual(GENERATOR_PARAMS.map((p) => p.name));
    // ... which are the batch statistics of the trained generator run on all 256 at once.
    const [batchMode, shipped] = tf.tidy(() => {
      const z = tf.tensor2d(noise, [256, LATENT_DIM]);
      return [trainingGenerator(tf, paramTensors(tf, GENERATOR_TRAINING_PARAMS, trained), z), generate(tf, paramTensors(tf, GENERATOR_PARAMS, folded), z)];
    });
    const [x, y] = await Promise.all([batchMode.data(), shipped.data()]);
    let worst = 0;
    x.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - y[i]!))));
    expect(worst).toBeLessThan(1e-3);
    tf.dispose([batchMode, shipped]);
  }, 60_000);
});
