/**
 * The one format of the models that ship with the site (public/models/<dir>/): `model.json`
 * (the manifest) and `weights.bin` (every parameter as little-endian float32, in the manifest's
 * order, row-major in tfjs layout). Written by the training pages (src/bench) for the scripts,
 * read by the demos and the tests. Reading checks the model's name, its parameter list, the
 * file's size and CRC-32 and the model's own records, and says what is wrong.
 */
import { sizeOf, type ParamSpec, type ParamValues, type WeightsId } from '../engines/params.ts';
import { crc32Hex } from './crc32.ts';

export const MODEL_FORMAT = 2;
export const WEIGHTS_FILE = 'weights.bin';

export interface ModelManifest {
  format: typeof MODEL_FORMAT;
  /** Which model the parameters belong to, e.g. "dcgan-generator". */
  model: string;
  parameters: ParamSpec[];
  weights: { file: string; bytes: number; crc32: string };
  /** How the weights were made: seed, steps, batch size, learning rate, backend, time. */
  training: Record<string, number | string | boolean>;
}

/** A model that ships: where it lives, what the code expects of its manifest. */
export interface ShippedModel<M extends ModelManifest> {
  model: string;
  /** Folder under models/ (public/models/ in the repository). */
  dir: string;
  /** Every parameter, in the order of the weights file. */
  parameters: readonly ParamSpec[];
  /**
   * Checks what the manifest records besides its weights (test accuracy, sample quality…), as
   * read from JSON: the problem, completing "The <model> manifest …", or undefined.
   */
  recordProblem(manifest: Partial<M>): string | undefined;
}

export class ModelFileError extends Error {
  override name = 'ModelFileError';
}

export function weightsId(manifest: ModelManifest): WeightsId {
  return { model: manifest.model, crc32: manifest.weights.crc32 };
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

/** What a manifest records besides its weights: training, and the model's own (test accuracy, sample quality…). */
export type ModelRecords<M extends ModelManifest> = Omit<M, keyof ModelManifest> & Pick<M, 'training'>;

/** The files of a model: its weights, and its manifest checked as a reader will check it. */
export function encodeModel<M extends ModelManifest>(kind: ShippedModel<M>, values: ParamValues, records: ModelRecords<M>): { manifest: M; bytes: Uint8Array } {
  const bytes = encodeParams(kind.parameters, values);
  const manifest = {
    format: MODEL_FORMAT,
    model: kind.model,
    parameters: kind.parameters.map((s) => ({ name: s.name, shape: [...s.shape] })),
    weights: { file: WEIGHTS_FILE, bytes: bytes.length, crc32: crc32Hex(bytes) },
    ...records,
  };
  return { manifest: parseManifest(manifest, kind), bytes };
}

/** Checks a manifest read from JSON against the model the code expects; throws a ModelFileError that says what is wrong. */
export function parseManifest<M extends ModelManifest>(value: unknown, kind: ShippedModel<M>): M {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ModelFileError(`The ${kind.model} manifest is not a JSON object.`);
  const m = value as Partial<ModelManifest> & Record<string, unknown>;
  if (m.format !== MODEL_FORMAT) throw new ModelFileError(`The ${kind.model} manifest has format ${String(m.format)}, expected ${MODEL_FORMAT}.`);
  if (m.model !== kind.model) throw new ModelFileError(`The model manifest describes "${String(m.model)}", expected "${kind.model}".`);
  const mismatch = parameterMismatch(m.parameters, kind.parameters);
  if (mismatch) throw new ModelFileError(`The ${kind.model} manifest lists parameters that do not match the ${kind.model} in this code: ${mismatch}.`);
  const w = m.weights;
  if (!w || typeof w.file !== 'string' || !w.file || !Number.isInteger(w.bytes) || typeof w.crc32 !== 'string' || !/^[0-9a-f]{8}$/.test(w.crc32)) {
    throw new ModelFileError(`The ${kind.model} manifest does not describe its weights file (file, bytes, crc32).`);
  }
  const expectedBytes = 4 * kind.parameters.reduce((n, s) => n + sizeOf(s.shape), 0);
  if (w.bytes !== expectedBytes) throw new ModelFileError(`The ${kind.model} manifest gives its weights ${w.bytes} bytes, but its parameters take ${expectedBytes}.`);
  if (!m.training || typeof m.training !== 'object') throw new ModelFileError(`The ${kind.model} manifest has no training record.`);
  const problem = kind.recordProblem(m as Partial<M>);
  if (problem) throw new ModelFileError(`The ${kind.model} manifest ${problem}.`);
  return m as unknown as M;
}

function parameterMismatch(listed: unknown, expected: readonly ParamSpec[]): string | undefined {
  if (!Array.isArray(listed)) return 'no parameter list';
  const show = (p: ParamSpec | undefined) => (p ? `${p.name} [${p.shape.join('×')}]` : 'nothing');
  for (let i = 0; i < Math.max(listed.length, expected.length); i++) {
    const p = listed[i] as ParamSpec | undefined;
    const e = expected[i];
    const same = p && e && p.name === e.name && Array.isArray(p.shape) && p.shape.join('x') === e.shape.join('x');
    if (!same) return `parameter ${i + 1} is ${show(p)}, expected ${show(e)}`;
  }
  return undefined;
}

/** The parameters of a checked manifest from its weights file, checked by size and CRC-32. */
export function decodeWeights(manifest: ModelManifest, bytes: Uint8Array): ParamValues {
  const name = manifest.model;
  if (bytes.length !== manifest.weights.bytes) throw new ModelFileError(`The ${name} weights file has ${bytes.length} bytes, expected ${manifest.weights.bytes}. It is damaged or incomplete.`);
  const sum = crc32Hex(bytes);
  if (sum !== manifest.weights.crc32) throw new ModelFileError(`The ${name} weights file's checksum ${sum} does not match ${manifest.weights.crc32}. It is damaged.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values: ParamValues = {};
  let offset = 0;
  for (const { name: param, shape } of manifest.parameters) {
    const size = sizeOf(shape);
    const array = new Float32Array(size);
    for (let i = 0; i < size; i++) array[i] = view.getFloat32(offset + 4 * i, true);
    values[param] = array;
    offset += size * 4;
  }
  return values;
}
