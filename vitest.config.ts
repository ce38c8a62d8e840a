import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Most files wait on a devnet's blocks or a spawned binary, not the CPU: two workers even on a 2-core machine
    // (vitest's default there is one) halve the wall time without slowing any test past its timeout.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
