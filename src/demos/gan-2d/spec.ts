/** Settings of the 2-D GAN demo (shell, element and URL hash share this declaration). */
import { createDistribution, DISTRIBUTION_IDS } from '../../engines/gan2d/distributions.ts';
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'gan-2d';
export const MAX_DRAWN_POINTS = 300;

export const GAN_2D_SPEC = defineSettings({
  distribution: {
    kind: 'choice',
    label: 'Data',
    options: DISTRIBUTION_IDS.map((id) => ({ value: id, label: id === 'drawn' ? 'Points you draw' : createDistribution(id).label })),
    default: 'ring',
    restarts: true,
  },
  points: {
    kind: 'text',
    label: 'Drawn points',
    pattern: /^$|^-?\d+(\.\d+)?,-?\d+(\.\d+)?(;-?\d+(\.\d+)?,-?\d+(\.\d+)?)*$/,
    maxLength: MAX_DRAWN_POINTS * 12,
    default: '',
    // Drawing adds points to the running demo (the data changes live); no restart.
    restarts: false,
  },
  lrD: { kind: 'number', label: 'Discriminator learning rate', min: 1e-6, max: 1, step: 1e-6, default: 0.002, help: 'Adam step size for D' },
  lrG: { kind: 'number', label: 'Generator learning rate', min: 1e-6, max: 1, step: 1e-6, default: 0.002, help: 'Adam step size for G' },
  dSteps: { kind: 'int', label: 'D steps per G step', min: 1, max: 10, default: 1, help: 'k discriminator updates per generator update' },
  generatorLoss: {
    kind: 'choice',
    label: 'Generator loss',
    options: [
      { value: 'non-saturating', label: 'Non-saturating: −log D(G(z))' },
      { value: 'minimax', label: 'Minimax: log(1 − D(G(z)))' },
    ],
    default: 'non-saturating',
  },
  noiseDim: { kind: 'int', label: 'Noise dimension', min: 1, max: 8, default: 2, restarts: true, help: 'Size of z' },
  speed: { kind: 'int', label: 'Steps per frame', min: 1, max: 20, default: 4 },
  arrows: { kind: 'bool', label: 'Show gradient arrows', default: true },
  seed: { kind: 'int', label: 'Seed', min: 0, max: 999999, default: 1, restarts: true },
});
