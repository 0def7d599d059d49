/**
 * A canvas to draw a digit on, with a mouse, a finger or a pen (Pointer Events). Strokes are
 * white on a transparent canvas, so the ink is the alpha channel whatever the page's theme.
 * Lifecycle: created on a run's canvas; dispose() removes every listener.
 */
export type StrokePhase = 'start' | 'move' | 'end';

export interface DrawingPad {
  readonly width: number;
  readonly height: number;
  /** Ink intensities in [0, 1], width × height, row-major. */
  ink(): Float32Array;
  clear(): void;
  /** Shows a 28 × 28 digit, scaled up and smoothed; the reader may draw over it. */
  showDigit(pixels: Float32Array): void;
  setEnabled(enabled: boolean): void;
  dispose(): void;
}

export function createDrawingPad(canvas: HTMLCanvasElement, options: { lineWidth: number; onStroke: (phase: StrokePhase) => void }): DrawingPad {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('this browser cannot draw on a canvas');
  const { width, height } = canvas;
  let enabled = false;
  let last: [number, number] | undefined;
  const signal = new AbortController();

  const point = (event: PointerEvent): [number, number] => {
    const box = canvas.getBoundingClientRect();
    return [((event.clientX - box.left) / box.width) * width, ((event.clientY - box.top) / box.height) * height];
  };
  const stroke = (from: [number, number], to: [number, number]) => {
    context.strokeStyle = '#fff';
    context.fillStyle = '#fff';
    context.lineWidth = options.lineWidth;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    context.moveTo(...from);
    context.lineTo(...to);
    context.stroke();
  };
  const on = <K extends keyof HTMLElementEventMap>(type: K, handler: (event: HTMLElementEventMap[K]) => void) =>
    canvas.addEventListener(type, handler, { signal: signal.signal });

  on('pointerdown', (event) => {
    if (!enabled || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    last = point(event);
    stroke(last, last);
    options.onStroke('start');
  });
  on('pointermove', (event) => {
    if (!last) return;
    event.preventDefault();
    // Coalesced events keep fast strokes smooth where the browser batches pointer moves.
    for (const e of event.getCoalescedEvents?.() ?? [event]) {
      const next = point(e);
      stroke(last, next);
      last = next;
    }
    options.onStroke('move');
  });
  const end = () => {
    if (!last) return;
    last = undefined;
    options.onStroke('end');
  };
  on('pointerup', end);
  on('pointercancel', end);

  return {
    width,
    height,
    ink() {
      const data = context.getImageData(0, 0, width, height).data;
      const ink = new Float32Array(width * height);
      for (let i = 0; i < ink.length; i++) ink[i] = data[i * 4 + 3]! / 255;
      return ink;
    },
    clear() {
      context.clearRect(0, 0, width, height);
    },
    showDigit(pixels) {
      const small = document.createElement('canvas');
      small.width = 28;
      small.height = 28;
      const smallContext = small.getContext('2d');
      if (!smallContext) return;
      const image = smallContext.createImageData(28, 28);
      pixels.forEach((v, i) => image.data.set([255, 255, 255, Math.round(255 * v)], i * 4));
      smallContext.putImageData(image, 0, 0);
      context.clearRect(0, 0, width, height);
      context.imageSmoothingEnabled = true;
      context.drawImage(small, 0, 0, width, height);
    },
    setEnabled(value) {
      enabled = value;
      canvas.classList.toggle('is-enabled', value);
    },
    dispose() {
      signal.abort();
    },
  };
}
