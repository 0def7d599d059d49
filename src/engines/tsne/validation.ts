/**
 * Checks of t-SNE's inputs that a setting's range cannot express, with messages for the reader.
 * The engines throw with these messages; the demo shows them and carries on with a valid value.
 */

/** The largest perplexity n points allow: each point needs 3 * perplexity neighbours among n - 1. */
export function maxPerplexity(n: number): number {
  return Math.floor((n - 1) / 3);
}

export function perplexityProblem(n: number, perplexity: number): string | undefined {
  if (!Number.isFinite(perplexity)) return `Perplexity must be a number (got ${String(perplexity)}).`;
  if (perplexity < 1) return `Perplexity ${perplexity} is below 1: every point needs at least one effective neighbour.`;
  if (perplexity > maxPerplexity(n)) {
    return `Perplexity ${perplexity} is too large for ${n} digits: it must stay below N/3 (each point is compared with its 3 × perplexity = ${Math.floor(3 * perplexity)} nearest neighbours, and there are only ${n - 1} others).`;
  }
  return undefined;
}

export function learningRateProblem(learningRate: number): string | undefined {
  if (Number.isNaN(learningRate)) return 'The learning rate is not a number; the points cannot move.';
  if (!Number.isFinite(learningRate) || learningRate <= 0) return `The learning rate must be a positive number (got ${learningRate}); with ${learningRate} the points would not move downhill.`;
  return undefined;
}
