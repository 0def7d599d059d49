/**
 * The readouts of the Lecture 5 convolution demos (conv-mechanics and conv-filters summaries,
 * sources and exports) as exact strings for given inputs.
 */
import { describe, expect, test } from 'vitest';
import { buildLayer } from '../../src/engines/conv/layer.ts';
import { CLASSIC_KERNELS } from '../../src/engines/conv-filters/kernels.ts';
import { kernelSetFor, kernelSetName } from '../../src/demos/conv-filters/kernel-choice.ts';
import { chooseSource, digitSource, fileStatusText } from '../../src/demos/conv-filters/source.ts';
import { CONV_FILTERS_SPEC, DEFAULT_CUSTOM } from '../../src/demos/conv-filters/spec.ts';
import { describeResponses, describeUncopyable } from '../../src/demos/conv-filters/summary.ts';
import { exportLayer } from '../../src/demos/conv-mechanics/layer-export.ts';
import { CONV_MECHANICS_SPEC } from '../../src/demos/conv-mechanics/spec.ts';
import { describeLayer, describeOutput, layerSettings } from '../../src/demos/conv-mechanics/summary.ts';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { defaultSettings } from '../../src/demos/settings.ts';

const mechanicsDefaults = defaultSettings(CONV_MECHANICS_SPEC);
const filterDefaults = defaultSettings(CONV_FILTERS_SPEC);

describe('convolution mechanics readouts', () => {
  const layer = buildLayer(layerSettings(mechanicsDefaults));

  test('the layer of the settings leaves out the animation speed', () => {
    expect(layerSettings({ ...mechanicsDefaults, speed: 40 })).toEqual({ mode: 'conv', width: 5, height: 5, depth: 3, filters: 2, size: 3, stride: 2, pad: 1, dilation: 1, seed: 1 });
  });

  test('the summary names the layer, then the computation and its check once they are known', () => {
    expect(describeLayer(layer, 'wasm', undefined)).toBe('Input 5×5×3, 2 filters of 3×3×3, stride 2, padding 1: output 3×3×2.');
    expect(describeLayer(layer, 'wasm', { output: new Float32Array(18), ms: 12.4, check: { outputs: 18, largestDifference: 2.384e-7 } })).toBe(
      'Input 5×5×3, 2 filters of 3×3×3, stride 2, padding 1: output 3×3×2. Computed in 12 ms on WebAssembly. All 18 outputs match the plain-TS reference (largest difference 2.4e-7).',
    );
    const big = buildLayer({ ...layerSettings(mechanicsDefaults), width: 227, height: 227, filters: 96, size: 11, stride: 4, pad: 0 });
    expect(describeLayer(big, 'webgpu', { output: new Float32Array(0), ms: 250.6 })).toBe('Input 227×227×3, 96 filters of 11×11×3, stride 4, padding 0: output 55×55×96. Computed in 251 ms on WebGPU.');
  });

  test('pooling, dilation and a layer that does not fit', () => {
    const pool = buildLayer({ ...layerSettings(mechanicsDefaults), mode: 'avg', dilation: 3 });
    expect(describeLayer(pool, 'cpu', undefined)).toBe('Input 5×5×3, average pooling over 3×3 windows, stride 2, padding 1: output 3×3×3.');
    const dilated = buildLayer({ ...layerSettings(mechanicsDefaults), width: 9, height: 9, filters: 1, dilation: 2 });
    expect(describeLayer(dilated, 'cpu', undefined)).toBe('Input 9×9×3, 1 filter of 3×3×3, stride 2, padding 1, dilation 2: output 4×4×1.');
    const misfit = buildLayer({ ...layerSettings(mechanicsDefaults), width: 6, pad: 0 });
    expect(describeLayer(misfit, 'cpu', undefined)).toMatch(/: output 2×2×2\. It does not fit as set: see the note under the formula\.$/);
  });

  test('what a screen reader hears for a selected output', () => {
    expect(describeOutput({ k: 1, i: 2, j: 0 }, -3.14159)).toBe('Output o[2,0,1] = −3.14.');
  });

  test('the export lists every output in map, row, column order beside the reference', () => {
    const output = Float32Array.from({ length: 18 }, (_, n) => n);
    const { csv, json } = exportLayer(layer, output);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('"map","row","column","tfjs","reference"');
    expect(lines).toHaveLength(19);
    // Cell (k 1, i 0, j 1) sits at (0·3 + 1)·2 + 1 = 3 in tf's [H, W, K] layout.
    expect(lines[11]!.split(',').slice(0, 4)).toEqual(['1', '0', '1', '3']);
    expect((json as { output: { data: number[] } }).output.data).toEqual(Array.from(output));
    expect(exportLayer(layer, undefined).csv.trim()).toBe('"map","row","column","tfjs","reference"');
  });
});

describe('filters on images readouts', () => {
  const mnist = loadMnistNode();

  test('kernel names for a classic kernel, the Gabor bank and the reader’s kernel', () => {
    expect(kernelSetName(filterDefaults)).toBe('Sobel x and y, gradient magnitude');
    expect(kernelSetName({ ...filterDefaults, kernel: 'gabor', count: 6, orientation: 30 })).toBe('a bank of 6 Gabor filters (θ from 30°, f = 0.2, σ = 2)');
    expect(kernelSetName({ ...filterDefaults, kernel: 'custom', customSize: '5' })).toBe('your 5×5 kernel');
  });

  test('the reader’s kernel takes its weights from k0..k24, the 3×3 one from the centre', () => {
    const set = kernelSetFor({ ...filterDefaults, kernel: 'custom', k12: 7 });
    expect(set.combine).toBe('none');
    expect(Array.from(set.kernels[0]!.weights)).toEqual([-2, -1, 0, -1, 7, 1, 0, 1, 2]);
    expect(DEFAULT_CUSTOM[12]).toBe(1);
  });

  test('the summary lists each map’s range', () => {
    const source = { image: { width: 2, height: 2, pixels: new Float32Array(4) }, label: 'your drawing' };
    const result = { maps: [Float32Array.of(-1.5, 0, 2, 0.25), Float32Array.of(0, 0, 0, 1234.5)], labels: ['Sobel x', 'magnitude √(x² + y²)'] };
    expect(describeResponses('Sobel x and y, gradient magnitude', { source, result, ms: 3.6 }, 'webgl')).toBe(
      'Sobel x and y, gradient magnitude applied to your drawing, 2×2, with tf.conv2d (stride 1, zero padding to keep the size) in 4 ms on WebGL: Sobel x from −1.5 to 2; magnitude √(x² + y²) from 0 to 1234.5.',
    );
    expect(describeResponses('x', undefined, 'cpu')).toBe('Computing…');
    expect(describeUncopyable(CLASSIC_KERNELS['gaussian-blur'].set().kernels[0])).toBe('Gaussian blur is 5×5, larger than the 5×5 editor; pick a 3×3 or 5×5 kernel to start from.');
  });

  test('the source: a digit (clamped to those shipped), the drawing, or an opened file', () => {
    const digit = digitSource(mnist, 1e6);
    expect(digit.label).toBe(`MNIST digit #${mnist.manifest.count - 1} (a ${mnist.labels[mnist.manifest.count - 1]})`);
    expect(digit.image.pixels[0]).toBe(mnist.images[(mnist.manifest.count - 1) * 784]! / 255);
    const file = { image: { width: 3, height: 1, pixels: Float32Array.of(0, 0.5, 1) }, name: 'cat.png' };
    const drawing = () => ({ width: 1, height: 1, pixels: Float32Array.of(1) });
    expect(chooseSource({ ...filterDefaults, source: 'file' }, { mnist, drawing, file }).label).toBe('“cat.png”');
    expect(chooseSource({ ...filterDefaults, source: 'file', digit: 3 }, { mnist, drawing, file: undefined }).label).toBe(`MNIST digit #3 (a ${mnist.labels[3]})`);
    expect(chooseSource({ ...filterDefaults, source: 'drawing' }, { mnist, drawing, file }).label).toBe('your drawing');
    expect(fileStatusText('digit', file)).toBe('Opened: “cat.png”, 3×1.');
    expect(fileStatusText('file', undefined)).toBe('To use an image from your disk, open one with “Open an image…” (PNG, JPEG or WebP, up to 20 MB). Meanwhile the digit is shown.');
    expect(fileStatusText('digit', undefined)).toBe('');
  });
});
