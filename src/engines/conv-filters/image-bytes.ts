/**
 * What an opened file is, read from its bytes before any decoder sees it: PNG, JPEG or WebP by
 * their signatures (not by the file name or the browser's guess), the image's size from its
 * header, and whether the file ends where its own structure says it should. A truncated file is
 * refused here with a reason, rather than decoded into half an image: PNG must reach its IEND
 * chunk, JPEG its end-of-image marker, WebP the length its RIFF header declares.
 */

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Decoding allocates 4 bytes per pixel: refuse absurd sizes before the decoder does. */
export const MAX_PIXELS = 50e6;

export type ImageFormat = 'png' | 'jpeg' | 'webp';

export type ImageInspection =
  | { ok: true; format: ImageFormat; width: number; height: number }
  | { ok: false; problem: 'not-an-image' | 'truncated' | 'corrupt' | 'too-many-pixels'; detail: string };

export const MIME_TYPES: Record<ImageFormat, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

export const FORMAT_NAMES: Record<ImageFormat, string> = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP' };

export function inspectImageBytes(bytes: Uint8Array): ImageInspection {
  const result = sniff(bytes);
  if (result.ok && result.width * result.height > MAX_PIXELS) {
    return { ok: false, problem: 'too-many-pixels', detail: `${result.width}×${result.height} pixels` };
  }
  return result;
}

function sniff(bytes: Uint8Array): ImageInspection {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return inspectPng(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return inspectJpeg(bytes);
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return inspectWebp(bytes);
  return { ok: false, problem: 'not-an-image', detail: guessKind(bytes) };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return at + length > bytes.length ? '' : String.fromCharCode(...bytes.subarray(at, at + length));
}

const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32le = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);

/** A few common things people open by mistake, named, so the message can say what it was. */
function guessKind(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'the file is empty';
  if (ascii(bytes, 0, 4) === 'GIF8') return 'it is a GIF image';
  if (ascii(bytes, 0, 2) === 'BM') return 'it is a BMP image';
  if (ascii(bytes, 0, 4) === '%PDF') return 'it is a PDF document';
  if (ascii(bytes, 4, 4) === 'ftyp') return 'it is an HEIC/AVIF image or a video';
  if (ascii(bytes, 0, 5) === '<?xml' || ascii(bytes, 0, 4) === '<svg') return 'it is an SVG or XML file';
  const head = bytes.subarray(0, 512);
  const printable = head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128);
  return printable ? 'it looks like a text file' : 'its first bytes are not those of any of them';
}

function inspectPng(bytes: Uint8Array): ImageInspection {
  let at = 8;
  let width = 0;
  let height = 0;
  let sawData = false;
  while (at + 8 <= bytes.length) {
    const length = u32be(bytes, at);
    const type = ascii(bytes, at + 4, 4);
    const end = at + 12 + length;
    if (end > bytes.length) return { ok: false, problem: 'truncated', detail: `its ${type} chunk runs past the end of the file` };
    if (at === 8) {
      if (type !== 'IHDR' || length < 8) return { ok: false, problem: 'corrupt', detail: 'it has no PNG header (IHDR) chunk' };
      width = u32be(bytes, at + 8);
      height = u32be(bytes, at + 12);
    }
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      if (!sawData) return { ok: false, problem: 'corrupt', detail: 'it has no image data (IDAT) chunk' };
      if (width === 0 || height === 0) return { ok: false, problem: 'corrupt', detail: 'its header gives a size of zero' };
      return { ok: true, format: 'png', width, height };
    }
    at = end;
  }
  return { ok: false, problem: 'truncated', detail: 'it ends before its IEND chunk' };
}

function inspectJpeg(bytes: Uint8Array): ImageInspection {
  let at = 2;
  let width = 0;
  let height = 0;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return { ok: false, problem: 'corrupt', detail: `a segment marker is missing at byte ${at}` };
    while (bytes[at] === 0xff) at++; // fill bytes
    if (at >= bytes.length) break;
    const marker = bytes[at++]!;
    if (marker === 0xd9) {
      if (width === 0 || height === 0) return { ok: false, problem: 'corrupt', detail: 'it has no frame header with the image size' };
      return { ok: true, format: 'jpeg', width, height };
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // markers without a length
    if (at + 2 > bytes.length) break;
    const length = u16be(bytes, at);
    if (length < 2) return { ok: false, problem: 'corrupt', detail: `a segment at byte ${at} has an impossible length` };
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && at + 7 <= bytes.length) {
      height = u16be(bytes, at + 3);
      width = u16be(bytes, at + 5);
    }
    at += length;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker: FF followed by neither 00 (a stuffed byte)
      // nor a restart marker D0-D7.
      while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && !(bytes[at + 1]! >= 0xd0 && bytes[at + 1]! <= 0xd7))) at++;
      if (at + 1 >= bytes.length) break;
    }
  }
  return { ok: false, problem: 'truncated', detail: 'it ends before its end-of-image marker' };
}

function inspectWebp(bytes: Uint8Array): ImageInspection {
  const declared = u32le(bytes, 4) + 8;
  if (bytes.length < declared) return { ok: false, problem: 'truncated', detail: `its header announces ${declared} bytes but the file has ${bytes.length}` };
  const chunk = ascii(bytes, 12, 4);
  let width = 0;
  let height = 0;
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    if (!(bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a)) return { ok: false, problem: 'corrupt', detail: 'its VP8 frame has no start code' };
    width = (bytes[26]! | (bytes[27]! << 8)) & 0x3fff;
    height = (bytes[28]! | (bytes[29]! << 8)) & 0x3fff;
  } else if (chunk === 'VP8L' && bytes.length >= 25) {
    if (bytes[20] !== 0x2f) return { ok: false, problem: 'corrupt', detail: 'its lossless stream has no signature' };
    const bits = u32le(bytes, 21);
    width = (bits & 0x3fff) + 1;
    height = ((bits >>> 14) & 0x3fff) + 1;
  } else if (chunk === 'VP8X' && bytes.length >= 30) {
    width = u24le(bytes, 24) + 1;
    height = u24le(bytes, 27) + 1;
  } else {
    return { ok: false, problem: 'corrupt', detail: `its first chunk is "${chunk}", not an image` };
  }
  if (width === 0 || height === 0) return { ok: false, problem: 'corrupt', detail: 'its header gives a size of zero' };
  return { ok: true, format: 'webp', width, height };
}

/** The size after downscaling so the longer side is at most `maxSide` (never upscaled). */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number; scale: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)), scale };
}

/** The sentence the reader sees for a file the demo will not open. */
export function describeRefusal(name: string, inspection: Exclude<ImageInspection, { ok: true }>, format?: ImageFormat): string {
  const what = format ? `a ${FORMAT_NAMES[format]} file` : 'this file';
  switch (inspection.problem) {
    case 'not-an-image':
      return `“${name}” was not opened: the demo accepts PNG, JPEG and WebP images, and ${inspection.detail}.`;
    case 'truncated':
      return `“${name}” was not opened: it is ${what} that is cut short (${inspection.detail}), perhaps an incomplete download.`;
    case 'corrupt':
      return `“${name}” was not opened: it is ${what} that is damaged (${inspection.detail}).`;
    case 'too-many-pixels':
      return `“${name}” was not opened: it is ${inspection.detail}, more than the ${MAX_PIXELS / 1e6} megapixels the demo decodes.`;
  }
}

export function describeTooLarge(name: string, bytes: number): string {
  return `“${name}” was not opened: it is ${(bytes / 1024 / 1024).toFixed(1)} MB, and the demo opens images up to ${MAX_FILE_BYTES / 1024 / 1024} MB.`;
}

export function formatOf(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  return undefined;
}
