/** <tsne-demo>: live t-SNE maps of MNIST digits (Lectures 2 and 12). */
import { DemoElement } from './demo-element.ts';
import { createOneSlotCache } from '../demos/one-slot-cache.ts';
import type { Settings } from '../demos/settings.ts';
import { presetLearningRate, TSNE_SPEC } from '../demos/tsne/spec.ts';
import type { Prepared } from '../demos/tsne/prepare.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class TsneElement extends DemoElement<typeof TSNE_SPEC> {
  protected readonly spec = TSNE_SPEC;
  /** The last affinities P, for the element's lifetime: a restart that keeps N, features and perplexity reuses them. */
  readonly #prepared = createOneSlotCache<Prepared>();

  protected async loadRun(): Promise<CreateDemoRun<typeof TSNE_SPEC>> {
    const { createTsneRun } = await import('../demos/tsne/run.ts');
    return (context) => createTsneRun(context, this.#prepared);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#prepared.clear();
  }

  /** A new N brings its learning rate: max(200, N/12). */
  protected override adjustSettings(changed: string, next: Settings): Settings {
    if (changed !== 'n') return next;
    return { ...next, learningRate: presetLearningRate(Number(next['n'])) };
  }
}

if (!customElements.get('tsne-demo')) customElements.define('tsne-demo', TsneElement);
