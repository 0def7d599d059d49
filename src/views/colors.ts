/**
 * Series colours of the demos: Okabe-Ito, a palette that stays distinguishable with the common
 * colour-vision deficiencies, readable on light and dark backgrounds.
 */
export const SERIES_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#D55E00', '#0072B2', '#F0E442', '#999999'] as const;

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}
