/**
 * Trainers keep each step's two loss terms as a small tensor and read them all at once after a
 * batch of steps (one GPU read instead of one per step). This stacks them, disposes them and
 * appends the pairs to two series.
 */
import type { Tensor, Tf } from '../tf/types.ts';

export async function appendLossPairs(tf: Tf, perStep: Tensor[], first: number[], second: number[]): Promise<void> {
  if (perStep.length === 0) return;
  const stacked = tf.stack(perStep);
  tf.dispose(perStep);
  const values = await stacked.data();
  stacked.dispose();
  for (let s = 0; s < perStep.length; s++) {
    first.push(values[2 * s]!);
    second.push(values[2 * s + 1]!);
  }
}
