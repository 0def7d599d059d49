/** The char-RNN's corpus: what is kept of an MDX note, the rare characters, the held-out split, the real notes. */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildCorpus } from '../../src/data/corpus-build.ts';
import { dropCharacters, extractNotesText, rareCharacters, splitParagraphs } from '../../src/data/notes-corpus.ts';

const NOTE = `---
title: "A note"
unit:
  kind: lecture
---

import Demo from '../../../components/demos/Demo.astro';

Prose with $x^2$ and a citation [@key2015].

<Demo />

<details>
<summary>Answer</summary>
The answer is **42**.
</details>

\`\`\`python
import numpy as np
<not a tag in code>
\`\`\`
`;

describe('notes corpus', () => {
  test('keeps prose, math and code; drops front matter, imports, tags and citation keys', () => {
    expect(extractNotesText(NOTE)).toBe('Prose with $x^2$ and a citation.\n\nThe answer is **42**.\n\n```python\nimport numpy as np\n<not a tag in code>\n```');
  });

  test('rare characters are counted across notes and dropped', () => {
    const rare = rareCharacters(['aab', 'ac'], 2);
    expect([...rare].sort()).toEqual(['b', 'c']);
    expect(dropCharacters('abcab', rare)).toBe('aa');
  });

  test('every tenth paragraph is held out', () => {
    const paragraphs = Array.from({ length: 20 }, (_, i) => `p${i}`);
    const { train, valid } = splitParagraphs([paragraphs.slice(0, 7).join('\n\n'), paragraphs.slice(7).join('\n\n')]);
    expect(valid).toBe('p9\n\np19\n\n');
    expect(train.startsWith('p0\n\np1\n\n')).toBe(true);
    expect(train.includes('p9')).toBe(false);
  });

  test('the real notes give a corpus of over 100,000 characters with a held-out tenth', () => {
    const { manifest, bytes } = buildCorpus(fileURLToPath(new URL('../../content/docs/notes/', import.meta.url)));
    const text = new TextDecoder().decode(bytes);
    expect(manifest.trainChars + manifest.validChars).toBe(Array.from(text).length);
    expect(Array.from(new TextDecoder().decode(bytes.subarray(0, manifest.trainBytes))).length).toBe(manifest.trainChars);
    expect(manifest.trainChars).toBeGreaterThan(100_000);
    expect(manifest.validChars / (manifest.trainChars + manifest.validChars)).toBeGreaterThan(0.05);
    expect(manifest.chars.length).toBeLessThan(160);
    expect(text).toContain('long short-term memory');
    expect(text).not.toContain('import L10LSTMCell');
    expect(text).not.toContain('[@hochreiter1997lstm]');
  });
});

describe('text the reader pastes or opens', () => {
  test('clear messages for empty, binary, too long, one repeated character and too short', async () => {
    const { readerTextProblem, decodeFileText, splitReaderText, frequentChars, MAX_READER_CHARS } = await import('../../src/engines/char-rnn/reader-text.ts');
    expect(readerTextProblem('  \n ')).toMatch(/^The text is empty/);
    expect(readerTextProblem(decodeFileText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe, 65, 66])))).toMatch(/does not look like text/);
    expect(readerTextProblem('a'.repeat(MAX_READER_CHARS + 1))).toMatch(/at most 2,000,000/);
    expect(readerTextProblem('z'.repeat(5000))).toBe('The text is one character repeated ("z"): the next character is always the same, so there is nothing for a model to learn. Use real text.');
    expect(readerTextProblem('short text')).toMatch(/has 10 characters; at least 2,000/);
    expect(readerTextProblem('The quick brown fox. '.repeat(200))).toBeUndefined();
    expect(splitReaderText('0123456789')).toEqual({ train: '012345678', valid: '9' });
    expect(frequentChars('aaabbc', 2)).toEqual(['a', 'b']);
  });
});
