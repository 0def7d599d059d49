/**
 * Which gradient a run uses. The exact gradient is dense tensor work, O(N^2) time and memory:
 * on a GPU it beats Barnes-Hut up to a few thousand points; on the CPU backends it does not
 * (measured by npm run bench:tsne), and N x N matrices limit it on every backend.
 */
import type { GradientMethod } from '../../engines/tsne/tsne-engine.ts';
import { BACKEND_LABELS, type BackendName } from '../../tf/types.ts';
import type { GradientChoice } from './spec.ts';

const AUTO_EXACT_LIMIT = 2000;

export function exactLimit(backend: BackendName): number {
  return backend === 'webgpu' || backend === 'webgl' ? 5000 : 1000;
}

export function resolveGradient(choice: GradientChoice, backend: BackendName, n: number): { method: GradientMethod; note?: string } {
  const gpu = backend === 'webgpu' || backend === 'webgl';
  if (choice === 'barnes-hut') return { method: 'barnes-hut' };
  if (choice === 'exact') {
    if (n <= exactLimit(backend)) return { method: 'exact' };
    return {
      method: 'barnes-hut',
      note: `The exact gradient needs N × N matrices: with ${n.toLocaleString('en-US')} digits that is too much for ${BACKEND_LABELS[backend]} (up to ${exactLimit(backend).toLocaleString('en-US')}). Using Barnes-Hut.`,
    };
  }
  return { method: gpu && n <= AUTO_EXACT_LIMIT ? 'exact' : 'barnes-hut' };
}
