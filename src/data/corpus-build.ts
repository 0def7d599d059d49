/**
 * Writes the notes corpus (notes-corpus.ts) into public/data/corpus/ at build time (see
 * corpus-integration.ts): manifest.json and notes.bin (gzip of the text). Generated, not
 * committed; rewritten whenever the notes change (the manifest records the sources' CRC-32).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { crc32Hex } from './crc32.ts';
import { CORPUS_FORMAT_VERSION, dropCharacters, extractNotesText, rareCharacters, splitParagraphs, type CorpusManifest } from './notes-corpus.ts';

const encoder = new TextEncoder();

/** The corpus of the notes in `notesDir`, in file-name order. */
export function buildCorpus(notesDir: string): { manifest: CorpusManifest; bytes: Uint8Array; sources: string } {
  const files = readdirSync(notesDir).filter((f) => f.endsWith('.mdx')).sort();
  const sources = files.map((f) => readFileSync(join(notesDir, f), 'utf8'));
  const texts = sources.map(extractNotesText);
  const rare = rareCharacters(texts);
  const { train, valid } = splitParagraphs(texts.map((t) => dropCharacters(t, rare)));
  const bytes = encoder.encode(train + valid);
  const chars = [...new Set(Array.from(train + valid))].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
  const manifest: CorpusManifest = {
    version: CORPUS_FORMAT_VERSION,
    source: `the prose, math and code of ${files.length} notes (content/docs/notes/*.mdx), sources CRC-32 ${crc32Hex(encoder.encode(sources.join('\u0000')))}`,
    file: 'notes.bin',
    trainBytes: encoder.encode(train).length,
    trainChars: Array.from(train).length,
    validChars: Array.from(valid).length,
    chars,
    crc32: crc32Hex(bytes),
  };
  return { manifest, bytes, sources: manifest.source };
}

/** Writes the assets unless the same notes already produced them. */
export function ensureCorpusAssets(notesDir: string, outDir: string): { manifest: CorpusManifest; written: boolean } {
  const { manifest, bytes } = buildCorpus(notesDir);
  const manifestPath = join(outDir, 'manifest.json');
  if (existsSync(manifestPath) && existsSync(join(outDir, manifest.file))) {
    const old = JSON.parse(readFileSync(manifestPath, 'utf8')) as CorpusManifest;
    if (old.version === manifest.version && old.crc32 === manifest.crc32 && old.source === manifest.source) return { manifest, written: false };
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, manifest.file), gzipSync(bytes, { level: 9 }));
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, written: true };
}
