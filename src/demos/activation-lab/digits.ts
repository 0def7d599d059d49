/** The site's MNIST digits, loaded with progress in the lab's message line (both modes). */
import { loadMnist } from '../../data/mnist-loader.ts';
import type { MnistData } from '../../data/mnist-format.ts';
import type { DemoContext } from '../types.ts';
import type { ACTIVATION_LAB_SPEC } from './spec.ts';

export function loadDigits(context: DemoContext<typeof ACTIVATION_LAB_SPEC>): Promise<MnistData> {
  context.say('Loading MNIST digits…');
  return loadMnist(context.base, (loaded) => context.say(`Loading MNIST digits… ${(loaded / 1e6).toFixed(1)} MB`));
}
