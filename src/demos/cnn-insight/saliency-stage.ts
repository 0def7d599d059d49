/** The saliency demo: |∂S_c/∂I| and the signed gradient for one test digit (Simonyan et al. 2014). */
import { saliencyMap, type Saliency } from '../../engines/cnn/saliency.ts';
import { maxAbs } from '../../views/cnn/raster.ts';
import { toCsv } from '../export.ts';
import type { SettingsOf } from '../settings.ts';
import type { SALIENCY_SPEC } from './spec.ts';
import { chosenClass, type InsightStage, type StageContext } from './stage.ts';
import { describeSaliency, sub } from './summary.ts';

export function createSaliencyStage(s: StageContext<SettingsOf<typeof SALIENCY_SPEC>>): InsightStage {
  const c = chosenClass(s.settings.class, s.predicted, s.digit.label);
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
    summary: () => (result ? describeSaliency({ classIndex: c, digit: s.digit, score: result.scores[c]!, probability: s.probabilities[c]!, map: result.map, pixels: s.digit.pixels }) : 'Computing the saliency map…'),
    exportData() {
      const rows: (string | number)[][] = [];
      result?.gradient.forEach((g, i) => rows.push([Math.floor(i / 28), i % 28, s.digit.pixels[i]!, g]));
      return { csv: toCsv(['row', 'column', 'pixel', 'gradient'], rows), json: { digit: s.digit.number, label: s.digit.label, class: c, scores: Array.from(s.scores), gradient: result ? Array.from(result.gradient) : null } };
    },
    dispose() {},
  };
}
