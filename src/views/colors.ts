/**
 * Series colours of the demos: Okabe-Ito, a palette that stays distinguishable with the common
 * colour-vision deficiencies, readable on light and dark backgrounds.
 */
export const SERIES_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#D55E00', '#0072B2', '#F0E442', '#999999'] as const;

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}

/**
 * One colour per digit class 0-9 (Tableau 10): ten hues that stay apart on light and dark
 * backgrounds, for maps coloured by label.
 */
export const DIGIT_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;

export function digitColor(label: number): string {
  return DIGIT_COLORS[label % DIGIT_COLORS.length]!;
}
