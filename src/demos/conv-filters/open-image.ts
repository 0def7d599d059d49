/**
 * Opens an image the reader picked: refuses files over 20 MB before reading them, checks the
 * bytes (image-bytes.ts: PNG, JPEG or WebP, complete, a sane size), decodes with the browser
 * downscaled to at most 512 px on the longer side, and converts to grayscale (transparent parts
 * over white). Every failure comes back as a sentence for the reader, never as an exception.
 */
import type { GrayImage } from '../../engines/conv-filters/apply-kernels.ts';
import { FORMAT_NAMES, MAX_FILE_BYTES, MIME_TYPES, describeRefusal, describeTooLarge, fitWithin, formatOf, inspectImageBytes } from '../../engines/conv-filters/image-bytes.ts';

export const MAX_SIDE = 512;

export type OpenedImage = { ok: true; image: GrayImage; name: string; note: string } | { ok: false; message: string };

export async function openImageFile(file: File): Promise<OpenedImage> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: describeTooLarge(file.name, file.size) };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, message: `“${file.name}” could not be read from the disk.` };
  }
  const inspection = inspectImageBytes(bytes);
  if (!inspection.ok) return { ok: false, message: describeRefusal(file.name, inspection, formatOf(bytes)) };
  const size = fitWithin(inspection.width, inspection.height, MAX_SIDE);
  let bitmap: ImageBitmap;
  try {
    const blob = new Blob([bytes as BlobPart], { type: MIME_TYPES[inspection.format] });
    bitmap = await createImageBitmap(blob, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' });
  } catch {
    return { ok: false, message: describeRefusal(file.name, { ok: false, problem: 'corrupt', detail: 'the browser could not decode it' }, inspection.format) };
  }
  try {
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return { ok: false, message: 'This browser cannot draw to a canvas, so it cannot open images here.' };
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const pixels = new Float32Array(canvas.width * canvas.height);
    for (let n = 0; n < pixels.length; n++) {
      const alpha = data[4 * n + 3]! / 255;
      const luma = (0.299 * data[4 * n]! + 0.587 * data[4 * n + 1]! + 0.114 * data[4 * n + 2]!) / 255;
      pixels[n] = luma * alpha + (1 - alpha);
    }
    const resized = size.scale < 1 ? `, downscaled to ${canvas.width}×${canvas.height}` : '';
    return {
      ok: true,
      image: { width: canvas.width, height: canvas.height, pixels },
      name: file.name,
      note: `Opened “${file.name}” (${FORMAT_NAMES[inspection.format]}, ${inspection.width}×${inspection.height}${resized}) as grayscale.`,
    };
  } finally {
    bitmap.close();
  }
}
