/**
 * tfjs-core's Node platform file imports `node-fetch`, which `astro dev` does not pre-bundle
 * (stack.md). The browser never calls it: fetch is global there. Aliased in astro.config.mjs.
 */
export default function nodeFetchUnavailable(): never {
  throw new Error('node-fetch is not available in the browser; use the global fetch');
}
