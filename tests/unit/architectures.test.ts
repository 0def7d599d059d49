/**
 * The architecture specs of Lecture 9 and their accounting: layers against counts done by hand,
 * totals against the published figures, and the same specs built as tfjs networks (tfjs's own
 * shape rules) counting the same parameters and reaching the same shapes.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeArchitecture, ArchitectureError, type LayerRow } from '../../src/engines/architectures/analyze.ts';
import { createTimingEngine } from '../../src/engines/architectures/timing-engine.ts';
import { planTfNetwork } from '../../src/engines/architectures/tf-network.ts';
import { ARCHITECTURES, architectureById, type ArchitectureId } from '../../src/engines/architectures/zoo.ts';

const report = (id: ArchitectureId) => analyzeArchitecture(architectureById(id));
const row = (rows: LayerRow[], name: string) => {
  const found = rows.find((r) => r.name === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};

describe('layers counted by hand', () => {
  test('AlexNet CONV1: 55×55×96, 11·11·3·96 + 96 = 34,944 parameters, 290,400 · 363 = 105,415,200 multiply-adds', () => {
    const conv1 = row(report('alexnet').rows, 'CONV1');
    expect(conv1.output).toEqual([55, 55, 96]);
    expect(conv1).toMatchObject({ params: 34_944, macs: 105_415_200, activations: 290_400 });
  });

  test('AlexNet CONV2 (two groups): filters of depth 48, 5·5·48·256 + 256 parameters, 223,948,800 multiply-adds', () => {
    const conv2 = row(report('alexnet').rows, 'CONV2');
    expect(conv2.output).toEqual([27, 27, 256]);
    expect(conv2).toMatchObject({ params: 307_456, macs: 223_948_800 });
    expect(row(report('alexnet').rows, 'POOL3').output).toEqual([6, 6, 256]);
    expect(row(report('alexnet').rows, 'FC6').params).toBe(9216 * 4096 + 4096);
  });

  test('GoogLeNet inception 3b: 28×28×480, every branch, 304M multiply-adds as in the paper\'s table', () => {
    const rows = report('googlenet').rows.filter((r) => r.block === 'inception 3b');
    expect(rows.map((r) => r.name.replace('inception 3b / ', ''))).toEqual([
      'branch 1 / 1×1', 'branch 2 / 3×3 reduce', 'branch 2 / 3×3', 'branch 3 / 5×5 reduce', 'branch 3 / 5×5', 'branch 4 / pool', 'branch 4 / pool proj', 'inception 3b',
    ]);
    expect(rows.at(-1)!.output).toEqual([28, 28, 480]);
    expect(rows.reduce((s, r) => s + r.macs, 0)).toBe(28 * 28 * 388_096);
    expect(rows.reduce((s, r) => s + r.params, 0)).toBe(256 * 128 + 256 * 128 + 9 * 128 * 192 + 256 * 32 + 25 * 32 * 96 + 256 * 64 + (128 + 128 + 192 + 32 + 96 + 64));
  });

  test('ResNet-50 conv2_2: the notes\' bottleneck, 256·64 + 3·3·64·64 + 64·256 = 69,632 weights plus batch norm', () => {
    const rows = report('resnet50').rows.filter((r) => r.block === 'conv2_2');
    expect(rows.map((r) => r.kind)).toEqual(['conv', 'conv', 'conv', 'add']);
    expect(rows.reduce((s, r) => s + r.params, 0)).toBe(69_632 + 2 * (64 + 64 + 256));
    expect(rows.at(-1)!).toMatchObject({ detail: 'add (identity)', output: [56, 56, 256] });
    const first = report('resnet50').rows.filter((r) => r.block === 'conv3_1');
    expect(first.map((r) => r.name)).toContain('conv3_1 / shortcut / projection');
    expect(first.at(-1)!.output).toEqual([28, 28, 512]);
  });

  test('VGG-16: 15,237,608 activations with the input (the notes\' 61 MB), 14,714,688 convolution parameters', () => {
    const vgg = report('vgg16');
    expect(vgg.totals.activations).toBe(15_237_608);
    expect(vgg.rows.filter((r) => r.kind === 'conv').reduce((s, r) => s + r.params, 0)).toBe(14_714_688);
    expect(vgg.totals.forwardBytes).toBe(4 * (15_237_608 + 138_357_544));
    expect(vgg.totals.trainingBytes).toBe(4 * (2 * 15_237_608 + 3 * 138_357_544));
  });
});

/**
 * Published totals. Parameters: the papers (AlexNet "60 million"), torchvision / osmr imgclsmob
 * (exact counts, batch norm's scale and shift included). Multiply-adds: imgclsmob's FLOPs/2 for
 * ZF Net, VGG-16 and the ResNets (they also count batch norm and additions, hence up to 0.6%
 * more), convnet-burden for AlexNet (727 M), the sum of GoogLeNet's Table 1 (1,586 M).
 */
const PUBLISHED: Record<ArchitectureId, { params: number; macs: number; depth: number }> = {
  alexnet: { params: 61e6, macs: 727e6, depth: 8 },
  zfnet: { params: 62_357_608, macs: 1_170.33e6, depth: 8 },
  vgg16: { params: 138_357_544, macs: 15_480.1e6, depth: 16 },
  googlenet: { params: 6.998e6, macs: 1_586e6, depth: 22 },
  resnet18: { params: 11_689_512, macs: 1_820.41e6, depth: 18 },
  resnet34: { params: 21_797_672, macs: 3_672.68e6, depth: 34 },
  resnet50: { params: 25_557_032, macs: 3_877.95e6, depth: 50 },
  resnet152: { params: 60_192_808, macs: 11_321.85e6, depth: 152 },
};

describe('totals against the published figures', () => {
  for (const architecture of ARCHITECTURES) {
    const id = architecture.id as ArchitectureId;
    test(`${architecture.name}: parameters and multiply-adds within 1%, depth ${PUBLISHED[id].depth}`, () => {
      const { totals } = analyzeArchitecture(architecture);
      expect(Math.abs(totals.params / PUBLISHED[id].params - 1)).toBeLessThan(0.01);
      expect(Math.abs(totals.macs / PUBLISHED[id].macs - 1)).toBeLessThan(0.01);
      expect(totals.depth).toBe(PUBLISHED[id].depth);
    });
  }

  test('exact parameter counts where they are published exactly', () => {
    expect(report('alexnet').totals.params).toBe(60_965_224);
    for (const id of ['zfnet', 'vgg16', 'resnet18', 'resnet34', 'resnet50', 'resnet152'] as const) expect(report(id).totals.params, id).toBe(PUBLISHED[id].params);
  });
});

describe('the specs as tfjs networks, built without weights', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const architecture of ARCHITECTURES) {
    test(`${architecture.name}: countParams() equals the accounting, every stage's shape agrees`, () => {
      const plan = planTfNetwork(tf, architecture);
      const { rows, totals } = analyzeArchitecture(architecture);
      expect(plan.countParams()).toBe(totals.params);
      expect(plan.output).toEqual([1, 1, 1, 1000]);
      for (const stage of plan.stages) expect(stage.output.slice(1), stage.name).toEqual(row(rows, stage.name).output);
    });
  }

  test('an input too small for the network is refused in words', () => {
    expect(() => analyzeArchitecture(architectureById('alexnet'), [40, 40, 3])).toThrow(ArchitectureError);
    expect(() => analyzeArchitecture(architectureById('alexnet'), [40, 40, 3])).toThrow(/POOL3: its 1×1 input is too small for a 3×3 window with stride 2; choose a larger input/);
    // Networks ending in global pooling take other sizes; AlexNet's FC6 then has another fan-in.
    expect(analyzeArchitecture(architectureById('resnet50'), [448, 448, 3]).totals.params).toBe(25_557_032);
    expect(row(analyzeArchitecture(architectureById('alexnet'), [259, 259, 3]).rows, 'FC6').detail).toBe('12544 → 4096');
  });
});

describe('one forward pass with random weights, on wasm', () => {
  beforeAll(async () => {
    setWasmPaths(`${resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist')}/`);
    expect(await tf.setBackend('wasm')).toBe(true);
  });

  test('AlexNet (groups, LRN), ResNet-18 (projections) and GoogLeNet (branches) run end to end; no tensor left', async () => {
    for (const [architecture, input] of [['alexnet', [227, 227, 3]], ['resnet18', [64, 64, 3]], ['googlenet', [64, 64, 3]]] as const) {
      const before = tf.memory().numTensors;
      const engine = createTimingEngine(tf, { architecture, input: [...input], seed: 1 }, new AbortController().signal);
      const { reply } = await engine.handle({});
      expect(reply.output).toEqual([1, 1, 1, 1000]);
      expect(reply.params).toBe(analyzeArchitecture(architectureById(architecture), [...input]).totals.params);
      expect(reply.warmMs).toBeGreaterThan(0);
      expect(tf.memory().numTensors, architecture).toBe(before);
    }
  });
});
