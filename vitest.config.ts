import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/resilience/**/*.test.ts',
      'county-server/**/*.test.ts',
    ],
    testTimeout: 30_000,
    // Some suites seed thousands of demo cases once in beforeAll; a loaded 2-core machine needs longer.
    hookTimeout: 60_000,
    pool: 'forks',
    // Cores, CLI runs and hosts the tests start all begin at the same instant (tests/helpers/test-clock.ts).
    setupFiles: ['tests/helpers/vitest-setup.ts'],
  },
});
