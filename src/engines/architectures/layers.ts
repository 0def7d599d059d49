/**
 * CNN architectures as data: a network is a list of layers, where a layer is a convolution, a
 * pooling, a normalization, a fully connected layer, a concatenation of branches (Inception) or a
 * residual block (a body added to a shortcut). Everything the explorer, the Lecture 9 tables and
 * the tfjs builder know about a network is computed from these specs, written once in ./zoo.ts.
 */

/** 'same': the output is ceil(input / stride), TensorFlow's rule (GoogLeNet's pools, ResNet's convs). */
export type Padding = number | 'same';

export interface ConvLayer {
  kind: 'conv';
  name: string;
  filters: number;
  size: number;
  stride?: number;
  pad?: Padding;
  /** Filter groups: each filter sees C/groups input channels (AlexNet's two-GPU split). */
  groups?: number;
  /** Batch norm after the convolution (its scale and shift replace the bias). */
  bn?: boolean;
  /** ReLU after the layer (default true); a residual body's last conv has none before the addition. */
  relu?: boolean;
}

export interface PoolLayer {
  kind: 'pool';
  name: string;
  op: 'max' | 'avg';
  /** Window size, or 'global' for a window the size of the whole map. */
  size: number | 'global';
  stride?: number;
  pad?: Padding;
}

/** AlexNet's local response normalization across 5 channels. */
export interface LrnLayer {
  kind: 'lrn';
  name: string;
}

export interface FcLayer {
  kind: 'fc';
  name: string;
  units: number;
  relu?: boolean;
}

export interface ConcatLayer {
  kind: 'concat';
  name: string;
  branches: Layer[][];
}

export interface ResidualLayer {
  kind: 'residual';
  name: string;
  body: Layer[];
  /** Empty: the identity; else a projection (a strided 1×1 conv with batch norm). */
  shortcut: Layer[];
}

export type Layer = ConvLayer | PoolLayer | LrnLayer | FcLayer | ConcatLayer | ResidualLayer;

export interface Architecture {
  id: string;
  name: string;
  year: number;
  /** The input the paper used: [height, width, channels]. */
  input: [number, number, number];
  /** Bibliography key of the paper. */
  cite: string;
  /** One line on which version of the network this is. */
  note: string;
  layers: Layer[];
}
