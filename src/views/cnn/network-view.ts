/**
 * The ConvNet for one input, as one SVG: the input digit and the class probabilities (with the
 * scores), then the activation maps of every layer, one mosaic image per layer (each layer's
 * colours scaled to its own largest activation), then the hidden units. Layout depends only on
 * the width, so it is computed once; update() replaces the images and bars.
 */
import { select } from 'd3';
import { renderClassBars, type ClassBarsData } from './class-bars.ts';
import { channel, mosaicDataUrl, type Raster } from './raster.ts';

export interface LayerMaps {
  label: string;
  /** Side of each (square) map. */
  size: number;
  channels: number;
  /** One image's activations, [size, size, channels] row-major (NHWC). */
  values: Float32Array;
}

export interface NetworkSnapshot extends ClassBarsData {
  input: Float32Array;
  /** What ◀ marks in the bars, if anything: "label". */
  markName?: string;
  layers: LayerMaps[];
  hidden: Float32Array;
}

export interface NetworkView {
  svg: SVGSVGElement;
  update(snapshot: NetworkSnapshot): void;
}

const GAP = 10;
const LABEL = 16;

interface RowLayout {
  y: number;
  columns: number;
  scale: number;
}

export function createNetworkView(container: HTMLElement, options: { width: number; layers: { size: number; channels: number }[]; hidden: number }): NetworkView {
  const { width } = options;
  const inputSide = Math.round(Math.min(140, Math.max(84, width * 0.28)));
  let y = LABEL + inputSide + GAP;
  const rows: RowLayout[] = options.layers.map(({ size, channels }) => {
    const minTile = size >= 14 ? 30 : 18;
    // The scale at which `columns` maps (with one-pixel gaps, scaled too) fill the width.
    const filling = (columns: number) => width / (columns * (size + 1) - 1);
    let columns = channels;
    while (columns > 1 && filling(columns) * size < minTile) columns = Math.ceil(columns / 2);
    const scale = Math.min((size >= 14 ? 64 : 40) / size, filling(columns));
    const mosaicRows = Math.ceil(channels / columns);
    const row = { y: y + LABEL, columns, scale };
    y += LABEL + (mosaicRows * (size + 1) - 1) * scale + GAP;
    return row;
  });
  const hiddenColumns = width >= options.hidden * 8 ? options.hidden : Math.ceil(options.hidden / 2);
  const hiddenCell = Math.min(14, width / hiddenColumns);
  const hiddenY = y + LABEL;
  const height = Math.ceil(hiddenY + Math.ceil(options.hidden / hiddenColumns) * hiddenCell + 4);

  const svg = select(container)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('class', 'demo-svg')
    .attr('role', 'img')
    .attr('aria-label', 'The input digit, the class probabilities, and the activation maps of every layer of the ConvNet');
  const text = (x: number, ty: number) => svg.append('text').attr('x', x).attr('y', ty).attr('font-size', 11).attr('fill', 'currentColor');
  text(0, 12).text('Input, 28×28');
  const barsTitle = text(inputSide + 16, 12);
  const inputImage = svg.append('image').attr('x', 0).attr('y', LABEL).attr('width', inputSide).attr('height', inputSide).style('image-rendering', 'pixelated');
  const bars = svg.append('g').attr('transform', `translate(${inputSide + 16},${LABEL})`);
  const layerTitles = rows.map((row) => text(0, row.y - 4));
  const layerImages = rows.map((row) => svg.append('image').attr('x', 0).attr('y', row.y).style('image-rendering', 'pixelated'));
  const hiddenTitle = text(0, hiddenY - 4);
  const hiddenImage = svg.append('image').attr('x', 0).attr('y', hiddenY).style('image-rendering', 'pixelated');

  return {
    svg: svg.node()!,
    update(snapshot) {
      barsTitle.text(`p(class) (score)${snapshot.markName ? ` · ◀ ${snapshot.markName}` : ''}`);
      inputImage.attr('href', mosaicDataUrl([{ values: snapshot.input, width: 28, height: 28, colorMap: 'grey', max: 1 }], 1).href);
      renderClassBars(bars, snapshot, { width: width - inputSide - 16, height: inputSide });
      snapshot.layers.forEach((layer, i) => {
        const row = rows[i]!;
        let max = 0;
        for (const v of layer.values) max = Math.max(max, v);
        const tiles: Raster[] = Array.from({ length: layer.channels }, (_, c) => ({ values: channel(layer.values, layer.size, layer.size, layer.channels, c), width: layer.size, height: layer.size, colorMap: 'viridis', max }));
        const mosaic = mosaicDataUrl(tiles, row.columns);
        layerTitles[i]!.text(`${layer.label} (largest ${max.toFixed(2)})`);
        layerImages[i]!.attr('href', mosaic.href).attr('width', mosaic.width * row.scale).attr('height', mosaic.height * row.scale);
      });
      let hiddenMax = 0;
      for (const v of snapshot.hidden) hiddenMax = Math.max(hiddenMax, v);
      const rowsOfUnits = Math.ceil(snapshot.hidden.length / hiddenColumns);
      const padded = Float32Array.from({ length: rowsOfUnits * hiddenColumns }, (_, k) => snapshot.hidden[k] ?? 0);
      hiddenTitle.text(`fc1 + ReLU: ${snapshot.hidden.length} hidden units (largest ${hiddenMax.toFixed(2)})`);
      const strip = mosaicDataUrl([{ values: padded, width: hiddenColumns, height: rowsOfUnits, colorMap: 'viridis', max: hiddenMax }], 1);
      hiddenImage.attr('href', strip.href).attr('width', hiddenColumns * hiddenCell).attr('height', rowsOfUnits * hiddenCell);
    },
  };
}
