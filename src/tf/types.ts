/** The tfjs-core namespace as engines receive it (engines never import tfjs themselves). */
import type * as TfCore from '@tensorflow/tfjs-core';

export type Tf = typeof TfCore;
export type Tensor = TfCore.Tensor;
export type Variable = TfCore.Variable;
export type Scalar = TfCore.Scalar;

export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'CPU (plain JavaScript)',
};

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (BACKENDS as readonly string[]).includes(value);
}
