/** The kernels the settings ask for: a classic kernel, the Gabor bank, or the reader's own. */
import { CLASSIC_KERNELS, customKernel, gaborBank, isClassicKernel, type KernelSet } from '../../engines/conv-filters/kernels.ts';
import { CUSTOM_KEYS, type ConvFiltersSettings } from './spec.ts';

export function kernelSetFor(settings: ConvFiltersSettings): KernelSet {
  const { kernel, orientation, frequency, sigma, count } = settings;
  if (isClassicKernel(kernel)) return CLASSIC_KERNELS[kernel].set();
  if (kernel === 'gabor') return gaborBank({ orientation, frequency, sigma, count });
  return { kernels: [customKernel(customValues(settings), settings.customSize === '5' ? 5 : 3)], combine: 'none' };
}

/** The 25 weights of the reader's editor, k0..k24 (the spec declares each one, so each is set). */
export function customValues(settings: ConvFiltersSettings): number[] {
  return CUSTOM_KEYS.map((key) => {
    const value = settings[key];
    if (value === undefined) throw new Error(`the filters settings have no ${key}`);
    return value;
  });
}

/** "Sobel x and y, gradient magnitude", for summaries. */
export function kernelSetName(settings: ConvFiltersSettings): string {
  const { kernel } = settings;
  if (isClassicKernel(kernel)) return CLASSIC_KERNELS[kernel].label;
  if (kernel === 'gabor') return `a bank of ${settings.count} Gabor filters (θ from ${settings.orientation}°, f = ${settings.frequency}, σ = ${settings.sigma})`;
  return `your ${settings.customSize === '5' ? '5×5' : '3×3'} kernel`;
}
