/**
 * The gradient check of the small net, twice: the numeric side in float64 (plain TypeScript) and
 * in float32 (the same forward pass in tfjs), against the same hand-written analytic gradients.
 * Float64 separates a correct backward pass (~1e-9) from a buggy one (> 1e-2); float32's
 * rounding (about 1e-7 of a loss near 2.3, divided by 2h) blurs the two.
 */
import type { Tf } from '../../tf/types.ts';
import { createRandom } from '../random.ts';
import { checkTensor, sampleIndices, type Probe, type TensorCheck } from './numeric-check.ts';
import { PARAM_NAMES, gradientsOf, lossOf, reluInputs, type Bug, type ParamName, type Params, type SmallNet } from './small-net.ts';
import { smallNetLossTf } from './small-net-tf.ts';

export interface NetCheck {
  loss: number;
  float64: TensorCheck[];
  float32: TensorCheck[] | undefined;
}

export interface CheckOptions {
  bug: Bug;
  samplesPerTensor: number;
  h: number;
  seed: number;
  /** Also check with a float32 forward pass in tfjs. */
  tf?: Tf;
  signal?: AbortSignal;
}

function shifted(params: Params, name: ParamName, index: number, delta: number): Params {
  const copy = params[name].slice();
  copy[index] = copy[index]! + delta;
  return { ...params, [name]: copy };
}

function kinkProbe(net: SmallNet, params: Params, name: ParamName): Probe['crossesKink'] {
  return (index, h) => {
    const plus = reluInputs(net, shifted(params, name, index, h));
    const minus = reluInputs(net, shifted(params, name, index, -h));
    return plus.some((v, k) => v > 0 !== minus[k]! > 0);
  };
}

export async function checkSmallNet(net: SmallNet, params: Params, options: CheckOptions): Promise<NetCheck> {
  const { loss, grads } = gradientsOf(net, params, options.bug);
  const random = createRandom(options.seed);
  const indices = Object.fromEntries(PARAM_NAMES.map((name) => [name, sampleIndices(params[name].length, options.samplesPerTensor, random)])) as Record<ParamName, number[]>;
  const float64: TensorCheck[] = [];
  for (const name of PARAM_NAMES) {
    const probe: Probe = { lossAt: (index, delta) => lossOf(net, shifted(params, name, index, delta)), crossesKink: kinkProbe(net, params, name) };
    float64.push(await checkTensor(name, grads[name], indices[name], probe, options.h, options.signal));
  }
  let float32: TensorCheck[] | undefined;
  if (options.tf) {
    const tf = options.tf;
    float32 = [];
    for (const name of PARAM_NAMES) {
      const probe: Probe = {
        lossAt: (index, delta) => smallNetLossTf(tf, net, shifted(params, name, index, delta)),
        crossesKink: kinkProbe(net, params, name),
      };
      float32.push(await checkTensor(name, grads[name], indices[name], probe, options.h, options.signal));
    }
  }
  return { loss, float64, float32 };
}
