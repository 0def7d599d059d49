/** The occlusion demo: the class probability for every position of a sliding patch (Zeiler & Fergus 2014). */
import { occlude, occlusionMap, type OcclusionMap } from '../../engines/cnn/occlusion.ts';
import { toCsv } from '../export.ts';
import type { SettingsOf } from '../settings.ts';
import type { OCCLUSION_SPEC } from './spec.ts';
import { chosenClass, type InsightStage, type StageContext } from './stage.ts';
import { describeOcclusion, percent, worstPatch } from './summary.ts';

/** The square where an n × n map goes: cells of side S centred on the patch centres P/2 + kS. */
export function mapPlacement(patch: number, stride: number, n: number): [number, number, number] {
  const start = Math.max(0, patch / 2 - stride / 2);
  return [start, start, Math.min(28 - start, n * stride)];
}

function ink(pixels: Float32Array) {
  return { values: pixels, width: 28, height: 28, colorMap: 'ink' as const, max: 1 };
}

export function createOcclusionStage(s: StageContext<SettingsOf<typeof OCCLUSION_SPEC>>): InsightStage {
  const c = chosenClass(s.settings.class, s.predicted, s.digit.label);
  const options = { patch: s.settings.patch, stride: s.settings.stride, fill: s.settings.fill };
  let result: OcclusionMap | undefined;
  return {
    async advance() {
      result = await occlusionMap(s.tf, s.params, s.digit.pixels, c, { ...options, signal: s.signal });
      const n = result.positions.length;
      const worst = worstPatch(result.positions, result.probabilities);
      const box: [number, number, number, number] = [worst.left, worst.top, options.patch, options.patch];
      s.panels.update([
        { title: 'Input', note: `test digit ${s.digit.number} · label ${s.digit.label} · p(${c}) = ${percent(result.baseline)}`, raster: { values: s.digit.pixels, width: 28, height: 28, colorMap: 'grey', max: 1 }, mark: box },
        // Cell (i, j) is drawn around the centre of the patch at (positions[j], positions[i]).
        { title: `p(${c}) map`, note: `${n}×${n} positions · dark 0%, yellow 100%`, raster: { values: result.probabilities, width: n, height: n, colorMap: 'viridis', max: 1 }, place: mapPlacement(options.patch, options.stride, n), overlay: ink(s.digit.pixels) },
        { title: 'Worst patch', note: `p(${c}) = ${percent(result.probabilities[worst.index]!)}`, raster: { values: occlude(s.digit.pixels, worst.left, worst.top, options.patch, options.fill), width: 28, height: 28, colorMap: 'grey', max: 1 }, mark: box },
      ]);
      return false;
    },
    stepsPerFrame: () => 1,
    summary: () => (result ? describeOcclusion({ classIndex: c, digit: s.digit, baseline: result.baseline, ...options, positions: result.positions, probabilities: result.probabilities }) : 'Sliding the patch…'),
    exportData() {
      const rows: (string | number)[][] = [];
      if (result) {
        const n = result.positions.length;
        result.probabilities.forEach((p, k) => rows.push([result!.positions[Math.floor(k / n)]!, result!.positions[k % n]!, p]));
      }
      return { csv: toCsv(['patch_top', 'patch_left', 'probability'], rows), json: { digit: s.digit.number, label: s.digit.label, class: c, ...options, baseline: result?.baseline ?? null, positions: result?.positions ?? null, probabilities: result ? Array.from(result.probabilities) : null } };
    },
    dispose() {},
  };
}
