/**
 * How many steps fit in one animation frame. A run measures each advance (steps and ms) and asks
 * for the next frame's count: at most what the reader asked for, and on main-thread backends
 * (wasm, cpu) few enough that the frame's task stays near `budgetMs` (the ops run on the page's
 * thread there; on a GPU, slices keep the page alive instead).
 */
export interface FrameBudget {
  /** Times `steps` steps: resolves with `work`'s result and updates the estimate. */
  measure<T>(steps: number, work: () => Promise<T>): Promise<T>;
  /** Steps for the next frame, given what the reader asked for. */
  steps(requested: number): number;
  /** The current estimate of one step's time, in ms. */
  readonly msPerStep: number;
}

export function createFrameBudget(options: { mainThread: boolean; budgetMs?: number; initialMsPerStep?: number }): FrameBudget {
  const budget = options.budgetMs ?? 30;
  let msPerStep = options.initialMsPerStep ?? 1;
  return {
    async measure(steps, work) {
      const started = performance.now();
      const result = await work();
      // A smoothed estimate: one slow frame (a garbage collection) does not halve the speed.
      if (steps > 0) msPerStep = 0.7 * msPerStep + 0.3 * ((performance.now() - started) / steps);
      return result;
    },
    steps(requested) {
      const wanted = Math.max(1, Math.floor(requested));
      return options.mainThread ? Math.max(1, Math.min(wanted, Math.floor(budget / msPerStep))) : wanted;
    },
    get msPerStep() {
      return msPerStep;
    },
  };
}
