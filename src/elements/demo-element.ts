/**
 * The base of every demo's custom element: lifecycle and loop. Each demo says only which settings
 * it has (`spec`) and how to build a run (`loadRun`); the chrome (status, messages, badge,
 * controls), the settings state and the export buttons live in ./demo/.
 *
 * Lifecycle
 * - connected: status idle; controls stay disabled; the page's figure scheduler waits until the
 *   figure is near the viewport, then starts demos one after another.
 * - start: status loading; the tfjs runtime starts (shared by the page), the demo's code is
 *   imported, the run is built with the settings from the URL and a fresh AbortSignal. Then
 *   running (or paused when the reader prefers reduced motion).
 * - running: one animation frame = one `advance(stepsPerFrame)`, awaited. Off screen or in a
 *   hidden tab the loop pauses and resumes when seen again.
 * - a run ends (reset, restarting setting, backend change, removal): its signal fires first, so
 *   its GPU slices stop, then the run is disposed once its advance in flight has returned.
 *
 * Observable contract: data-demo, data-status, data-backend, data-busy (present while the run is
 * being built, an advance or a tracked computation is in flight), data-tensors (the tfjs tensor count, the page's plus
 * what the run's worker holds (DemoRun.offThreadTensors), at the last moment nothing was in flight:
 * refreshed when the work ends and about once a second while idle, so a count that grows between
 * readings is a leak, not a computation caught halfway).
 */
import { runtime, type RuntimeEvent } from '../tf/runtime.ts';
import { isBackendName } from '../tf/types.ts';
import { isAbort } from '../tf/slices.ts';
import type { Settings, SettingsOf, SettingsSpec } from '../demos/settings.ts';
import type { CreateDemoRun, DemoRun } from '../demos/types.ts';
import { createDemoChrome, type DemoChrome } from './demo/demo-chrome.ts';
import { exportDemo, isExportAction } from './demo/demo-export.ts';
import { createDemoSettings, type DemoSettings } from './demo/demo-settings.ts';
import { scheduleFigure } from './demo/figure-scheduler.ts';

export abstract class DemoElement<S extends SettingsSpec = SettingsSpec> extends HTMLElement {
  protected abstract readonly spec: S;
  /** Imports the demo's code lazily and returns its run factory. */
  protected abstract loadRun(): Promise<CreateDemoRun<S>>;

  /** Called whenever settings are shown: a demo may hide controls that do not apply. */
  protected onSettingsShown(_settings: Settings): void {}

  /** Lets a demo derive settings from a change (presets for a new problem). Default: none. */
  protected adjustSettings(_changed: string, next: Settings): Settings {
    return next;
  }

  #chrome!: DemoChrome;
  #settings!: DemoSettings;
  #run: DemoRun<S> | undefined;
  /** Fires when the current run ends (context.signal). */
  #runAbort: AbortController | undefined;
  #userPaused = false;
  #onScreen = false;
  #looping = false;
  #generation = 0;
  #cleanups: (() => void)[] = [];
  /** When loading began: the first drawn frame is reported as data-first-frame-ms (benchmarks). */
  #startedAt = 0;
  /** Advances run one at a time: the loop and the Step button share this queue. */
  #advancing: Promise<unknown> = Promise.resolve();
  /** Advances and tracked work in flight: data-busy is shown while this is above zero. */
  #busyCount = 0;

  get demoId(): string {
    return this.dataset['demo'] ?? this.localName;
  }

  connectedCallback(): void {
    this.#chrome = createDemoChrome(this);
    this.#chrome.setStatus('idle');
    this.#settings = createDemoSettings(this.demoId, this.spec, (changed, next) => this.adjustSettings(changed, next), (settings) => {
      this.#chrome.showSettings(settings);
      this.onSettingsShown(settings);
    });
    if (this.#settings.linkProblems.length > 0) this.#chrome.say(`From the link: ${this.#settings.linkProblems.join(' ')}`);
    this.#userPaused = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const onVisibility = () => this.#resumeOrPause();
    document.addEventListener('visibilitychange', onVisibility);
    // Mid-computation counts include tensors about to be disposed: only idle moments are shown.
    const tensorTimer = window.setInterval(() => {
      if (this.#busyCount === 0) this.#showTensorCount();
    }, 1000);
    this.#cleanups.push(
      scheduleFigure(this, () => this.#start(), (visible) => {
        this.#onScreen = visible;
        this.#resumeOrPause();
      }),
      () => document.removeEventListener('visibilitychange', onVisibility),
      () => window.clearInterval(tensorTimer),
      () => this.#settings.dispose(),
      runtime.subscribe((event) => void this.#onRuntime(event)),
    );
    this.#wireControls();
  }

  disconnectedCallback(): void {
    this.#generation++;
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#disposeRun();
  }

  /** Runs `run.advance(steps)` after any advance already in flight. */
  #advance(run: DemoRun<S>, steps: number, source: 'loop' | 'step'): Promise<boolean> {
    // A queued advance of a run that has since been replaced does nothing.
    const next = this.#advancing.then(() => (run === this.#run ? run.advance(steps, source) : false));
    this.#advancing = next.catch(() => undefined);
    this.#track(next);
    return next;
  }

  /** data-busy while `work` is in flight; when the last work ends, the tensor count at once. */
  #track(work: Promise<unknown>): void {
    this.#busyCount++;
    this.dataset['busy'] = '';
    const settle = () => {
      if (--this.#busyCount > 0) return;
      delete this.dataset['busy'];
      this.#showTensorCount();
    };
    work.then(settle, settle);
  }

  #showTensorCount(): void {
    // Only once a backend is ready: asking tfjs for memory during its set-up throws.
    if (!runtime.tf || !runtime.backend || this.dataset['status'] === 'loading') return;
    try {
      // Called after every frame's advance: write only a change (no needless attribute mutation).
      // A run's engine in a Web Worker holds tensors too: its count comes with each of its replies.
      const count = String(runtime.tf.memory().numTensors + (this.#run?.offThreadTensors?.() ?? 0));
      if (this.dataset['tensors'] !== count) this.dataset['tensors'] = count;
    } catch {
      // A backend being replaced: the next tick reads the new one.
    }
  }

  /** `notice`: a message that must outlive the loading messages (a refused or clamped setting). */
  async #start(notice?: string): Promise<void> {
    const generation = ++this.#generation;
    const abort = new AbortController();
    this.#runAbort = abort;
    this.#startedAt = performance.now();
    this.#chrome.setStatus('loading');
    this.#chrome.say('Loading…');
    try {
      const [{ tf, backend }, createRun] = await Promise.all([runtime.ensure(), this.loadRun()]);
      if (generation !== this.#generation) return;
      this.#chrome.showBackend();
      const building = createRun({
        tf,
        backend,
        mainThread: backend === 'wasm' || backend === 'cpu',
        // Every value passed coerceSetting against this spec (demo-settings.ts).
        settings: this.#settings.store.get() as SettingsOf<S>,
        root: this,
        base: this.dataset['base'] ?? '/',
        signal: abort.signal,
        part: <T extends Element>(selector: string) => {
          const found = this.querySelector<T>(selector);
          if (!found) throw new Error(`the ${this.demoId} shell has no ${selector}`);
          return found;
        },
        say: (message) => this.#chrome.say(message),
        setSettings: (changes) => this.#changeSettings(changes as Settings),
        pause: () => {
          if (generation !== this.#generation || this.dataset['status'] !== 'running') return;
          this.#userPaused = true;
          this.#resumeOrPause();
        },
        track: (work) => this.#track(work),
      });
      // Building a run is work in flight too (t-SNE computes its affinities there): data-busy.
      this.#track(building);
      const run = await building;
      if (generation !== this.#generation) {
        run.dispose();
        return;
      }
      this.#run = run;
      this.#chrome.enableControls(true);
      this.#chrome.setStatus(this.#userPaused ? 'paused' : 'running');
      this.#showTensorCount();
      // Keep what the run said while it was built (e.g. "draw at least 10 points"); clear "Loading…".
      // A notice from a restart (a refused or clamped setting) is shown again once the run is ready.
      const said = this.#chrome.said();
      const runSaid = said === 'Loading…' || said.startsWith('Loading MNIST') ? '' : said;
      const paused = this.#userPaused ? 'Ready. Paused because your system asks for reduced motion: press Play.' : '';
      this.#chrome.say([notice, runSaid, paused].filter(Boolean).join(' '));
      this.#chrome.showBackend();
      this.#updateSummary();
      this.#resumeOrPause();
    } catch (error) {
      if (generation !== this.#generation || isAbort(error)) return;
      this.#fail(error);
    }
  }

  #resumeOrPause(): void {
    if (!this.#run || this.dataset['status'] === 'error' || this.dataset['status'] === 'done') return;
    const shouldRun = !this.#userPaused && this.#onScreen && !document.hidden;
    this.#chrome.setStatus(shouldRun ? 'running' : 'paused');
    if (shouldRun) void this.#loop();
  }

  async #loop(): Promise<void> {
    if (this.#looping) return;
    this.#looping = true;
    const generation = this.#generation;
    let lastSummary = 0;
    try {
      while (this.#run && generation === this.#generation && this.dataset['status'] === 'running') {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const run = this.#run;
        if (!run || generation !== this.#generation || this.dataset['status'] !== 'running') break;
        const more = await this.#advance(run, run.stepsPerFrame?.() ?? 1, 'loop');
        this.dataset['firstFrameMs'] ??= String(Math.round(performance.now() - this.#startedAt));
        if (performance.now() - lastSummary > 1000) {
          lastSummary = performance.now();
          this.#updateSummary();
        }
        if (!more) {
          this.#chrome.setStatus('done');
          this.#updateSummary();
        }
      }
    } catch (error) {
      if (generation === this.#generation) await this.#onRunError(error);
    } finally {
      this.#looping = false;
    }
  }

  async #onRunError(error: unknown): Promise<void> {
    if (isAbort(error)) return;
    const backend = runtime.backend;
    const message = (error as Error).message ?? String(error);
    // Errors raised by the GPU backends (device lost, out of memory, context lost) move the
    // page to the next backend; anything else is the demo's own error.
    if (backend && backend !== 'cpu' && /device|context|gpu|webgl|webgpu|memory|buffer|shader/i.test(message)) {
      await runtime.reportFailure(backend, message);
      return;
    }
    this.#fail(error);
  }

  async #onRuntime(event: RuntimeEvent): Promise<void> {
    if (event.type === 'before-change') {
      this.#generation++;
      this.#disposeRun();
      this.#chrome.enableControls(false);
      this.#chrome.setStatus('loading');
      this.#chrome.say(event.message ?? 'Changing backend…');
    } else if (event.type === 'changed') {
      await this.#start();
      if (event.message) this.#chrome.say(event.message);
    } else {
      this.#fail(new Error(event.message));
    }
  }

  #fail(error: unknown): void {
    this.#disposeRun();
    this.#chrome.setStatus('error');
    this.#chrome.say(`This demo stopped: ${(error as Error).message ?? String(error)}. Reset to try again.`);
    const reset = this.querySelector<HTMLButtonElement>('[data-action="reset"]');
    if (reset) reset.disabled = false;
  }

  #disposeRun(): void {
    // The signal first: loops in flight stop queueing work at their next slice.
    this.#runAbort?.abort(new DOMException('The run was stopped.', 'AbortError'));
    this.#runAbort = undefined;
    const run = this.#run;
    this.#run = undefined;
    if (!run) return;
    const dispose = () => {
      try {
        run.dispose();
      } catch {
        // A lost device cannot release its buffers; dropping the references is all that is left.
      }
    };
    // Let an advance in flight finish with its tensors first (but never wait on a dead device).
    const inFlight = this.#advancing;
    this.#advancing = Promise.resolve();
    void Promise.race([inFlight, new Promise((resolve) => setTimeout(resolve, 2000))]).then(dispose);
  }

  async #restart(notice?: string): Promise<void> {
    this.#generation++;
    this.#disposeRun();
    await this.#start(notice);
  }

  #wireControls(): void {
    const signal = new AbortController();
    this.#cleanups.push(() => signal.abort());
    this.addEventListener('change', (event) => {
      const input = event.target;
      if (input instanceof HTMLSelectElement && input.matches('[data-backend-select]')) {
        if (isBackendName(input.value)) void runtime.switchTo(input.value);
        return;
      }
      if (!(input instanceof HTMLInputElement || input instanceof HTMLSelectElement)) return;
      const key = input.dataset['setting'];
      if (!key || !this.spec[key]) return;
      this.#changeSettings({ [key]: input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value });
    }, { signal: signal.signal });
    this.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
      if (!button || !this.contains(button)) return;
      void this.#onAction(button.dataset['action'] ?? '');
    }, { signal: signal.signal });
  }

  async #onAction(action: string): Promise<void> {
    if (isExportAction(action)) {
      await exportDemo(action, { id: this.demoId, run: this.#run, settings: this.#settings.store.get(), backend: runtime.backend });
      return;
    }
    switch (action) {
      case 'play':
        this.#userPaused = this.dataset['status'] === 'running';
        if (this.dataset['status'] === 'done') await this.#restart();
        this.#resumeOrPause();
        break;
      case 'step':
        if (!this.#run) return;
        this.#userPaused = true;
        this.#resumeOrPause();
        try {
          const more = await this.#advance(this.#run, 1, 'step');
          if (!more) this.#chrome.setStatus('done');
          this.#updateSummary();
        } catch (error) {
          await this.#onRunError(error);
        }
        break;
      case 'reset':
        await this.#restart();
        break;
    }
  }

  /** Validated changes: stored, shown, written to the URL; the run restarts or retunes. */
  #changeSettings(changes: Settings): void {
    const { next, problems, restart } = this.#settings.change(changes);
    if (problems.length > 0) this.#chrome.say(problems.join(' '));
    // A restart shows loading messages: the problem is shown again once the new run is ready.
    if (restart) void this.#restart(problems.join(' ') || undefined);
    else this.#run?.applySettings?.(next as SettingsOf<S>);
  }

  #updateSummary(): void {
    if (this.#run) this.#chrome.summarize(this.#run.summary());
  }
}
