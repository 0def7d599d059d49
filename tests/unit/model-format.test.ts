/**
 * The one shipped-model format (model-format.ts, shipped-models.ts): the three shipped models
 * read back; a manifest or weights file that is not what the code expects is refused with a
 * message that names the model and what is wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { crc32Hex } from '../../src/data/crc32.ts';
import { decodeWeights, encodeModel, encodeParams, MODEL_FORMAT, parseManifest, type ModelManifest, type ShippedModel } from '../../src/data/model-format.ts';
import { loadModelNode, modelDirNode } from '../../src/data/model-node.ts';
import { SHIPPED_CNN, SHIPPED_GAN, SHIPPED_VAE } from '../../src/data/shipped-models.ts';
import { sizeOf } from '../../src/engines/params.ts';

/** The manifest as JSON gives it (a fresh copy to damage) and the weights file's bytes. */
function files(kind: ShippedModel<ModelManifest>) {
  const dir = modelDirNode(kind);
  return { json: JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as Record<string, unknown> & ModelManifest, bytes: new Uint8Array(readFileSync(join(dir, 'weights.bin'))) };
}

describe('the shipped models', () => {
  test.each([SHIPPED_CNN, SHIPPED_GAN, SHIPPED_VAE])('$model reads back: every parameter, size and checksum as listed', (kind) => {
    const { manifest, values, bytes } = loadModelNode(kind);
    expect(manifest.format).toBe(MODEL_FORMAT);
    expect(manifest.model).toBe(kind.model);
    expect(manifest.weights.bytes).toBe(bytes.length);
    expect(crc32Hex(bytes)).toBe(manifest.weights.crc32);
    expect(Object.keys(values)).toEqual(kind.parameters.map((p) => p.name));
    for (const p of kind.parameters) expect(values[p.name]!.length).toBe(sizeOf(p.shape));
    // The first and the last value of the file, where the parameter list says they are.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const first = kind.parameters[0]!.name;
    const last = kind.parameters.at(-1)!.name;
    expect(values[first]![0]).toBe(view.getFloat32(0, true));
    expect(values[last]!.at(-1)).toBe(view.getFloat32(bytes.length - 4, true));
  });
});

describe('the writer of the training pages', () => {
  test.each([SHIPPED_CNN, SHIPPED_GAN, SHIPPED_VAE])('writes $model\'s files back byte for byte from its values and records', (kind) => {
    const { manifest, values, bytes } = loadModelNode(kind);
    const { format: _f, model: _m, parameters: _p, weights: _w, ...records } = manifest;
    const written = encodeModel(kind, values, records);
    expect(Buffer.from(written.bytes).equals(Buffer.from(bytes))).toBe(true);
    // As scripts/train-cnn.mjs and train-generative.mjs write model.json.
    expect(`${JSON.stringify(written.manifest, null, 2)}\n`).toBe(readFileSync(join(modelDirNode(kind), 'model.json'), 'utf8'));
  });
});

describe('the reader refuses, saying what is wrong', () => {
  test('a manifest of another model', () => {
    const gan = files(SHIPPED_GAN).json;
    expect(() => parseManifest(gan, SHIPPED_VAE)).toThrow('The model manifest describes "dcgan-generator", expected "vae".');
    expect(() => parseManifest(files(SHIPPED_CNN).json, SHIPPED_GAN)).toThrow('describes "mnist-cnn", expected "dcgan-generator"');
  });

  test('a parameter list other than the code\'s: another shape, a missing or an extra parameter', () => {
    const cnn = files(SHIPPED_CNN).json;
    const otherShape = structuredClone(cnn);
    otherShape.parameters[4]!.shape = [784, 32];
    expect(() => parseManifest(otherShape, SHIPPED_CNN)).toThrow('The mnist-cnn manifest lists parameters that do not match the mnist-cnn in this code: parameter 5 is fc1.w [784×32], expected fc1.w [784×64].');
    const missing = structuredClone(cnn);
    missing.parameters.pop();
    expect(() => parseManifest(missing, SHIPPED_CNN)).toThrow('parameter 8 is nothing, expected fc2.b [10]');
    const extra = structuredClone(files(SHIPPED_VAE).json);
    extra.parameters.push({ name: 'out2.b', shape: [784] });
    expect(() => parseManifest(extra, SHIPPED_VAE)).toThrow('parameter 15 is out2.b [784], expected nothing');
    const renamed = structuredClone(files(SHIPPED_GAN).json);
    renamed.parameters[0]!.name = 'fc.w';
    expect(() => parseManifest(renamed, SHIPPED_GAN)).toThrow('parameter 1 is fc.w [32×3136], expected dense.w [32×3136]');
  });

  test('a truncated or longer weights file, and a manifest whose size does not fit its parameters', () => {
    const { json, bytes } = files(SHIPPED_CNN);
    const manifest = parseManifest(json, SHIPPED_CNN);
    expect(() => decodeWeights(manifest, bytes.subarray(0, 1000))).toThrow('The mnist-cnn weights file has 1000 bytes, expected 217256. It is damaged or incomplete.');
    expect(() => decodeWeights(manifest, bytes.subarray(0, bytes.length - 4))).toThrow('has 217252 bytes, expected 217256');
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    expect(() => decodeWeights(manifest, longer)).toThrow('has 217260 bytes, expected 217256');
    expect(() => parseManifest({ ...json, weights: { ...json.weights, bytes: 1000 } }, SHIPPED_CNN)).toThrow('gives its weights 1000 bytes, but its parameters take 217256');
  });

  test('a weights file whose CRC-32 is not the manifest\'s', () => {
    const { json, bytes } = files(SHIPPED_VAE);
    const manifest = parseManifest(json, SHIPPED_VAE);
    const damaged = bytes.slice();
    damaged[12345] = damaged[12345]! ^ 0x01;
    expect(crc32Hex(damaged)).not.toBe(manifest.weights.crc32);
    expect(() => decodeWeights(manifest, damaged)).toThrow(`The vae weights file's checksum ${crc32Hex(damaged)} does not match ${manifest.weights.crc32}. It is damaged.`);
    expect(() => parseManifest({ ...json, weights: { ...json.weights, crc32: 'CAAB86A3' } }, SHIPPED_VAE)).toThrow('does not describe its weights file');
  });

  test('another format, or no JSON object', () => {
    const { json } = files(SHIPPED_GAN);
    expect(() => parseManifest({ ...json, format: 1 }, SHIPPED_GAN)).toThrow('The dcgan-generator manifest has format 1, expected 2.');
    expect(() => parseManifest('weights', SHIPPED_GAN)).toThrow('The dcgan-generator manifest is not a JSON object.');
    expect(() => parseManifest([json], SHIPPED_GAN)).toThrow('not a JSON object');
  });

  test('the ConvNet\'s records: its architecture and a test accuracy that is correct / count', () => {
    const cnn = files(SHIPPED_CNN).json;
    expect(() => parseManifest({ ...cnn, architecture: { ...(cnn['architecture'] as object), hidden: 32 } }, SHIPPED_CNN)).toThrow('The mnist-cnn manifest describes the architecture {"filterSize":5,"conv1Filters":8,"conv2Filters":16,"hidden":32}');
    const test = cnn['test'] as { correct: number };
    expect(() => parseManifest({ ...cnn, test: { ...test, correct: test.correct - 1 } }, SHIPPED_CNN)).toThrow('has no consistent test record');
    const { augment: _, ...training } = cnn.training;
    expect(() => parseManifest({ ...cnn, training }, SHIPPED_CNN)).toThrow('has an incomplete training record');
  });

  test('a generative model\'s quality record that names its judge without the judge\'s weights', () => {
    const gan = files(SHIPPED_GAN).json;
    const quality = structuredClone(gan['quality']) as { classifier: Record<string, unknown> };
    // The record as it was before: the judge named by its accuracy, which two different weights files shared.
    quality.classifier['classifier'] = "site's MNIST ConvNet (models/mnist-cnn, 98.55% on 2000 held-out digits)";
    delete quality.classifier['weights'];
    expect(() => parseManifest({ ...gan, quality }, SHIPPED_GAN)).toThrow('The dcgan-generator manifest does not say which weights judged its samples (quality.classifier.weights: model and crc32).');
    expect(() => parseManifest({ ...gan, quality: undefined }, SHIPPED_GAN)).toThrow('has no sample-quality record');
  });
});

describe('the writer, on a toy model', () => {
  const toy: ShippedModel<ModelManifest & { note: string }> = {
    model: 'toy',
    dir: 'toy',
    parameters: [{ name: 'w', shape: [2, 3] }, { name: 'b', shape: [3] }],
    recordProblem: (m) => (typeof m.note === 'string' ? undefined : 'has no note'),
  };
  const values = { w: Float32Array.from([1, -2, 3.5, 0, 1e-7, -1e6]), b: Float32Array.from([0.25, 0.5, 0.75]) };

  test('writes what the reader reads back exactly, with the size and checksum of the bytes', () => {
    const { manifest, bytes } = encodeModel(toy, values, { training: { seed: 1 }, note: 'x' });
    expect(manifest).toMatchObject({ format: MODEL_FORMAT, model: 'toy', weights: { file: 'weights.bin', bytes: 36, crc32: crc32Hex(bytes) }, note: 'x' });
    const back = decodeWeights(parseManifest(JSON.parse(JSON.stringify(manifest)), toy), bytes);
    expect(Array.from(back['w']!)).toEqual(Array.from(values.w));
    expect(Array.from(back['b']!)).toEqual(Array.from(values.b));
  });

  test('refuses to write what a reader would refuse: missing values, missing records', () => {
    expect(() => encodeParams(toy.parameters, { w: values.w })).toThrow('b: expected 3 values, got 0.');
    expect(() => encodeModel(toy, { ...values, b: new Float32Array(2) }, { training: {}, note: 'x' })).toThrow('b: expected 3 values, got 2.');
    // @ts-expect-error: the record the model needs is missing, as a caller without types could do.
    expect(() => encodeModel(toy, values, { training: {} })).toThrow('The toy manifest has no note.');
  });
});
