import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'county-server/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
