import { describe, expect, test } from 'vitest';
import { loadMnistNode } from '../../src/data/mnist-node.ts';
import { generateScenes, scaleDigit } from '../../src/engines/detection/scenes.ts';
import { ANCHOR, CELL_CHANNELS, GRID, decodeCells, encodeTargets } from '../../src/engines/detection/grid-targets.ts';

const mnist = loadMnistNode();
const base = { images: mnist.images, labels: mnist.labels };

describe('scenes of digits', () => {
  const train = generateScenes({ ...base, digits: { start: 0, end: 8000 }, count: 40, seed: 3 });
  const held = generateScenes({ ...base, digits: { start: 8000, end: 10000 }, count: 40, seed: 3 });

  test('seeded: the same seed gives the same scenes, another seed others', () => {
    const again = generateScenes({ ...base, digits: { start: 0, end: 8000 }, count: 40, seed: 3 });
    expect(again.map((s) => s.objects)).toEqual(train.map((s) => s.objects));
    expect(again[7]!.pixels).toEqual(train[7]!.pixels);
    const other = generateScenes({ ...base, digits: { start: 0, end: 8000 }, count: 40, seed: 4 });
    expect(other.map((s) => s.objects)).not.toEqual(train.map((s) => s.objects));
  });

  test('1 to 5 digits per scene, labels from MNIST, train and test digits disjoint', () => {
    for (const s of [...train, ...held]) {
      expect(s.objects.length).toBeGreaterThanOrEqual(1);
      expect(s.objects.length).toBeLessThanOrEqual(5);
      for (const o of s.objects) expect(o.label).toBe(mnist.labels[o.digit]);
    }
    const counts = new Set(train.map((s) => s.objects.length));
    expect(counts.size).toBeGreaterThanOrEqual(4);
    expect(train.flatMap((s) => s.objects).every((o) => o.digit < 8000)).toBe(true);
    expect(held.flatMap((s) => s.objects).every((o) => o.digit >= 8000)).toBe(true);
  });

  test('masks agree with boxes: every mask pixel inside its digit box, each box tight around its mask, ink above ½', () => {
    for (const s of [...train, ...held]) {
      const seen = s.objects.map(() => ({ x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity }));
      // Counted, not asserted pixel by pixel (80 scenes of 9,216 pixels).
      let wrong = 0;
      for (let p = 0; p < s.mask.length; p++) {
        const y = Math.floor(p / s.size);
        const x = p % s.size;
        if ((s.mask[p]! > 0) !== (s.pixels[p]! > 0.5)) wrong += 1;
        if (s.mask[p] === 0) continue;
        const owner = s.objects.findIndex((o) => x >= o.x0 && x < o.x1 && y >= o.y0 && y < o.y1);
        if (owner < 0 || s.mask[p] !== s.objects[owner]!.label + 1) {
          wrong += 1;
          continue;
        }
        const b = seen[owner]!;
        Object.assign(b, { x0: Math.min(b.x0, x), y0: Math.min(b.y0, y), x1: Math.max(b.x1, x + 1), y1: Math.max(b.y1, y + 1) });
      }
      expect(wrong).toBe(0);
      s.objects.forEach((o, i) => expect(seen[i]).toEqual({ x0: o.x0, y0: o.y0, x1: o.x1, y1: o.y1 }));
    }
  });

  test('a digit scaled to 28 pixels is the digit itself; scenes with no digits can be asked for', () => {
    const same = scaleDigit(mnist.images, 5, 28);
    for (let i = 0; i < 784; i++) expect(same[i]).toBeCloseTo(mnist.images[5 * 784 + i]! / 255, 6);
    const empty = generateScenes({ ...base, digits: { start: 0, end: 8000 }, count: 3, seed: 1, minDigits: 0, maxDigits: 0 });
    expect(empty.every((s) => s.objects.length === 0 && s.mask.every((v) => v === 0))).toBe(true);
  });

  test('grid targets decode back to the boxes they encode', () => {
    const scene = train[0]!;
    const t = encodeTargets([scene], scene.size);
    // Raw outputs that would produce exactly the targets: logits of σ⁻¹(offset), log sizes, a sure class.
    const raw = new Float32Array(GRID * GRID * CELL_CHANNELS).fill(-20);
    for (let cell = 0; cell < GRID * GRID; cell++) {
      if (t.objectness[cell] !== 1) continue;
      const at = cell * CELL_CHANNELS;
      const logit = (p: number) => Math.log(p / (1 - p));
      raw.set([20, logit(t.geometry[cell * 4]!), logit(t.geometry[cell * 4 + 1]!), t.geometry[cell * 4 + 2]!, t.geometry[cell * 4 + 3]!], at);
      for (let c = 0; c < 10; c++) raw[at + 5 + c] = t.classes[cell * 10 + c] === 1 ? 20 : 0;
    }
    const boxes = decodeCells(raw, 0, scene.size, 0.5);
    expect(boxes.length).toBe(scene.objects.length);
    for (const o of scene.objects) {
      const match = boxes.find((b) => b.label === o.label && Math.abs(b.x0 - o.x0) < 1e-3 && Math.abs(b.y1 - o.y1) < 1e-3);
      expect(match).toBeDefined();
    }
    expect(ANCHOR).toBeGreaterThan(0);
  });
});
