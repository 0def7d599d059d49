/** What a demo element and the demo it hosts promise each other (the kit's contract). */
import type { BackendName, Tf } from '../tf/types.ts';
import type { Settings, SettingsOf, SettingsSpec } from './settings.ts';

export type DemoStatus = 'idle' | 'loading' | 'running' | 'paused' | 'done' | 'error';

export interface DemoContext<S extends SettingsSpec = SettingsSpec> {
  tf: Tf;
  backend: BackendName;
  /** True on wasm and cpu, where every op runs on the page's own thread. */
  mainThread: boolean;
  /** This run's settings, validated and typed by the demo's spec. */
  settings: SettingsOf<S>;
  /** The element: demos find their figure and readouts inside it (see part()). */
  root: HTMLElement;
  /** Site base path, for data assets. */
  base: string;
  /**
   * Fires when this run ends: reset, a restarting setting, a backend change, the element removed.
   * Every loop of GPU work checks it between slices (src/tf/slices.ts) so a run that ends stops
   * queueing work at once.
   */
  signal: AbortSignal;
  /** The element inside the shell that `selector` names; throws naming the shell and selector. */
  part<T extends Element = HTMLElement>(selector: string): T;
  /** Shows a short message to the reader (loading progress, a refused value). */
  say(message: string): void;
  /** Changes settings from inside the figure (a click that picks a start point). */
  setSettings(changes: Partial<SettingsOf<S>> | Settings): void;
  /** Pauses the animation as the Pause button would (the reader picked something to look at). */
  pause(): void;
  /** Shows the element busy (data-busy) until `work` settles: for work outside advance(), such
   * as a recompute after a setting changed, so a tensor count read once idle is exact. */
  track(work: Promise<unknown>): void;
}

export interface DemoRun<S extends SettingsSpec = SettingsSpec> {
  /**
   * Advances the run by `steps` steps; resolves false when the run has finished. `source` says
   * who asked: the animation loop (once a frame) or the reader's Step button.
   */
  advance(steps: number, source: 'loop' | 'step'): Promise<boolean>;
  /** How many steps one animation frame should take (default 1). */
  stepsPerFrame?(): number;
  /** Applies settings that do not need a new run (learning rates, toggles, speed). */
  applySettings?(settings: SettingsOf<S>): void;
  /** One or two sentences describing the current state, for the aria-live summary. */
  summary(): string;
  /** The run's data for export. */
  exportData(): { csv: string; json: unknown };
  /** The figure as a self-contained SVG element, for PNG and SVG export. */
  figure(): SVGSVGElement | undefined;
  /** Stops timers and disposes every tensor the run holds (after context.signal has fired). */
  dispose(): void;
  /**
   * Tensors the run's engine holds in a Web Worker (src/tf/engine-thread.ts), as of the worker's
   * last reply: data-tensors shows the page's count plus this, so leaks in workers show too.
   */
  offThreadTensors?(): number;
}

export type CreateDemoRun<S extends SettingsSpec = SettingsSpec> = (context: DemoContext<S>) => Promise<DemoRun<S>>;
