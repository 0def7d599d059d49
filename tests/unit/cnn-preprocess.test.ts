/**
 * MNIST-style preprocessing of a drawing: the ink's bounding box scaled to fit 20×20 (aspect
 * kept, area-averaged), centred by centre of mass in 28×28. MNIST digits were made this way, so
 * a digit blown up to canvas size and preprocessed comes back almost unchanged.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, test } from 'vitest';
import { loadPretrainedCnnNode } from '../../src/data/model-node.ts';
import { digitPixels } from '../../src/data/mnist-format.ts';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { cnnScores, cnnVariables } from '../../src/engines/cnn/cnn-model.ts';
import { centerOfMass, preprocessDrawing, resampleArea } from '../../src/engines/cnn/preprocess.ts';

const CANVAS = 280;

function canvasWith(fill: (x: number, y: number) => number): Float32Array {
  const ink = new Float32Array(CANVAS * CANVAS);
  for (let y = 0; y < CANVAS; y++) for (let x = 0; x < CANVAS; x++) ink[y * CANVAS + x] = fill(x, y);
  return ink;
}

function inkBox(pixels: Float32Array): [number, number] {
  const cols = new Set<number>();
  const rows = new Set<number>();
  pixels.forEach((v, i) => {
    if (v > 0.01) {
      cols.add(i % 28);
      rows.add(Math.floor(i / 28));
    }
  });
  return [cols.size, rows.size];
}

describe('preprocessing a drawing like MNIST', () => {
  test('an empty canvas has no ink and gives a blank digit', () => {
    const result = preprocessDrawing(new Float32Array(CANVAS * CANVAS), CANVAS, CANVAS);
    expect(result.hasInk).toBe(false);
    expect(Math.max(...result.pixels)).toBe(0);
  });

  test('a bar drawn off-centre is scaled to 20 px on its long side and centred by mass', () => {
    // 100 wide, 50 tall, near the bottom-left corner.
    const result = preprocessDrawing(canvasWith((x, y) => (x >= 10 && x < 110 && y >= 200 && y < 250 ? 1 : 0)), CANVAS, CANVAS);
    expect(result.hasInk).toBe(true);
    expect(result.box).toEqual([10, 200, 100, 50]);
    expect(inkBox(result.pixels)).toEqual([20, 10]);
    const [cx, cy] = centerOfMass(result.pixels);
    // On the centre of pixel 14, where MNIST puts it.
    expect(Math.abs(cx - 14.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cy - 14.5)).toBeLessThanOrEqual(0.5);
    // Area averaging keeps the total ink: 100 × 50 canvas pixels become 20 × 10 digit pixels.
    expect(result.pixels.reduce((a, b) => a + b, 0)).toBeCloseTo(200, 3);
  });

  test('area resampling averages over each output pixel\'s footprint', () => {
    // A 3 × 1 row [0, 1, 0.5] to 2 pixels: each output covers 1.5 input pixels.
    const out = resampleArea([0, 1, 0.5], 3, [0, 0, 3, 1], 2, 1);
    expect(out[0]).toBeCloseTo((0 + 0.5 * 1) / 1.5, 6);
    expect(out[1]).toBeCloseTo((0.5 * 1 + 0.5) / 1.5, 6);
  });

  test('real MNIST digits blown up ×10 come back nearly unchanged, and the network reads them the same', async () => {
    const data = loadMnistNode();
    await tf.setBackend('cpu');
    const params = cnnVariables(tf, loadPretrainedCnnNode().weights);
    let agree = 0;
    const indices = Array.from({ length: 40 }, (_, i) => 8000 + 37 * i);
    const originals: Float32Array[] = [];
    const redrawn: Float32Array[] = [];
    for (const index of indices) {
      const digit = Float32Array.from(digitPixels(data, index), (v) => v / 255);
      const big = canvasWith((x, y) => digit[Math.floor(y / 10) * 28 + Math.floor(x / 10)]!);
      const again = preprocessDrawing(big, CANVAS, CANVAS).pixels;
      const dot = digit.reduce((s, v, i) => s + v * again[i]!, 0);
      const correlation = dot / Math.sqrt(digit.reduce((s, v) => s + v * v, 0) * again.reduce((s, v) => s + v * v, 0));
      expect(correlation, `digit ${index}`).toBeGreaterThan(0.8);
      originals.push(digit);
      redrawn.push(again);
    }
    const classify = async (images: Float32Array[]) => {
      const batch = new Float32Array(images.length * 784);
      images.forEach((image, i) => batch.set(image, i * 784));
      const classes = tf.tidy(() => tf.argMax(cnnScores(tf, params, tf.tensor4d(batch, [images.length, 28, 28, 1])), 1));
      const values = await classes.data();
      classes.dispose();
      return values;
    };
    const [a, b] = [await classify(originals), await classify(redrawn)];
    a.forEach((v, i) => (agree += v === b[i] ? 1 : 0));
    expect(agree).toBeGreaterThanOrEqual(38);
    tf.dispose(Object.values(params));
  }, 60_000);
});
