#!/usr/bin/env node
// Takes screenshots of key pages at desktop and phone width, light and dark, into screenshots/.
// Usage: node scripts/screenshots.mjs [baseURL] [page paths...]   (serve the site first: npm run serve)
import { chromium } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { chromiumPath, chromiumArgs } from './chromium.mjs';

const baseURL = process.argv[2] ?? 'http://localhost:4321/';
const paths = process.argv.length > 3 ? process.argv.slice(3) : [
  '', 'notes/lecture-02-image-classification/', 'references/', 'references/he2016deep/',
];
const sizes = [{ name: 'desktop', width: 1280, height: 900 }, { name: 'phone', width: 390, height: 844 }];
const schemes = ['light', 'dark'];

await mkdir('screenshots', { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
for (const size of sizes) {
  for (const colorScheme of schemes) {
    const context = await browser.newContext({ viewport: size, colorScheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(new URL(path, baseURL).href, { waitUntil: 'networkidle' });
      const name = (path.replace(/\/$/, '').replace(/[^a-z0-9]+/gi, '-') || 'home');
      await page.screenshot({ path: `screenshots/${name}-${size.name}-${colorScheme}.png`, fullPage: process.env.FULL === '1' });
    }
    await context.close();
  }
}
await browser.close();
console.log('screenshots written to screenshots/');
