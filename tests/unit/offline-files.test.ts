import { describe, expect, test } from 'vitest';
import { devServiceWorker, REMOVING_WORKER } from '../../src/offline/dev-service-worker.ts';
import { parseOfflineIndex } from '../../src/offline/offline-files.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';

describe('the offline index', () => {
  test('a well-formed index is read as it is', () => {
    const index = { version: 1, caches: { code: 'cs231n-code', data: 'cs231n-data-0123456789' }, files: [{ url: 'data/mnist/images.bin', bytes: 10, cache: 'data' }] };
    expect(parseOfflineIndex(index)).toEqual(index);
  });

  test('a malformed one is refused with a message', () => {
    expect(() => parseOfflineIndex(null)).toThrow('not in the expected form');
    expect(() => parseOfflineIndex({ version: 1, caches: { code: 'c' }, files: [] })).toThrow('names no caches');
    expect(() => parseOfflineIndex({ version: 1, caches: { code: 'c', data: 'd' }, files: [{ url: 'x', bytes: -1, cache: 'data' }] })).toThrow('malformed entry: {"url":"x","bytes":-1,"cache":"data"}');
  });
});

describe('the dev server', () => {
  function request(base: string, url: string): { body: string; status: number; passed: boolean } {
    const result = { body: '', status: 0, passed: false };
    const response = {
      writeHead: (status: number) => { result.status = status; return response; },
      end: (body: string) => { result.body = body; },
    } as unknown as ServerResponse;
    devServiceWorker(base)({ url } as IncomingMessage, response, () => { result.passed = true; });
    return result;
  }

  test('answers the service worker URL with a worker that removes itself and the site\'s caches', () => {
    expect(request('/cs231n/', '/cs231n/sw.js?v=2')).toEqual({ body: REMOVING_WORKER, status: 200, passed: false });
    expect(REMOVING_WORKER).toContain('self.registration.unregister()');
    expect(REMOVING_WORKER).toContain("key.startsWith('workbox-')");
  });

  test('leaves every other request to the dev server', () => {
    expect(request('/', '/notes/sw.js').passed).toBe(true);
    expect(request('/cs231n/', '/sw.js').passed).toBe(true);
  });
});
