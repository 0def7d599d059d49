/**
 * Wide formulas, tables and code blocks scroll sideways when they do not fit. A scrollable region
 * must be reachable by keyboard (WCAG 2.1.1), so each one that actually overflows gets tabindex="0"
 * and a label; the others stay out of the tab order.
 *
 * Whether a block overflows depends on the reader's fonts (a code block set in DejaVu Sans Mono is
 * wider than in Menlo) and on the window, so it is measured in the page, not decided at build time:
 * at once when this script runs (before the page's load event), again when a region's own size
 * changes (a window resize, a <details> opened) and when fonts arrive (KaTeX's, after first paint).
 */
const SELECTOR = [
  '.sl-markdown-content .katex-display',
  '.sl-markdown-content table',
  // Expressive Code's blocks; its own script marks them too, but only after a resize settles and
  // the browser is idle, and never after a font change: an audit right after load can miss it.
  '.expressive-code pre',
].join(', ');

function labelFor(region: HTMLElement): string {
  if (region.matches('table')) return 'Table, scrolls sideways';
  if (region.matches('pre')) return 'Code, scrolls sideways';
  return 'Formula, scrolls sideways';
}

/** As axe reads it: content larger than the box, on an axis the reader can scroll. */
function scrolls(region: HTMLElement): boolean {
  const style = getComputedStyle(region);
  const canScroll = (overflow: string) => overflow === 'auto' || overflow === 'scroll';
  return (canScroll(style.overflowX) && region.scrollWidth > region.clientWidth) || (canScroll(style.overflowY) && region.scrollHeight > region.clientHeight);
}

function mark(region: HTMLElement, scrollable: boolean): void {
  if (scrollable) {
    region.tabIndex = 0;
    if (!region.hasAttribute('aria-label')) {
      // A plain span or pre may not carry a label: it becomes a labelled group.
      if (!region.matches('table')) region.setAttribute('role', 'group');
      region.setAttribute('aria-label', labelFor(region));
    }
  } else if (region.getAttribute('tabindex') === '0') {
    region.removeAttribute('tabindex');
    region.removeAttribute('aria-label');
    if (!region.matches('table')) region.removeAttribute('role');
  }
}

/** Measures all, then writes all: one layout for the page, however many regions it has. */
function markEach(regions: HTMLElement[]): void {
  const scrollable = regions.map(scrolls);
  regions.forEach((region, i) => mark(region, scrollable[i]!));
}

function markAll(): void {
  markEach([...document.querySelectorAll<HTMLElement>(SELECTOR)]);
}

let pending = 0;
function markAllSoon(): void {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(markAll);
}

markAll();
const resized = new ResizeObserver((entries) => markEach(entries.map((entry) => entry.target as HTMLElement)));
document.querySelectorAll<HTMLElement>(SELECTOR).forEach((region) => resized.observe(region));
// A font that arrives changes a block's content width, not its box: the observer does not see it.
document.fonts.addEventListener('loadingdone', markAllSoon);
void document.fonts.ready.then(markAllSoon);
