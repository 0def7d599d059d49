import { describe, expect, test } from 'vitest';
import { crc32Hex } from '../../src/data/crc32.ts';
import { readMnistPackage } from '../../src/data/mnist-build.ts';
import { MnistDataError, digitPixels, parseManifest, splitRange, verifyMnist } from '../../src/data/mnist-format.ts';
import { loadMnistNode } from '../../src/data/mnist-node.ts';

describe('MNIST assets', () => {
  const data = loadMnistNode();

  test('crc32 matches the standard check value', () => {
    expect(crc32Hex(new TextEncoder().encode('123456789'))).toBe('cbf43926');
  });

  test('hold all 10,000 digits of the package, split 8,000 / 2,000, every class in both splits', () => {
    expect(data.manifest).toMatchObject({ count: 10000, trainCount: 8000, testCount: 2000, seed: 231 });
    for (const split of ['train', 'test'] as const) {
      const { start, end } = splitRange(data, split);
      const counts = new Array(10).fill(0);
      for (let i = start; i < end; i++) counts[data.labels[i]!]++;
      expect(Math.min(...counts), split).toBeGreaterThan(split === 'train' ? 600 : 150);
    }
  });

  test('pixels are the package values as uint8, in the seeded order', () => {
    const source = readMnistPackage();
    // Every stored digit is some digit of the package with the same label (spot check).
    for (const index of [0, 1, 4999, 9999]) {
      const pixels = digitPixels(data, index);
      let found = false;
      for (let j = 0; j < source.labels.length && !found; j++) {
        if (source.labels[j] !== data.labels[index]) continue;
        found = source.images.subarray(j * 784, (j + 1) * 784).every((v, k) => v === pixels[k]);
      }
      expect(found, `digit ${index}`).toBe(true);
    }
    const ink = digitPixels(data, 0).reduce((a, b) => a + b, 0) / 784;
    expect(ink).toBeGreaterThan(10);
    expect(ink).toBeLessThan(120);
  });

  test('damaged data is refused with a clear message', () => {
    const images = data.images.slice();
    images[12345] = images[12345]! ^ 0xff;
    expect(() => verifyMnist(data.manifest, images, data.labels, crc32Hex)).toThrow(/MNIST images: checksum [0-9a-f]{8} does not match/);
    expect(() => verifyMnist(data.manifest, data.images.subarray(0, 100), data.labels, crc32Hex)).toThrow(/expected 7840000 bytes, got 100/);
    expect(() => parseManifest({ version: 99 })).toThrow(MnistDataError);
  });
});
