/** Settings of the GAN sampler demo (shell, element and URL hash share this declaration). */
import { defineSettings, type SettingsOf, type TextSpec } from '../settings.ts';

export const DEMO_ID = 'gan-sampler';
/** Samples in the grid, and grid columns. */
export const GRID_COUNT = 32;
export const GRID_COLUMNS = 8;
/** Latent dimensions that get a slider. */
export const SLIDER_DIMS = 6;
export const SLIDER_RANGE = 3;

const group = (label: string, help: string): TextSpec => ({
  kind: 'text',
  label,
  help,
  // Up to three sample numbers, comma-separated ("4,17,30"), or nothing.
  pattern: /^$|^\d{1,2}(,\d{1,2}){0,2}$/,
  maxLength: 8,
  default: '',
});

export const GAN_SAMPLER_SPEC = defineSettings({
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, help: 'draws the grid’s codes z ~ N(0, I)' },
  pick: {
    kind: 'choice',
    label: 'A click on a sample makes it',
    options: [
      { value: 'start', label: 'the start A of the path' },
      { value: 'end', label: 'the end B of the path' },
      { value: 'plus', label: 'one of X (added)' },
      { value: 'minus', label: 'one of Y (subtracted)' },
      { value: 'base', label: 'one of Z (added)' },
    ],
    default: 'start',
  },
  a: { kind: 'int', label: 'Start A (sample number)', min: 0, max: GRID_COUNT - 1, default: 0 },
  b: { kind: 'int', label: 'End B (sample number)', min: 0, max: GRID_COUNT - 1, default: 1 },
  steps: { kind: 'int', label: 'Steps on the path', min: 3, max: 12, default: 9, help: 't = 0, 1/(n−1), …, 1' },
  plus: group('X: samples added', 'up to 3 sample numbers, e.g. 4,17'),
  minus: group('Y: samples subtracted', 'mean(X) − mean(Y) + mean(Z)'),
  base: group('Z: samples added', 'up to 3 sample numbers'),
  nearest: { kind: 'bool', label: 'Show each sample’s nearest training digit', default: true },
});

export type GanSamplerSettings = SettingsOf<typeof GAN_SAMPLER_SPEC>;
/** The three groups of latent arithmetic: mean(X) − mean(Y) + mean(Z). */
export type GroupKey = 'plus' | 'minus' | 'base';

/** Sample numbers of a group setting ("4,17") in grid order, without repeats. */
export function parseGroup(text: string): number[] {
  if (text === '') return [];
  return [...new Set(text.split(',').map(Number))].filter((n) => Number.isInteger(n));
}

/** The members of a group that are in the grid (a link may name others: they are left out). */
export function groupMembers(text: string): number[] {
  return parseGroup(text).filter((i) => i < GRID_COUNT);
}

/** A group with `index` added, or removed if it was there; at most 3, the oldest dropped. */
export function toggleInGroup(text: string, index: number): string {
  const members = parseGroup(text);
  const next = members.includes(index) ? members.filter((m) => m !== index) : [...members, index].slice(-3);
  return next.join(',');
}
