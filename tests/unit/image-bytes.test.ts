/**
 * Opening images from disk: PNG, JPEG and WebP recognised by their bytes, their size read from
 * the header, and every other file, a truncated one, a damaged one or a huge one refused with a
 * reason. Fixtures: tests/fixtures/images (made by scripts/make-image-fixtures.mjs).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MAX_FILE_BYTES, describeRefusal, describeTooLarge, fitWithin, formatOf, inspectImageBytes } from '../../src/engines/conv-filters/image-bytes.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/images/${name}`));

describe('inspectImageBytes', () => {
  test.each([
    ['shapes.png', 'png'],
    ['shapes.jpg', 'jpeg'],
    ['shapes.webp', 'webp'],
  ])('%s is a %s image of 96×64', (name, format) => {
    expect(inspectImageBytes(fixture(name))).toEqual({ ok: true, format, width: 96, height: 64 });
  });

  test('a text file named .png is refused as not an image, and said to be text', () => {
    const result = inspectImageBytes(fixture('not-an-image.png'));
    expect(result).toEqual({ ok: false, problem: 'not-an-image', detail: 'it looks like a text file' });
  });

  test('the truncated JPEG fixture is refused as truncated', () => {
    expect(inspectImageBytes(fixture('truncated.jpg'))).toMatchObject({ ok: false, problem: 'truncated' });
  });

  test.each(['shapes.png', 'shapes.jpg', 'shapes.webp'])('%s cut short anywhere is refused', (name) => {
    const bytes = fixture(name);
    for (let length = 0; length < bytes.length; length++) {
      const result = inspectImageBytes(bytes.subarray(0, length));
      expect(result.ok, `${name} cut to ${length} bytes`).toBe(false);
    }
  });

  test('files of other kinds are named', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(inspectImageBytes(new Uint8Array())).toMatchObject({ problem: 'not-an-image', detail: 'the file is empty' });
    expect(inspectImageBytes(text('GIF89a\x01\x00\x01\x00'))).toMatchObject({ problem: 'not-an-image', detail: 'it is a GIF image' });
    expect(inspectImageBytes(text('%PDF-1.7\n'))).toMatchObject({ problem: 'not-an-image', detail: 'it is a PDF document' });
    expect(inspectImageBytes(Uint8Array.from([0, 1, 2, 3, 200, 4, 5]))).toMatchObject({ problem: 'not-an-image', detail: 'its first bytes are not those of any of them' });
  });

  test('a PNG whose chunks are damaged is refused as damaged', () => {
    const bytes = fixture('shapes.png').slice();
    bytes.set(new TextEncoder().encode('ABCD'), 12); // IHDR renamed
    expect(inspectImageBytes(bytes)).toMatchObject({ ok: false, problem: 'corrupt' });
  });

  test('a PNG announcing 20000×20000 pixels is refused before decoding', () => {
    const bytes = fixture('shapes.png').slice();
    const view = new DataView(bytes.buffer);
    view.setUint32(16, 20000);
    view.setUint32(20, 20000);
    expect(inspectImageBytes(bytes)).toEqual({ ok: false, problem: 'too-many-pixels', detail: '20000×20000 pixels' });
  });
});

describe('messages and sizes', () => {
  test('each refusal says what the file is and why it was not opened', () => {
    const text = inspectImageBytes(fixture('not-an-image.png'));
    if (text.ok) throw new Error('expected a refusal');
    expect(describeRefusal('notes.png', text)).toBe('“notes.png” was not opened: the demo accepts PNG, JPEG and WebP images, and it looks like a text file.');
    const cut = inspectImageBytes(fixture('truncated.jpg'));
    if (cut.ok) throw new Error('expected a refusal');
    expect(describeRefusal('photo.jpg', cut, formatOf(fixture('truncated.jpg')))).toBe('“photo.jpg” was not opened: it is a JPEG file that is cut short (it ends before its end-of-image marker), perhaps an incomplete download.');
    expect(describeTooLarge('huge.png', 21 * 1024 * 1024)).toBe('“huge.png” was not opened: it is 21.0 MB, and the demo opens images up to 20 MB.');
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
  });

  test('images are downscaled to at most 512 px on the longer side, never upscaled', () => {
    expect(fitWithin(1024, 768, 512)).toEqual({ width: 512, height: 384, scale: 0.5 });
    expect(fitWithin(768, 1024, 512)).toEqual({ width: 384, height: 512, scale: 0.5 });
    expect(fitWithin(96, 64, 512)).toEqual({ width: 96, height: 64, scale: 1 });
    expect(fitWithin(5000, 10, 512)).toMatchObject({ width: 512, height: 1 });
  });
});
