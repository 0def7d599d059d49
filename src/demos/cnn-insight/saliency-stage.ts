/** The saliency demo: |∂S_c/∂I| and the signed gradient for one test digit (Simonyan et al. 2014). */
import { saliencyMap, type Saliency } from '../../engines/cnn/saliency.ts';
import { maxAbs } from '../../views/cnn/raster.ts';
import { toCsv } from '../export.ts';
import { chosenClass, percent, type InsightStage, type StageContext } from './stage.ts';

/** Pixels with at least this much ink count as "on the stroke" in the summary. */
const INK = 0.2;

export function createSaliencyStage(s: StageContext): InsightStage {
  const c = chosenClass(s.settings['class'], s.predicted, s.digit.label);
  let result: Saliency | undefined;
  return {
    async advance() {
      result = await saliencyMap(s.tf, s.params, s.digit.pixels, c);
      const max = maxAbs(result.gradient);
      s.panels.update([
        { title: 'Input', note: `test digit ${s.digit.number} · label ${s.digit.label} · predicted ${s.predicted}`, raster: { values: s.digit.pixels, width: 28, height: 28, colorMap: 'grey', max: 1 } },
        { title: `|∂S${sub(c)}/∂I|`, note: `S${sub(c)} = ${result.scores[c]!.toFixed(2)} · bright: sensitive`, raster: { values: result.map, width: 28, height: 28, colorMap: 'viridis', max }, overlay: { values: s.digit.pixels, width: 28, height: 28, colorMap: 'ink', max: 1 } },
        { title: `∂S${sub(c)}/∂I, signed`, note: `red: ink raises S${sub(c)} · blue: lowers it · ±${max.toFixed(2)}`, raster: { values: result.gradient, width: 28, height: 28, colorMap: 'diverging', max } },
      ]);
      return false;
    },
    stepsPerFrame: () => 1,
    summary() {
      if (!result) return 'Computing the saliency map…';
      const total = result.map.reduce((a, b) => a + b, 0);
      let onInk = 0;
      let inkPixels = 0;
      result.map.forEach((v, i) => {
        if (s.digit.pixels[i]! >= INK) {
          onInk += v;
          inkPixels++;
        }
      });
      const top = result.map.indexOf(Math.max(...result.map));
      return `Saliency of class ${c} for test digit ${s.digit.number} (label ${s.digit.label}): score S = ${result.scores[c]!.toFixed(2)}, probability ${percent(s.probabilities[c]!)}. The largest |∂S/∂I| is at row ${Math.floor(top / 28)}, column ${top % 28}; ${percent(onInk / total)} of the total lies on the ${percent(inkPixels / 784)} of pixels that carry ink.`;
    },
    exportData() {
      const rows: (string | number)[][] = [];
      result?.gradient.forEach((g, i) => rows.push([Math.floor(i / 28), i % 28, s.digit.pixels[i]!, g]));
      return { csv: toCsv(['row', 'column', 'pixel', 'gradient'], rows), json: { digit: s.digit.number, label: s.digit.label, class: c, scores: Array.from(s.scores), gradient: result ? Array.from(result.gradient) : null } };
    },
    dispose() {},
  };
}

/** A digit as a Unicode subscript, for S₇. */
export function sub(c: number): string {
  return String.fromCharCode(0x2080 + c);
}
