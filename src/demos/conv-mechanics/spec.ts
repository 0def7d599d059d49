/**
 * Settings of the convolution-mechanics demo (shell, element and URL hash share this declaration).
 * The defaults are the layer of the CS231n notes' own demo: a 5×5×3 input, two 3×3 filters,
 * stride 2, padding 1. The ranges reach AlexNet's first layer (227×227×3, 96 filters of 11×11,
 * stride 4). No setting restarts the run: the run rebuilds its layer in place, so a refused or
 * clamped value keeps its message on screen.
 */
import { defineSettings, type SettingsOf } from '../settings.ts';

export const DEMO_ID = 'conv-mechanics';

export const CONV_MECHANICS_SPEC = defineSettings({
  mode: {
    kind: 'choice',
    label: 'Layer',
    options: [
      { value: 'conv', label: 'Convolution' },
      { value: 'max', label: 'Max pooling' },
      { value: 'avg', label: 'Average pooling' },
    ],
    default: 'conv',
  },
  width: { kind: 'int', label: 'Input width W', min: 1, max: 227, default: 5 },
  height: { kind: 'int', label: 'Input height H', min: 1, max: 227, default: 5 },
  depth: { kind: 'int', label: 'Input depth D', min: 1, max: 8, default: 3, help: 'Each filter spans the full depth.' },
  filters: { kind: 'int', label: 'Filters K', min: 1, max: 96, default: 2, help: 'Output depth; (F·F·D + 1)·K parameters.' },
  size: { kind: 'int', label: 'Filter size F', min: 1, max: 11, default: 3 },
  stride: { kind: 'int', label: 'Stride S', min: 1, max: 8, default: 2 },
  pad: { kind: 'int', label: 'Padding P', min: 0, max: 10, default: 1, help: 'Zeros added on each side.' },
  dilation: { kind: 'int', label: 'Dilation d', min: 1, max: 6, default: 1, help: 'Taps d apart: F_eff = d(F − 1) + 1.' },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, help: 'The random inputs and filters.' },
  speed: { kind: 'int', label: 'Positions per second', min: 1, max: 60, default: 2, help: 'How fast the window slides when playing.' },
});

export type ConvMechanicsSettings = SettingsOf<typeof CONV_MECHANICS_SPEC>;
