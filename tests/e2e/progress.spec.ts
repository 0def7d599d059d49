/** Study progress: ticks persist in localStorage, show on the home page, export, import and reset. */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';

const LECTURE_2 = 'notes/lecture-02-image-classification/';

test('ticks persist, add up on the home page, and survive export, reset and import', async ({ page }, testInfo) => {
  await page.goto(LECTURE_2);
  const checklist = page.locator('study-checklist');
  await expect(checklist.getByRole('checkbox', { name: /Lecture 2 slides/ })).toBeEnabled();
  await checklist.getByRole('checkbox', { name: /Lecture 2 slides/ }).check();
  await checklist.getByRole('checkbox', { name: /Image classification notes/ }).check();
  await expect(checklist.locator('[data-status]')).toHaveText(/^2 of 5 done\./);

  await page.reload();
  await expect(checklist.getByRole('checkbox', { name: /Lecture 2 slides/ })).toBeChecked();
  await expect(checklist.getByRole('checkbox', { name: /Lecture 2 video/ })).not.toBeChecked();

  await page.goto('');
  const row = page.locator('li[data-unit="lecture-2"]');
  await expect(row.locator('[data-count]')).toHaveText('2 of 5');
  await expect(row.locator('progress')).toHaveJSProperty('value', 2);
  await expect(page.locator('[data-total]')).toHaveText(/^2 of 52 study items done \(4%\)/);

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress (JSON)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^cs231n-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = testInfo.outputPath('progress.json');
  await download.saveAs(exported);
  const data = JSON.parse(readFileSync(exported, 'utf8')) as { format: string; done: Record<string, string> };
  expect(data.format).toBe('cs231n-notes-progress');
  expect(Object.keys(data.done).sort()).toEqual(['lecture-2/image-classification-notes', 'lecture-2/slides']);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await expect(row.locator('[data-count]')).toHaveText('0 of 5');

  await page.locator('input[data-action="import"]').setInputFiles(exported);
  await expect(page.locator('[data-message]')).toHaveText(/Imported "progress.json": 2 new item\(s\) ticked/);
  await expect(row.locator('[data-count]')).toHaveText('2 of 5');
});

test('a wrong file is refused with a message and loses nothing', async ({ page }, testInfo) => {
  await page.goto(LECTURE_2);
  await page.locator('study-checklist').getByRole('checkbox', { name: /Lecture 2 video/ }).check();
  await page.goto('');
  const bad = testInfo.outputPath('notes.json');
  writeFileSync(bad, '{"hello": "world"}');
  await page.locator('input[data-action="import"]').setInputFiles(bad);
  await expect(page.locator('[data-message]')).toHaveText(
    /^Could not import "notes.json": This JSON is not a progress file of this site .* Your progress is unchanged\.$/,
  );
  await expect(page.locator('li[data-unit="lecture-2"] [data-count]')).toHaveText('1 of 5');
});

test('ticks in one tab show up in another', async ({ page, context }) => {
  await page.goto('');
  const other = await context.newPage();
  await other.goto(LECTURE_2);
  await other.locator('study-checklist').getByRole('checkbox', { name: /Linear classification notes/ }).check();
  await expect(page.locator('li[data-unit="lecture-2"] [data-count]')).toHaveText('1 of 5');
  await other.close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the checklist still reads as a list', async ({ page }) => {
    await page.goto(LECTURE_2);
    const items = page.locator('.study-checklist li');
    await expect(items).toHaveCount(5);
    await expect(items.first()).toContainText('Lecture 2 slides');
    await expect(items.first()).toContainText('The data-driven approach · K-nearest neighbor · Linear classification I');
    await expect(page.locator('.study-checklist input').first()).toBeDisabled();
  });
});
