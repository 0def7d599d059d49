/**
 * Pen strokes onto a scene's pixel grid (plain TypeScript, unit-tested): a segment of the pen's
 * path inks every pixel whose centre lies within `radius` of it, with a one-pixel soft edge, and
 * ink only ever adds (the brighter of old and new), like a pen on paper.
 */
export interface Point {
  x: number;
  y: number;
}

/** Pen radius in scene pixels: strokes about 3 pixels wide, as thick as an MNIST digit's at 28 pixels. */
export const PEN_RADIUS = 1.5;

/** Distance from (px, py) to the segment a–b. */
function distanceToSegment(px: number, py: number, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / length2));
  return Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy));
}

/** Inks the segment a–b (scene pixel coordinates, continuous) into `pixels` (size × size, in [0, 1]). */
export function stampSegment(pixels: Float32Array, size: number, a: Point, b: Point, radius = PEN_RADIUS): void {
  const reach = radius + 1;
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - reach));
  const x1 = Math.min(size - 1, Math.ceil(Math.max(a.x, b.x) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - reach));
  const y1 = Math.min(size - 1, Math.ceil(Math.max(a.y, b.y) + reach));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const ink = Math.min(1, Math.max(0, radius + 0.5 - distanceToSegment(x + 0.5, y + 0.5, a, b)));
      const p = y * size + x;
      if (ink > pixels[p]!) pixels[p] = ink;
    }
  }
}

/** A pointer position in the figure (CSS pixels from its top-left, figure `width` wide) in scene pixels. */
export const toScene = (offsetX: number, offsetY: number, width: number, size: number): Point => ({ x: (offsetX * size) / width, y: (offsetY * size) / width });
