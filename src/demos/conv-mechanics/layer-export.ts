/** The convolution-mechanics run's export: every output beside the reference, and the layer. */
import { referenceOutput, type MechanicsLayer } from '../../engines/conv/layer.ts';
import { toCsv } from '../export.ts';
import { checkable } from './compute.ts';
import { cellAt, cellCount, outputDims, outputOffset } from './cursor.ts';

export function exportLayer(layer: MechanicsLayer, output: Float32Array | undefined): { csv: string; json: unknown } {
  const d = outputDims(layer);
  const reference = checkable(layer) ? referenceOutput(layer).data : undefined;
  const rows: (string | number)[][] = [];
  if (output) for (let n = 0; n < cellCount(d); n++) {
    const cell = cellAt(n, d);
    const at = outputOffset(cell, d);
    rows.push([cell.k, cell.i, cell.j, output[at]!, reference ? reference[at]! : '']);
  }
  return {
    csv: toCsv(['map', 'row', 'column', 'tfjs', 'reference'], rows),
    json: {
      layer: layer.settings,
      shape: { width: layer.shape.width, height: layer.shape.height, depth: layer.shape.depth, parameters: layer.shape.parameters, multiplyAdds: layer.shape.multiplyAdds },
      problems: layer.problems,
      input: { layout: 'height × width × depth', data: Array.from(layer.input.data) },
      filters: layer.bank && { layout: 'F × F × D × K', weights: Array.from(layer.bank.weights), bias: Array.from(layer.bank.bias) },
      output: output && { layout: 'height × width × depth', data: Array.from(output) },
    },
  };
}
