/** Settings of the architecture explorer (shell, element and URL hash share this declaration). */
import { ARCHITECTURES } from '../../engines/architectures/zoo.ts';
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'architecture-explorer';

const NETWORKS = [
  { value: 'alexnet', label: 'AlexNet (2012)' },
  { value: 'zfnet', label: 'ZF Net (2013)' },
  { value: 'vgg16', label: 'VGG-16 (2014)' },
  { value: 'googlenet', label: 'GoogLeNet (2014)' },
  { value: 'resnet18', label: 'ResNet-18 (2015)' },
  { value: 'resnet34', label: 'ResNet-34 (2015)' },
  { value: 'resnet50', label: 'ResNet-50 (2015)' },
  { value: 'resnet152', label: 'ResNet-152 (2015)' },
] as const;

// The options above list every spec of the zoo, in its order.
if (NETWORKS.map((n) => n.value).join() !== ARCHITECTURES.map((a) => a.id).join()) throw new Error('architecture-explorer: the network choices and the zoo differ');

export const ARCHITECTURE_EXPLORER_SPEC = defineSettings({
  network: { kind: 'choice', label: 'Network', options: NETWORKS, default: 'alexnet', restarts: true },
  compare: { kind: 'choice', label: 'Compare with', options: [{ value: 'none', label: 'nothing' }, ...NETWORKS], default: 'vgg16', restarts: true },
  input: { kind: 'int', label: 'Input side (pixels)', min: 0, max: 512, default: 0, restarts: true, help: '0: the paper\'s (227 for AlexNet, 224 for the others). H\' = ⌊(H − F + 2P)/S⌋ + 1 in every layer.' },
  metric: {
    kind: 'choice',
    label: 'Bars show',
    options: [
      { value: 'macs', label: 'Multiply-adds: H\'·W\'·K·F·F·C' },
      { value: 'params', label: 'Parameters: F·F·C·K + K' },
      { value: 'activations', label: 'Activations: H\'·W\'·K' },
    ],
    default: 'macs',
  },
  sort: {
    kind: 'choice',
    label: 'Sort the table by',
    options: [
      { value: 'layer', label: 'Layer order' },
      { value: 'params', label: 'Parameters' },
      { value: 'macs', label: 'Multiply-adds' },
      { value: 'activations', label: 'Activations' },
    ],
    default: 'layer',
  },
  heavy: { kind: 'bool', label: 'Allow timing VGG-16', default: false, help: 'Its forward pass needs 553 MB of weights and 15.5 G multiply-adds.' },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, help: 'The random weights and image of "Time it here".' },
});
