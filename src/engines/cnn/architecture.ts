/**
 * The ConvNet of the CNN demos (Lectures 5 and 12), a small LeNet-style network for 28×28 digits:
 *
 *   input 28×28×1
 *   conv1  F×F, K1 filters, stride 1, 'same' padding, ReLU   -> 28×28×K1
 *   pool1  2×2 max, stride 2                                 -> 14×14×K1
 *   conv2  F×F, K2 filters, stride 1, 'same' padding, ReLU   -> 14×14×K2
 *   pool2  2×2 max, stride 2                                 -> 7×7×K2
 *   fc1    7·7·K2 -> H hidden units, ReLU
 *   fc2    H -> 10 class scores
 *
 * Parameters are held as named flat arrays in a fixed order, so that the shipped weights file,
 * the training code and the tests agree on one layout.
 */
import type { Random } from '../random.ts';

export interface CnnArchitecture {
  filterSize: number;
  conv1Filters: number;
  conv2Filters: number;
  hidden: number;
}

export const CNN_ARCHITECTURE: CnnArchitecture = { filterSize: 5, conv1Filters: 8, conv2Filters: 16, hidden: 64 };
export const IMAGE_SIZE = 28;
export const CLASSES = 10;

export const PARAMETER_NAMES = ['conv1.w', 'conv1.b', 'conv2.w', 'conv2.b', 'fc1.w', 'fc1.b', 'fc2.w', 'fc2.b'] as const;
export type ParameterName = (typeof PARAMETER_NAMES)[number];

export interface CnnWeights {
  architecture: CnnArchitecture;
  /** Row-major values of each parameter, shaped as parameterShapes() says. */
  values: Record<ParameterName, Float32Array>;
}

/** Side of the feature maps after the second pooling layer. */
export function finalMapSize(): number {
  return IMAGE_SIZE / 4;
}

/** Shapes in tfjs layout: conv filters [F, F, in, out], fully connected [in, out]. */
export function parameterShapes(a: CnnArchitecture): Record<ParameterName, number[]> {
  const f = a.filterSize;
  const flat = finalMapSize() ** 2 * a.conv2Filters;
  return {
    'conv1.w': [f, f, 1, a.conv1Filters],
    'conv1.b': [a.conv1Filters],
    'conv2.w': [f, f, a.conv1Filters, a.conv2Filters],
    'conv2.b': [a.conv2Filters],
    'fc1.w': [flat, a.hidden],
    'fc1.b': [a.hidden],
    'fc2.w': [a.hidden, CLASSES],
    'fc2.b': [CLASSES],
  };
}

export function parameterCount(a: CnnArchitecture): number {
  return Object.values(parameterShapes(a)).reduce((n, shape) => n + shape.reduce((p, d) => p * d, 1), 0);
}

/** He initialisation (std sqrt(2 / fan-in)) from a seeded generator; biases zero. */
export function initCnnWeights(a: CnnArchitecture, random: Random): CnnWeights {
  const shapes = parameterShapes(a);
  const values = {} as Record<ParameterName, Float32Array>;
  for (const name of PARAMETER_NAMES) {
    const shape = shapes[name];
    const size = shape.reduce((p, d) => p * d, 1);
    if (shape.length === 1) {
      values[name] = new Float32Array(size);
      continue;
    }
    const fanIn = shape.slice(0, -1).reduce((p, d) => p * d, 1);
    const std = Math.sqrt(2 / fanIn);
    values[name] = Float32Array.from({ length: size }, () => random.normal() * std);
  }
  return { architecture: { ...a }, values };
}
