/**
 * Cross-validation folds as Assignment 1 makes them (numpy's array_split): `n` digits in order,
 * cut into `folds` contiguous parts whose sizes differ by at most one, the first ones larger.
 */
export interface Range {
  start: number;
  end: number;
}

/** Why `n` digits cannot make `folds` folds, or undefined when they can. */
export function foldProblem(n: number, folds: number): string | undefined {
  if (!Number.isInteger(folds) || folds < 2) return `cross-validation needs at least 2 folds, not ${folds}`;
  if (n < folds) return `${n.toLocaleString('en-US')} training digits cannot fill ${folds} folds: ${folds - n} would be empty`;
  return undefined;
}

export function foldRanges(n: number, folds: number): Range[] {
  const problem = foldProblem(n, folds);
  if (problem) throw new RangeError(problem);
  const base = Math.floor(n / folds);
  const extra = n % folds;
  const ranges: Range[] = [];
  let start = 0;
  for (let f = 0; f < folds; f++) {
    const end = start + base + (f < extra ? 1 : 0);
    ranges.push({ start, end });
    start = end;
  }
  return ranges;
}
