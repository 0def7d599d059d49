/**
 * The sliding-window detector's engine: training labels of windows, the background class trained
 * on fc2 (exact tensor counts, and it learns), the timed comparison of the sliding window with
 * the fully convolutional net at a stride the reader picks, and windows to boxes.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { loadPretrainedCnnNode } from '../../src/data/model-node.ts';
import { BACKGROUND, IGNORED, createBackgroundTrainer, shippedWindowNet, windowLabels } from '../../src/engines/detection/background-class.ts';
import { compareWindows, scoreMap } from '../../src/engines/detection/window-comparison.ts';
import { mapAtStride, softmaxRows, windowBoxes } from '../../src/engines/detection/window-detections.ts';
import { generateScenes, SPLITS } from '../../src/engines/detection/scenes.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const mnist = loadMnistNode();
const { weights } = loadPretrainedCnnNode();
const scenes = (digits: { start: number; end: number }, count: number, seed: number) =>
  generateScenes({ images: mnist.images, labels: mnist.labels, digits, count, seed, maxDigits: 4, minScale: 24, maxScale: 32 });

describe('window labels', () => {
  test('centred within 3 pixels: the digit; 7 or more away from every digit: background; between: left out', () => {
    // A 7 whose box centre (30, 30) is window (r, c) = (4, 4)'s centre (4·4 + 14 = 30).
    const labels = windowLabels([{ x0: 20, y0: 20, x1: 40, y1: 40, label: 7, digit: 0 }], 96);
    expect(labels.length).toBe(18 * 18);
    expect(labels[4 * 18 + 4]).toBe(7);
    // Window (4, 5) is 4 pixels off: neither; (4, 7) is 12 off: background.
    expect(labels[4 * 18 + 5]).toBe(IGNORED);
    expect(labels[4 * 18 + 7]).toBe(BACKGROUND);
    expect(labels.filter((l) => l === 7).length).toBe(1);
    expect(windowLabels([], 96).every((l) => l === BACKGROUND)).toBe(true);
  });
});

describe('background class', () => {
  test('exact tensor counts: 2 for fc2, 2 for the windows, 4 Adam moments; flat over steps; all freed', async () => {
    const net = shippedWindowNet(tf, weights);
    const start = tf.memory().numTensors;
    const trainer = createBackgroundTrainer({ tf, net, seed: 1, batchSize: 64, learningRate: 0.01 });
    expect(tf.memory().numTensors).toBe(start + 2);
    expect(trainer.net()['fc2.w'].shape).toEqual([64, 11]);
    await trainer.prepare(() => scenes(SPLITS.train, 4, 3));
    expect(tf.memory().numTensors).toBe(start + 4);
    expect(trainer.windows.count).toBeGreaterThan(trainer.windows.digits);
    await trainer.train(1);
    expect(tf.memory().numTensors).toBe(start + 8);
    await trainer.train(5);
    expect(tf.memory().numTensors).toBe(start + 8);
    expect(trainer.step).toBe(6);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(start);
    tf.dispose(Object.values(net));
  });

  test('learns background: away from digits most windows say background, on digits most say a digit', async () => {
    const net = shippedWindowNet(tf, weights);
    const trainer = createBackgroundTrainer({ tf, net, seed: 2, batchSize: 128, learningRate: 0.01 });
    await trainer.prepare(() => scenes(SPLITS.train, 16, 5));
    await trainer.train(150);
    expect(trainer.losses.at(-1)!).toBeLessThan(trainer.losses[0]! / 3);
    const test = scenes(SPLITS.test, 4, 9);
    let [background, backgroundRight, digit, digitRight] = [0, 0, 0, 0];
    for (const scene of test) {
      const probs = softmaxRows(await scoreMap(tf, trainer.net(), scene.pixels, 96));
      windowLabels(scene.objects, 96).forEach((label, k) => {
        if (label === IGNORED) return;
        let best = 0;
        for (let c = 1; c < 11; c++) if (probs[k * 11 + c]! > probs[k * 11 + best]!) best = c;
        if (label === BACKGROUND) [background, backgroundRight] = [background + 1, backgroundRight + (best === BACKGROUND ? 1 : 0)];
        else [digit, digitRight] = [digit + 1, digitRight + (best === label ? 1 : 0)];
      });
    }
    expect(backgroundRight / background).toBeGreaterThan(0.9);
    expect(digitRight / digit).toBeGreaterThan(0.6);
    trainer.dispose();
    tf.dispose(Object.values(net));
  }, 60_000);
});

describe('sliding window against fully convolutional, timed', () => {
  test('stride 12: 36 windows, the same scores as the map\'s every third cell, both timed, no tensor left', async () => {
    const net = shippedWindowNet(tf, weights);
    const trainer = createBackgroundTrainer({ tf, net, seed: 1, batchSize: 8, learningRate: 0.01 });
    const scene = scenes(SPLITS.test, 1, 4)[0]!;
    const before = tf.memory().numTensors;
    const c = await compareWindows(tf, trainer.net(), scene.pixels, 96, 12);
    expect(tf.memory().numTensors).toBe(before);
    expect(c.windows).toBe(36);
    expect(c.map.length).toBe(18 * 18 * 11);
    expect(c.sliding.length).toBe(36 * 11);
    expect(c.maxDifference).toBeLessThan(1e-4);
    expect(Array.from(mapAtStride(c.map, 96, 12).slice(0, 11)).map((v) => v.toFixed(4))).toEqual(Array.from(c.sliding.slice(0, 11)).map((v) => v.toFixed(4)));
    expect(c.slidingMs).toBeGreaterThan(0);
    expect(c.fcnMs).toBeGreaterThan(0);
    trainer.dispose();
    tf.dispose(Object.values(net));
  }, 60_000);
});

describe('windows to boxes', () => {
  test('mapAtStride picks every (stride/4)-th cell; a window proposes its central 20×20 when its best class is a digit above the threshold', () => {
    // A 36-pixel scene: 3 windows per side at stride 4, 2 at stride 8; 1 class.
    const map = Float32Array.from({ length: 9 }, (_, k) => k);
    expect(Array.from(mapAtStride(map, 36, 8, 1))).toEqual([0, 2, 6, 8]);
    const probs = new Float32Array(4 * 11);
    probs[0 * 11 + 3] = 0.9; // window 0: a 3
    probs[0 * 11 + BACKGROUND] = 0.1;
    probs[1 * 11 + BACKGROUND] = 1; // window 1: background
    probs[2 * 11 + 5] = 0.4; // window 2: a 5, below the threshold
    probs[2 * 11 + 6] = 0.3;
    probs[2 * 11 + BACKGROUND] = 0.3;
    probs[3 * 11 + 8] = 0.6; // window 3 at (8, 8): an 8
    probs[3 * 11 + BACKGROUND] = 0.4;
    expect(windowBoxes(probs, 36, 8, 0.5)).toEqual([
      { x0: 4, y0: 4, x1: 24, y1: 24, label: 3, score: expect.closeTo(0.9, 6) as number },
      { x0: 12, y0: 12, x1: 32, y1: 32, label: 8, score: expect.closeTo(0.6, 6) as number },
    ]);
    expect(windowBoxes(probs, 36, 8, 0.35).map((b) => b.label)).toEqual([3, 5, 8]);
    const rows = softmaxRows([0, Math.log(3), 0, 0], 2);
    expect(Array.from(rows).map((v) => v.toFixed(4))).toEqual(['0.2500', '0.7500', '0.5000', '0.5000']);
  });
});
