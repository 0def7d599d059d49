/**
 * The networks of Lecture 9, each written once as a layer spec (./layers.ts). The explorer, the
 * notes' tables and the tfjs builder all read these; the unit tests hold them to the papers'
 * published totals.
 */
import type { Architecture, ConvLayer, Layer, PoolLayer } from './layers.ts';

const conv = (name: string, filters: number, size: number, options: Partial<ConvLayer> = {}): ConvLayer => ({ kind: 'conv', name, filters, size, ...options });
const maxPool = (name: string, size: number, stride: number, pad: PoolLayer['pad'] = 0): PoolLayer => ({ kind: 'pool', name, op: 'max', size, stride, pad });
const fc = (name: string, units: number, relu = true): Layer => ({ kind: 'fc', name, units, relu });
const classifier = (): Layer[] => [fc('FC6', 4096), fc('FC7', 4096), fc('FC8', 1000, false)];

/** AlexNet as trained on two GPUs: CONV2, CONV4 and CONV5 see only their own GPU's half (groups of 2). */
const ALEXNET: Architecture = {
  id: 'alexnet', name: 'AlexNet', year: 2012, input: [227, 227, 3], cite: 'krizhevsky2012imagenet',
  note: 'The two-GPU network of the paper, on a 227×227 input; LRN after pooling as in the lecture.',
  layers: [
    conv('CONV1', 96, 11, { stride: 4 }), maxPool('POOL1', 3, 2), { kind: 'lrn', name: 'NORM1' },
    conv('CONV2', 256, 5, { pad: 2, groups: 2 }), maxPool('POOL2', 3, 2), { kind: 'lrn', name: 'NORM2' },
    conv('CONV3', 384, 3, { pad: 1 }), conv('CONV4', 384, 3, { pad: 1, groups: 2 }), conv('CONV5', 256, 3, { pad: 1, groups: 2 }),
    maxPool('POOL3', 3, 2), ...classifier(),
  ],
};

/** ZF Net as drawn in the paper's Figure 3 (7×7 stride-2 first layer, 384-384-256 filters after). */
const ZFNET: Architecture = {
  id: 'zfnet', name: 'ZF Net', year: 2013, input: [224, 224, 3], cite: 'zeiler2014visualizing',
  note: 'The network of the paper\'s Figure 3 on one GPU: 7×7 filters at stride 2 in CONV1, 5×5 at stride 2 in CONV2.',
  layers: [
    conv('CONV1', 96, 7, { stride: 2, pad: 1 }), maxPool('POOL1', 3, 2, 1), { kind: 'lrn', name: 'NORM1' },
    conv('CONV2', 256, 5, { stride: 2 }), maxPool('POOL2', 3, 2, 1), { kind: 'lrn', name: 'NORM2' },
    conv('CONV3', 384, 3, { pad: 1 }), conv('CONV4', 384, 3, { pad: 1 }), conv('CONV5', 256, 3, { pad: 1 }),
    maxPool('POOL3', 3, 2), ...classifier(),
  ],
};

/** VGG-16, configuration D: only 3×3 convolutions (stride 1, pad 1) and 2×2 max pooling. */
const VGG16_STAGES = [[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]];
const VGG16: Architecture = {
  id: 'vgg16', name: 'VGG-16', year: 2014, input: [224, 224, 3], cite: 'simonyan2015vgg',
  note: 'Configuration D of the paper: 13 convolutions 3×3, five 2×2 poolings, three fully connected layers.',
  layers: [
    ...VGG16_STAGES.flatMap((widths, s): Layer[] => [...widths.map((k, i) => conv(`CONV${s + 1}_${i + 1}`, k, 3, { pad: 1 })), maxPool(`POOL${s + 1}`, 2, 2)]),
    ...classifier(),
  ],
};

/** One Inception module: 1×1; 1×1 → 3×3; 1×1 → 5×5; 3×3 max pool → 1×1 (the paper's Table 1 columns). */
function inception(name: string, [c1, r3, c3, r5, c5, proj]: [number, number, number, number, number, number]): Layer {
  return {
    kind: 'concat', name: `inception ${name}`,
    branches: [
      [conv('1×1', c1, 1)],
      [conv('3×3 reduce', r3, 1), conv('3×3', c3, 3, { pad: 1 })],
      [conv('5×5 reduce', r5, 1), conv('5×5', c5, 5, { pad: 2 })],
      [maxPool('pool', 3, 1, 1), conv('pool proj', proj, 1)],
    ],
  };
}

const GOOGLENET: Architecture = {
  id: 'googlenet', name: 'GoogLeNet', year: 2014, input: [224, 224, 3], cite: 'szegedy2015going',
  note: 'Table 1 of the paper, without the auxiliary classifiers used only in training.',
  layers: [
    conv('conv1', 64, 7, { stride: 2, pad: 3 }), maxPool('pool1', 3, 2, 'same'), { kind: 'lrn', name: 'norm1' },
    conv('conv2 reduce', 64, 1), conv('conv2', 192, 3, { pad: 1 }), { kind: 'lrn', name: 'norm2' }, maxPool('pool2', 3, 2, 'same'),
    inception('3a', [64, 96, 128, 16, 32, 32]), inception('3b', [128, 128, 192, 32, 96, 64]), maxPool('pool3', 3, 2, 'same'),
    inception('4a', [192, 96, 208, 16, 48, 64]), inception('4b', [160, 112, 224, 24, 64, 64]), inception('4c', [128, 128, 256, 24, 64, 64]),
    inception('4d', [112, 144, 288, 32, 64, 64]), inception('4e', [256, 160, 320, 32, 128, 128]), maxPool('pool4', 3, 2, 'same'),
    inception('5a', [256, 160, 320, 32, 128, 128]), inception('5b', [384, 192, 384, 48, 128, 128]),
    { kind: 'pool', name: 'avg pool', op: 'avg', size: 'global' }, fc('linear', 1000, false),
  ],
};

/** A ResNet stage's block: basic (two 3×3) or bottleneck (1×1, 3×3, 1×1 ×4); stride in its first layer, as in the paper. */
function residualBlock(name: string, width: number, inputChannels: number, stride: number, bottleneck: boolean): Layer {
  const out = bottleneck ? 4 * width : width;
  const body = bottleneck
    ? [conv('1×1 reduce', width, 1, { stride, bn: true }), conv('3×3', width, 3, { pad: 1, bn: true }), conv('1×1 expand', out, 1, { bn: true, relu: false })]
    : [conv('3×3 a', width, 3, { stride, pad: 1, bn: true }), conv('3×3 b', width, 3, { pad: 1, bn: true, relu: false })];
  const project = stride !== 1 || inputChannels !== out;
  return { kind: 'residual', name, body, shortcut: project ? [conv('projection', out, 1, { stride, bn: true, relu: false })] : [] };
}

function resnet(depth: 18 | 34 | 50 | 152, blocks: [number, number, number, number]): Architecture {
  const bottleneck = depth >= 50;
  const layers: Layer[] = [conv('conv1', 64, 7, { stride: 2, pad: 3, bn: true }), maxPool('pool1', 3, 2, 1)];
  let channels = 64;
  blocks.forEach((count, stage) => {
    const width = 64 * 2 ** stage;
    for (let b = 0; b < count; b++) {
      layers.push(residualBlock(`conv${stage + 2}_${b + 1}`, width, channels, stage > 0 && b === 0 ? 2 : 1, bottleneck));
      channels = bottleneck ? 4 * width : width;
    }
  });
  layers.push({ kind: 'pool', name: 'avg pool', op: 'avg', size: 'global' }, fc('fc', 1000, false));
  return {
    id: `resnet${depth}`, name: `ResNet-${depth}`, year: 2015, input: [224, 224, 3], cite: 'he2016deep',
    note: `Table 1 of the paper: ${bottleneck ? 'bottleneck' : 'basic'} blocks ${blocks.join('-')}, batch norm after every convolution, projection shortcuts where the shape changes.`,
    layers,
  };
}

export const ARCHITECTURES = [ALEXNET, ZFNET, VGG16, GOOGLENET, resnet(18, [2, 2, 2, 2]), resnet(34, [3, 4, 6, 3]), resnet(50, [3, 4, 6, 3]), resnet(152, [3, 8, 36, 3])] as const;

export type ArchitectureId = 'alexnet' | 'zfnet' | 'vgg16' | 'googlenet' | 'resnet18' | 'resnet34' | 'resnet50' | 'resnet152';

export function architectureById(id: ArchitectureId): Architecture {
  const found = ARCHITECTURES.find((a) => a.id === id);
  if (!found) throw new Error(`unknown architecture ${id}`);
  return found;
}
