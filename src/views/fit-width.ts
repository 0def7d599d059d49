/** The width to draw a figure at: its container's real width within [min, max], so text in an
 * SVG keeps its size (a scaled SVG shrinks its labels on phones). `fallback` is used before
 * layout (width 0); it defaults to max. */
export function fitWidth(container: HTMLElement, min: number, max: number, fallback = max): number {
  return Math.round(Math.min(max, Math.max(min, container.clientWidth || fallback)));
}
