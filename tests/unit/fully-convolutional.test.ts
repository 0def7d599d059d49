/**
 * The site's ConvNet slid over a scene, window by window, gives the same scores as the same net
 * made fully convolutional (fc1 as a 7×7 convolution, fc2 as a 1×1), at every stride that is a
 * multiple of the net's output stride of 4.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { loadPretrainedCnnNode } from '../../src/data/model-node.ts';
import { PARAMETER_NAMES, parameterShapes } from '../../src/engines/cnn/architecture.ts';
import { fullyConvolutionalScores, windowCrops, windowScores, windowsPerSide, type WindowNet } from '../../src/engines/detection/fully-convolutional.ts';
import { generateScenes } from '../../src/engines/detection/scenes.ts';
import { createRandom } from '../../src/engines/random.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const mnist = loadMnistNode();
const { weights } = loadPretrainedCnnNode();

/** The shipped net with an 11th output (background) of random weights, so 11 scores per window. */
function shippedNet(): WindowNet {
  const shapes = parameterShapes(weights.architecture);
  const random = createRandom(5);
  const net = Object.fromEntries(PARAMETER_NAMES.map((name) => [name, tf.tensor(weights.values[name], shapes[name])])) as unknown as Record<string, tf.Tensor>;
  const hidden = weights.architecture.hidden;
  const extra = tf.tensor2d(Float32Array.from({ length: hidden }, () => random.normal() * 0.1), [hidden, 1]);
  const fc2 = tf.concat([net['fc2.w']!, extra], 1);
  const fc2b = tf.concat([net['fc2.b']!, tf.tensor1d([0.3])]);
  tf.dispose([net['fc2.w']!, net['fc2.b']!, extra]);
  return { ...net, 'fc2.w': fc2, 'fc2.b': fc2b } as unknown as WindowNet;
}

describe('sliding window = fully convolutional', () => {
  test('same scores at stride 4 and 8, 11 classes, on a scene of digits; no tensor left behind', () => {
    const net = shippedNet();
    const scene = generateScenes({ images: mnist.images, labels: mnist.labels, digits: { start: 8000, end: 10000 }, count: 1, seed: 7 })[0]!;
    const before = tf.memory().numTensors;
    const x = tf.tensor4d(scene.pixels, [1, 96, 96, 1]);
    const p = windowsPerSide(96);
    expect(p).toBe(18);
    const map = fullyConvolutionalScores(tf, net, x);
    expect(map.shape).toEqual([1, p, p, 11]);
    const mapValues = map.dataSync();
    for (const stride of [4, 8]) {
      const crops = windowCrops(tf, x, stride);
      const perSide = Math.floor((96 - 28) / stride) + 1;
      expect(crops.shape).toEqual([perSide * perSide, 40, 40, 1]);
      const scores = windowScores(tf, net, crops);
      const values = scores.dataSync();
      let most = 0;
      for (let i = 0; i < perSide; i++) {
        for (let j = 0; j < perSide; j++) {
          for (let c = 0; c < 11; c++) {
            const fcn = mapValues[((i * stride) / 4 * p + (j * stride) / 4) * 11 + c]!;
            most = Math.max(most, Math.abs(fcn - values[(i * perSide + j) * 11 + c]!));
          }
        }
      }
      expect(most).toBeLessThan(1e-4);
      tf.dispose([crops, scores]);
    }
    tf.dispose([x, map]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(Object.values(net));
  });
});
