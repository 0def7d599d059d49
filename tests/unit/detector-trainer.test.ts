import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { createDetectorTrainer } from '../../src/engines/detection/detector-trainer.ts';
import { evaluateDetections, suppressPerClass } from '../../src/engines/detection/evaluate-detections.ts';
import { generateScenes } from '../../src/engines/detection/scenes.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const mnist = loadMnistNode();
const base = { images: mnist.images, labels: mnist.labels };
const test_ = generateScenes({ ...base, digits: { start: 8000, end: 10000 }, count: 4, seed: 2 });

const trainer = (seed: number) => createDetectorTrainer({ tf, train: { ...base, digits: { start: 0, end: 8000 }, seed: 1 }, test: test_, seed, batchSize: 2, learningRate: () => 2e-3 });

describe('grid detector training', () => {
  test('the same seed gives the same losses, the loss falls, and the tensor count is exact', async () => {
    const before = tf.memory().numTensors;
    const a = trainer(1);
    const afterCreate = tf.memory().numTensors;
    // 16 parameters (8 layers, weight and bias).
    expect(afterCreate - before).toBe(16);
    await a.train(2);
    // Adam's two moments per parameter join after the first step.
    const held = tf.memory().numTensors;
    expect(held - before).toBe(48);
    await a.train(4);
    expect(tf.memory().numTensors).toBe(held);
    const evaluation = await a.evaluate();
    expect(tf.memory().numTensors).toBe(held);
    expect(evaluation.detections).toHaveLength(4);
    expect(evaluation.perClass).toHaveLength(10);
    const b = trainer(1);
    await b.train(6);
    expect(b.losses).toEqual(a.losses);
    expect(a.losses.every(Number.isFinite)).toBe(true);
    expect(a.losses[5]!).toBeLessThan(a.losses[0]!);
    a.dispose();
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  test('perfect detections score AP 1; per-class NMS keeps one box per digit', () => {
    const perfect = test_.map((s) => s.objects.map((o) => ({ x0: o.x0, y0: o.y0, x1: o.x1, y1: o.y1, label: o.label, score: 0.9 })));
    const doubled = perfect.map((boxes) => suppressPerClass([...boxes, ...boxes.map((b) => ({ ...b, x0: b.x0 + 1, score: 0.5 }))], 0.45));
    expect(doubled.map((d) => d.length)).toEqual(perfect.map((d) => d.length));
    const report = evaluateDetections(doubled, test_);
    expect(report.mAP).toBe(1);
    // Classes with no digit in these scenes have no AP and do not count in the mean.
    const present = new Set(test_.flatMap((s) => s.objects.map((o) => o.label)));
    report.perClass.forEach((c, label) => expect(c.ap === undefined).toBe(!present.has(label)));
  });
});
