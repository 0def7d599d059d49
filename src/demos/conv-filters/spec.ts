/**
 * Settings of the filters-on-images demo (shell, element and URL hash share this declaration).
 * The reader's kernel is 25 numbers, k0..k24, a 5×5 grid whose centre 3×3 is used at size 3, so
 * it round-trips through the URL like every other setting. An opened file cannot be in a URL: a
 * link with source=file asks the reader to open one.
 */
import { CLASSIC_KERNELS } from '../../engines/conv-filters/kernels.ts';
import { defineSettings, type NumberSpec, type SettingsOf, type SettingsSpec } from '../settings.ts';

export const DEMO_ID = 'conv-filters';

/** The editor starts as an emboss kernel in its centre 3×3. */
export const DEFAULT_CUSTOM = [
  0, 0, 0, 0, 0,
  0, -2, -1, 0, 0,
  0, -1, 1, 1, 0,
  0, 0, 1, 2, 0,
  0, 0, 0, 0, 0,
];

/** A weight of the reader's kernel: k0..k24, row by row. */
export type CustomKey = `k${number}`;
export const CUSTOM_KEYS = DEFAULT_CUSTOM.map((_, n): CustomKey => `k${n}`);

const weight = (n: number): NumberSpec => ({
  kind: 'number',
  label: `Your kernel, row ${Math.floor(n / 5) + 1}, column ${(n % 5) + 1}`,
  min: -100,
  max: 100,
  step: 0.01,
  default: DEFAULT_CUSTOM[n]!,
});

/** The settings `spec` and the 25 weights of the reader's kernel, each typed as a number. */
function withCustomWeights<S extends SettingsSpec>(spec: S): S & Record<CustomKey, NumberSpec> {
  const weights: Record<CustomKey, NumberSpec> = {};
  CUSTOM_KEYS.forEach((key, n) => (weights[key] = weight(n)));
  return { ...spec, ...weights };
}

export const CONV_FILTERS_SPEC = withCustomWeights(defineSettings({
  source: {
    kind: 'choice',
    label: 'Image',
    options: [
      { value: 'digit', label: 'An MNIST digit' },
      { value: 'drawing', label: 'Your drawing' },
      { value: 'file', label: 'An image from your disk' },
    ],
    default: 'digit',
  },
  digit: { kind: 'int', label: 'Digit number', min: 0, max: 9999, default: 0, help: 'One of the 10,000 MNIST digits the site ships.' },
  kernel: {
    kind: 'choice',
    label: 'Kernel',
    options: [
      ...Object.entries(CLASSIC_KERNELS).map(([value, k]) => ({ value, label: k.label })),
      { value: 'gabor', label: 'Gabor filter bank' },
      { value: 'custom', label: 'Your kernel (edit below)' },
    ],
    default: 'sobel',
  },
  relu: { kind: 'bool', label: 'Apply ReLU, max(0, x)', default: false, help: 'As a CONV layer followed by a RELU layer would.' },
  orientation: { kind: 'int', label: 'Gabor orientation θ (degrees)', min: 0, max: 179, default: 0, help: 'Stripes the first filter prefers: 0° horizontal, 90° vertical.' },
  count: { kind: 'int', label: 'Gabor orientations', min: 1, max: 8, default: 4, help: 'Filters in the bank, spaced 180°/n apart.' },
  frequency: { kind: 'number', label: 'Gabor frequency f (cycles/pixel)', min: 0.05, max: 0.5, step: 0.01, default: 0.2, help: 'Stripes 1/f pixels apart.' },
  sigma: { kind: 'number', label: 'Gabor envelope σ (pixels)', min: 1, max: 4, step: 0.1, default: 2, help: 'Kernel size 2⌈2.5σ⌉ + 1.' },
  customSize: {
    kind: 'choice',
    label: 'Size of your kernel',
    options: [
      { value: '3', label: '3×3' },
      { value: '5', label: '5×5' },
    ],
    default: '3',
  },
}));

export type ConvFiltersSettings = SettingsOf<typeof CONV_FILTERS_SPEC>;
