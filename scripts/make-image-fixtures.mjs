#!/usr/bin/env node
// Writes the small image fixtures of the conv-filters tests into tests/fixtures/images/:
// a picture drawn on a canvas in headless Chromium, encoded as PNG, JPEG and WebP; the JPEG cut
// in half (a truncated download); and a text file named .png. Deterministic drawing, so a rerun
// gives equivalent files. Usage: node scripts/make-image-fixtures.mjs
import { chromium } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const dir = 'tests/fixtures/images';
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const page = await browser.newPage();
const encoded = await page.evaluate(async () => {
  const canvas = document.createElement('canvas');
  canvas.width = 96;
  canvas.height = 64;
  const g = canvas.getContext('2d');
  // A light background, a dark square, a bar at 45 degrees and a vertical stripe pattern:
  // edges in every direction for the kernels to find.
  g.fillStyle = '#e8e8e8';
  g.fillRect(0, 0, 96, 64);
  g.fillStyle = '#202020';
  g.fillRect(8, 8, 24, 24);
  g.save();
  g.translate(48, 40);
  g.rotate(-Math.PI / 4);
  g.fillRect(-20, -3, 40, 6);
  g.restore();
  for (let x = 66; x < 92; x += 6) g.fillRect(x, 6, 3, 52);
  const blob = (type, quality) => new Promise((resolve) => canvas.toBlob(resolve, type, quality));
  const bytes = async (b) => Array.from(new Uint8Array(await b.arrayBuffer()));
  return { png: await bytes(await blob('image/png')), jpeg: await bytes(await blob('image/jpeg', 0.9)), webp: await bytes(await blob('image/webp', 0.9)) };
});
await browser.close();
const png = Buffer.from(encoded.png);
const jpeg = Buffer.from(encoded.jpeg);
const webp = Buffer.from(encoded.webp);
await writeFile(`${dir}/shapes.png`, png);
await writeFile(`${dir}/shapes.jpg`, jpeg);
await writeFile(`${dir}/shapes.webp`, webp);
await writeFile(`${dir}/truncated.jpg`, jpeg.subarray(0, Math.floor(jpeg.length / 2)));
await writeFile(`${dir}/not-an-image.png`, 'These are notes about convolution, saved with the wrong extension.\n');
console.log(`wrote ${dir}: shapes.png (${png.length} B), shapes.jpg (${jpeg.length} B), shapes.webp (${webp.length} B), truncated.jpg, not-an-image.png`);
