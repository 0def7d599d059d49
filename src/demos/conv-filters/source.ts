/**
 * The image the kernels are applied to: an MNIST digit, the reader's drawing or a file they
 * opened. The opened file and the drawing are kept by the element (KeptInput), so a rebuilt run
 * (a backend change) still has them.
 */
import type { MnistData } from '../../data/mnist-format.ts';
import type { GrayImage } from '../../engines/conv-filters/apply-kernels.ts';
import type { ConvFiltersSettings } from './spec.ts';

export interface Source {
  image: GrayImage;
  /** "MNIST digit #3 (a 1)", "your drawing", "“cat.png”". */
  label: string;
}

export interface OpenedFile {
  image: GrayImage;
  name: string;
}

/** What outlives a run, held by the element. */
export interface KeptInput {
  file?: OpenedFile;
  drawing?: ImageData;
}

/** MNIST digit `digit` (clamped to the digits shipped) with pixels in [0, 1]. */
export function digitSource(mnist: MnistData, digit: number): Source {
  const index = Math.min(mnist.manifest.count - 1, Math.max(0, digit));
  const pixels = Float32Array.from(mnist.images.subarray(index * 784, (index + 1) * 784), (v) => v / 255);
  return { image: { width: 28, height: 28, pixels }, label: `MNIST digit #${index} (a ${mnist.labels[index]})` };
}

/** The source the settings ask for; the digit while no file has been opened. */
export function chooseSource(settings: ConvFiltersSettings, o: { mnist: MnistData; drawing: () => GrayImage; file: OpenedFile | undefined }): Source {
  if (settings.source === 'drawing') return { image: o.drawing(), label: 'your drawing' };
  if (settings.source === 'file' && o.file) return { image: o.file.image, label: `“${o.file.name}”` };
  return digitSource(o.mnist, settings.digit);
}

/** The line under the file button (not the message line, which the element rewrites on start). */
export function fileStatusText(source: ConvFiltersSettings['source'], file: OpenedFile | undefined): string {
  if (file) return `Opened: “${file.name}”, ${file.image.width}×${file.image.height}.`;
  if (source === 'file') return 'To use an image from your disk, open one with “Open an image…” (PNG, JPEG or WebP, up to 20 MB). Meanwhile the digit is shown.';
  return '';
}
