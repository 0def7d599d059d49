import { chromium } from '@playwright/test';
import { chromiumPath, chromiumArgs } from '/work/main/scripts/chromium.mjs';
const [,, url, id, steps = '0', out = '/tmp/shot'] = process.argv;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
for (const size of [{ name: 'desktop', width: 1280, height: 900 }, { name: 'phone', width: 390, height: 844 }]) {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: size, colorScheme, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(url);
    const demo = page.locator(`[data-demo="${id}"]`);
    await demo.scrollIntoViewIfNeeded();
    await page.waitForFunction((id) => ['paused', 'running', 'done'].includes(document.querySelector(`[data-demo="${id}"]`)?.dataset.status ?? ''), id, { timeout: 60000 });
    for (let i = 0; i < Number(steps); i++) await demo.getByRole('button', { name: 'Step' }).click();
    await page.waitForTimeout(300);
    await demo.locator('xpath=..').screenshot({ path: `${out}-${size.name}-${colorScheme}.png` });
    await context.close();
  }
}
await browser.close();
