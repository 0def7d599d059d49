/** What each Lecture 12 demo (saliency, occlusion, fooling) provides to the shared run, and small helpers. */
import type { CnnParams } from '../../engines/cnn/cnn-model.ts';
import type { Tf } from '../../tf/types.ts';
import type { ImagePanels } from '../../views/cnn/image-panels.ts';
import type { Settings } from '../settings.ts';

/** What a tool computes and shows, given the common setup. */
export interface InsightStage {
  /** Computes (part of) the figure; resolves false when there is nothing more to do. */
  advance(steps: number): Promise<boolean>;
  stepsPerFrame(): number;
  summary(): string;
  exportData(): { csv: string; json: unknown };
  dispose(): void;
}

export interface StageContext {
  tf: Tf;
  params: CnnParams;
  settings: Settings;
  digit: { number: number; pixels: Float32Array; label: number };
  /** Scores and probabilities of the unchanged digit. */
  scores: Float32Array;
  probabilities: Float32Array;
  predicted: number;
  panels: ImagePanels;
  mainThread: boolean;
  say(message: string): void;
}

/** The class a setting names: "predicted", "label" or a digit. */
export function chosenClass(value: unknown, predicted: number, label: number): number {
  if (value === 'label') return label;
  const c = Number(value);
  return Number.isInteger(c) && c >= 0 && c <= 9 ? c : predicted;
}

export function percent(p: number): string {
  return `${(100 * p).toFixed(1)}%`;
}
