/**
 * A learning-rate schedule shared by the demos that train with one: α at step 0, then either
 * constant or cosine decay to 0 at the last step (Loshchilov and Hutter's SGDR without restarts):
 * α_t = α·½(1 + cos(π·t/T)). A large α early moves fast; the small late steps settle into a
 * minimum instead of bouncing around it.
 */
export type Decay = 'cosine' | 'none';

/** The rate of step `t` (0-based) of `total`. */
export function scheduledRate(alpha: number, t: number, total: number, decay: Decay): number {
  if (decay === 'none' || total <= 0) return alpha;
  return alpha * 0.5 * (1 + Math.cos((Math.PI * Math.min(t, total)) / total));
}
