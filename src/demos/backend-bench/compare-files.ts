/**
 * The "compare with saved runs" control: the reader opens one or two files saved with the JSON
 * button (say, from a laptop and a desktop); they are checked (saved-file.ts), drawn dashed and
 * dotted beside this run, and compared in one sentence. A wrong file is refused with a message
 * and changes nothing else.
 */
import { MAX_SAVED_BYTES, parseSavedRun, refuseLargeFile } from '../../engines/backend-bench/saved-file.ts';
import type { BenchResults } from '../../engines/backend-bench/results.ts';
import type { SavedRunView } from './chart-data.ts';
import { describeComparison } from './summary.ts';

export interface ComparisonControl {
  readonly saved: readonly SavedRunView[];
  /** Rewrites the comparison sentence (after this run measured more). */
  refresh(): void;
}

export function wireComparison(parts: { input: HTMLInputElement; clear: HTMLButtonElement; sentence: HTMLElement }, options: { signal: AbortSignal; current: () => BenchResults; say: (message: string) => void; changed: () => void }): ComparisonControl {
  let saved: SavedRunView[] = [];
  const refresh = () => {
    const [first, second] = saved;
    const current = { name: 'this run', results: options.current() };
    parts.sentence.textContent = first && second ? describeComparison(first, second) : first && current.results.ops.length > 0 ? describeComparison(first, current) : '';
  };
  const open = async (files: File[]) => {
    const refused: string[] = [];
    for (const file of files.slice(0, 2)) {
      const read = file.size > MAX_SAVED_BYTES ? refuseLargeFile(file.name, file.size) : parseSavedRun(file.name, await file.text());
      if (read.ok) saved = [...saved, { name: file.name, results: read.results }].slice(-2);
      else refused.push(read.message);
    }
    if (files.length > 2) refused.push(`Two saved runs at most: compared the first two of the ${files.length} files.`);
    options.say(refused.join(' '));
    parts.clear.disabled = saved.length === 0;
    refresh();
    options.changed();
  };
  parts.input.disabled = false;
  parts.input.value = '';
  parts.clear.disabled = true;
  parts.input.addEventListener('change', () => {
    const files = [...(parts.input.files ?? [])];
    parts.input.value = '';
    if (files.length > 0) void open(files);
  }, { signal: options.signal });
  parts.clear.addEventListener('click', () => {
    saved = [];
    parts.clear.disabled = true;
    refresh();
    options.changed();
  }, { signal: options.signal });
  return {
    get saved() {
      return saved;
    },
    refresh,
  };
}
