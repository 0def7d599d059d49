/**
 * Saving and opening a trained char-RNN: one JSON file holding the model's manifest in the site's
 * model format (src/data/model-format.ts: parameter list, byte count, CRC-32, training record)
 * and its weights file as base64. Opening checks all of it and says what is wrong.
 */
import { decodeWeights, encodeModel, ModelFileError, parseManifest, type ModelManifest, type ShippedModel } from '../../data/model-format.ts';
import { CELL_KINDS, paramSpecs, type CellKind, type ModelShape } from '../../engines/char-rnn/cells.ts';
import type { ParamValues } from '../../engines/params.ts';

export const CHAR_RNN_MODEL = 'char-rnn';

export interface CharRnnManifest extends ModelManifest {
  cell: CellKind;
  layers: number;
  hidden: number;
  /** The vocabulary, in index order. */
  chars: string[];
}

export interface OpenedModel {
  shape: ModelShape;
  chars: string[];
  values: ParamValues;
}

function kindOf(shape: ModelShape): ShippedModel<CharRnnManifest> {
  return {
    model: CHAR_RNN_MODEL,
    dir: '',
    parameters: paramSpecs(shape),
    recordProblem: (m) => (Array.isArray(m.chars) && m.chars.length === shape.vocab && m.chars.every((c) => typeof c === 'string') ? undefined : `lists ${Array.isArray(m.chars) ? m.chars.length : 'no'} vocabulary characters for ${shape.vocab} outputs`),
  };
}

export function saveModel(shape: ModelShape, chars: string[], values: ParamValues, training: Record<string, number | string>): string {
  const { manifest, bytes } = encodeModel(kindOf(shape), values, { training, cell: shape.cell, layers: shape.layers, hidden: shape.hidden, chars });
  let binary = '';
  for (let k = 0; k < bytes.length; k += 0x8000) binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return JSON.stringify({ manifest, weights: btoa(binary) });
}

export function openModel(text: string): OpenedModel {
  let file: { manifest?: Partial<CharRnnManifest>; weights?: unknown };
  try {
    file = JSON.parse(text) as typeof file;
  } catch {
    throw new ModelFileError('This file is not a saved char-RNN model (it is not JSON).');
  }
  const m = file?.manifest;
  if (!m || typeof m !== 'object') throw new ModelFileError('This file is not a saved char-RNN model (it has no manifest).');
  if (!CELL_KINDS.includes(m.cell as CellKind) || !Number.isInteger(m.layers) || !Number.isInteger(m.hidden) || !Array.isArray(m.chars)) {
    throw new ModelFileError('The model file does not say which cell, layers, hidden size and vocabulary it has.');
  }
  const shape: ModelShape = { cell: m.cell as CellKind, layers: m.layers!, hidden: m.hidden!, vocab: m.chars.length };
  if (shape.layers < 1 || shape.layers > 2 || shape.hidden < 8 || shape.hidden > 256) throw new ModelFileError(`The model has ${shape.layers} layers of ${shape.hidden} units; this demo runs 1-2 layers of 8-256.`);
  const manifest = parseManifest(m, kindOf(shape));
  if (typeof file.weights !== 'string') throw new ModelFileError('The model file has no weights.');
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(file.weights), (c) => c.charCodeAt(0));
  } catch {
    throw new ModelFileError('The model file\'s weights are damaged (not base64).');
  }
  return { shape, chars: manifest.chars, values: decodeWeights(manifest, bytes) };
}
