/** Settings of the backend benchmark (shell, element and URL hash share this declaration). */
import { LARGEST_MATMUL, SMALLEST_MATMUL } from '../../engines/backend-bench/cases.ts';
import type { BackendName } from '../../tf/types.ts';
import { defineSettings } from '../settings.ts';

export const DEMO_ID = 'backend-bench';

export const BACKEND_BENCH_SPEC = defineSettings({
  show: {
    kind: 'choice',
    label: 'Chart',
    options: [
      { value: 'matmul', label: 'Matrix multiply, n = 64 to 2048' },
      { value: 'vgg', label: 'VGG 3×3 conv layer (256 → 256 channels)' },
      { value: 'alexnet', label: 'AlexNet conv1 (11×11, 96 filters, stride 4)' },
    ],
    default: 'matmul',
  },
  backends: {
    kind: 'choice',
    label: 'Backends',
    options: [
      { value: 'all', label: 'Every backend this browser has' },
      { value: 'gpu-wasm', label: 'WebGPU, WebGL and WebAssembly' },
      { value: 'wasm-cpu', label: 'WebAssembly and plain JavaScript' },
      { value: 'page', label: 'Only the page’s backend' },
    ],
    default: 'all',
    restarts: true,
  },
  largest: { kind: 'int', label: 'Largest matrix n', min: SMALLEST_MATMUL, max: LARGEST_MATMUL, default: LARGEST_MATMUL, restarts: true, help: 'Sizes run in powers of two up to this; n×n by n×n is 2n³ FLOPs.' },
  repeats: { kind: 'int', label: 'Timed runs per size', min: 3, max: 15, default: 5, restarts: true, help: 'The median is shown; two warm-up runs before them are not counted.' },
  runCap: { kind: 'number', label: 'Longest run (s)', min: 0.1, max: 10, step: 0.1, default: 1, restarts: true, help: 'A size whose single run would take longer is skipped.' },
  budget: { kind: 'int', label: 'Time per backend (s)', min: 5, max: 120, default: 25, restarts: true, help: 'Cases that would overrun it are skipped.' },
});

/** The backends a choice names, the page's first (its results come first). */
export function backendsToMeasure(choice: (typeof BACKEND_BENCH_SPEC)['backends']['options'][number]['value'], page: BackendName): BackendName[] {
  const named: Record<typeof choice, BackendName[]> = {
    all: ['webgpu', 'webgl', 'wasm', 'cpu'],
    'gpu-wasm': ['webgpu', 'webgl', 'wasm'],
    'wasm-cpu': ['wasm', 'cpu'],
    page: [page],
  };
  const list = named[choice];
  return list.includes(page) ? [page, ...list.filter((b) => b !== page)] : list;
}
