/**
 * The deployed site's origin, from SITE at build time: canonical links, Open Graph URLs and the
 * sitemap are built from it (the sub-path comes from BASE_PATH, never from SITE).
 */
export const DEFAULT_SITE = 'http://localhost:4321';

export class SiteUrlError extends Error {
  override name = 'SiteUrlError';
}

/** "https://example.org" from SITE; the local server's URL when SITE is unset or empty. */
export function siteFromEnv(value: string | undefined): string {
  const text = (value ?? '').trim();
  if (!text) return DEFAULT_SITE;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SiteUrlError(`SITE must be an absolute URL such as https://example.org, got "${text}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SiteUrlError(`SITE must start with https:// or http://, got "${text}".`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new SiteUrlError(
      `SITE is the origin only (e.g. ${url.origin}); put the sub-path "${url.pathname}" in BASE_PATH instead, got "${text}".`,
    );
  }
  return url.origin;
}
