/** The small net's loss in tfjs, float32: the forward pass of small-net.ts, op for op. */
import type { Tf } from '../../tf/types.ts';
import { BN_EPS, shapesOf, type Params, type SmallNet } from './small-net.ts';

export async function smallNetLossTf(tf: Tf, net: SmallNet, params: Params): Promise<number> {
  const shapes = shapesOf(net);
  const loss = tf.tidy(() => {
    const t = (name: keyof Params) => tf.tensor2d(Float32Array.from(params[name]), shapes[name]);
    const x = tf.tensor2d(Float32Array.from(net.x), [net.n, net.d]);
    const z = tf.matMul(x, t('W1'));
    const { mean, variance } = tf.moments(z, 0, true);
    const xhat = tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, BN_EPS)));
    const y = tf.add(tf.mul(t('gamma'), xhat), t('beta'));
    const mask = tf.tensor2d(Float32Array.from(net.mask), [net.n, net.hidden]);
    const dropped = tf.div(tf.mul(tf.relu(y), mask), 1 - net.p);
    const scores = tf.add(tf.matMul(dropped, t('W2')), t('b2'));
    const labels = tf.oneHot(tf.tensor1d(net.labels, 'int32'), net.classes);
    const data = tf.neg(tf.mean(tf.sum(tf.mul(labels, tf.logSoftmax(scores)), 1)));
    const reg = tf.mul(net.lambda, tf.add(tf.sum(tf.square(t('W1'))), tf.sum(tf.square(t('W2')))));
    return tf.add(data, reg);
  });
  try {
    return (await loss.data())[0]!;
  } finally {
    loss.dispose();
  }
}
