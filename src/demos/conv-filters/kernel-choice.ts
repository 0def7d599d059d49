/** The kernels the settings ask for: a classic kernel, the Gabor bank, or the reader's own. */
import { CLASSIC_KERNELS, customKernel, gaborBank, isClassicKernel, type KernelSet } from '../../engines/conv-filters/kernels.ts';
import type { Settings } from '../settings.ts';
import { CUSTOM_KEYS } from './spec.ts';

export function kernelSetFor(settings: Settings): KernelSet {
  const id = String(settings['kernel']);
  if (isClassicKernel(id)) return CLASSIC_KERNELS[id].set();
  if (id === 'gabor') {
    return gaborBank({
      orientation: Number(settings['orientation']),
      frequency: Number(settings['frequency']),
      sigma: Number(settings['sigma']),
      count: Number(settings['count']),
    });
  }
  const values = CUSTOM_KEYS.map((key) => Number(settings[key]) || 0);
  return { kernels: [customKernel(values, settings['customSize'] === '5' ? 5 : 3)], combine: 'none' };
}

/** "Sobel x and y, gradient magnitude", for summaries. */
export function kernelSetName(settings: Settings): string {
  const id = String(settings['kernel']);
  if (isClassicKernel(id)) return CLASSIC_KERNELS[id].label;
  if (id === 'gabor') return `a bank of ${settings['count']} Gabor filters (θ from ${settings['orientation']}°, f = ${settings['frequency']}, σ = ${settings['sigma']})`;
  return `your ${settings['customSize'] === '5' ? '5×5' : '3×3'} kernel`;
}
