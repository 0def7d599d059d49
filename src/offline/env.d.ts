interface ImportMetaEnv {
  /** Set by offline-integration.ts: whether this build has the service worker (benchmark builds do not). */
  readonly OFFLINE_SITE: boolean;
}
