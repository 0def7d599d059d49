import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // Test files run in parallel, one per core (at least two: the slowest files are astro builds
    // and tfjs training; on 2 cores, 412 s of test time ran in 248 s of wall time).
    // The build tests are one file, so their builds run one at a time.
    maxWorkers: Math.max(2, availableParallelism()),
    // Tests assert on values, not on time: a busy machine (CI runs on 2 cores) may take several
    // times longer than a quiet one, and a timeout must not read as a failure of the code.
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
