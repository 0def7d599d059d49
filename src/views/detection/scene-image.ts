/** A scene's pixels (intensities in [0, 1], white ink on black as MNIST stores them) as a PNG data URL. */
export function sceneImage(pixels: ArrayLike<number>, size: number): string {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) return '';
  const image = context.createImageData(size, size);
  for (let p = 0; p < size * size; p++) {
    const v = Math.round(255 * Math.min(1, Math.max(0, pixels[p] ?? 0)));
    image.data.set([v, v, v, 255], p * 4);
  }
  context.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}
