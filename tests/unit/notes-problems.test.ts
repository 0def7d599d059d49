/**
 * The numbers of the "Problems" sections of the lecture pages, recomputed from their statements.
 * Layer sizes and counts use the output-size rule of the conv demo; the rest is arithmetic the
 * solutions do by hand.
 */
import { describe, expect, test } from 'vitest';
import { convLayerShape, poolLayerShape } from '../../src/engines/conv/output-size.ts';

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
const softmax = (s: number[]) => {
  const m = Math.max(...s);
  const e = s.map((v) => Math.exp(v - m));
  return e.map((v) => v / sum(e));
};

describe('Lecture 1 problems', () => {
  test('error reductions and the size of image space', () => {
    expect(1 - 15.3 / 25.8).toBeCloseTo(0.407, 3);
    expect(1 - 3.57 / 15.3).toBeCloseTo(0.767, 3);
    expect(5100 - 3570).toBe(1530);
    expect(921_600 * Math.log10(256)).toBeCloseTo(2_219_434, 0);
    expect(1000 * 921_601).toBe(921_601_000);
    expect(1.2e6 * 921_600).toBeCloseTo(1.106e12, -9);
  });
});

describe('Lecture 2 problems', () => {
  test('L1 picks the cat, L2 the dog; after a 45° rotation both pick the dog', () => {
    const points = [[3, 0], [2, 2], [-1, -3]] as const;
    const l1 = (p: readonly number[]) => Math.abs(p[0]!) + Math.abs(p[1]!);
    const l2 = (p: readonly number[]) => Math.hypot(p[0]!, p[1]!);
    const c = Math.SQRT1_2;
    const rotated = points.map(([x, y]) => [c * x - c * y, c * x + c * y]);
    const nearest = (d: number[]) => d.indexOf(Math.min(...d));
    expect(nearest(points.map(l1))).toBe(0);
    expect(nearest(points.map(l2))).toBe(1);
    expect(nearest(rotated.map(l1))).toBe(1);
    expect(rotated.map(l1).map((v) => Number(v.toFixed(2)))).toEqual([4.24, 2.83, 4.24]);
  });

  test('kNN against a linear classifier on CIFAR-10', () => {
    expect(10_000 * 50_000 * 3072).toBe(1.536e12);
    expect(10_000 * 50_000 * 4).toBe(2e9);
    expect((10_000 * 50_000 * 3072) / (10 * 3072 * 10_000)).toBe(5000);
    expect(5 * 10_000 * 40_000 * 3072).toBe(6.144e12);
  });
});

describe('Lecture 3 problems', () => {
  test('one step on one example: SVM 2.5 → 1.3, softmax 1.716 → 1.008', () => {
    const x = [1, 2, 1];
    const s = [3.0, 1.5, -1.0];
    const y = 1;
    const xx = sum(x.map((v) => v * v));
    const svmGrad: number[] = s.map((sj, j) => (j !== y && sj - s[y]! + 1 > 0 ? 1 : 0));
    svmGrad[y] = -sum(svmGrad);
    const svm = (sc: number[]) => sum(sc.map((sj, j) => (j === y ? 0 : Math.max(0, sj - sc[y]! + 1))));
    expect(svm(s)).toBe(2.5);
    expect(svmGrad).toEqual([1, -1, 0]);
    expect(svm(s.map((sj, j) => sj - 0.1 * svmGrad[j]! * xx))).toBeCloseTo(1.3, 12);
    const p = softmax(s);
    expect(-Math.log(p[y]!)).toBeCloseTo(1.716, 3);
    const after = s.map((sj, j) => sj - 0.1 * (p[j]! - (j === y ? 1 : 0)) * xx);
    expect(after.map((v) => Number(v.toFixed(3)))).toEqual([2.517, 1.992, -1.009]);
    expect(-Math.log(softmax(after)[y]!)).toBeCloseTo(1.008, 3);
  });

  test('gradient descent on a w²/2 with a = 4', () => {
    expect([0.1, 0.25, 0.4, 0.6].map((eta) => Number(((1 - 4 * eta) ** 3).toFixed(3)))).toEqual([0.216, 0, -0.216, -2.744]);
  });
});

describe('Lecture 4 problems', () => {
  const f = (x: number, y: number, z: number) => (x + y) * Math.max(y, z);
  const grad = (x: number, y: number, z: number) => {
    const h = 1e-6;
    return [(f(x + h, y, z) - f(x - h, y, z)) / (2 * h), (f(x, y + h, z) - f(x, y - h, z)) / (2 * h), (f(x, y, z + h) - f(x, y, z - h)) / (2 * h)].map((v) => Number(v.toFixed(5)));
  };
  test('(x + y) max(y, z): gradients (3, 3, 3) at (1, 2, 3) and (2, 5, 0) at (1, 2, 1.5)', () => {
    expect(grad(1, 2, 3)).toEqual([3, 3, 3]);
    expect(grad(1, 2, 1.5)).toEqual([2, 5, 0]);
  });

  test('D = WX, H = max(0, D): L = 19, dW and dX as printed', () => {
    const W = [[1, 0, -1], [2, 1, 0]];
    const X = [[1, 2], [0, 1], [3, -1]];
    const D = W.map((row) => [0, 1].map((j) => sum(row.map((w, k) => w * X[k]![j]!))));
    expect(D).toEqual([[-2, 3], [2, 5]]);
    const dD = D.map((row) => row.map((v) => Math.max(0, v)));
    expect(0.5 * sum(dD.flat().map((v) => v * v))).toBe(19);
    const dW = dD.map((row) => X.map((xrow) => sum(row.map((g, j) => g * xrow[j]!))));
    const dX = X.map((_, k) => [0, 1].map((j) => sum(W.map((row, i) => row[k]! * dD[i]![j]!))));
    expect(dW).toEqual([[6, 3, -3], [12, 5, 1]]);
    expect(dX).toEqual([[4, 13], [2, 5], [0, -3]]);
  });
});

describe('Lecture 5 problems', () => {
  function run(input: number) {
    const conv1 = convLayerShape({ width: input, height: input, depth: 3, filters: 16, size: 5, stride: 1, pad: 2 });
    const pool1 = poolLayerShape({ width: conv1.width.positions, height: conv1.height.positions, depth: 16, size: 2, stride: 2, pad: 0 });
    const conv2 = convLayerShape({ width: pool1.width.positions, height: pool1.height.positions, depth: 16, filters: 32, size: 3, stride: 1, pad: 1 });
    const pool2 = poolLayerShape({ width: conv2.width.positions, height: conv2.height.positions, depth: 32, size: 2, stride: 2, pad: 0 });
    const fc = convLayerShape({ width: pool2.width.positions, height: pool2.height.positions, depth: 32, filters: 10, size: 8, stride: 1, pad: 0 });
    return { conv1, pool1, conv2, pool2, fc };
  }

  test('32 × 32 input: 26,346 parameters, 2,428,928 multiply-adds, the FC layer 78% of the parameters', () => {
    const n = run(32);
    expect([n.conv1.width.positions, n.pool1.width.positions, n.conv2.width.positions, n.pool2.width.positions, n.fc.width.positions]).toEqual([32, 16, 16, 8, 1]);
    expect([n.conv1.parameters, n.conv2.parameters, n.fc.parameters]).toEqual([1216, 4640, 20_490]);
    expect(n.conv1.parameters + n.conv2.parameters + n.fc.parameters).toBe(26_346);
    expect([n.conv1.multiplyAdds, n.conv2.multiplyAdds, n.fc.multiplyAdds]).toEqual([1_228_800, 1_179_648, 20_480]);
    expect(n.fc.parameters / 26_346).toBeCloseTo(0.78, 2);
    // Receptive field: r = 1 + Σ (F − 1) · (product of earlier strides).
    let r = 1;
    let jump = 1;
    const fields = [[5, 1], [2, 2], [3, 1], [2, 2]].map(([size, stride]) => {
      r += (size! - 1) * jump;
      jump *= stride!;
      return r;
    });
    expect(fields).toEqual([5, 6, 10, 12]);
  });

  test('64 × 64 input to the converted network: 9 × 9 × 10 scores for 11,292,672 multiply-adds, 17 times fewer than 81 crops', () => {
    const n = run(64);
    expect([n.fc.width.positions, n.fc.depth]).toEqual([9, 10]);
    const total = n.conv1.multiplyAdds + n.conv2.multiplyAdds + n.fc.multiplyAdds;
    expect(total).toBe(11_292_672);
    expect((81 * 2_428_928) / total).toBeCloseTo(17.4, 1);
  });
});

describe('Lecture 6 problems', () => {
  test('batch norm and inverted dropout on (1, 3, 5, 7): the gradients printed, summing to zero, matching finite differences', () => {
    const gamma = 2;
    const beta = 0.5;
    const mask = [1, 0, 1, 1];
    const upstream = [0.3, -0.6, 0.15, 0.3];
    const forward = (x: number[]) => {
      const mu = sum(x) / 4;
      const variance = sum(x.map((v) => (v - mu) ** 2)) / 4;
      const xhat = x.map((v) => (v - mu) / Math.sqrt(variance));
      const y = xhat.map((v) => gamma * v + beta);
      return { xhat, y, out: y.map((v, i) => (v * mask[i]!) / 0.75) };
    };
    const x = [1, 3, 5, 7];
    const { xhat, y, out } = forward(x);
    expect(y.map((v) => Number(v.toFixed(3)))).toEqual([-2.183, -0.394, 1.394, 3.183]);
    expect(out.map((v) => Number(v.toFixed(3)))).toEqual([-2.911, 0, 1.859, 4.244]);
    const dy = upstream.map((g, i) => (g * mask[i]!) / 0.75);
    expect(dy.map((v) => Number(v.toFixed(12)))).toEqual([0.4, 0, 0.2, 0.4]);
    expect(sum(dy)).toBeCloseTo(1, 12);
    const dGamma = sum(dy.map((g, i) => g * xhat[i]!));
    expect(dGamma).toBeCloseTo(0.089, 3);
    const prefactor = gamma / (4 * Math.sqrt(5));
    const dx = dy.map((g, i) => prefactor * (4 * g - sum(dy) - xhat[i]! * dGamma));
    expect(dx.map((v) => Number(v.toFixed(3)))).toEqual([0.161, -0.215, -0.054, 0.107]);
    expect(sum(dx)).toBeCloseTo(0, 12);
    const loss = (v: number[]) => sum(forward(v).out.map((o, i) => o * upstream[i]!));
    dx.forEach((value, i) => {
      const plus = [...x];
      const minus = [...x];
      plus[i]! += 1e-6;
      minus[i]! -= 1e-6;
      expect((loss(plus) - loss(minus)) / 2e-6).toBeCloseTo(value, 7);
    });
    expect(3072 * 100 + 100 + 200 + 100 * 10 + 10).toBe(308_510);
  });

  test('ten ReLU layers of 512: factor 16 s per layer', () => {
    expect(Math.sqrt(512 / 2) * 0.01).toBeCloseTo(0.16, 12);
    expect(0.16 ** 10).toBeCloseTo(1.1e-8, 9);
    expect(1.6 ** 10).toBeCloseTo(110, 0);
    expect(Math.sqrt(2 / 512)).toBe(0.0625);
  });
});

describe('Lecture 7 problems', () => {
  test('distance moved under a constant gradient: SGD 0.1, momentum 0.910, Adam 0.1', () => {
    let v = 0;
    let x = 0;
    for (let t = 0; t < 100; t++) {
      v = 0.9 * v - 0.1 * 0.01;
      x += v;
    }
    expect(-x).toBeCloseTo(0.91, 3);
    let m = 0;
    let s = 0;
    let xa = 0;
    for (let t = 1; t <= 100; t++) {
      m = 0.9 * m + 0.1 * 0.01;
      s = 0.999 * s + 0.001 * 0.01 ** 2;
      xa -= (1e-3 * (m / (1 - 0.9 ** t))) / (Math.sqrt(s / (1 - 0.999 ** t)) + 1e-8);
    }
    expect(-xa).toBeCloseTo(0.1, 5);
    expect(0.00005 / 0.02).toBeCloseTo(2.5e-3, 12);
  });

  test('59 random trials give a 95% chance of the best 5%; 64 give 96%', () => {
    expect(Math.ceil(Math.log(0.05) / Math.log(0.95))).toBe(59);
    expect(1 - 0.95 ** 64).toBeCloseTo(0.96, 2);
  });
});

describe('Lecture 8 problems', () => {
  test('roofline: ridge 16.7, matmul 85 FLOP/byte and 18 μs, add 224 μs, fused with ReLU saves 40%', () => {
    expect(15e12 / 900e9).toBeCloseTo(16.67, 2);
    expect((2 * 512 ** 3) / (3 * 512 * 512 * 4)).toBeCloseTo(85.33, 2);
    expect(((2 * 512 ** 3) / 15e12) * 1e6).toBeCloseTo(17.9, 1);
    expect(((12 * 2 ** 24) / 900e9) * 1e6).toBeCloseTo(223.7, 1);
    expect(((20 * 2 ** 24) / 900e9) * 1e6).toBeCloseTo(372.8, 1);
  });

  test('a minibatch of 256 crops: 9.6 ms as float32, 2.4 ms as bytes; 18 workers', () => {
    const values = 256 * 3 * 224 * 224;
    expect(((values * 4) / 16e9) * 1e3).toBeCloseTo(9.63, 2);
    expect((values / 16e9) * 1e3).toBeCloseTo(2.41, 2);
    expect(Math.ceil((256 * 2) / 30)).toBe(18);
  });
});

describe('Lecture 9 problems', () => {
  const positions = 28 * 28;
  test('Inception: 854,196,224 multiply-adds naive, 271,351,808 with bottlenecks', () => {
    const naive = positions * 256 * (128 + 9 * 192 + 25 * 96);
    const bottleneck = positions * (256 * 128 + 3 * 256 * 64 + 9 * 64 * 192 + 25 * 64 * 96);
    expect(naive).toBe(854_196_224);
    expect(bottleneck).toBe(271_351_808);
    expect(naive / bottleneck).toBeCloseTo(3.15, 2);
  });

  test('residual blocks: 1,179,648 against 69,632 weights; 1.05^20 and 0.95^20', () => {
    expect(2 * 9 * 256 * 256).toBe(1_179_648);
    expect(256 * 64 + 9 * 64 * 64 + 64 * 256).toBe(69_632);
    expect(1.05 ** 20).toBeCloseTo(2.65, 2);
    expect(0.95 ** 20).toBeCloseTo(0.36, 2);
  });
});

describe('Lecture 10 problems', () => {
  test('a word-level LSTM language model has 9,795,024 parameters, 17% in the recurrence', () => {
    const [V, D, H] = [10_000, 300, 512];
    const lstm = 4 * H * (H + D) + 4 * H;
    expect(lstm).toBe(1_665_024);
    expect(3 * H * (H + D) + 3 * H).toBe(1_248_768);
    expect(H * (H + D) + H).toBe(416_256);
    const total = V * D + lstm + V * H + V;
    expect(total).toBe(9_795_024);
    expect(lstm / total).toBeCloseTo(0.17, 2);
    expect(512 * 50_000 + 50_000).toBe(25_650_000);
  });

  test('gradient factors over 20 steps and clipping to norm 5', () => {
    expect(0.72 ** 20).toBeCloseTo(0.0014, 4);
    expect(0.96 ** 20).toBeCloseTo(0.44, 2);
    expect(1.2 ** 20).toBeCloseTo(38.3, 1);
    const g = [30, 40];
    const scale = 5 / Math.hypot(g[0]!, g[1]!);
    expect(g.map((v) => v * scale)).toEqual([3, 4]);
  });
});

describe('Lecture 11 problems', () => {
  test('transposed convolutions back to 512; YOLO output 13 × 13 × 425', () => {
    const up = (n: number, stride: number, pad: number, kernel: number) => (n - 1) * stride - 2 * pad + kernel;
    let n = 16;
    for (let i = 0; i < 5; i++) n = up(n, 2, 1, 4);
    expect(n).toBe(512);
    expect(up(16, 32, 16, 64)).toBe(512);
    expect(5 * (4 + 1 + 80)).toBe(425);
    expect(13 * 13 * 425).toBe(71_825);
  });

  test('NMS keeps A, C at 0.5 and A, C, D at 0.7', () => {
    const scores = { A: 0.9, B: 0.85, C: 0.8, D: 0.6 } as const;
    const overlap: Record<string, number> = { AB: 0.75, AC: 0.3, BC: 0.55, AD: 0.1, CD: 0.6, BD: 0.2 };
    const iou = (a: string, b: string) => overlap[[a, b].sort().join('')]!;
    const nms = (threshold: number) => {
      const kept: string[] = [];
      for (const box of Object.keys(scores).sort((a, b) => scores[b as keyof typeof scores] - scores[a as keyof typeof scores])) {
        if (kept.every((k) => iou(k, box) <= threshold)) kept.push(box);
      }
      return kept;
    };
    expect(nms(0.5)).toEqual(['A', 'C']);
    expect(nms(0.7)).toEqual(['A', 'C', 'D']);
  });
});

describe('Lecture 12 problems', () => {
  test('a sign perturbation moves a linear score by ε Σ|w|', () => {
    expect(3072 * 0.01 * (2 / 255)).toBeCloseTo(0.24, 2);
    expect(3072 * 0.01 * (8 / 255)).toBeCloseTo(0.96, 2);
    expect(224 * 224 * 3 * 0.01 * (2 / 255)).toBeCloseTo(11.8, 1);
    expect(0.5 / (3072 * 0.02)).toBeCloseTo(0.0081, 4);
    expect((0.5 / (3072 * 0.02)) * 255).toBeCloseTo(2.08, 2);
  });

  test('Gram matrices: costs, and E = 1/144 with gradient (1/36)[[1, 0, 2], [0, 0, 0]] for the toy layer', () => {
    expect(64 ** 2 * 224 * 224).toBe(205_520_896);
    expect(512 ** 2 * 14 * 14).toBe(51_380_224);
    const F = [[1, 0, 2], [1, 1, 0]];
    const G = F.map((a) => F.map((b) => sum(a.map((v, k) => v * b[k]!))));
    expect(G).toEqual([[5, 1], [1, 2]]);
    const diff = [[G[0]![0]! - 4, G[0]![1]! - 1], [G[1]![0]! - 1, G[1]![1]! - 2]];
    expect(sum(diff.flat().map((v) => v * v)) / (4 * 4 * 9)).toBeCloseTo(1 / 144, 15);
    const grad = diff.map((row) => [0, 1, 2].map((k) => (row[0]! * F[0]![k]! + row[1]! * F[1]![k]!) / 36));
    expect(grad.map((row) => row.map((v) => v * 36))).toEqual([[1, 0, 2], [0, 0, 0]]);
  });
});

describe('Lecture 13 problems', () => {
  test('the VAE: KL 0.943, z = (1.2, −1.7), reconstruction 0.839, negative ELBO 1.782', () => {
    const mu = [1, -0.5];
    const variance = [0.25, 1];
    const kl = 0.5 * sum(mu.map((m, j) => m * m + variance[j]! - Math.log(variance[j]!) - 1));
    expect(kl).toBeCloseTo(0.943, 3);
    const z = mu.map((m, j) => m + Math.sqrt(variance[j]!) * [0.4, -1.2][j]!);
    expect(z.map((v) => Number(v.toFixed(12)))).toEqual([1.2, -1.7]);
    const reconstruction = -(Math.log(0.9) + Math.log(1 - 0.2) + Math.log(0.6));
    expect(reconstruction).toBeCloseTo(0.839, 3);
    expect(reconstruction + kl).toBeCloseTo(1.782, 3);
    expect(variance.map((v) => 0.5 * (v - 1))).toEqual([-0.375, 0]);
  });

  test('four points: D* = (2/3, 6/11, 4/9, 0), V = 2 JSD − ln 4 = −1.1655', () => {
    const data = [0.5, 0.3, 0.2, 0];
    const gen = [0.25, 0.25, 0.25, 0.25];
    const d = data.map((p, i) => p / (p + gen[i]!));
    expect(d.map((v) => Number(v.toFixed(3)))).toEqual([0.667, 0.545, 0.444, 0]);
    const value = sum(data.map((p, i) => (p > 0 ? p * Math.log(d[i]!) : 0))) + sum(gen.map((p, i) => p * Math.log(1 - d[i]!)));
    const mix = data.map((p, i) => (p + gen[i]!) / 2);
    const kl = (a: number[]) => sum(a.map((p, i) => (p > 0 ? p * Math.log(p / mix[i]!) : 0)));
    expect(kl(data)).toBeCloseTo(0.1464, 4);
    expect(kl(gen)).toBeCloseTo(0.0744, 4);
    const jsd = 0.5 * kl(data) + 0.5 * kl(gen);
    expect(jsd).toBeCloseTo(0.1104, 4);
    expect(value).toBeCloseTo(2 * jsd - Math.log(4), 12);
    expect(value).toBeCloseTo(-1.1655, 4);
  });
});
