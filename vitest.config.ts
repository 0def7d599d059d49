import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // Build tests run `astro build` on a copy of the site; one at a time on a 2-core machine.
    fileParallelism: false,
  },
});
