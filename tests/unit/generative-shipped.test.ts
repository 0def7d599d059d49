/**
 * The generative models that ship with the site (public/models/dcgan-mnist/ and vae-mnist/,
 * written by `npm run train:gan` and `npm run train:vae` on the wasm backend in Chromium): they
 * load, give the same samples for a seed on the CPU backend, and reproduce there the sample
 * quality their manifests record (judged by the shipped ConvNet of the CNN demos).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { readFileSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { crc32Hex } from '../../src/data/crc32.ts';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { encodeParams, weightsId, type ShippedModel } from '../../src/data/model-format.ts';
import { loadModelNode, loadPretrainedCnnNode, modelDirNode } from '../../src/data/model-node.ts';
import { SHIPPED_CNN, SHIPPED_GAN, SHIPPED_VAE, type GenerativeManifest } from '../../src/data/shipped-models.ts';
import { GENERATOR_PARAMS, LATENT_DIM } from '../../src/engines/dcgan/architecture.ts';
import { createGanSampler } from '../../src/engines/dcgan/sampler.ts';
import { cnnDigitClassifier } from '../../src/engines/generative/cnn-classifier.ts';
import { interpolationPath } from '../../src/engines/generative/latent.ts';
import { classifierQuality } from '../../src/engines/generative/quality.ts';
import { QUALITY_SAMPLES, QUALITY_SEED } from '../../src/engines/generative/shipped.ts';
import { normalArray } from '../../src/engines/params.ts';
import { createRandom } from '../../src/engines/random.ts';
import { createVaeModel } from '../../src/engines/vae/vae-model.ts';
import { VAE_LATENT, VAE_PARAMS } from '../../src/engines/vae/vae.ts';

function shipped(kind: ShippedModel<GenerativeManifest>) {
  return { ...loadModelNode(kind), log: readFileSync(`${modelDirNode(kind)}/training-log.txt`, 'utf8') };
}

const cnn = loadPretrainedCnnNode();
const classifier = cnnDigitClassifier(tf, cnn.weights, weightsId(cnn.manifest));
/** The CRC-32 of the ConvNet's weights file as it ships, computed here rather than read from its manifest. */
const shippedCnnCrc = crc32Hex(new Uint8Array(readFileSync(`${modelDirNode(SHIPPED_CNN)}/weights.bin`)));

describe.each([SHIPPED_GAN, SHIPPED_VAE])('$model quality record', (kind) => {
  test('names its judge by the model and CRC-32 of the ConvNet weights that ship', () => {
    expect(loadModelNode(kind).manifest.quality.classifier?.weights).toEqual({ model: SHIPPED_CNN.model, crc32: shippedCnnCrc });
    expect(classifier.weights).toEqual({ model: 'mnist-cnn', crc32: shippedCnnCrc });
  });
});

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('shipped DCGAN generator', () => {
  const gan = shipped(SHIPPED_GAN);

  test('is under 2 MB, re-encodes byte for byte, and its log records the same checksum', () => {
    expect(statSync(`${modelDirNode(SHIPPED_GAN)}/weights.bin`).size).toBeLessThan(2 * 1024 * 1024);
    expect(Buffer.from(encodeParams(GENERATOR_PARAMS, gan.values)).equals(Buffer.from(gan.bytes))).toBe(true);
    expect(gan.log).toContain(`crc32 ${gan.manifest.weights.crc32}`);
    expect(gan.log).toContain(`steps=${gan.manifest.training['steps']}`);
  });

  test('gives the same samples for a seed on the CPU backend; interpolation ends are the two samples; no tensor left', async () => {
    const before = tf.memory().numTensors;
    const sampler = createGanSampler(tf, gan.values);
    const codes = normalArray(createRandom(1), 4 * LATENT_DIM, 1);
    const [first, again] = [await sampler.generate(codes), await sampler.generate(codes)];
    expect(again).toEqual(first);
    expect(Math.min(...first)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...first)).toBeLessThanOrEqual(1);
    // Different codes give different digits, and a sample does not depend on its batch.
    const one = (i: number) => first.subarray(i * 784, (i + 1) * 784);
    expect(one(0)).not.toEqual(one(1));
    const alone = await sampler.generate(codes.slice(LATENT_DIM, 2 * LATENT_DIM));
    for (let p = 0; p < 784; p++) expect(alone[p]).toBeCloseTo(one(1)[p]!, 5);
    for (const kind of ['linear', 'spherical'] as const) {
      const path = await sampler.generate(interpolationPath(codes.slice(0, LATENT_DIM), codes.slice(LATENT_DIM, 2 * LATENT_DIM), 5, kind));
      for (let p = 0; p < 784; p++) {
        expect(path[p]).toBeCloseTo(one(0)[p]!, 5);
        expect(path[4 * 784 + p]).toBeCloseTo(one(1)[p]!, 5);
      }
    }
    sampler.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('reproduces on the CPU backend the classifier figures measured on wasm', async () => {
    const recorded = gan.manifest.quality.classifier;
    expect(recorded, 'model.json has no classifier figures: run node scripts/train-generative.mjs measure-gan').toBeDefined();
    const sampler = createGanSampler(tf, gan.values);
    const samples = await sampler.generate(normalArray(createRandom(QUALITY_SEED), QUALITY_SAMPLES * LATENT_DIM, 1));
    sampler.dispose();
    const quality = classifierQuality(await classifier.classify(samples), classifier);
    expect(quality.weights).toEqual(recorded!.weights);
    // Backends round differently: a sample or two may cross the 0.9 threshold.
    expect(Math.abs(quality.confidentShare - recorded!.confidentShare)).toBeLessThanOrEqual(0.005);
    expect(quality.balance).toBeCloseTo(recorded!.balance, 2);
  }, 60_000);
});

describe('shipped VAE', () => {
  const vae = shipped(SHIPPED_VAE);

  test('re-encodes byte for byte and its log records the same checksum', () => {
    expect(Buffer.from(encodeParams(VAE_PARAMS, vae.values)).equals(Buffer.from(vae.bytes))).toBe(true);
    expect(vae.log).toContain(`crc32 ${vae.manifest.weights.crc32}`);
  });

  test('decodes the same digits for the same codes, and encodes test digits near the prior N(0, I)', async () => {
    const before = tf.memory().numTensors;
    const model = createVaeModel(tf, vae.values);
    const codes = normalArray(createRandom(5), 8 * VAE_LATENT, 1);
    expect(await model.decode(codes)).toEqual(await model.decode(codes));
    const mnist = loadMnistNode();
    const test = Float32Array.from(mnist.images.subarray(8000 * 784, 8500 * 784), (v) => v / 255);
    const { mu } = await model.encode(test);
    // The KL term pulls the aggregate of the posterior means towards the prior: centred, spread about 1.
    for (const d of [0, 1]) {
      const values = Array.from({ length: 500 }, (_, i) => mu[2 * i + d]!);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
      expect(Math.abs(mean)).toBeLessThan(0.5);
      expect(sd).toBeGreaterThan(0.4);
      expect(sd).toBeLessThan(1.6);
    }
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('reproduces on the CPU backend the classifier figures measured on wasm', async () => {
    const recorded = vae.manifest.quality.classifier;
    expect(recorded, 'model.json has no classifier figures: run node scripts/train-generative.mjs measure-vae').toBeDefined();
    const model = createVaeModel(tf, vae.values);
    const samples = await model.decode(normalArray(createRandom(QUALITY_SEED), QUALITY_SAMPLES * VAE_LATENT, 1));
    model.dispose();
    const quality = classifierQuality(await classifier.classify(samples), classifier);
    expect(quality.weights).toEqual(recorded!.weights);
    expect(Math.abs(quality.confidentShare - recorded!.confidentShare)).toBeLessThanOrEqual(0.005);
    expect(quality.balance).toBeCloseTo(recorded!.balance, 2);
  }, 60_000);
});
