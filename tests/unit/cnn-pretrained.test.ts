/**
 * The weights that ship with the site (public/models/mnist-cnn/, written by `npm run train:cnn`
 * on the wasm backend in Chromium): they load, and on the CPU backend they reproduce the test
 * accuracy their manifest and training log record.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { readFileSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { encodeParams } from '../../src/data/model-format.ts';
import { loadPretrainedCnnNode, modelDirNode } from '../../src/data/model-node.ts';
import { SHIPPED_CNN } from '../../src/data/shipped-models.ts';
import { CNN_ARCHITECTURE, parameterCount } from '../../src/engines/cnn/architecture.ts';
import { cnnVariables } from '../../src/engines/cnn/cnn-model.ts';
import { countCorrect, predictDigits } from '../../src/engines/cnn/evaluate.ts';

const dir = modelDirNode(SHIPPED_CNN);
const { manifest, weights } = loadPretrainedCnnNode();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('shipped ConvNet weights', () => {
  test('are the current architecture, under 1 MB, with a consistent manifest', () => {
    expect(manifest.architecture).toEqual(CNN_ARCHITECTURE);
    const bytes = statSync(`${dir}/weights.bin`).size;
    expect(bytes).toBe(parameterCount(CNN_ARCHITECTURE) * 4);
    expect(bytes).toBeLessThan(1024 * 1024);
    expect(manifest.test).toMatchObject({ start: 8000, count: 2000 });
    expect(manifest.test.accuracy).toBeCloseTo(manifest.test.correct / manifest.test.count, 10);
    expect(manifest.training.trainDigits).toBe(8000);
    // Re-encoding the decoded weights gives the file back, byte for byte.
    expect(Buffer.from(encodeParams(SHIPPED_CNN.parameters, weights.values)).equals(readFileSync(`${dir}/weights.bin`))).toBe(true);
  });

  test('reproduce the logged test accuracy on the 2,000 held-out digits (CPU backend)', async () => {
    const data = loadMnistNode();
    const before = tf.memory().numTensors;
    const params = cnnVariables(tf, weights);
    const { start, count } = manifest.test;
    const predictions = await predictDigits(tf, params, data.images, start, count, { chunk: 500 });
    tf.dispose(Object.values(params));
    expect(tf.memory().numTensors).toBe(before);
    const correct = countCorrect(predictions, data.labels, start);
    // Trained and evaluated on wasm (XNNPACK), re-evaluated here with the CPU backend's kernels.
    expect(correct).toBe(manifest.test.correct);
    expect(correct / count).toBeGreaterThanOrEqual(0.97);
    const log = readFileSync(`${dir}/training-log.txt`, 'utf8');
    expect(log).toContain(`test accuracy on 2000 held-out digits (8000-9999): ${(100 * manifest.test.accuracy).toFixed(2)}% (${correct}/2000)`);
    expect(log).toContain(`crc32 ${manifest.weights.crc32}`);
  }, 120_000);
});
