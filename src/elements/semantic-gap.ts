/** <semantic-gap>: pixel distances against meaning, and the ConvNet's code space (Lectures 1-2). */
import { DemoElement } from './demo-element.ts';
import type { Settings } from '../demos/settings.ts';
import type { KeptGapInput } from '../demos/semantic-gap/source.ts';
import { SEMANTIC_GAP_SPEC } from '../demos/semantic-gap/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class SemanticGapElement extends DemoElement<typeof SEMANTIC_GAP_SPEC> {
  protected readonly spec = SEMANTIC_GAP_SPEC;
  /** The drawing and the opened image outlive a run (a backend change builds a new one). */
  readonly #kept: KeptGapInput = {};

  protected async loadRun(): Promise<CreateDemoRun<typeof SEMANTIC_GAP_SPEC>> {
    const { createSemanticGapRun } = await import('../demos/semantic-gap/run.ts');
    return (context) => createSemanticGapRun(context, this.#kept);
  }

  /** The digit number applies to held-out digits; the patch position to a patch. */
  protected override onSettingsShown(settings: Settings): void {
    this.querySelectorAll<HTMLElement>('[data-when]').forEach((element) => {
      const [key, value] = (element.dataset['when'] ?? '').split(':');
      const current = settings[key ?? ''];
      element.hidden = value === 'nonzero' ? current === 0 : String(current) !== value;
    });
  }
}

if (!customElements.get('semantic-gap')) customElements.define('semantic-gap', SemanticGapElement);
