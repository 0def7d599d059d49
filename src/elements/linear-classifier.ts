/** <linear-classifier>: multiclass SVM and softmax on MNIST, trained live, and their sweep (Lectures 2-3, Assignment 1). */
import { DemoElement } from './demo-element.ts';
import type { Settings } from '../demos/settings.ts';
import { LINEAR_CLASSIFIER_SPEC } from '../demos/linear-classifier/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class LinearClassifierElement extends DemoElement<typeof LINEAR_CLASSIFIER_SPEC> {
  protected readonly spec = LINEAR_CLASSIFIER_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof LINEAR_CLASSIFIER_SPEC>> {
    return (await import('../demos/linear-classifier/run.ts')).createLinearRun;
  }

  /** The learning rate and λ are the reader's in a training run; a sweep picks its own. */
  protected override onSettingsShown(settings: Settings): void {
    this.querySelectorAll<HTMLElement>('[data-when]').forEach((element) => {
      element.hidden = element.dataset['when'] !== settings['mode'];
    });
  }
}

if (!customElements.get('linear-classifier')) customElements.define('linear-classifier', LinearClassifierElement);
