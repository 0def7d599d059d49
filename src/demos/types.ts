/** What a demo element and the demo it hosts promise each other. */
import type { BackendName, Tf } from '../tf/types.ts';
import type { Settings } from './settings.ts';

export type DemoStatus = 'idle' | 'loading' | 'running' | 'paused' | 'done' | 'error';

export interface DemoContext {
  tf: Tf;
  backend: BackendName;
  settings: Settings;
  /** The element: demos find their figure and readouts inside it. */
  root: HTMLElement;
  /** Site base path, for data assets. */
  base: string;
  /** Shows a short message to the reader (loading progress, a refused value). */
  say(message: string): void;
  /** Changes settings from inside the figure (a click that picks a start point). */
  setSettings(changes: Settings): void;
  /** Pauses the animation as the Pause button would (the reader picked something to look at). */
  pause(): void;
  /** Shows the element busy (data-busy) until `work` settles: for work outside advance(), such
   * as a recompute after a setting changed, so a tensor count read once idle is exact. */
  track(work: Promise<unknown>): void;
}

export interface DemoRun {
  /** Advances the run by `steps` steps; resolves false when the run has finished. */
  advance(steps: number): Promise<boolean>;
  /** How many steps one animation frame should take, from the current settings. */
  stepsPerFrame(): number;
  /** Applies settings that do not need a new run (learning rates, toggles, speed). */
  applySettings(settings: Settings): void;
  /** One or two sentences describing the current state, for the aria-live summary. */
  summary(): string;
  /** The run's data for export. */
  exportData(): { csv: string; json: unknown };
  /** The figure as a self-contained SVG element, for PNG and SVG export. */
  figure(): SVGSVGElement | undefined;
  /** Stops timers and disposes every tensor the run holds. */
  dispose(): void;
}

export type CreateDemoRun = (context: DemoContext) => Promise<DemoRun>;
