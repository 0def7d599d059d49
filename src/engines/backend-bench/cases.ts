/**
 * The benchmark suite: matrix products from 64 to 2048, one small training step taken eagerly and
 * fused, and two real convolution layers at three image sizes each. Each case is one unit of
 * work the engine measures; the planner (plan.ts) decides which ones fit this machine.
 */
import { convFlops, matmulFlops, type ConvLayer } from './flops.ts';

export const OPS = ['matmul', 'vgg', 'alexnet'] as const;
export type OpName = (typeof OPS)[number];

export const MATMUL_SIZES = [64, 128, 256, 512, 1024, 2048] as const;
export const SMALLEST_MATMUL = MATMUL_SIZES[0];
export const LARGEST_MATMUL = MATMUL_SIZES[MATMUL_SIZES.length - 1]!;
/** VGG-16's 3×3, 256-channel layer (its conv3 block on 56×56 maps), also on 28×28 and 14×14 maps. */
export const VGG_SIZES = [14, 28, 56] as const;
/** AlexNet's first layer (96 filters of 11×11×3, stride 4, as in ConvNetJS's benchmark) on 227×227 images, and on 115 and 59. */
export const ALEXNET_SIZES = [59, 115, 227] as const;

export const OP_LABELS: Record<OpName, string> = {
  matmul: 'Matrix multiply (n×n by n×n)',
  vgg: 'VGG 3×3 conv, 256 → 256 channels',
  alexnet: 'AlexNet conv1, 11×11, 3 → 96 channels, stride 4',
};

/** What the size of a case means on each chart's x axis. */
export const SIZE_LABELS: Record<OpName, string> = { matmul: 'n', vgg: 'feature map side', alexnet: 'image side' };

export function vggLayer(size: number): ConvLayer {
  return { size, inChannels: 256, outChannels: 256, kernel: 3, stride: 1, pad: 'same' };
}

export function alexnetLayer(size: number): ConvLayer {
  return { size, inChannels: 3, outChannels: 96, kernel: 11, stride: 4, pad: 'valid' };
}

export function opFlops(op: OpName, size: number): number {
  return op === 'matmul' ? matmulFlops(size) : convFlops(op === 'vgg' ? vggLayer(size) : alexnetLayer(size));
}

export interface OpCase {
  kind: 'op';
  op: OpName;
  size: number;
}
export interface TrainCase {
  kind: 'train';
}
export type BenchCase = OpCase | TrainCase;

export function caseLabel(c: BenchCase): string {
  if (c.kind === 'train') return 'eager vs fused training step';
  return c.op === 'matmul' ? `matmul ${c.size}×${c.size}` : `${c.op === 'vgg' ? 'VGG 3×3' : 'AlexNet 11×11'} conv on ${c.size}×${c.size}`;
}

/** Every case of one backend's suite, smallest first within each op (so sizes can be predicted). */
export function suiteCases(largestMatmul: number): BenchCase[] {
  return [
    ...MATMUL_SIZES.filter((n) => n <= largestMatmul).map((size): OpCase => ({ kind: 'op', op: 'matmul', size })),
    // The training step is cheap and tells the static-vs-dynamic story: before the heavy convolutions.
    { kind: 'train' },
    ...VGG_SIZES.map((size): OpCase => ({ kind: 'op', op: 'vgg', size })),
    ...ALEXNET_SIZES.map((size): OpCase => ({ kind: 'op', op: 'alexnet', size })),
  ];
}
