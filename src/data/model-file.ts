/**
 * The shipped weights of the generative models (public/models/<name>/): `model.json` (this
 * manifest) and `weights.bin` (every parameter as little-endian float32, in the manifest's
 * order, row-major in tfjs layout). Written by the training script (scripts/train-generative.mjs),
 * read by the demos and the tests; reading checks the parameter list, the size and a CRC-32,
 * and says what is wrong.
 */
import { sizeOf, type ParamSpec, type ParamValues } from '../engines/params.ts';
import type { SampleQuality } from '../engines/generative/quality.ts';

export const MODEL_FILE_FORMAT = 1;

export interface ModelManifest {
  format: typeof MODEL_FILE_FORMAT;
  /** Which model the parameters belong to, e.g. "dcgan-generator". */
  model: string;
  parameters: ParamSpec[];
  weights: { file: string; bytes: number; crc32: string };
  /** How the weights were made: seed, steps, batch size, learning rate, backend, time. */
  training: Record<string, number | string | boolean>;
  /** Sample quality measured after training (quality.ts). */
  quality: SampleQuality;
}

export class ModelFileError extends Error {
  override name = 'ModelFileError';
}

export function encodeParams(specs: readonly ParamSpec[], values: ParamValues): Uint8Array {
  const total = specs.reduce((n, s) => n + sizeOf(s.shape), 0);
  const bytes = new Uint8Array(total * 4);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  for (const spec of specs) {
    const array = values[spec.name];
    if (!array || array.length !== sizeOf(spec.shape)) throw new ModelFileError(`${spec.name}: expected ${sizeOf(spec.shape)} values, got ${array?.length ?? 0}.`);
    for (const value of array) {
      view.setFloat32(offset, value, true);
      offset += 4;
    }
  }
  return bytes;
}

/** Checks a manifest read from JSON against the model and parameters the code expects. */
export function parseModelManifest(value: unknown, model: string, expected: readonly ParamSpec[]): ModelManifest {
  const m = value as Partial<ModelManifest> | null;
  if (!m || typeof m !== 'object') throw new ModelFileError('The model manifest is not a JSON object.');
  if (m.format !== MODEL_FILE_FORMAT) throw new ModelFileError(`The model manifest has format ${String(m.format)}, expected ${MODEL_FILE_FORMAT}.`);
  if (m.model !== model) throw new ModelFileError(`The model manifest describes "${String(m.model)}", expected "${model}".`);
  const listed = Array.isArray(m.parameters) ? m.parameters : [];
  const same = listed.length === expected.length && listed.every((p, i) => p.name === expected[i]!.name && p.shape.join('x') === expected[i]!.shape.join('x'));
  if (!same) throw new ModelFileError(`The model manifest lists parameters that do not match the ${model} in this code.`);
  if (!m.weights?.file || !Number.isInteger(m.weights.bytes) || typeof m.weights.crc32 !== 'string') throw new ModelFileError('The model manifest does not describe its weights file.');
  if (!m.training || !m.quality) throw new ModelFileError('The model manifest has no training record.');
  return m as ModelManifest;
}

export function decodeParams(manifest: ModelManifest, bytes: Uint8Array, crc32Hex: (b: Uint8Array) => string): ParamValues {
  if (bytes.length !== manifest.weights.bytes) throw new ModelFileError(`The weights file has ${bytes.length} bytes, expected ${manifest.weights.bytes}. It is damaged or incomplete.`);
  const sum = crc32Hex(bytes);
  if (sum !== manifest.weights.crc32) throw new ModelFileError(`The weights file's checksum ${sum} does not match ${manifest.weights.crc32}. It is damaged.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values: ParamValues = {};
  let offset = 0;
  for (const { name, shape } of manifest.parameters) {
    const size = sizeOf(shape);
    if (offset + size * 4 > bytes.length) throw new ModelFileError('The weights file is shorter than its parameters.');
    const array = new Float32Array(size);
    for (let i = 0; i < size; i++) array[i] = view.getFloat32(offset + 4 * i, true);
    values[name] = array;
    offset += size * 4;
  }
  if (offset !== bytes.length) throw new ModelFileError('The weights file is longer than its parameters.');
  return values;
}
