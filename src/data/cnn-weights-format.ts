/**
 * The shipped weights of the ConvNet: `model.json` (this manifest) and `weights.bin` (every
 * parameter as little-endian float32, in PARAMETER_NAMES order, row-major in tfjs layout).
 * Written by the training script (scripts/train-cnn.mjs), read by the demos and the tests.
 * Reading checks the layout, the size and a CRC-32, and says what is wrong.
 */
import { PARAMETER_NAMES, parameterShapes, type CnnArchitecture, type CnnWeights, type ParameterName } from '../engines/cnn/architecture.ts';

export const CNN_MODEL_DIR = 'models/mnist-cnn';
export const CNN_WEIGHTS_FORMAT = 1;

export interface CnnTrainingRecord {
  seed: number;
  steps: number;
  batchSize: number;
  learningRate: number;
  decay: number;
  augment: boolean;
  trainDigits: number;
  backend: string;
  milliseconds: number;
}

export interface CnnModelManifest {
  format: typeof CNN_WEIGHTS_FORMAT;
  architecture: CnnArchitecture;
  weights: { file: string; bytes: number; crc32: string; parameters: { name: ParameterName; shape: number[] }[] };
  training: CnnTrainingRecord;
  /** Accuracy on the held-out digits [start, start + count) of the site's MNIST assets. */
  test: { start: number; count: number; correct: number; accuracy: number };
}

export class CnnWeightsError extends Error {
  override name = 'CnnWeightsError';
}

export function encodeCnnWeights(weights: CnnWeights): Uint8Array {
  const total = PARAMETER_NAMES.reduce((n, name) => n + weights.values[name].length, 0);
  const bytes = new Uint8Array(total * 4);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  for (const name of PARAMETER_NAMES) {
    for (const value of weights.values[name]) {
      view.setFloat32(offset, value, true);
      offset += 4;
    }
  }
  return bytes;
}

export function describeParameters(architecture: CnnArchitecture): { name: ParameterName; shape: number[] }[] {
  const shapes = parameterShapes(architecture);
  return PARAMETER_NAMES.map((name) => ({ name, shape: shapes[name] }));
}

/** Checks a manifest read from JSON; throws a readable error. */
export function parseCnnManifest(value: unknown): CnnModelManifest {
  const m = value as Partial<CnnModelManifest> | null;
  if (!m || typeof m !== 'object') throw new CnnWeightsError('The model manifest is not a JSON object.');
  if (m.format !== CNN_WEIGHTS_FORMAT) throw new CnnWeightsError(`The model manifest has format ${String(m.format)}, expected ${CNN_WEIGHTS_FORMAT}.`);
  const a = m.architecture;
  if (!a || ![a.filterSize, a.conv1Filters, a.conv2Filters, a.hidden].every((n) => Number.isInteger(n) && n > 0)) throw new CnnWeightsError('The model manifest does not describe the architecture.');
  const expected = describeParameters(a);
  const listed = m.weights?.parameters ?? [];
  const same = listed.length === expected.length && listed.every((p, i) => p.name === expected[i]!.name && p.shape.join('x') === expected[i]!.shape.join('x'));
  if (!same) throw new CnnWeightsError('The model manifest lists parameters that do not match the architecture.');
  if (!m.weights?.file || !Number.isInteger(m.weights.bytes) || typeof m.weights.crc32 !== 'string') throw new CnnWeightsError('The model manifest does not describe its weights file.');
  if (!m.test || !m.training) throw new CnnWeightsError('The model manifest has no training record.');
  return m as CnnModelManifest;
}

export function decodeCnnWeights(manifest: CnnModelManifest, bytes: Uint8Array, crc32Hex: (b: Uint8Array) => string): CnnWeights {
  if (bytes.length !== manifest.weights.bytes) throw new CnnWeightsError(`The weights file has ${bytes.length} bytes, expected ${manifest.weights.bytes}. It is damaged or incomplete.`);
  const sum = crc32Hex(bytes);
  if (sum !== manifest.weights.crc32) throw new CnnWeightsError(`The weights file's checksum ${sum} does not match ${manifest.weights.crc32}. It is damaged.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = {} as Record<ParameterName, Float32Array>;
  let offset = 0;
  for (const { name, shape } of manifest.weights.parameters) {
    const size = shape.reduce((p, d) => p * d, 1);
    if (offset + size * 4 > bytes.length) throw new CnnWeightsError('The weights file is shorter than its parameters.');
    const array = new Float32Array(size);
    for (let i = 0; i < size; i++) array[i] = view.getFloat32(offset + 4 * i, true);
    values[name] = array;
    offset += size * 4;
  }
  if (offset !== bytes.length) throw new CnnWeightsError('The weights file is longer than its parameters.');
  return { architecture: { ...manifest.architecture }, values };
}
