#!/usr/bin/env node
// Writes the web app icons into public/icons/ from public/favicon.svg, drawn by headless Chromium:
// icon-192.png and icon-512.png (the logo as it is) and maskable-512.png (the logo inside the
// central safe zone on a full-bleed background, for launchers that crop icons to a shape).
// Usage: node scripts/make-icons.mjs
import { chromium } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const svg = await readFile('public/favicon.svg', 'utf8');
const background = /<rect[^>]*fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1] ?? '#3c45d6';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const page = await browser.newPage();
const icons = await page.evaluate(async ({ svg, background }) => {
  const image = new Image();
  image.src = `data:image/svg+xml;base64,${btoa(svg)}`;
  await image.decode();
  const draw = async (size, maskable) => {
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const g = canvas.getContext('2d');
    if (maskable) {
      g.fillStyle = background;
      g.fillRect(0, 0, size, size);
    }
    // The maskable safe zone is the central circle of 80% diameter: the logo fits in 70%.
    const inner = maskable ? size * 0.7 : size;
    g.drawImage(image, (size - inner) / 2, (size - inner) / 2, inner, inner);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  };
  return { 'icon-192.png': await draw(192, false), 'icon-512.png': await draw(512, false), 'maskable-512.png': await draw(512, true) };
}, { svg, background });
await browser.close();
for (const [name, bytes] of Object.entries(icons)) {
  await writeFile(`public/icons/${name}`, Buffer.from(bytes));
  console.log(`public/icons/${name}: ${bytes.length} bytes`);
}
