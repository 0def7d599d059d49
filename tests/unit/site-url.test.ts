import { describe, expect, test } from 'vitest';
import { DEFAULT_SITE, siteFromEnv } from '../../src/site/site-url.ts';

describe('the site URL from SITE', () => {
  test('unset or blank keeps the local server URL', () => {
    expect(siteFromEnv(undefined)).toBe(DEFAULT_SITE);
    expect(siteFromEnv('  ')).toBe('http://localhost:4321');
  });

  test('an origin is kept as it is, a trailing slash dropped', () => {
    expect(siteFromEnv('https://notes.example.org')).toBe('https://notes.example.org');
    expect(siteFromEnv('https://notes.example.org/')).toBe('https://notes.example.org');
    expect(siteFromEnv('http://192.168.1.5:8080')).toBe('http://192.168.1.5:8080');
  });

  test('a value that is not an origin stops with a message saying what to write', () => {
    expect(() => siteFromEnv('notes.example.org')).toThrow('SITE must be an absolute URL such as https://example.org, got "notes.example.org".');
    expect(() => siteFromEnv('ftp://example.org')).toThrow('SITE must start with https:// or http://');
    expect(() => siteFromEnv('https://example.org/cs231n/')).toThrow('put the sub-path "/cs231n/" in BASE_PATH instead');
  });
});
