/**
 * The t-SNE demo's settings: one declaration for the shell (build time), the element (run time)
 * and the URL hash. The learning rate has a preset per N (max(200, N/12): the classic 200, and
 * N / exaggeration for large N, Belkina et al. 2019), applied when the reader changes N.
 */
import { FEATURE_SPACES, type FeatureSpace } from '../../engines/tsne/feature-spaces.ts';
import { defineSettings, type SettingsOf } from '../settings.ts';

export const DEMO_ID = 'tsne';
export const DIGIT_COUNTS = [500, 1000, 2000, 5000, 10000] as const;
/** A digit count as the setting holds it (a choice's value is text). */
export type DigitCount = `${(typeof DIGIT_COUNTS)[number]}`;
export const DEFAULT_N = 2000;

export const FEATURE_LABELS: Record<FeatureSpace, string> = {
  pixels: 'Raw pixels (784-D)',
  pca50: 'PCA: top 50 components',
  cnn: 'CNN codes (the trained ConvNet of Lecture 5)',
};

export type GradientChoice = TsneSettings['gradient'];

export function presetLearningRate(n: number): number {
  return Math.max(200, Math.round(n / 12));
}

export const TSNE_SPEC = defineSettings({
  n: {
    kind: 'choice',
    label: 'Digits (N)',
    options: DIGIT_COUNTS.map((n) => ({ value: `${n}` as const, label: n.toLocaleString('en-US') })),
    default: String(DEFAULT_N),
    restarts: true,
  },
  features: {
    kind: 'choice',
    label: 'Distances between',
    options: FEATURE_SPACES.map((space) => ({ value: space, label: FEATURE_LABELS[space] })),
    default: 'pixels',
    // Links from before the ConvNet existed asked for a small network trained in the page.
    aliases: { mlp: 'cnn' },
    restarts: true,
  },
  perplexity: { kind: 'number', label: 'Perplexity', min: 2, max: 200, step: 1, default: 30, restarts: true, help: 'σᵢ is set so that e^H(Pᵢ) equals it: about how many neighbours each digit keeps. Below N/3.' },
  learningRate: { kind: 'number', label: 'Learning rate η', min: 0.1, max: 100000, step: 0.1, default: presetLearningRate(DEFAULT_N), help: 'Δy = momentum·Δy − η·gain·∂C/∂y' },
  exaggeration: { kind: 'number', label: 'Early exaggeration α', min: 1, max: 100, step: 0.1, default: 12, help: 'pᵢⱼ is multiplied by α at first: clusters form, then spread.' },
  exaggerationIterations: { kind: 'int', label: 'Exaggerated iterations', min: 0, max: 10000, default: 250, help: 'Also the switch from momentum 0.5 to 0.8.' },
  iterations: { kind: 'int', label: 'Iterations', min: 10, max: 10000, default: 1000 },
  gradient: {
    kind: 'choice',
    label: 'Gradient',
    options: [
      { value: 'auto', label: 'Automatic' },
      { value: 'exact', label: 'Exact (dense tensors, every pair)' },
      { value: 'barnes-hut', label: 'Barnes-Hut (quadtree, θ = 0.5)' },
    ],
    default: 'auto',
    restarts: true,
  },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, restarts: true, help: 'The random starting positions.' },
});

export type TsneSettings = SettingsOf<typeof TSNE_SPEC>;
