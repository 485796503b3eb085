import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Servers, PGlite and Chromium are heavy on two cores: run test files two at a time.
    maxWorkers: 2,
    pool: 'forks',
  },
});
