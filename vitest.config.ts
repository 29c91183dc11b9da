import { defineConfig } from 'vitest/config';
import { QUYU_ALIASES } from './vite.aliases.ts';

const shared = { testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  // Tests that load gallery modules resolve `quyu/…` to the sources, as the dev server does.
  resolve: { alias: QUYU_ALIASES },
  test: {
    // The JSON report lets .ci/run print a plain 'N passed, N failed' closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: 'unit',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: ['test/browser/**', '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // One Chromium at a time on a 2-core machine: browser files run one after another, after the unit tests.
        extends: true,
        test: {
          ...shared,
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
