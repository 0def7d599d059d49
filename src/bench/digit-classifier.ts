/**
 * The classifier that judges generated digits for the quality figures (quality.ts): the site's
 * trained MNIST ConvNet of issue #5 once it ships; until then none, and the figures that need
 * it are reported as not measured.
 */
import type { DigitClassifier } from '../engines/generative/measure-quality.ts';
import type { Tf } from '../tf/types.ts';

export async function loadDigitClassifier(_tf: Tf, _base: string): Promise<DigitClassifier | undefined> {
  return undefined;
}
