/** The semantic-gap readouts, as pure functions of one measurement (unit-tested with exact strings). */
import type { GapSpace } from '../../views/semantic-gap/gap-figure.ts';
import { formatDistance } from '../../views/semantic-gap/gap-figure.ts';

export interface GapMeasure {
  /** "held-out digit 5 (a 7)". */
  subject: string;
  /** "shifted 2 px right" (describeTransform). */
  change: string;
  /** The class compared against and the other class found. */
  sameLabel: number;
  otherLabel: number;
  /** L1 pixels, L2 pixels, L2 codes, in that order. */
  spaces: [GapSpace, GapSpace, GapSpace];
  /** The ConvNet's reading of the changed digit. */
  changedReading: { label: number; probability: number };
}

const compare = (a: number, b: number) => (a > b ? 'farther than' : 'nearer than');

export function describeGap(m: GapMeasure): string {
  if (m.change === 'unchanged') return `${capitalize(m.subject)}, unchanged: every distance from the original is 0. Shift, rotate, darken, occlude or add noise to see how far each change moves it.`;
  const [, l2, code] = m.spaces;
  const [c, s, o] = l2.values;
  const [cc, cs, co] = code.values;
  const pixels = `in pixel space (L2) it is ${formatDistance(c)} from the original, ${compare(c, s)} the nearest other ${m.sameLabel} among the training digits (${formatDistance(s)}) and ${compare(c, o)} the nearest digit of another class, a ${m.otherLabel} (${formatDistance(o)})`;
  const codes = `In the ConvNet's code space it is ${formatDistance(cc)} away: ${compare(cc, cs)} that ${m.sameLabel} (${formatDistance(cs)}) and ${compare(cc, co)} that ${m.otherLabel} (${formatDistance(co)})`;
  return `${capitalize(m.subject)}, ${m.change}: ${pixels}. ${codes}; the network reads the changed digit as a ${m.changedReading.label} (${Math.round(100 * m.changedReading.probability)}%).`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
