/** The racers' hyperparameters as the settings give them (pure, unit-tested). */
import type { RacerSettings } from '../../engines/optimizer-race/surface-race.ts';
import { DEFAULT_HYPERPARAMETERS, OPTIMIZERS } from '../../engines/optimizers/update-rules.ts';
import type { RaceSettings } from './spec.ts';

export function racerSettings(settings: RaceSettings): RacerSettings[] {
  return OPTIMIZERS.map((name) => ({
    name,
    enabled: settings[`${name}.on`],
    hyper: {
      ...DEFAULT_HYPERPARAMETERS,
      lr: settings[`${name}.lr`],
      // Only momentum and Nesterov have a μ, only the adaptive methods an ε.
      mu: name === 'momentum' || name === 'nesterov' ? settings[`${name}.mu`] : DEFAULT_HYPERPARAMETERS.mu,
      decay: settings['rmsprop.decay'],
      beta1: settings['adam.beta1'],
      beta2: settings['adam.beta2'],
      eps: name === 'adagrad' || name === 'rmsprop' || name === 'adam' ? settings[`${name}.eps`] : DEFAULT_HYPERPARAMETERS.eps,
    },
  }));
}
