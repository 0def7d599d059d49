/** <tsne-demo>: live t-SNE maps of MNIST digits (Lectures 2 and 12). */
import { DemoElement } from './demo-element.ts';
import type { Settings } from '../demos/settings.ts';
import { presetLearningRate, TSNE_SPEC } from '../demos/tsne/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class TsneElement extends DemoElement {
  protected readonly spec = TSNE_SPEC;

  protected async loadRun(): Promise<CreateDemoRun> {
    return (await import('../demos/tsne/run.ts')).createTsneRun;
  }

  /** A new N brings its learning rate: max(200, N/12). */
  protected override adjustSettings(changed: string, next: Settings): Settings {
    if (changed !== 'n') return next;
    return { ...next, learningRate: presetLearningRate(Number(next['n'])) };
  }
}

if (!customElements.get('tsne-demo')) customElements.define('tsne-demo', TsneElement);
