/**
 * One run of the activation lab, in the mode the reader chose: the statistics of one batch at
 * initialization (./statistics.ts), or configurations A and B trained side by side on MNIST, or
 * overfitting 20 digits (./training.ts).
 */
import type { DemoContext, DemoRun } from '../types.ts';
import type { ACTIVATION_LAB_SPEC } from './spec.ts';
import { createStatisticsRun } from './statistics.ts';
import { createTrainingRun } from './training.ts';

type Spec = typeof ACTIVATION_LAB_SPEC;

export function createActivationLabRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  return context.settings.mode === 'statistics' ? createStatisticsRun(context) : createTrainingRun(context);
}
