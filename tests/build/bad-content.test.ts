/**
 * Broken content must stop the real build with a message naming the file or key. Each case
 * copies the project to a temporary folder (node_modules hard-linked), breaks one thing with a
 * fixture from tests/fixtures/, runs `astro build` and checks the exit code and the message.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = resolve('.');
const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'test-results', 'playwright-report', 'screenshots']);
let copy = '';
let pristineBib = '';

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'cs231n-bad-content-'));
  cpSync(ROOT, copy, { recursive: true, filter: (src) => !SKIP.has(src.slice(ROOT.length + 1).split('/')[0] ?? '') && !/^dist-/.test(src.slice(ROOT.length + 1)) });
  // Hard links, not a symlink: Vite resolves real paths and a symlinked node_modules breaks the build.
  execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(copy, 'node_modules')]);
  pristineBib = readFileSync(join(copy, 'content/references.bib'), 'utf8');
}, 300_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

function build(): { status: number | null; output: string } {
  const result = spawnSync('npx', ['astro', 'build'], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function withBrokenBib(fixture: string, run: () => void): void {
  appendFileSync(join(copy, 'content/references.bib'), `\n${readFileSync(`tests/fixtures/bib/${fixture}`, 'utf8')}`);
  try {
    run();
  } finally {
    writeFileSync(join(copy, 'content/references.bib'), pristineBib);
  }
}

function withPage(fixture: string, run: () => void): void {
  const target = join(copy, 'content/docs/notes', `zz-${fixture}`);
  copyFileSync(`tests/fixtures/pages/${fixture}`, target);
  try {
    run();
  } finally {
    rmSync(target);
  }
}

describe('a broken bibliography stops the build', () => {
  test.each([
    ['duplicate-key.bib', /references\.bib:\d+ \(entry "same-key"\): duplicate key: already defined at line \d+/],
    ['unclosed-entry.bib', /references\.bib:\d+: @misc entry never closes: unbalanced braces/],
    ['missing-comma.bib', /references\.bib:\d+ \(entry "broken-field"\): expected "," after the value of "author"/],
    ['missing-title.bib', /references\.bib:\d+ \(entry "untitled-entry"\): missing "title"/],
    ['missing-year.bib', /references\.bib:\d+ \(entry "undated-entry"\): missing "year"/],
  ])('%s', (fixture, message) => {
    withBrokenBib(fixture, () => {
      const { status, output } = build();
      expect(status).not.toBe(0);
      expect(output).toMatch(message);
    });
  }, 240_000);
});

describe('a broken page stops the build', () => {
  test('a citation of an unknown key names the file and line', () => {
    withPage('unknown-citation.mdx', () => {
      const { status, output } = build();
      expect(status).not.toBe(0);
      expect(output).toContain('Unknown citation key "@no-such-paper2099"');
      expect(output).toMatch(/zz-unknown-citation\.mdx:5/);
    });
  }, 240_000);

  test('a reading-list key that does not exist names the file and field', () => {
    withPage('unknown-reading-key.mdx', () => {
      const { status, output } = build();
      expect(status).not.toBe(0);
      expect(output).toContain('notes/zz-unknown-reading-key data does not match collection schema');
      expect(output).toContain('unit.readingList.1: unknown bibliography key "no-such-reading-key"');
    });
  }, 240_000);

  test('frontmatter that fails the schema names the file and fields', () => {
    withPage('bad-frontmatter.mdx', () => {
      const { status, output } = build();
      expect(status).not.toBe(0);
      expect(output).toContain('notes/zz-bad-frontmatter data does not match collection schema');
      expect(output).toMatch(/unit\.kind: .*'seminar'/);
      expect(output).toContain('unit.topics: Array must contain at least 1 element(s)');
    });
  }, 240_000);
});
