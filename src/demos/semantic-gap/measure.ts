/**
 * One measurement of the semantic gap: the digit changed, its nearest same-class and other-class
 * training digits (by L2 on pixels; for a drawing or an image the class is the one the ConvNet
 * reads), and every distance from the original in pixel space and in the ConvNet's code space.
 */
import type { MnistData } from '../../data/mnist-format.ts';
import { codeDistance, type CodeSpace } from '../../engines/semantic-gap/code-space.ts';
import type { NeighbourSearch } from '../../engines/semantic-gap/neighbour-search.ts';
import { l1Distance, l2Distance, sameAndOther, type Nearest } from '../../engines/semantic-gap/pixel-distances.ts';
import { describeTransform, transformDigit, type DigitTransform } from '../../engines/semantic-gap/transforms.ts';
import type { GapFigureData } from '../../views/semantic-gap/gap-figure.ts';
import type { GapSource } from './source.ts';
import type { GapMeasure } from './summary.ts';

export interface Measured {
  measure: GapMeasure;
  figure: GapFigureData;
  same: Nearest;
  other: Nearest;
}

const trainingDigit = (data: MnistData, index: number) => Float32Array.from(data.images.subarray(index * 784, (index + 1) * 784), (v) => v / 255);

/** `cache`: the last original's nearest digits, so a new change of the same digit does not search again. */
export async function measureGap(data: MnistData, space: CodeSpace, search: NeighbourSearch, source: GapSource, t: DigitTransform, cache: { key?: Float32Array; perClass?: (Nearest | undefined)[] }): Promise<Measured> {
  const original = source.pixels;
  const changed = transformDigit(original, t);
  const first = await space.encode([original, changed]);
  const label = source.label ?? first.predictions[0]!.label;
  if (cache.key !== original || !cache.perClass) cache.perClass = await search.perClass(original);
  cache.key = original;
  const { same, other } = sameAndOther(cache.perClass, label);
  if (!same || !other) throw new Error(`the training digits hold no ${same ? 'other class' : label}`);
  const [samePixels, otherPixels] = [trainingDigit(data, same.index), trainingDigit(data, other.index)];
  const { codes } = await space.encode([samePixels, otherPixels]);
  const [o, c] = first.codes as [Float32Array, Float32Array];
  const space3 = (name: string, d: (a: Float32Array, b: Float32Array) => number, x: Float32Array[]) =>
    ({ name, values: [d(x[0]!, x[1]!), d(x[0]!, x[2]!), d(x[0]!, x[3]!)] as [number, number, number] });
  const spaces: GapMeasure['spaces'] = [
    space3('L1 distance on pixels', l1Distance, [original, changed, samePixels, otherPixels]),
    space3('L2 distance on pixels', l2Distance, [original, changed, samePixels, otherPixels]),
    space3('L2 distance on ConvNet codes', codeDistance, [o, c, codes[0]!, codes[1]!]),
  ];
  const subject = source.label === undefined ? `${source.name} (the ConvNet reads a ${label})` : `${source.name} (a ${label})`;
  const reading = first.predictions[1]!;
  return {
    same,
    other,
    measure: { subject, change: describeTransform(t), sameLabel: label, otherLabel: other.label, spaces, changedReading: reading },
    figure: {
      pictures: [
        { pixels: original, title: 'original', note: source.label === undefined ? `read as ${label}` : `a ${label}` },
        { pixels: changed, title: 'changed', note: `read: ${reading.label}, ${Math.round(100 * reading.probability)}%` },
        { pixels: samePixels, title: `nearest ${label}`, note: `#${same.index + 1}` },
        { pixels: otherPixels, title: 'other class', note: `a ${other.label}, #${other.index + 1}` },
      ],
      spaces,
      numbers: changed,
    },
  };
}
