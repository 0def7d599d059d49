/** <cnn-viewer>: a ConvNet on MNIST, pretrained or trained in the page, seen layer by layer (Lectures 5 and 12). */
import { DemoElement } from './demo-element.ts';
import type { Settings } from '../demos/settings.ts';
import { CNN_VIEWER_SPEC } from '../demos/cnn-viewer/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class CnnViewerElement extends DemoElement<typeof CNN_VIEWER_SPEC> {
  protected readonly spec = CNN_VIEWER_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof CNN_VIEWER_SPEC>> {
    return (await import('../demos/cnn-viewer/run.ts')).createCnnViewerRun;
  }

  /** The training curves only exist while training from scratch. */
  protected override onSettingsShown(settings: Settings): void {
    const training = settings['weights'] === 'scratch';
    this.querySelectorAll<HTMLElement>('[data-when]').forEach((element) => {
      element.hidden = element.dataset['when'] !== (training ? 'scratch' : 'pretrained');
    });
  }
}

if (!customElements.get('cnn-viewer')) customElements.define('cnn-viewer', CnnViewerElement);
