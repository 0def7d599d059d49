/**
 * Named parameters in a fixed order: the one layout that a model's training code, its shipped
 * weights file and its tests agree on (used by the DCGAN and the VAE).
 */
import type { Tensor, Tf, Variable } from '../tf/types.ts';
import type { Random } from './random.ts';

export interface ParamSpec {
  name: string;
  shape: number[];
}

/** Row-major values of each named parameter. */
export type ParamValues = Record<string, Float32Array>;
export type ParamTensors = Record<string, Tensor>;

/** Exactly which values a model ran with: its name and the CRC-32 of its shipped weights file. */
export interface WeightsId {
  model: string;
  crc32: string;
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function parameterCount(specs: readonly ParamSpec[]): number {
  return specs.reduce((n, p) => n + sizeOf(p.shape), 0);
}

/** Values for every spec from `init(spec)`, checked against the shape. */
export function initParams(specs: readonly ParamSpec[], init: (spec: ParamSpec) => Float32Array): ParamValues {
  const values: ParamValues = {};
  for (const spec of specs) {
    const array = init(spec);
    if (array.length !== sizeOf(spec.shape)) throw new Error(`${spec.name}: ${array.length} values for shape ${spec.shape.join('×')}`);
    values[spec.name] = array;
  }
  return values;
}

export function normalArray(random: Random, size: number, std: number, mean = 0): Float32Array {
  return Float32Array.from({ length: size }, () => mean + std * random.normal());
}

export function paramVariables(tf: Tf, specs: readonly ParamSpec[], values: ParamValues): Record<string, Variable> {
  return tf.tidy(() => Object.fromEntries(specs.map((s) => [s.name, tf.variable(tf.tensor(valueOf(values, s.name), s.shape), true)])));
}

export function paramTensors(tf: Tf, specs: readonly ParamSpec[], values: ParamValues): ParamTensors {
  return Object.fromEntries(specs.map((s) => [s.name, tf.tensor(valueOf(values, s.name), s.shape)]));
}

export async function readParams(specs: readonly ParamSpec[], tensors: ParamTensors): Promise<ParamValues> {
  const values: ParamValues = {};
  for (const s of specs) values[s.name] = Float32Array.from(await param(tensors, s.name).data());
  return values;
}

export function param(tensors: ParamTensors, name: string): Tensor {
  const tensor = tensors[name];
  if (!tensor) throw new Error(`missing parameter ${name}`);
  return tensor;
}

export function valueOf(values: ParamValues, name: string): Float32Array {
  const array = values[name];
  if (!array) throw new Error(`missing parameter ${name}`);
  return array;
}
