/**
 * The names of the spaces the t-SNE demo measures distances in. A module of its own, without
 * imports: the demo's settings (loaded with every page that shows the demo) need the names only.
 */
export const FEATURE_SPACES = ['pixels', 'pca50', 'cnn'] as const;
export type FeatureSpace = (typeof FEATURE_SPACES)[number];

export function isFeatureSpace(value: unknown): value is FeatureSpace {
  return typeof value === 'string' && (FEATURE_SPACES as readonly string[]).includes(value);
}
