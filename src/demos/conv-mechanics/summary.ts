/** The convolution-mechanics demo's readouts, as pure functions of the layer (unit-tested). */
import type { LayerSettings, MechanicsLayer } from '../../engines/conv/layer.ts';
import { formatNumber } from '../../engines/conv/size-text.ts';
import { BACKEND_LABELS, type BackendName } from '../../tf/types.ts';
import type { ConvMechanicsSettings } from './spec.ts';
import type { ComputedLayer } from './compute.ts';

/** The layer the settings describe (speed is the animation's, not the layer's). */
export function layerSettings(settings: ConvMechanicsSettings): LayerSettings {
  const { mode, width, height, depth, filters, size, stride, pad, dilation, seed } = settings;
  return { mode, width, height, depth, filters, size, stride, pad, dilation, seed };
}

export function describeLayer(layer: MechanicsLayer, backend: BackendName, computed: ComputedLayer | undefined): string {
  const s = layer.settings;
  const { shape } = layer;
  const what = s.mode === 'conv' ? `${s.filters} filter${s.filters > 1 ? 's' : ''} of ${s.size}×${s.size}×${s.depth}` : `${s.mode === 'max' ? 'max' : 'average'} pooling over ${s.size}×${s.size} windows`;
  const parts = [`Input ${s.width}×${s.height}×${s.depth}, ${what}, stride ${s.stride}, padding ${s.pad}${layer.dilation > 1 ? `, dilation ${layer.dilation}` : ''}: output ${shape.width.positions}×${shape.height.positions}×${shape.depth}.`];
  if (layer.problems.length > 0) parts.push('It does not fit as set: see the note under the formula.');
  if (computed) parts.push(`Computed in ${Math.round(computed.ms)} ms on ${BACKEND_LABELS[backend]}.`);
  if (computed?.check) parts.push(`All ${formatNumber(computed.check.outputs)} outputs match the plain-TS reference (largest difference ${computed.check.largestDifference.toExponential(1)}).`);
  return parts.join(' ');
}

/** What a screen reader hears when the reader moves the window. */
export function describeOutput(cell: { k: number; i: number; j: number }, value: number): string {
  return `Output o[${cell.i},${cell.j},${cell.k}] = ${formatNumber(value)}.`;
}
