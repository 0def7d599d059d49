/**
 * The viewer's forward pass: the reader's input through the network, every layer read back and
 * drawn, the prediction written next to the pad and as data-prediction. One pass at a time, the
 * latest input winning (latestOnly), shown busy while it runs (context.track).
 */
import type { CnnArchitecture } from '../../engines/cnn/architecture.ts';
import { cnnForward, type CnnParams } from '../../engines/cnn/cnn-model.ts';
import { imageTensor } from '../../engines/cnn/saliency.ts';
import type { Tensor } from '../../tf/types.ts';
import type { NetworkView } from '../../views/cnn/network-view.ts';
import { argMax } from '../cnn/assets.ts';
import { latestOnly } from '../latest-only.ts';
import type { DemoContext } from '../types.ts';
import type { ViewerInput } from './input.ts';
import { predictionText } from './summary.ts';

export interface Prediction {
  scores: Float32Array;
  probabilities: Float32Array;
  predicted: number;
}

export interface ViewerInference {
  /** Classifies the current input (again); resolves once a pass that saw it has been drawn. */
  request(): Promise<void>;
  readonly last: Prediction | undefined;
}

export function createViewerInference(context: Pick<DemoContext, 'tf' | 'root' | 'signal' | 'part' | 'track'>, params: CnnParams, architecture: CnnArchitecture, network: NetworkView, input: () => ViewerInput): ViewerInference {
  const { tf, root, signal } = context;
  const text = context.part('[data-cnn-prediction]');
  const { conv1Filters: k1, conv2Filters: k2 } = architecture;
  let last: Prediction | undefined;
  const pass = async () => {
    const { pixels, label } = input();
    if (!pixels) {
      last = undefined;
      text.textContent = predictionText(undefined, undefined);
      delete root.dataset['prediction'];
      return;
    }
    const tensors: Tensor[] = tf.tidy(() => {
      const a = cnnForward(tf, params, imageTensor(tf, pixels));
      return [a.conv1, a.pool1, a.conv2, a.pool2, a.hidden, a.scores, tf.softmax(a.scores)];
    });
    const values = await Promise.all(tensors.map((t) => t.data() as Promise<Float32Array>));
    tf.dispose(tensors);
    if (signal.aborted) return;
    const [conv1, pool1, conv2, pool2, hidden, scores, probabilities] = values as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
    const predicted = argMax(probabilities);
    last = { scores, probabilities, predicted };
    network.update({
      input: pixels,
      layers: [
        { label: `conv1 + ReLU: ${k1} maps, 28×28`, size: 28, channels: k1, values: conv1 },
        { label: `pool1 (2×2 max): ${k1} maps, 14×14`, size: 14, channels: k1, values: pool1 },
        { label: `conv2 + ReLU: ${k2} maps, 14×14`, size: 14, channels: k2, values: conv2 },
        { label: `pool2 (2×2 max): ${k2} maps, 7×7`, size: 7, channels: k2, values: pool2 },
      ],
      hidden,
      scores,
      probabilities,
      ...(label === undefined ? {} : { marked: label, markName: 'label' }),
    });
    text.textContent = predictionText({ predicted, probability: probabilities[predicted]! }, label);
    root.dataset['prediction'] = String(predicted);
  };
  const request = latestOnly(pass, { cancelled: () => signal.aborted, track: context.track });
  return {
    request,
    get last() {
      return last;
    },
  };
}
