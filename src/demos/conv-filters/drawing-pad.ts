/**
 * A canvas the reader draws on with a mouse, a finger or a pen (pointer events; a pen's pressure
 * widens the stroke). White ink on black, like the MNIST digits. The drawing survives a rebuilt
 * run (a backend change) through snapshot() and restore().
 */
import type { GrayImage } from '../../engines/conv-filters/apply-kernels.ts';

export const PAD_SIZE = 112;
const STROKE = 9;

export interface DrawingPad {
  image(): GrayImage;
  clear(): void;
  snapshot(): ImageData;
  restore(pixels: ImageData): void;
  dispose(): void;
}

export function createDrawingPad(canvas: HTMLCanvasElement, onChange: () => void): DrawingPad {
  canvas.width = PAD_SIZE;
  canvas.height = PAD_SIZE;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('this browser cannot draw to a canvas');
  const clear = () => {
    context.fillStyle = '#000';
    context.fillRect(0, 0, PAD_SIZE, PAD_SIZE);
  };
  clear();
  context.strokeStyle = '#fff';
  context.fillStyle = '#fff';
  context.lineCap = 'round';
  context.lineJoin = 'round';

  let last: { x: number; y: number } | undefined;
  /** The pointer drawing now; other pointers (a second finger) are ignored. */
  let active: number | undefined;
  const at = (event: PointerEvent) => {
    const rect = canvas.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) * PAD_SIZE) / rect.width, y: ((event.clientY - rect.top) * PAD_SIZE) / rect.height };
  };
  const width = (event: PointerEvent) => (event.pointerType === 'pen' && event.pressure > 0 ? STROKE * (0.5 + event.pressure) : STROKE);
  const segment = (event: PointerEvent) => {
    const point = at(event);
    context.lineWidth = width(event);
    context.beginPath();
    context.moveTo(last?.x ?? point.x, last?.y ?? point.y);
    context.lineTo(point.x, point.y);
    context.stroke();
    last = point;
  };
  const down = (event: PointerEvent) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    active = event.pointerId;
    try {
      canvas.setPointerCapture(event.pointerId);
    } catch {
      // A pointer the browser does not track (a synthetic event) simply draws without capture.
    }
    last = undefined;
    segment(event);
    onChange();
  };
  const move = (event: PointerEvent) => {
    if (event.pointerId !== active) return;
    const events = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
    for (const e of events.length > 0 ? events : [event]) segment(e);
    onChange();
  };
  const up = (event: PointerEvent) => {
    if (event.pointerId !== active) return;
    if (canvas.hasPointerCapture(event.pointerId)) canvas.releasePointerCapture(event.pointerId);
    active = undefined;
    last = undefined;
  };
  canvas.addEventListener('pointerdown', down);
  canvas.addEventListener('pointermove', move);
  canvas.addEventListener('pointerup', up);
  canvas.addEventListener('pointercancel', up);

  return {
    image() {
      const { data } = context.getImageData(0, 0, PAD_SIZE, PAD_SIZE);
      return { width: PAD_SIZE, height: PAD_SIZE, pixels: Float32Array.from({ length: PAD_SIZE * PAD_SIZE }, (_, n) => data[4 * n]! / 255) };
    },
    clear() {
      clear();
      context.fillStyle = '#fff';
      onChange();
    },
    snapshot: () => context.getImageData(0, 0, PAD_SIZE, PAD_SIZE),
    restore: (pixels) => context.putImageData(pixels, 0, 0),
    dispose() {
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointercancel', up);
    },
  };
}
