/**
 * Every block that scrolls (code, formulas, tables) is reachable by keyboard, whatever fonts the
 * reader has and whatever the window's width. The fonts are forced here, wider and narrower than
 * any machine's monospace, so the result cannot depend on the machine that runs the test.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const CODE_PAGE = 'notes/lecture-07-training-neural-networks-2/';
const FORMULA_PAGE = 'notes/lecture-04-introduction-to-neural-networks/';

/** Serves `path` with `css` in its head, so the page lays out with it from the first paint. */
async function withStyle(page: Page, path: string, css: string): Promise<void> {
  await page.route(`**/${path}`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('</head>', `<style>${css}</style></head>`);
    await route.fulfill({ response, body });
  });
}

interface Region {
  what: string;
  reachable: boolean;
  label: string | null;
}

/** Every element of the page's content that the reader can scroll, found by its layout, not by a list. */
function scrollableRegions(page: Page): Promise<Region[]> {
  return page.locator('main').evaluate((main) => {
    const canScroll = (overflow: string) => overflow === 'auto' || overflow === 'scroll';
    const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
    return [...main.querySelectorAll<HTMLElement>('*')]
      .filter((element) => {
        const style = getComputedStyle(element);
        return (canScroll(style.overflowX) && element.scrollWidth > element.clientWidth) || (canScroll(style.overflowY) && element.scrollHeight > element.clientHeight);
      })
      .map((element) => ({
        what: `${element.localName}.${[...element.classList].join('.')}`,
        reachable: element.tabIndex >= 0 || element.querySelector(focusable) !== null,
        label: element.getAttribute('aria-label'),
      }));
  });
}

async function expectAllReachable(page: Page): Promise<Region[]> {
  let regions: Region[] = [];
  // The marks follow layout (load, resize, fonts): wait until they have caught up.
  await expect.poll(async () => {
    regions = await scrollableRegions(page);
    return regions.filter((r) => !r.reachable).map((r) => r.what);
  }).toEqual([]);
  const axe = await new AxeBuilder({ page }).include('main').withRules(['scrollable-region-focusable']).analyze();
  expect(axe.violations.map((v) => v.nodes.map((n) => n.target.join(' ')).join(' | '))).toEqual([]);
  return regions;
}

test('code blocks that overflow with a wide monospace font are reachable by keyboard and labelled', async ({ page }) => {
  await withStyle(page, CODE_PAGE, '.expressive-code pre code { letter-spacing: 0.6em; }');
  await page.goto(CODE_PAGE);
  // Marked by the time the page has loaded (an audit may run then), not some idle moment later.
  const code = (await scrollableRegions(page)).filter((r) => r.what.startsWith('pre'));
  expect(code.length).toBeGreaterThanOrEqual(3);
  expect(code.filter((r) => !r.reachable)).toEqual([]);
  for (const block of code) expect(block.label).toBe('Code, scrolls sideways');
  await expectAllReachable(page);
});

test('code blocks that fit with a narrow font stay out of the tab order', async ({ page }) => {
  await withStyle(page, CODE_PAGE, '.expressive-code pre code { font-size: 4px; }');
  await page.goto(CODE_PAGE);
  await expectAllReachable(page);
  await expect(page.locator('main .expressive-code pre')).not.toHaveCount(0);
  await expect(page.locator('main .expressive-code pre[tabindex]')).toHaveCount(0);
});

test('formulas that start to overflow when the window narrows become reachable', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(FORMULA_PAGE);
  const wide = await expectAllReachable(page);
  await page.setViewportSize({ width: 390, height: 800 });
  const narrow = await expectAllReachable(page);
  const formulas = narrow.filter((r) => r.what.includes('katex-display'));
  expect(formulas.length).toBeGreaterThan(wide.filter((r) => r.what.includes('katex-display')).length);
  for (const formula of formulas) expect(formula.label).toBe('Formula, scrolls sideways');
});
