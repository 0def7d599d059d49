/**
 * Wide formulas and tables scroll sideways on narrow screens. A scrollable region must be
 * reachable by keyboard (WCAG 2.1.1), so each one that actually overflows gets tabindex="0"
 * and a label; the others stay out of the tab order.
 */
const SELECTOR = '.sl-markdown-content .katex-display, .sl-markdown-content table';

function mark(): void {
  document.querySelectorAll<HTMLElement>(SELECTOR).forEach((region) => {
    const scrolls = region.scrollWidth > region.clientWidth || region.scrollHeight > region.clientHeight;
    if (scrolls) {
      region.tabIndex = 0;
      if (!region.hasAttribute('aria-label')) {
        const table = region.matches('table');
        // A plain span may not carry a label: the formula becomes a labelled group.
        if (!table) region.setAttribute('role', 'group');
        region.setAttribute('aria-label', table ? 'Table, scrolls sideways' : 'Formula, scrolls sideways');
      }
    } else if (region.getAttribute('tabindex') === '0') {
      region.removeAttribute('tabindex');
      region.removeAttribute('aria-label');
      if (!region.matches('table')) region.removeAttribute('role');
    }
  });
}

let pending = 0;
function markSoon(): void {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(mark);
}
mark();
window.addEventListener('resize', markSoon);
// KaTeX's fonts arrive after this script runs and change the formulas' widths.
document.fonts.addEventListener('loadingdone', markSoon);
void document.fonts.ready.then(markSoon);
