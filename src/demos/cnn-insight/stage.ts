/** What each Lecture 12 demo (saliency, occlusion, fooling) provides to the shared run, and what it gets. */
import type { CnnParams } from '../../engines/cnn/cnn-model.ts';
import type { Tf } from '../../tf/types.ts';
import type { ImagePanels } from '../../views/cnn/image-panels.ts';
import type { ClassSetting } from './spec.ts';
import type { DigitShown } from './summary.ts';

/** What a tool computes and shows, given the common setup. */
export interface InsightStage {
  /** Computes (part of) the figure; resolves false when there is nothing more to do. */
  advance(steps: number): Promise<boolean>;
  stepsPerFrame(): number;
  summary(): string;
  exportData(): { csv: string; json: unknown };
  dispose(): void;
}

/** The common setup, with the tool's own typed settings. */
export interface StageContext<S> {
  tf: Tf;
  params: CnnParams;
  settings: S;
  digit: DigitShown & { pixels: Float32Array };
  /** Scores and probabilities of the unchanged digit. */
  scores: Float32Array;
  probabilities: Float32Array;
  predicted: number;
  panels: ImagePanels;
  mainThread: boolean;
  signal: AbortSignal;
  say(message: string): void;
}

/** The class a setting names: the predicted class, the true label, or a digit. */
export function chosenClass(value: ClassSetting, predicted: number, label: number): number {
  if (value === 'predicted') return predicted;
  if (value === 'label') return label;
  return Number(value);
}
