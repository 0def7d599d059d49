/**
 * The site's ConvNet (cnn/architecture.ts) as a detector, two ways that compute the same numbers:
 *
 * Sliding window: for each 28×28 window at (4i, 4j) of the scene, classify it. Each window is
 * read with 6 pixels of context on every side (40×40, zeros beyond the scene) and the
 * convolutions are unpadded: inside a bigger image a convolution near the window's edge sees the
 * neighbouring pixels, not zeros, and this is what it sees. 40 → conv 5×5 → 36 → pool → 18 →
 * conv 5×5 → 14 → pool → 7 → fc1 (7·7·K2 → H) → fc2 (H → C): C scores per window.
 *
 * Fully convolutional: the same layers over the whole zero-padded scene at once, with fc1 read as
 * a 7×7 convolution (its weights reshaped to [7, 7, K2, H]) and fc2 as a 1×1 convolution. Every
 * output cell (i, j) is exactly window (4i, 4j): the two pools make the output stride 4, and the
 * convolutions that overlapping windows share are computed once instead of once per window.
 *
 * fc2 may have more than 10 outputs (the demo's 11th class, background).
 */
import type { Tensor, Tf } from '../../tf/types.ts';

type Tensor4D = import('@tensorflow/tfjs-core').Tensor4D;

export const CONTEXT = 6;
export const WINDOW = 28;
export const OUTPUT_STRIDE = 4;

export interface WindowNet {
  'conv1.w': Tensor;
  'conv1.b': Tensor;
  'conv2.w': Tensor;
  'conv2.b': Tensor;
  'fc1.w': Tensor;
  'fc1.b': Tensor;
  'fc2.w': Tensor;
  'fc2.b': Tensor;
}

/** The layers up to fc1, all that the hidden features need. */
export type WindowTrunk = Omit<WindowNet, 'fc2.w' | 'fc2.b'>;

/** Number of window positions along a side of a size-pixel scene at the net's stride of 4. */
export const windowsPerSide = (size: number): number => Math.floor((size - WINDOW) / OUTPUT_STRIDE) + 1;

/** The convolutional trunk: x [n, h, w, 1] (already padded) → pool2 features, unpadded convs. */
function trunk(tf: Tf, net: WindowTrunk, x: Tensor): Tensor {
  const z1 = tf.add(tf.conv2d(x as Tensor4D, net['conv1.w'] as Tensor4D, 1, 'valid'), net['conv1.b']);
  const p1 = tf.relu(tf.maxPool(z1 as Tensor4D, 2, 2, 'valid'));
  const z2 = tf.add(tf.conv2d(p1 as Tensor4D, net['conv2.w'] as Tensor4D, 1, 'valid'), net['conv2.b']);
  return tf.relu(tf.maxPool(z2 as Tensor4D, 2, 2, 'valid'));
}

const pad = (tf: Tf, scene: Tensor) => tf.pad(scene, [[0, 0], [CONTEXT, CONTEXT], [CONTEXT, CONTEXT], [0, 0]]);

/** fc1's outputs after ReLU at every window position, [n, P', P', H] (P' ≥ P: the last rows run past the scene). */
function hiddenMapPadded(tf: Tf, net: WindowTrunk, scenes: Tensor): Tensor {
  const features = trunk(tf, net, pad(tf, scenes));
  const k2 = features.shape[3]!;
  const hidden = net['fc1.b'].shape[0]!;
  const fc1 = tf.reshape(net['fc1.w'], [7, 7, k2, hidden]) as Tensor4D;
  return tf.relu(tf.add(tf.conv2d(features as Tensor4D, fc1, 1, 'valid'), net['fc1.b']));
}

// Windows that would run past the scene's edge (the padded map's last rows) are not windows.
const windowsOnly = (tf: Tf, map: Tensor, size: number) => {
  const p = windowsPerSide(size);
  return tf.slice(map, [0, 0, 0, 0], [-1, p, p, -1]);
};

/** The hidden features [n, P, P, H] of every window at stride 4 (what fc2 reads), by the fully convolutional net. */
export function hiddenMap(tf: Tf, net: WindowTrunk, scenes: Tensor): Tensor {
  return tf.tidy(() => windowsOnly(tf, hiddenMapPadded(tf, net, scenes), scenes.shape[1]!));
}

/** Score maps [n, P, P, C] of scenes [n, size, size, 1] by the fully convolutional net. */
export function fullyConvolutionalScores(tf: Tf, net: WindowNet, scenes: Tensor): Tensor {
  return tf.tidy(() => {
    const h = hiddenMapPadded(tf, net, scenes);
    const hidden = net['fc1.b'].shape[0]!;
    const fc2 = tf.reshape(net['fc2.w'], [1, 1, hidden, -1]) as Tensor4D;
    const scores = tf.add(tf.conv2d(h as Tensor4D, fc2, 1, 'valid'), net['fc2.b']);
    return windowsOnly(tf, scores, scenes.shape[1]!);
  });
}

/** Window positions per side at `stride` (any stride ≥ 1; the fully convolutional map has those at multiples of 4). */
export const windowsAtStride = (size: number, stride: number): number => Math.floor((size - WINDOW) / stride) + 1;

/**
 * The 40×40 context crops of the windows at stride `stride`, [count, 40, 40, 1]: windows are
 * numbered row by row, and `range` picks windows [start, end) of them (all by default), so a
 * caller can score them a few at a time.
 */
export function windowCrops(tf: Tf, scene: Tensor, stride: number, range?: { start: number; end: number }): Tensor {
  return tf.tidy(() => {
    const perSide = windowsAtStride(scene.shape[1]!, stride);
    const side = WINDOW + 2 * CONTEXT;
    const padded = pad(tf, scene);
    const crops: Tensor[] = [];
    for (let k = range?.start ?? 0; k < (range?.end ?? perSide * perSide); k++) {
      const y = Math.floor(k / perSide) * stride;
      const x = (k % perSide) * stride;
      crops.push(tf.slice(padded, [0, y, x, 0], [1, side, side, 1]));
    }
    return tf.concat(crops, 0);
  });
}

/** Scores [windows, C] of context crops [windows, 40, 40, 1], one window at a time through the net. */
export function windowScores(tf: Tf, net: WindowNet, crops: Tensor): Tensor {
  return tf.tidy(() => {
    const features = trunk(tf, net, crops);
    const flat = tf.reshape(features, [crops.shape[0]!, -1]);
    const h = tf.relu(tf.add(tf.matMul(flat, net['fc1.w']), net['fc1.b']));
    return tf.add(tf.matMul(h, net['fc2.w']), net['fc2.b']);
  });
}
