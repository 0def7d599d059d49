/**
 * One run of the gradient-check demo: a batch of MNIST digits through Assignment 2's small net,
 * its hand-written gradients (with the planted bug, if any) checked by centred differences in
 * float64 and through a float32 tfjs forward pass. The check is computed while the run is built
 * (no motion is involved, so a reader who asks for reduced motion sees it at once); the one
 * advance then marks the run done.
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { verdictOf } from '../../engines/backprop/gradient-check.ts';
import { checkSmallNet, type NetCheck } from '../../engines/gradient-check/check-net.ts';
import { createSmallNet } from '../../engines/gradient-check/mnist-net.ts';
import { PARAM_NAMES, initParams } from '../../engines/gradient-check/small-net.ts';
import { createRandom } from '../../engines/random.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { createErrorPlot } from '../../views/gradient-check/error-plot.ts';
import { toCsv } from '../export.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { GRADIENT_CHECK_SPEC as SPEC } from './spec.ts';
import { READING, checkRows, describeCheck } from './summary.ts';

type Spec = typeof SPEC;

export async function createGradientCheckRun(context: DemoContext<Spec>): Promise<DemoRun<Spec>> {
  const { settings } = context;
  const figureBox = context.part('[data-figure]');
  const table = context.part<HTMLTableSectionElement>('[data-check]');
  context.say('Loading MNIST digits…');
  const data = await loadMnist(context.base);
  const net = createSmallNet(data.images, data.labels, { n: settings.digits, start: data.manifest.trainCount, p: settings.p, lambda: settings.lambda, seed: settings.seed });
  const params = initParams(net, createRandom(settings.seed + 1));
  context.say('');
  figureBox.replaceChildren();
  const plot = createErrorPlot(figureBox, fitWidth(figureBox, 300, 680), PARAM_NAMES);
  const bugLabel = SPEC.bug.options.find((o) => o.value === settings.bug)!.label;

  const showTable = (result: NetCheck) => table.replaceChildren(...result.float64.map((tensor, i) => {
    const row = document.createElement('tr');
    row.dataset['tensor'] = tensor.name;
    row.dataset['verdict'] = verdictOf(tensor.maxRelativeError);
    const f32 = result.float32?.[i];
    for (const text of [tensor.name, tensor.maxRelativeError.toExponential(1), READING[verdictOf(tensor.maxRelativeError)], f32 ? f32.maxRelativeError.toExponential(1) : '', f32 ? READING[verdictOf(f32.maxRelativeError)] : '', String(tensor.kinks)]) {
      row.append(Object.assign(document.createElement('td'), { textContent: text }));
    }
    return row;
  }));

  context.say('Checking the gradients…');
  const check: NetCheck = await checkSmallNet(net, params, { bug: settings.bug, samplesPerTensor: settings.samples, h: settings.h, seed: settings.seed, tf: context.tf, signal: context.signal });
  plot.update(check.float64, check.float32);
  showTable(check);
  context.say('');

  return {
    advance: async () => false,
    summary: () => describeCheck(check, bugLabel),
    exportData: () => ({
      csv: toCsv(['tensor', 'index', 'analytic', 'numeric_float64', 'relative_error_float64', 'numeric_float32', 'relative_error_float32', 'kink'], check ? checkRows(check) : []),
      json: { settings, check },
    }),
    figure: () => plot.svg,
    dispose() {
      // The float32 passes dispose their tensors as they go; nothing else holds any.
    },
  };
}
