/**
 * The base of every demo's custom element. It owns the lifecycle, so each demo only says how
 * to build a run (`createRun`) and which settings it has (`spec`).
 *
 * Lifecycle
 * - connected: status idle; controls stay disabled; a wide IntersectionObserver waits until the
 *   figure is near the viewport.
 * - near the viewport: status loading; the tfjs runtime starts (shared by the page), the demo's
 *   code is imported, the run is built from the URL's settings. Then running (or paused when the
 *   reader prefers reduced motion).
 * - running: one animation frame = one `advance(stepsPerFrame)`, awaited, so work yields every
 *   frame. Off screen or in a hidden tab the loop pauses and resumes when seen again.
 * - backend change (badge, lost device): the run is disposed and rebuilt on the new backend.
 * - disconnected: loop stopped, timers and observers dropped, every tensor disposed.
 *
 * Observable contract: data-demo, data-status, data-backend, data-busy (present while an advance
 * or a tracked computation is in flight), data-tensors (the tfjs tensor count at the last moment
 * nothing was in flight: refreshed when the work ends and about once a second while idle, so a
 * count that grows between readings is a leak, not a computation caught halfway).
 */
import { runtime, type RuntimeEvent } from '../tf/runtime.ts';
import { BACKEND_LABELS, isBackendName } from '../tf/types.ts';
import { downloadBlob, svgToPng, svgToString } from '../demos/export.ts';
import { coerceSetting, decodeSettings, encodeSettings, type Settings, type SettingsSpec } from '../demos/settings.ts';
import { createStore, type Store } from '../demos/store.ts';
import type { CreateDemoRun, DemoRun, DemoStatus } from '../demos/types.ts';
import { hashParams, writeDemoParams } from '../demos/url-state.ts';

export abstract class DemoElement extends HTMLElement {
  protected abstract readonly spec: SettingsSpec;
  /** Imports the demo's code lazily and returns its run factory. */
  protected abstract loadRun(): Promise<CreateDemoRun>;

  /** Called whenever settings are shown: a demo may hide controls that do not apply. */
  protected onSettingsShown(_settings: Settings): void {}

  /** Lets a demo derive settings from a change (presets for a new problem). Default: none. */
  protected adjustSettings(_changed: string, next: Settings): Settings {
    return next;
  }

  #settings!: Store<Settings>;
  #run: DemoRun | undefined;
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

  /** Runs `run.advance(steps)` after any advance already in flight. */
  #advance(run: DemoRun, steps: number): Promise<boolean> {
    // A queued advance of a run that has since been replaced does nothing.
    const next = this.#advancing.then(() => (run === this.#run ? run.advance(steps) : false));
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
      const count = String(runtime.tf.memory().numTensors);
      if (this.dataset['tensors'] !== count) this.dataset['tensors'] = count;
    } catch {
      // A backend being replaced: the next tick reads the new one.
    }
  }

  get demoId(): string {
    return this.dataset['demo'] ?? this.localName;
  }

  connectedCallback(): void {
    this.#setStatus('idle');
    const params = hashParams();
    const { settings: decoded, problems } = decodeSettings(this.demoId, this.spec, params);
    // Derived settings (presets) follow what the link sets; values the link gives explicitly win.
    const given = Object.keys(this.spec).filter((key) => params.has(`${this.demoId}.${key}`));
    let settings = decoded;
    for (const key of given) settings = this.adjustSettings(key, settings);
    for (const key of given) settings[key] = decoded[key]!;
    this.#settings = createStore(settings);
    this.#showSettings(settings);
    if (problems.length > 0) this.#say(`From the link: ${problems.join(' ')}`);
    this.#userPaused = matchMedia('(prefers-reduced-motion: reduce)').matches;

    const near = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        near.disconnect();
        void this.#start();
      }
    }, { rootMargin: '600px 0px' });
    near.observe(this);
    const visible = new IntersectionObserver((entries) => {
      this.#onScreen = entries.some((e) => e.isIntersecting);
      this.#resumeOrPause();
    });
    visible.observe(this);
    const onVisibility = () => this.#resumeOrPause();
    document.addEventListener('visibilitychange', onVisibility);
    // Mid-computation counts include tensors about to be disposed: only idle moments are shown.
    const tensorTimer = window.setInterval(() => {
      if (this.#busyCount === 0) this.#showTensorCount();
    }, 1000);
    this.#cleanups.push(
      () => near.disconnect(),
      () => visible.disconnect(),
      () => document.removeEventListener('visibilitychange', onVisibility),
      () => window.clearInterval(tensorTimer),
      runtime.subscribe((event) => void this.#onRuntime(event)),
    );
    this.#wireControls();
  }

  disconnectedCallback(): void {
    this.#generation++;
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#disposeRun();
  }

  /** `notice`: a message that must outlive the loading messages (a refused or clamped setting). */
  async #start(notice?: string): Promise<void> {
    const generation = ++this.#generation;
    this.#startedAt = performance.now();
    this.#setStatus('loading');
    this.#say('Loading…');
    try {
      const [{ tf, backend }, createRun] = await Promise.all([runtime.ensure(), this.loadRun()]);
      if (generation !== this.#generation) return;
      this.#showBackend();
      const run = await createRun({
        tf,
        backend,
        settings: this.#settings.get(),
        root: this,
        base: this.dataset['base'] ?? '/',
        say: (message) => this.#say(message),
        setSettings: (changes) => this.#changeSettings(changes),
        pause: () => {
          if (generation !== this.#generation || this.dataset['status'] !== 'running') return;
          this.#userPaused = true;
          this.#resumeOrPause();
        },
        track: (work) => this.#track(work),
      });
      if (generation !== this.#generation) {
        run.dispose();
        return;
      }
      this.#run = run;
      this.#enableControls(true);
      this.#setStatus(this.#userPaused ? 'paused' : 'running');
      this.#showTensorCount();
      // Keep what the run said while it was built (e.g. "draw at least 10 points"); clear "Loading…".
      // A notice from a restart (a refused or clamped setting) is shown again once the run is ready.
      const said = this.querySelector('[data-message]')?.textContent ?? '';
      if (this.#userPaused) this.#say([notice, 'Ready. Paused because your system asks for reduced motion: press Play.'].filter(Boolean).join(' '));
      else if (notice) this.#say(notice);
      else if (said === 'Loading…' || said.startsWith('Loading MNIST')) this.#say('');
      this.#showBackend();
      this.#updateSummary();
      this.#resumeOrPause();
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#fail(error);
    }
  }

  #resumeOrPause(): void {
    if (!this.#run || this.dataset['status'] === 'error' || this.dataset['status'] === 'done') return;
    const shouldRun = !this.#userPaused && this.#onScreen && !document.hidden;
    this.#setStatus(shouldRun ? 'running' : 'paused');
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
        const more = await this.#advance(run, run.stepsPerFrame());
        this.dataset['firstFrameMs'] ??= String(Math.round(performance.now() - this.#startedAt));
        if (performance.now() - lastSummary > 1000) {
          lastSummary = performance.now();
          this.#updateSummary();
        }
        if (!more) {
          this.#setStatus('done');
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
      this.#enableControls(false);
      this.#setStatus('loading');
      this.#say(event.message ?? 'Changing backend…');
    } else if (event.type === 'changed') {
      await this.#start();
      if (event.message) this.#say(event.message);
    } else {
      this.#fail(new Error(event.message));
    }
  }

  #fail(error: unknown): void {
    this.#disposeRun();
    this.#setStatus('error');
    this.#say(`This demo stopped: ${(error as Error).message ?? String(error)}. Reset to try again.`);
    const reset = this.querySelector<HTMLButtonElement>('[data-action="reset"]');
    if (reset) reset.disabled = false;
  }

  #disposeRun(): void {
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
          await this.#advance(this.#run, 1);
          this.#updateSummary();
        } catch (error) {
          await this.#onRunError(error);
        }
        break;
      case 'reset':
        await this.#restart();
        break;
      case 'export-png':
      case 'export-svg': {
        const svg = this.#run?.figure();
        if (!svg) return;
        if (action === 'export-svg') downloadBlob(`${this.demoId}.svg`, new Blob([svgToString(svg)], { type: 'image/svg+xml' }));
        else downloadBlob(`${this.demoId}.png`, await svgToPng(svg, 2));
        break;
      }
      case 'export-csv':
      case 'export-json': {
        if (!this.#run) return;
        const { csv, json } = this.#run.exportData();
        const settings = this.#settings.get();
        if (action === 'export-csv') downloadBlob(`${this.demoId}.csv`, new Blob([csv], { type: 'text/csv' }));
        else downloadBlob(`${this.demoId}.json`, new Blob([JSON.stringify({ demo: this.demoId, backend: runtime.backend, settings, data: json }, null, 2)], { type: 'application/json' }));
        break;
      }
    }
  }

  /** Validated changes: stored, shown, written to the URL; the run restarts or retunes. */
  #changeSettings(changes: Settings): void {
    const current = this.#settings.get();
    let next = { ...current };
    const problems: string[] = [];
    for (const [key, value] of Object.entries(changes)) {
      const spec = this.spec[key];
      if (!spec) continue;
      const coerced = coerceSetting(spec, typeof value === 'boolean' ? value : String(value), current[key] ?? spec.default);
      if (coerced.problem) {
        this.#say(coerced.problem);
        problems.push(coerced.problem);
      }
      next[key] = coerced.value;
      next = this.adjustSettings(key, next);
    }
    this.#settings.set(next);
    this.#showSettings(next);
    writeDemoParams(this.demoId, encodeSettings(this.demoId, this.spec, next));
    const restart = Object.keys(this.spec).some((key) => this.spec[key]?.restarts && next[key] !== current[key]);
    // A restart shows loading messages: the problem is shown again once the new run is ready.
    if (restart) void this.#restart(problems.join(' ') || undefined);
    else this.#run?.applySettings(next);
  }

  #enableControls(enabled: boolean): void {
    this.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>('[data-setting], button[data-action], [data-backend-select]').forEach((control) => {
      control.disabled = !enabled;
    });
  }

  #showSettings(settings: Settings): void {
    this.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-setting]').forEach((input) => {
      const value = settings[input.dataset['setting'] ?? ''];
      if (value === undefined) return;
      if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value === true;
      else input.value = String(value);
      const output = this.querySelector<HTMLOutputElement>(`output[data-for="${input.dataset['setting']}"]`);
      if (output) output.value = String(value);
    });
    this.onSettingsShown(settings);
  }

  #showBackend(): void {
    const backend = runtime.backend;
    if (!backend) return;
    this.dataset['backend'] = backend;
    const select = this.querySelector<HTMLSelectElement>('[data-backend-select]');
    if (select) {
      select.value = backend;
      for (const option of select.options) {
        const reason = isBackendName(option.value) ? runtime.failed.get(option.value) : undefined;
        option.disabled = reason !== undefined;
        option.title = reason ? `Not available: ${reason}` : '';
      }
    }
    const notes = runtime.notes;
    if (notes.length > 0) this.#say(`Running on ${BACKEND_LABELS[backend]}. ${notes.join(' ')}`);
  }

  #setStatus(status: DemoStatus): void {
    this.dataset['status'] = status;
    const play = this.querySelector<HTMLButtonElement>('[data-action="play"]');
    if (play) {
      play.textContent = status === 'running' ? 'Pause' : status === 'done' ? 'Run again' : 'Play';
      play.setAttribute('aria-pressed', String(status === 'running'));
    }
  }

  #updateSummary(): void {
    const summary = this.querySelector('[data-summary]');
    if (summary && this.#run) summary.textContent = this.#run.summary();
  }

  #say(message: string): void {
    const target = this.querySelector('[data-message]');
    if (target) target.textContent = message;
  }
}
