/**
 * One run of the kNN demo: the training and held-out digits go to the kNN engine (in a Web
 * Worker where the backend runs there), then each step is one round of the session: the three
 * distance implementations timed, the cross-validation of k fold by fold, the held-out accuracy
 * at the chosen k. The reader's held-out digit and its neighbours follow k and the digit number.
 */
import { loadMnist } from '../../data/mnist-loader.ts';
import { foldProblem } from '../../engines/knn/folds.ts';
import type { KnnInit, KnnReply, KnnRequest } from '../../engines/knn/knn-engine.ts';
import { knnSession, splitKs, type SessionState } from '../../engines/knn/session.ts';
import { startEngine } from '../../tf/engine-thread.ts';
import { demoEngine } from '../demo-worker.ts';
import { createCvFigure } from '../../views/knn/cv-figure.ts';
import { createNeighboursFigure } from '../../views/knn/neighbours-figure.ts';
import { renderTimingTable } from '../../views/knn/timing-table.ts';
import { fitWidth } from '../../views/fit-width.ts';
import { latestOnly } from '../latest-only.ts';
import type { DemoContext, DemoRun } from '../types.ts';
import { digitNeighbours } from './digit-panel.ts';
import { exportKnn } from './knn-export.ts';
import { LOOP_TRAIN, type KNN_SPEC } from './spec.ts';
import { describeSession, describeSkipped, timingRows } from './summary.ts';

export async function createKnnRun(context: DemoContext<typeof KNN_SPEC>): Promise<DemoRun<typeof KNN_SPEC>> {
  let settings = context.settings;
  const { trainSize: n, metric } = settings;
  const folds = Math.min(settings.folds, n);
  const refused = foldProblem(n, settings.folds);
  const data = await loadMnist(context.base, (loaded) => context.say(`Loading MNIST digits… ${(loaded / 1e6).toFixed(1)} MB`));
  const { trainCount } = data.manifest;
  const init: KnnInit = { train: data.images.slice(0, n * 784), test: data.images.slice(trainCount * 784) };
  const engine = await startEngine<KnnInit, KnnRequest, KnnReply>({
    tf: context.tf, backend: context.backend, signal: context.signal, init,
    ...demoEngine('knn', 'kNN distances'),
  });
  context.root.dataset['computesIn'] = engine.where;
  context.say([refused && `${refused[0]!.toUpperCase()}${refused.slice(1)}; using ${folds} folds.`, describeSkipped(splitKs(n, folds))].filter(Boolean).join(' '));
  const [cvBox, digitBox] = [context.part('[data-figure]'), context.part('[data-neighbours]')];
  cvBox.replaceChildren();
  digitBox.replaceChildren();
  const cv = createCvFigure(cvBox, { width: fitWidth(cvBox, 300, 720) });
  const neighbours = createNeighboursFigure(digitBox, { width: fitWidth(digitBox, 300, 720) });
  const timing = { queries: settings.loopQueries, train: Math.min(LOOP_TRAIN, n) };
  const request = (r: KnnRequest) => engine.request(r);
  const session = knnSession({ request, trainLabels: data.labels.subarray(0, n), testLabels: data.labels.subarray(trainCount), folds, metric, heldOut: settings.heldOut, timing });
  let state: SessionState | undefined;
  const showDigit = latestOnly(async () => {
    const result = await digitNeighbours(data, request, { digit: settings.digit, k: settings.k, chosenK: state?.chosenK, trainCount: n, metric });
    if (context.signal.aborted) return;
    if (result.panel) neighbours.update(result.panel);
    context.root.dataset['predicted'] = result.panel ? String(result.panel.predicted) : '';
    if (result.notice) context.say(result.notice);
  }, { signal: context.signal, track: context.track });
  const fail = (error: unknown) => context.say(`Could not find the neighbours: ${(error as Error).message}`);
  if (settings.k > 0) void showDigit().catch(fail);

  return {
    async advance() {
      const next = await session.next();
      state = next.value;
      renderTimingTable(context.part('[data-timings]'), timingRows(state.timings, timing.queries, timing.train));
      cv.update({ ks: state.ks, accuracy: state.accuracy, chosenK: state.chosenK });
      if (next.done) await showDigit();
      return !next.done;
    },
    applySettings(next) {
      settings = next;
      void showDigit().catch(fail);
    },
    summary: () => describeSession(state, n, metric),
    exportData: () => exportKnn(settings, state),
    figure: () => cv.svg,
    offThreadTensors: () => engine.offThreadTensors(),
    dispose() {
      engine.dispose();
      delete context.root.dataset['computesIn'];
    },
  };
}
