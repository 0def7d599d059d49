/**
 * Lets the reader draw on a scene figure with a pointer (mouse, pen or finger): each move inks a
 * segment into the scene's pixels (stroke-raster.ts); `onDraw` gets the pixels while drawing
 * (for the picture) and `onStroke` once a stroke ends (for the detector, which is slower).
 */
import { stampSegment, toScene, type Point } from './stroke-raster.ts';

export interface SceneDrawingOptions {
  size: number;
  /** The pixels to draw into: the scene shown when the reader starts a stroke (a copy is made). */
  start: () => Float32Array;
  onDraw: (pixels: Float32Array) => void;
  onStroke: (pixels: Float32Array) => void;
}

export function attachSceneDrawing(target: SVGSVGElement, options: SceneDrawingOptions): () => void {
  let pixels: Float32Array | undefined;
  let last: Point | undefined;
  const at = (event: PointerEvent): Point => {
    const rect = target.getBoundingClientRect();
    return toScene(event.clientX - rect.left, event.clientY - rect.top, rect.width, options.size);
  };
  const down = (event: PointerEvent) => {
    event.preventDefault();
    target.setPointerCapture(event.pointerId);
    pixels = Float32Array.from(options.start());
    last = at(event);
    stampSegment(pixels, options.size, last, last);
    options.onDraw(pixels);
  };
  const move = (event: PointerEvent) => {
    if (!pixels || !last) return;
    const next = at(event);
    stampSegment(pixels, options.size, last, next);
    last = next;
    options.onDraw(pixels);
  };
  const up = () => {
    if (!pixels) return;
    const done = pixels;
    pixels = undefined;
    last = undefined;
    options.onStroke(done);
  };
  target.style.touchAction = 'none';
  target.style.cursor = 'crosshair';
  target.addEventListener('pointerdown', down);
  target.addEventListener('pointermove', move);
  target.addEventListener('pointerup', up);
  target.addEventListener('pointercancel', up);
  return () => {
    target.removeEventListener('pointerdown', down);
    target.removeEventListener('pointermove', move);
    target.removeEventListener('pointerup', up);
    target.removeEventListener('pointercancel', up);
  };
}
