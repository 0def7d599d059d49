/**
 * How much arithmetic each benchmarked operation does, counted the usual way for GFLOP/s: a
 * multiply-add is two floating-point operations (some tables, such as per-network "FLOPs" lists,
 * count it as one: halve ours to compare).
 */

/** An n×n by n×n matrix product: n² outputs, each n multiply-adds. */
export function matmulFlops(n: number): number {
  return 2 * n * n * n;
}

/** A square convolution layer on one square image, bias left out (it adds one op per output). */
export interface ConvLayer {
  /** Input height and width. */
  size: number;
  inChannels: number;
  outChannels: number;
  kernel: number;
  stride: number;
  /** 'same' keeps size/stride outputs per side; 'valid' uses only full windows. */
  pad: 'same' | 'valid';
}

/** Outputs per side, as tfjs (and TensorFlow) compute them. */
export function convOutputSide(layer: ConvLayer): number {
  const { size, kernel, stride, pad } = layer;
  return pad === 'same' ? Math.ceil(size / stride) : Math.floor((size - kernel) / stride) + 1;
}

/** outputs (side² × out channels), each a kernel×kernel×in-channels window of multiply-adds. */
export function convFlops(layer: ConvLayer): number {
  const side = convOutputSide(layer);
  return 2 * side * side * layer.outChannels * layer.kernel * layer.kernel * layer.inChannels;
}
