/**
 * Settings of the three "what the network sees" demos of Lecture 12, one element type
 * (<cnn-insight>) with three ids: saliency, occlusion and fooling image. Every setting defines
 * the figure, so each change recomputes it.
 */
import { defineSettings, type SettingsOf, type SettingsSpec } from '../settings.ts';
import { HELD_OUT_DIGITS } from '../cnn-viewer/spec.ts';

export const INSIGHT_TOOLS = ['cnn-saliency', 'cnn-occlusion', 'cnn-fooling'] as const;
export type InsightTool = (typeof INSIGHT_TOOLS)[number];

export function isInsightTool(value: unknown): value is InsightTool {
  return typeof value === 'string' && (INSIGHT_TOOLS as readonly string[]).includes(value);
}

const digit = (fallback: number) => ({ kind: 'int', label: 'Test digit', min: 1, max: HELD_OUT_DIGITS, default: fallback, restarts: true, help: `One of the ${HELD_OUT_DIGITS.toLocaleString('en')} held-out digits.` }) as const;
const DIGIT_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const classChoice = {
  kind: 'choice',
  label: 'Class c',
  options: [
    { value: 'predicted', label: 'the predicted class' },
    { value: 'label', label: 'the true label' },
    ...DIGIT_CLASSES.map((c) => ({ value: c, label: `class ${c}` })),
  ],
  default: 'predicted',
  restarts: true,
} as const;
/** 'predicted', 'label' or a digit '0'-'9'. */
export type ClassSetting = SettingsOf<typeof SALIENCY_SPEC>['class'];

export const SALIENCY_SPEC = defineSettings({
  digit: digit(1),
  class: { ...classChoice, help: 'The saliency map is the gradient of this class’s score S_c.' },
});

export const OCCLUSION_SPEC = defineSettings({
  digit: digit(7),
  class: { ...classChoice, help: 'The map shows p(c | occluded image).' },
  patch: { kind: 'int', label: 'Patch size P (px)', min: 1, max: 28, default: 8, restarts: true },
  stride: { kind: 'int', label: 'Stride S (px)', min: 1, max: 28, default: 2, restarts: true, help: '(28 − P)/S + 1 positions per axis.' },
  fill: { kind: 'number', label: 'Patch value', min: 0, max: 1, step: 0.01, default: 0, restarts: true, help: '0: the background (erases), 0.5: grey, 1: full ink.' },
});

export const FOOLING_SPEC = defineSettings({
  digit: digit(3),
  target: { kind: 'int', label: 'Target class', min: 0, max: 9, default: 3, restarts: true },
  stepSize: { kind: 'number', label: 'Step η', min: 0.001, max: 0.25, step: 0.001, default: 0.01, restarts: true, help: 'x ← clip(x + η·sign(∇ₓ log p(target | x)), 0, 1)' },
  confidence: { kind: 'number', label: 'Stop at p(target)', min: 0.5, max: 0.999, step: 0.001, default: 0.9, restarts: true },
  maxSteps: { kind: 'int', label: 'At most (steps)', min: 1, max: 2000, default: 300, restarts: true },
});

export const INSIGHT_SPECS = {
  'cnn-saliency': SALIENCY_SPEC,
  'cnn-occlusion': OCCLUSION_SPEC,
  'cnn-fooling': FOOLING_SPEC,
} as const satisfies Record<InsightTool, SettingsSpec>;
/** The spec of whichever of the three demos an element is. */
export type InsightSpec = (typeof INSIGHT_SPECS)[InsightTool];

export const INSIGHT_TITLES: Record<InsightTool, string> = {
  'cnn-saliency': 'Saliency map: which pixels the class score is sensitive to',
  'cnn-occlusion': 'Occlusion sensitivity: slide a patch, watch the probability',
  'cnn-fooling': 'Fooling image: gradient ascent on the input toward another class',
};
