/**
 * The character vocabulary of a corpus: every distinct character, sorted by code point so the same
 * text always gives the same indices (weights saved from one run read back in another).
 */
export interface Vocab {
  chars: string[];
  index: Map<string, number>;
}

export function buildVocab(text: string): Vocab {
  const chars = [...new Set(Array.from(text))].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  return { chars, index: new Map(chars.map((c, i) => [c, i])) };
}

export function vocabOf(chars: readonly string[]): Vocab {
  return { chars: [...chars], index: new Map(chars.map((c, i) => [c, i])) };
}

/** The text as vocabulary indices; characters outside the vocabulary are left out (and counted). */
export function encodeText(text: string, vocab: Vocab): { ids: Int32Array; skipped: number } {
  const ids: number[] = [];
  let skipped = 0;
  for (const c of text) {
    const i = vocab.index.get(c);
    if (i === undefined) skipped += 1;
    else ids.push(i);
  }
  return { ids: Int32Array.from(ids), skipped };
}

export function decodeIds(ids: ArrayLike<number>, vocab: Vocab): string {
  let out = '';
  for (let k = 0; k < ids.length; k++) out += vocab.chars[ids[k]!] ?? '';
  return out;
}
