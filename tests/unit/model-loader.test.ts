/**
 * The browser's loader of shipped models (model-loader.ts) on the repository's files, served by
 * a fetch that maps the site's URLs to public/: any base path, one load per model, a failed load
 * reported with the model and the file, and retried on the next request.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { crc32Hex } from '../../src/data/crc32.ts';
import { encodeParams } from '../../src/data/model-format.ts';
import { loadModel, loadPretrainedCnn } from '../../src/data/model-loader.ts';
import { SHIPPED_CNN, SHIPPED_GAN, SHIPPED_VAE } from '../../src/data/shipped-models.ts';

/** Serves public/ under `base`; paths in `missing` answer 404. Records every URL asked for. */
function serve(base: string, missing: Set<string> = new Set()) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    if (!url.startsWith(base) || missing.has(url)) return new Response('not found', { status: 404 });
    return new Response(readFileSync(join(resolve('public'), url.slice(base.length))));
  });
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loading a shipped model in the browser', () => {
  test('under a base path, each of the three models, checked, with its training log beside it', async () => {
    const base = '/a/base/';
    const asked = serve(base);
    const cnn = await loadPretrainedCnn('/a/base');
    expect(cnn.manifest.model).toBe('mnist-cnn');
    expect(cnn.logUrl).toBe('/a/base/models/mnist-cnn/training-log.txt');
    expect(Buffer.from(encodeParams(SHIPPED_CNN.parameters, cnn.weights.values)).equals(readFileSync('public/models/mnist-cnn/weights.bin'))).toBe(true);
    const gan = await loadModel(base, SHIPPED_GAN);
    const vae = await loadModel(base, SHIPPED_VAE);
    expect(crc32Hex(encodeParams(SHIPPED_GAN.parameters, gan.values))).toBe(gan.manifest.weights.crc32);
    expect(crc32Hex(encodeParams(SHIPPED_VAE.parameters, vae.values))).toBe(vae.manifest.weights.crc32);
    expect(asked).toEqual(['/a/base/models/mnist-cnn/model.json', '/a/base/models/mnist-cnn/weights.bin', '/a/base/models/dcgan-mnist/model.json', '/a/base/models/dcgan-mnist/weights.bin', '/a/base/models/vae-mnist/model.json', '/a/base/models/vae-mnist/weights.bin']);
    // Asked again: the same load, nothing fetched.
    expect(await loadModel(base, SHIPPED_GAN)).toBe(gan);
    expect(asked).toHaveLength(6);
  });

  test('a missing file is reported with the model and the file, and the next request tries again', async () => {
    const base = '/retry/';
    const missing = new Set(['/retry/models/vae-mnist/weights.bin']);
    const asked = serve(base, missing);
    await expect(loadModel(base, SHIPPED_VAE)).rejects.toThrow('Could not load the trained vae (weights.bin: HTTP 404).');
    missing.clear();
    const vae = await loadModel(base, SHIPPED_VAE);
    expect(vae.manifest.model).toBe('vae');
    expect(asked.filter((url) => url.endsWith('model.json'))).toHaveLength(2);
  });
});
