/**
 * The benchmark as an engine served in a Web Worker (or on the page's thread where the backend
 * cannot start in one): each request measures one case of the suite on the worker's backend and
 * replies with plain numbers. Inputs are made per request and disposed before the reply, so the
 * worker holds no tensors between requests.
 */
import type { Tensor, Tf } from '../../tf/types.ts';
import { alexnetLayer, vggLayer, type BenchCase, type OpName } from './cases.ts';
import type { ConvLayer } from './flops.ts';
import { measureOp, WARM_UP_RUNS } from './measure.ts';
import { median, repeatsPerSample } from './stats.ts';
import { createTrainSteps, type StepMode } from './train-step.ts';
import { yieldToEventLoop } from '../yield.ts';

type Tensor2D = import('@tensorflow/tfjs-core').Tensor2D;
type Tensor4D = import('@tensorflow/tfjs-core').Tensor4D;

export interface BenchInit {
  seed: number;
}

export type BenchRequest = { case: BenchCase; repeats: number; targetSampleMs: number } | { describe: true };

export type BenchReply =
  | { kind: 'op'; wallMs: number; kernelMs: number | null; samplesMs: number[]; inner: number }
  | { kind: 'train'; eagerMs: number; fusedMs: number; eagerKernels: number; fusedKernels: number; gradientGap: number }
  | { kind: 'device'; device: string; emulated: boolean };

export function createBenchEngine(tf: Tf, init: BenchInit, signal: AbortSignal) {
  return {
    async handle(request: BenchRequest): Promise<{ reply: BenchReply }> {
      if ('describe' in request) return { reply: describeDevice(tf) };
      const c = request.case;
      if (c.kind === 'train') return { reply: await measureTraining(tf, init.seed, request, signal) };
      const inputs = makeInputs(tf, c.op, c.size, init.seed);
      try {
        const timing = await measureOp(tf, inputs.run, { repeats: request.repeats, targetSampleMs: request.targetSampleMs, kernelTimes: canTimeKernels(tf), signal });
        return { reply: { kind: 'op', ...timing } };
      } finally {
        tf.dispose(inputs.tensors);
      }
    },
    dispose() {},
  };
}

function makeInputs(tf: Tf, op: OpName, size: number, seed: number): { tensors: Tensor[]; run: () => Tensor } {
  if (op === 'matmul') {
    const a = tf.randomNormal([size, size], 0, 1, 'float32', seed) as Tensor2D;
    const b = tf.randomNormal([size, size], 0, 1, 'float32', seed + 1) as Tensor2D;
    return { tensors: [a, b], run: () => tf.matMul(a, b) };
  }
  const layer: ConvLayer = op === 'vgg' ? vggLayer(size) : alexnetLayer(size);
  const image = tf.randomNormal([1, size, size, layer.inChannels], 0, 1, 'float32', seed) as Tensor4D;
  const filter = tf.randomNormal([layer.kernel, layer.kernel, layer.inChannels, layer.outChannels], 0, 0.05, 'float32', seed + 1) as Tensor4D;
  return { tensors: [image, filter], run: () => tf.conv2d(image, filter, layer.stride, layer.pad) };
}

/**
 * What actually computes: a GPU backend may run on a software rasterizer (SwiftShader in Chrome
 * without a usable GPU, llvmpipe on Linux), whose figures describe the processor, not a GPU.
 */
function describeDevice(tf: Tf): BenchReply {
  const backend = tf.backend() as unknown as { adapterInfo?: { vendor?: string; architecture?: string }; gpgpu?: { gl?: WebGLRenderingContext } };
  let device = tf.getBackend() === 'wasm' || tf.getBackend() === 'cpu' ? 'the processor' : 'an unknown GPU';
  if (backend.adapterInfo) device = [backend.adapterInfo.vendor, backend.adapterInfo.architecture].filter(Boolean).join(' ') || device;
  const gl = backend.gpgpu?.gl;
  if (gl) {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    device = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) || device;
  }
  return { kind: 'device', device, emulated: /swiftshader|llvmpipe|softpipe|software|basic render/i.test(device) };
}

/** tf.time's kernel times mean something here (webgpu without timestamp queries reports zeros). */
function canTimeKernels(tf: Tf): boolean {
  const backend = tf.getBackend();
  if (backend === 'webgpu') return (tf.backend() as unknown as { supportTimestampQuery?: boolean }).supportTimestampQuery === true;
  if (backend === 'webgl') return tf.env().getNumber('WEBGL_DISJOINT_QUERY_TIMER_EXTENSION_VERSION') > 0;
  return true;
}

/** Eager and fused steps in alternating samples (so a change in the machine's load hits both alike). */
async function measureTraining(tf: Tf, seed: number, request: { repeats: number; targetSampleMs: number }, signal: AbortSignal): Promise<BenchReply> {
  const steps = createTrainSteps(tf, seed);
  const modes: StepMode[] = ['eager', 'fused'];
  try {
    const kernels = { eager: 0, fused: 0 };
    for (const mode of modes) {
      const profile = await tf.profile(() => steps.step(mode));
      // Entries named `x__op` are tfjs's records of composite ops, not kernels of their own.
      kernels[mode] = profile.kernels.filter((k) => !k.name.endsWith('__op')).length;
      tf.dispose(profile.result);
    }
    const timeSteps = async (mode: StepMode, count: number) => {
      const started = performance.now();
      let loss: Tensor | undefined;
      for (let k = 0; k < count; k++) {
        loss?.dispose();
        loss = steps.step(mode);
      }
      await loss!.data();
      loss!.dispose();
      return (performance.now() - started) / count;
    };
    let stepMs = 0;
    for (let i = 0; i < WARM_UP_RUNS; i++) for (const mode of modes) stepMs = Math.max(stepMs, await timeSteps(mode, 1));
    const inner = repeatsPerSample(stepMs, request.targetSampleMs, 64);
    const samples = { eager: [] as number[], fused: [] as number[] };
    for (let r = 0; r < request.repeats; r++) {
      for (const mode of r % 2 === 0 ? modes : [...modes].reverse()) {
        await yieldToEventLoop();
        signal.throwIfAborted();
        samples[mode].push(await timeSteps(mode, inner));
      }
    }
    const gradientGap = await steps.gradientGap();
    return { kind: 'train', eagerMs: median(samples.eager), fusedMs: median(samples.fused), eagerKernels: kernels.eager, fusedKernels: kernels.fused, gradientGap };
  } finally {
    steps.dispose();
  }
}
