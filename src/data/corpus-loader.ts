/**
 * Loads the notes corpus in the browser (written at build time by corpus-build.ts): the manifest,
 * then the gzip'd text, checked by size and CRC-32, split into its training and held-out parts.
 * One load per page, shared by every run.
 */
import { crc32Hex } from './crc32.ts';
import { gunzipIfNeeded } from './gunzip.ts';
import { CORPUS_ASSET_DIR, CORPUS_FORMAT_VERSION, type CorpusManifest } from './notes-corpus.ts';

export interface Corpus {
  train: string;
  valid: string;
  manifest: CorpusManifest;
}

let pending: Promise<Corpus> | undefined;

export function loadNotesCorpus(base: string): Promise<Corpus> {
  if (!pending) {
    pending = fetchCorpus(`${base.replace(/\/+$/, '')}/${CORPUS_ASSET_DIR}/`);
    pending.catch(() => { pending = undefined; });
  }
  return pending;
}

async function fetchCorpus(root: string): Promise<Corpus> {
  const manifestResponse = await fetch(`${root}manifest.json`);
  if (!manifestResponse.ok) throw new Error(`Could not load the notes corpus (manifest: HTTP ${manifestResponse.status}).`);
  const manifest = (await manifestResponse.json()) as CorpusManifest;
  if (manifest.version !== CORPUS_FORMAT_VERSION) throw new Error(`The notes corpus has format ${String(manifest.version)}, expected ${CORPUS_FORMAT_VERSION}.`);
  const response = await fetch(`${root}${manifest.file}`);
  if (!response.ok) throw new Error(`Could not load the notes corpus (HTTP ${response.status}).`);
  const bytes = await gunzipIfNeeded(new Uint8Array(await response.arrayBuffer()));
  if (crc32Hex(bytes) !== manifest.crc32) throw new Error('The notes corpus is damaged (its checksum does not match).');
  const decoder = new TextDecoder();
  return { train: decoder.decode(bytes.subarray(0, manifest.trainBytes)), valid: decoder.decode(bytes.subarray(manifest.trainBytes)), manifest };
}
