import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // Build tests run `astro build` on a copy of the site; one at a time on a 2-core machine.
    fileParallelism: false,
    // Tests assert on values, not on time: a busy machine (CI runs on 2 cores) may take several
    // times longer than a quiet one, and a timeout must not read as a failure of the code.
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
