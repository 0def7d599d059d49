/**
 * Layer-by-layer accounting of an architecture spec (./layers.ts): the output shape of every
 * layer, its parameters (weights and biases, or batch norm's scale and shift), its multiply-adds
 * (a fused multiply-add counts once: H'·W'·K·F·F·C/groups for a convolution, N_in·N_out for a
 * fully connected layer; pooling, ReLU and additions do none), and its activations (the numbers
 * it outputs for one image). Memory: 4 bytes per number; a forward pass writes every activation
 * once; training keeps each for the backward pass and adds its gradient (2×), and holds each
 * parameter with its gradient and one momentum buffer (3×).
 */
import type { Architecture, ConvLayer, Layer, Padding, PoolLayer } from './layers.ts';

export type Shape = [number, number, number];

export interface LayerRow {
  /** Full name: the block, then the layer ("inception 3a / 3×3"). */
  name: string;
  /** The top-level layer or block it belongs to. */
  block: string;
  kind: 'input' | 'conv' | 'pool' | 'lrn' | 'fc' | 'concat' | 'add';
  /** What the layer does, in the notes' notation ("3×3/1, 64"). */
  detail: string;
  output: Shape;
  /** Weights alone (no biases, no batch norm), and the factors that multiply to them: F, F, C/groups, K or N_in, N_out. */
  weights: number;
  weightFactors: number[];
  params: number;
  macs: number;
  activations: number;
}

export interface ArchitectureReport {
  architecture: Architecture;
  input: Shape;
  rows: LayerRow[];
  /** depth: layers with weights on the longest path from input to output (the papers' "152 layers"). */
  totals: { params: number; macs: number; activations: number; forwardBytes: number; trainingBytes: number; depth: number };
}

export const BYTES_PER_NUMBER = 4;

/** A spec that does not fit its input (too small an image, mismatched branches): said in words. */
export class ArchitectureError extends Error {
  override name = 'ArchitectureError';
}

const sizeOf = (s: Shape) => s[0] * s[1] * s[2];
const times = '×';

/** Output length along one axis: floor((n − f + 2p)/s) + 1, or ceil(n/s) for 'same' padding. */
export function outputLength(n: number, f: number, s: number, pad: Padding): number {
  return pad === 'same' ? Math.ceil(n / s) : Math.floor((n - f + 2 * pad) / s) + 1;
}

function windowed(layer: ConvLayer | PoolLayer, input: Shape, size: number, stride: number, pad: Padding): [number, number] {
  const h = outputLength(input[0], size, stride, pad);
  const w = outputLength(input[1], size, stride, pad);
  if (h < 1 || w < 1) throw new ArchitectureError(`${layer.name}: its ${input[0]}${times}${input[1]} input is too small for a ${size}${times}${size} window with stride ${stride}; choose a larger input.`);
  return [h, w];
}

function walk(layers: readonly Layer[], input: Shape, block: string | undefined, prefix: string, rows: LayerRow[]): Shape {
  let shape = input;
  for (const layer of layers) {
    const top = block ?? layer.name;
    const name = prefix ? `${prefix} / ${layer.name}` : layer.name;
    const push = (row: Omit<LayerRow, 'name' | 'block' | 'weights' | 'weightFactors'> & Partial<LayerRow>) => rows.push({ name, block: top, weights: 0, weightFactors: [], ...row });
    switch (layer.kind) {
      case 'conv': {
        const stride = layer.stride ?? 1;
        const groups = layer.groups ?? 1;
        if (shape[2] % groups !== 0) throw new ArchitectureError(`${name}: ${shape[2]} input channels do not split into ${groups} groups.`);
        const [h, w] = windowed(layer, shape, layer.size, stride, layer.pad ?? 0);
        const fan = layer.size * layer.size * (shape[2] / groups);
        const weights = fan * layer.filters;
        const shape0 = shape;
        shape = [h, w, layer.filters];
        const detail = `${layer.size}${times}${layer.size}/${stride}, ${layer.filters}${groups > 1 ? `, ${groups} groups` : ''}${layer.bn ? ', BN' : ''}`;
        push({ kind: 'conv', detail, output: shape, weights, weightFactors: [layer.size, layer.size, shape0[2] / groups, layer.filters], params: weights + (layer.bn ? 2 : 1) * layer.filters, macs: h * w * layer.filters * fan, activations: sizeOf(shape) });
        break;
      }
      case 'pool': {
        const global = layer.size === 'global';
        const size = global ? shape[0] : (layer.size as number);
        const stride = global ? 1 : (layer.stride ?? size);
        const [h, w] = global ? [1, 1] : windowed(layer, shape, size, stride, layer.pad ?? 0);
        shape = [h, w, shape[2]];
        push({ kind: 'pool', detail: `${layer.op} ${global ? 'global' : `${size}${times}${size}/${stride}`}`, output: shape, params: 0, macs: 0, activations: sizeOf(shape) });
        break;
      }
      case 'lrn':
        push({ kind: 'lrn', detail: 'local response norm.', output: shape, params: 0, macs: 0, activations: sizeOf(shape) });
        break;
      case 'fc': {
        const inputs = sizeOf(shape);
        shape = [1, 1, layer.units];
        push({ kind: 'fc', detail: `${inputs} → ${layer.units}`, output: shape, weights: inputs * layer.units, weightFactors: [inputs, layer.units], params: inputs * layer.units + layer.units, macs: inputs * layer.units, activations: layer.units });
        break;
      }
      case 'concat': {
        const outputs = layer.branches.map((branch, i) => walk(branch, shape, top, `${name} / branch ${i + 1}`, rows));
        const [h, w] = outputs[0]!;
        if (outputs.some((o) => o[0] !== h || o[1] !== w)) throw new ArchitectureError(`${name}: its branches end at different sizes (${outputs.map((o) => `${o[0]}${times}${o[1]}`).join(', ')}).`);
        shape = [h, w, outputs.reduce((sum, o) => sum + o[2], 0)];
        push({ kind: 'concat', detail: `concat ${outputs.map((o) => o[2]).join(' + ')}`, output: shape, params: 0, macs: 0, activations: sizeOf(shape) });
        break;
      }
      case 'residual': {
        const body = walk(layer.body, shape, top, name, rows);
        const shortcut = layer.shortcut.length > 0 ? walk(layer.shortcut, shape, top, `${name} / shortcut`, rows) : shape;
        if (body.join() !== shortcut.join()) throw new ArchitectureError(`${name}: the body ends at ${body.join(times)} but the shortcut at ${shortcut.join(times)}.`);
        shape = body;
        push({ kind: 'add', detail: layer.shortcut.length > 0 ? 'add (projection)' : 'add (identity)', output: shape, params: 0, macs: 0, activations: sizeOf(shape) });
        break;
      }
    }
  }
  return shape;
}

/** Layers with weights on the longest path: branches and shortcuts count their longest member. */
export function weightDepth(layers: readonly Layer[]): number {
  return layers.reduce((depth, layer) => {
    switch (layer.kind) {
      case 'conv':
      case 'fc':
        return depth + 1;
      case 'concat':
        return depth + Math.max(...layer.branches.map(weightDepth));
      case 'residual':
        return depth + Math.max(weightDepth(layer.body), weightDepth(layer.shortcut));
      default:
        return depth;
    }
  }, 0);
}

/** The accounting of `architecture` on an input of `input` (default: the paper's). */
export function analyzeArchitecture(architecture: Architecture, input: Shape = architecture.input): ArchitectureReport {
  const rows: LayerRow[] = [{ name: 'input', block: 'input', kind: 'input', detail: 'image', output: input, weights: 0, weightFactors: [], params: 0, macs: 0, activations: sizeOf(input) }];
  walk(architecture.layers, input, undefined, '', rows);
  const sum = (key: 'params' | 'macs' | 'activations') => rows.reduce((total, row) => total + row[key], 0);
  const params = sum('params');
  const activations = sum('activations');
  return {
    architecture,
    input,
    rows,
    totals: {
      params,
      macs: sum('macs'),
      activations,
      forwardBytes: BYTES_PER_NUMBER * (activations + params),
      trainingBytes: BYTES_PER_NUMBER * (2 * activations + 3 * params),
      depth: weightDepth(architecture.layers),
    },
  };
}
