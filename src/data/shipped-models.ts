/**
 * The models that ship with the site, all in the one model format (model-format.ts): the
 * ConvNet of the CNN demos, which also judges the generated digits, the DCGAN generator and the
 * VAE. Each says where it lives, which parameters the code expects, and what its manifest must
 * record besides the weights.
 */
import { CNN_ARCHITECTURE, PARAMETER_NAMES, parameterShapes, type CnnArchitecture, type CnnWeights, type ParameterName } from '../engines/cnn/architecture.ts';
import { GENERATOR_PARAMS } from '../engines/dcgan/architecture.ts';
import type { SampleQuality } from '../engines/generative/quality.ts';
import { valueOf, type ParamValues } from '../engines/params.ts';
import { VAE_PARAMS } from '../engines/vae/vae.ts';
import type { ModelManifest, ShippedModel } from './model-format.ts';

export type CnnTrainingRecord = {
  seed: number;
  steps: number;
  batchSize: number;
  learningRate: number;
  decay: number;
  augment: boolean;
  trainDigits: number;
  backend: string;
  milliseconds: number;
};

export interface CnnManifest extends ModelManifest {
  architecture: CnnArchitecture;
  training: CnnTrainingRecord;
  /** Accuracy on the held-out digits [start, start + count) of the site's MNIST assets. */
  test: { start: number; count: number; correct: number; accuracy: number };
}

export interface GenerativeManifest extends ModelManifest {
  /** Sample quality measured after training (engines/generative/quality.ts). */
  quality: SampleQuality;
}

export const SHIPPED_CNN: ShippedModel<CnnManifest> = {
  model: 'mnist-cnn',
  dir: 'mnist-cnn',
  parameters: PARAMETER_NAMES.map((name) => ({ name, shape: parameterShapes(CNN_ARCHITECTURE)[name] })),
  recordProblem: cnnRecordProblem,
};

export const SHIPPED_GAN: ShippedModel<GenerativeManifest> = { model: 'dcgan-generator', dir: 'dcgan-mnist', parameters: GENERATOR_PARAMS, recordProblem: qualityProblem };

export const SHIPPED_VAE: ShippedModel<GenerativeManifest> = { model: 'vae', dir: 'vae-mnist', parameters: VAE_PARAMS, recordProblem: qualityProblem };

/** The ConvNet's parameters (from a checked manifest: every one is there) in the engine's form. */
export function cnnWeightsOf(manifest: CnnManifest, values: ParamValues): CnnWeights {
  const named = Object.fromEntries(PARAMETER_NAMES.map((name) => [name, valueOf(values, name)])) as Record<ParameterName, Float32Array>;
  return { architecture: { ...manifest.architecture }, values: named };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function cnnRecordProblem(m: Partial<CnnManifest>): string | undefined {
  const a = m.architecture;
  const keys = Object.keys(CNN_ARCHITECTURE) as (keyof CnnArchitecture)[];
  if (!isObject(a) || keys.some((k) => a[k] !== CNN_ARCHITECTURE[k])) return `describes the architecture ${JSON.stringify(a)}, expected ${JSON.stringify(CNN_ARCHITECTURE)}`;
  const t = m.training as Record<string, unknown> | undefined;
  const numbers = ['seed', 'steps', 'batchSize', 'learningRate', 'decay', 'trainDigits', 'milliseconds'];
  if (!t || numbers.some((k) => !isNumber(t[k])) || typeof t['augment'] !== 'boolean' || typeof t['backend'] !== 'string') return `has an incomplete training record (${numbers.join(', ')}, augment, backend)`;
  const r = m.test;
  if (!isObject(r) || ![r.start, r.count, r.correct].every(Number.isInteger) || r.count < 1 || r.correct < 0 || r.correct > r.count || !isNumber(r.accuracy) || Math.abs(r.accuracy - r.correct / r.count) > 1e-9) {
    return 'has no consistent test record (start, count, correct, accuracy = correct / count)';
  }
  return undefined;
}

function qualityProblem(m: Partial<GenerativeManifest>): string | undefined {
  const q = m.quality;
  if (!isObject(q) || !isNumber(q.samples) || !isNumber(q.seed) || !isObject(q.nearest) || ![q.nearest.sampleMean, q.nearest.testMean, q.nearest.ratio].every(isNumber)) {
    return 'has no sample-quality record (samples, seed, nearest)';
  }
  const c = q.classifier;
  if (c === undefined) return undefined;
  if (!isObject(c) || !isNumber(c.confidentShare) || !isNumber(c.balance) || !Array.isArray(c.classCounts)) return 'has an incomplete classifier record (confidentShare, classCounts, balance)';
  const w = c.weights as Partial<typeof c.weights> | undefined;
  if (!isObject(w) || typeof w.model !== 'string' || !w.model || typeof w.crc32 !== 'string' || !/^[0-9a-f]{8}$/.test(w.crc32)) {
    return 'does not say which weights judged its samples (quality.classifier.weights: model and crc32)';
  }
  return undefined;
}
