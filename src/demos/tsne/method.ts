/**
 * What a run uses when a setting cannot be honoured as asked: the gradient (the exact one is
 * dense tensor work, O(N^2) time and memory: on a GPU it beats Barnes-Hut up to a few thousand
 * points; on the CPU backends it does not, measured by npm run bench:tsne) and the perplexity
 * (below N/3, a bound the setting's range cannot express).
 */
import type { GradientMethod } from '../../engines/tsne/tsne-engine.ts';
import { maxPerplexity, perplexityProblem } from '../../engines/tsne/validation.ts';
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

/** The perplexity a run of n digits uses: the one asked for, or the nearest allowed, with a note. */
export function resolvePerplexity(n: number, perplexity: number): { perplexity: number; note?: string } {
  const problem = perplexityProblem(n, perplexity);
  if (!problem) return { perplexity };
  const used = Math.min(maxPerplexity(n), Math.max(2, Number.isFinite(perplexity) ? perplexity : 30));
  return { perplexity: used, note: `${problem} Using ${used}.` };
}
