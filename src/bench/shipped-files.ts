/**
 * What a training page hands its script (scripts/train-cnn.mjs, train-generative.mjs): a model's
 * manifest and its weights as base64, in the one model format, which the script writes as they are.
 */
import type { ParamValues } from '../engines/params.ts';
import { encodeModel, type ModelManifest, type ModelRecords, type ShippedModel } from '../data/model-format.ts';

export function shippedFiles<M extends ModelManifest>(kind: ShippedModel<M>, values: ParamValues, records: ModelRecords<M>): { manifest: M; weightsBase64: string } {
  const { manifest, bytes } = encodeModel(kind, values, records);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { manifest, weightsBase64: btoa(binary) };
}
