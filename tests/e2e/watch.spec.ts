/**
 * The watcher of fixtures.ts fails a test that does not ask for it: each test here provokes what
 * it must catch and is marked as expected to fail, so it passes only if the watcher failed it.
 */
import { expect, test } from './fixtures.ts';

test('a console error fails the test', async ({ page }) => {
  test.fail();
  await page.goto('about/');
  await page.evaluate(() => console.error('provoked by the test'));
});

test('a request to another origin is blocked and fails the test', async ({ page }) => {
  test.fail();
  await page.goto('about/');
  const reached = await page.evaluate(() => fetch('https://example.com/x.js').then(() => true, () => false));
  expect(reached).toBe(false);
});

test('a page the test opens itself is watched too', async ({ context }) => {
  test.fail();
  const other = await context.newPage();
  await other.goto('about/');
  await other.evaluate(() => {
    throw new Error('provoked by the test');
  }).catch(() => undefined);
  await other.evaluate(() => setTimeout(() => { throw new Error('uncaught, provoked by the test'); }));
  await other.waitForEvent('pageerror');
});
