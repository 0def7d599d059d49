/**
 * The output-size rule of a CONV or POOL layer (Lecture 5): along one spatial dimension of size W,
 * a filter of size F with dilation d covers F_eff = d(F − 1) + 1 inputs, and with stride S and
 * zero-padding P it fits at (W − F_eff + 2P)/S + 1 positions. When that is not a whole number,
 * libraries (tf.conv2d among them) round down and never read the last inputs: we say so.
 */

export interface DimensionInput {
  /** W (or H): the input's size along this dimension, before padding. */
  input: number;
  /** F: the filter (or pooling window) size. */
  filter: number;
  /** S */
  stride: number;
  /** P: zeros added on each side. */
  pad: number;
  /** d: spacing of the filter's taps (1 = an ordinary convolution). */
  dilation?: number;
}

export interface DimensionSize {
  /** F_eff = d(F − 1) + 1, the span of input the filter covers. */
  effectiveFilter: number;
  /** W + 2P */
  padded: number;
  /** (W − F_eff + 2P)/S + 1 as a real number (may be fractional or ≤ 0). */
  exact: number;
  /** Positions a library computes: ⌊exact⌋, or 0 when the filter is larger than the padded input. */
  positions: number;
  /** True when `exact` is a whole number ≥ 1: the filter tiles the padded input evenly. */
  fits: boolean;
  /** Why it does not fit. */
  problem?: 'larger-than-input' | 'uneven';
  /** Padded inputs at the end that no window reaches (the remainder of the division). */
  unused: number;
}

export function outputSize({ input, filter, stride, pad, dilation = 1 }: DimensionInput): DimensionSize {
  for (const [name, value, min] of [['input', input, 1], ['filter', filter, 1], ['stride', stride, 1], ['pad', pad, 0], ['dilation', dilation, 1]] as const) {
    if (!Number.isInteger(value) || value < min) throw new RangeError(`outputSize: ${name} must be an integer ≥ ${min}, got ${value}`);
  }
  const effectiveFilter = dilation * (filter - 1) + 1;
  const padded = input + 2 * pad;
  const exact = (input - effectiveFilter + 2 * pad) / stride + 1;
  if (effectiveFilter > padded) {
    return { effectiveFilter, padded, exact, positions: 0, fits: false, problem: 'larger-than-input', unused: padded };
  }
  const positions = Math.floor(exact);
  const unused = padded - ((positions - 1) * stride + effectiveFilter);
  return unused === 0
    ? { effectiveFilter, padded, exact, positions, fits: true, unused }
    : { effectiveFilter, padded, exact, positions, fits: false, problem: 'uneven', unused };
}

export interface ConvLayer {
  width: number;
  height: number;
  depth: number;
  /** K */
  filters: number;
  size: number;
  stride: number;
  pad: number;
  dilation?: number;
}

export interface LayerShape {
  width: DimensionSize;
  height: DimensionSize;
  /** Output depth: K for a CONV layer, D for a POOL layer. */
  depth: number;
  /** Learnable weights and biases: (F·F·D + 1)·K for CONV, 0 for POOL. */
  parameters: number;
  weights: number;
  biases: number;
  /** Multiply-adds of one forward pass over the computed positions: W₂·H₂·K·F·F·D. */
  multiplyAdds: number;
  fits: boolean;
}

export function convLayerShape(layer: ConvLayer): LayerShape {
  const along = (input: number) => outputSize({ input, filter: layer.size, stride: layer.stride, pad: layer.pad, dilation: layer.dilation ?? 1 });
  const width = along(layer.width);
  const height = along(layer.height);
  const weights = layer.size * layer.size * layer.depth * layer.filters;
  return {
    width,
    height,
    depth: layer.filters,
    parameters: weights + layer.filters,
    weights,
    biases: layer.filters,
    multiplyAdds: width.positions * height.positions * weights,
    fits: width.fits && height.fits,
  };
}

export interface PoolLayer {
  width: number;
  height: number;
  depth: number;
  size: number;
  stride: number;
  pad: number;
}

export function poolLayerShape(layer: PoolLayer): LayerShape & { padTooLarge: boolean } {
  const along = (input: number) => outputSize({ input, filter: layer.size, stride: layer.stride, pad: layer.pad });
  const width = along(layer.width);
  const height = along(layer.height);
  // With P ≥ F a window can lie entirely in the padding, where there is nothing to pool.
  const padTooLarge = layer.pad >= layer.size;
  return {
    width,
    height,
    depth: layer.depth,
    parameters: 0,
    weights: 0,
    biases: 0,
    multiplyAdds: width.positions * height.positions * layer.depth * layer.size * layer.size,
    fits: width.fits && height.fits && !padTooLarge,
    padTooLarge,
  };
}
